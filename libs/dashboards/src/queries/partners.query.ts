import {
  bandFor,
  communeDirectoryProjection,
  type CommuneDirectoryDoc,
  type CriteriaChecklist,
  type CriteriaSet,
  EMPTY_EVIDENCE,
  evaluateCriteria,
  PARTNER_KINDS,
  type PartnerKind,
  type PopulationBand,
} from '@cdce/communes';
import { SqliteReadModelStore } from '@cdce/projections';
import type { MunicipalityRegistry } from '@cdce/reference';
import { nameOf } from './dashboard.query';

export interface PartnerRequirement {
  readonly criterion: 2 | 3;
  /** `shops`, `horeca` (criterion 2) or `organisations` (businesses, organisations and schools: criterion 3). */
  readonly key: 'shops' | 'horeca' | 'organisations';
  /** Partners that count: they offer at least `minProductsPerPartner` fair-trade products. */
  readonly counted: number;
  readonly required: number;
  readonly met: boolean;
}

export interface CommunePartners {
  readonly nis: string;
  readonly name: string;
  /** Null for a municipality dissolved by a merger (its population is unknown): no band, no requirement. */
  readonly population: number | null;
  readonly criteriaSetId: string;
  readonly band: PopulationBand | null;
  readonly minProductsPerPartner: number;
  /** Per kind: partners registered, and those that count towards the criteria. */
  readonly byKind: Record<PartnerKind, { readonly registered: number; readonly counted: number }>;
  readonly requirements: readonly PartnerRequirement[];
  readonly partners: readonly {
    readonly partnerId: string;
    readonly kind: PartnerKind;
    readonly fairTradeProducts: readonly string[];
    readonly registeredOn: string;
    readonly counts: boolean;
  }[];
}

/**
 * A commune's partners against the thresholds of its population band. The criteria set is the one its open dossier
 * was judged against, else the one in force (`criteriaSets.current`). The arithmetic is the decider's own
 * (`evaluateCriteria`), so this page and the dossier checklist cannot disagree.
 */
export function communePartners(
  readModels: SqliteReadModelStore,
  registry: MunicipalityRegistry,
  criteriaSets: { current(): CriteriaSet; byId(id: string): CriteriaSet | undefined },
  nis: string,
): CommunePartners {
  const table = SqliteReadModelStore.tableOf(communeDirectoryProjection);
  const json = readModels.db.prepare(`SELECT doc FROM ${table} WHERE id = ?`).pluck().get(nis) as string | undefined;
  const doc = json === undefined ? undefined : (JSON.parse(json) as CommuneDirectoryDoc);
  const state = doc?.state;
  const dossierSetId = state && 'dossier' in state ? state.dossier.criteriaSetId : undefined;
  const set = (dossierSetId && criteriaSets.byId(dossierSetId)) || criteriaSets.current();
  const population = registry.byNis(nis)?.population ?? null;
  const partners = (state?.evidence.partners ?? []).map((p) => ({
    partnerId: p.partnerId,
    kind: p.kind,
    fairTradeProducts: p.fairTradeProducts,
    registeredOn: p.registeredOn,
    counts: p.fairTradeProducts.length >= set.minProductsPerPartner,
  }));
  const byKind = Object.fromEntries(
    PARTNER_KINDS.map((kind) => {
      const ofKind = partners.filter((p) => p.kind === kind);
      return [kind, { registered: ofKind.length, counted: ofKind.filter((p) => p.counts).length }];
    }),
  ) as CommunePartners['byKind'];
  return {
    nis,
    name: nameOf(registry, nis),
    population,
    criteriaSetId: set.id,
    band: population === null ? null : bandFor(set, population),
    minProductsPerPartner: set.minProductsPerPartner,
    byKind,
    requirements:
      population === null ? [] : requirementsOf(evaluateCriteria(state?.evidence ?? EMPTY_EVIDENCE, set, population)),
    partners,
  };
}

function requirementsOf(checklist: CriteriaChecklist): PartnerRequirement[] {
  const shops = checklist.find((c) => c.criterion === 2)!;
  const organisations = checklist.find((c) => c.criterion === 3)!;
  const line = (
    criterion: 2 | 3,
    key: PartnerRequirement['key'],
    check: CriteriaChecklist[number],
  ): PartnerRequirement => {
    const counted = check.evidence[key] ?? 0;
    const required = check.required[key] ?? 0;
    return { criterion, key, counted, required, met: counted >= required };
  };
  return [line(2, 'shops', shops), line(2, 'horeca', shops), line(3, 'organisations', organisations)];
}
