import { refuse } from '../commune.errors';

/**
 * A versioned set of criteria thresholds (DESIGN §2.1). Thresholds are data, not code: they change between
 * programmes and editions of the campaign guide, and the id in force is recorded on every dossier submission.
 */
export interface CriteriaSet {
  /** Stable id, e.g. `cdce-2022`. Never reuse an id for different figures. */
  readonly id: string;
  readonly title: string;
  /** Figures that are stand-ins for unknown official values; shown to reviewers so nobody mistakes them for rules. */
  readonly placeholders: readonly string[];
  /**
   * Criterion 1: how many fair-trade products the administration commits to, one of which must be named by one of
   * `requiredProductNames` (coffee: "café", "koffie"…; compared without case or accents).
   */
  readonly resolution: { readonly minProducts: number; readonly requiredProductNames: readonly string[] };
  /** Criteria 2 and 3: a partner counts when it offers at least this many fair-trade products. */
  readonly minProductsPerPartner: number;
  /** Criteria 2 and 3: population bands, ordered by `upTo`; the last band has `upTo: null` (no upper bound). */
  readonly populationBands: readonly PopulationBand[];
  /** Criterion 4. */
  readonly minCommunicationActions: number;
  /** Criterion 5. */
  readonly copil: { readonly minMembers: number; readonly minSectors: number; readonly minMeetings: number };
  /** Criterion 6. */
  readonly minLocalProductActions: number;
}

export interface PopulationBand {
  /** Inclusive upper bound of the band's population; null for the last band. */
  readonly upTo: number | null;
  readonly minShops: number;
  readonly minHoreca: number;
  /** Businesses, organisations and schools together. */
  readonly minOrganisations: number;
}

/** The band a population falls in. */
export function bandFor(set: CriteriaSet, population: number): PopulationBand {
  const band = set.populationBands.find((b) => b.upTo === null || population <= b.upTo);
  // parseCriteriaSet guarantees a last open band; this only protects hand-built sets.
  if (!band)
    throw refuse('INVALID_CRITERIA_SET', `Criteria set ${set.id} has no band for a population of ${population}.`);
  return band;
}

/**
 * Checks a parsed JSON object (e.g. read from `criteria/*.json` by the infrastructure layer) and returns it typed.
 * @throws DomainError INVALID_CRITERIA_SET naming what is wrong.
 */
export function parseCriteriaSet(raw: unknown): CriteriaSet {
  const problems: string[] = [];
  const o = (raw ?? {}) as Record<string, unknown>;
  if (typeof o.id !== 'string' || !/^[a-z0-9][a-z0-9-]{1,63}$/.test(o.id))
    problems.push('id must be a slug such as "cdce-2022"');
  if (typeof o.title !== 'string') problems.push('title must be a string');
  if (!Array.isArray(o.placeholders) || !o.placeholders.every((p) => typeof p === 'string'))
    problems.push('placeholders must be a list of strings');
  const resolution = (o.resolution ?? {}) as Record<string, unknown>;
  if (!isCount(resolution.minProducts)) problems.push('resolution.minProducts must be a whole number ≥ 0');
  if (
    !Array.isArray(resolution.requiredProductNames) ||
    !resolution.requiredProductNames.every((n) => typeof n === 'string')
  )
    problems.push('resolution.requiredProductNames must be a list of strings');
  if (!isCount(o.minProductsPerPartner)) problems.push('minProductsPerPartner must be a whole number ≥ 0');
  problems.push(...bandProblems(o.populationBands));
  if (!isCount(o.minCommunicationActions)) problems.push('minCommunicationActions must be a whole number ≥ 0');
  const copil = (o.copil ?? {}) as Record<string, unknown>;
  for (const key of ['minMembers', 'minSectors', 'minMeetings'])
    if (!isCount(copil[key])) problems.push(`copil.${key} must be a whole number ≥ 0`);
  if (!isCount(o.minLocalProductActions)) problems.push('minLocalProductActions must be a whole number ≥ 0');
  if (problems.length > 0)
    throw refuse('INVALID_CRITERIA_SET', `The criteria set is not valid: ${problems.join('; ')}.`, {
      problems,
    });
  return raw as CriteriaSet;
}

function bandProblems(bands: unknown): string[] {
  if (!Array.isArray(bands) || bands.length === 0) return ['populationBands must be a non-empty list'];
  const problems: string[] = [];
  let previous = 0;
  bands.forEach((band: Record<string, unknown>, i) => {
    const last = i === bands.length - 1;
    if (last ? band.upTo !== null : !(isCount(band.upTo) && band.upTo > previous))
      problems.push(`populationBands[${i}].upTo must be ${last ? 'null (the last band is open)' : 'increasing'}`);
    if (isCount(band.upTo)) previous = band.upTo;
    for (const key of ['minShops', 'minHoreca', 'minOrganisations'])
      if (!isCount(band[key])) problems.push(`populationBands[${i}].${key} must be a whole number ≥ 0`);
  });
  return problems;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
