import type { Evidence, Partner, PartnerKind } from '../commune-evidence.state';
import { latestResolution, resolutionNeedsReconfirmation } from '../commune-evidence.state';
import type { CriteriaSet } from './criteria-set';
import { bandFor } from './criteria-set';
import type { Criterion } from './criterion';
import { CRITERION_NAMES } from './criterion';
import { refuse } from '../commune.errors';

/** One line of the checklist: what the commune showed for a criterion against what the criteria set requires. */
export interface CriterionCheck {
  readonly criterion: Criterion;
  readonly name: string;
  readonly met: boolean;
  /** Counts of what was shown, keyed like `required` (plus extra figures for the reviewer). */
  readonly evidence: Readonly<Record<string, number>>;
  readonly required: Readonly<Record<string, number>>;
  /** Human-readable reasons why the criterion is not met; empty when met. */
  readonly missing: readonly string[];
}

/** The six checks, in criterion order. */
export type CriteriaChecklist = readonly CriterionCheck[];

/**
 * Evaluates the six criteria against a criteria set for a commune of `population` inhabitants.
 * A checklist informs the reviewer: the campaign's criteria are not automatically eliminatory.
 * @throws DomainError INVALID_POPULATION when the population is not a positive whole number.
 */
export function evaluateCriteria(evidence: Evidence, set: CriteriaSet, population: number): CriteriaChecklist {
  if (!Number.isInteger(population) || population <= 0)
    throw refuse('INVALID_POPULATION', `The population must be a positive whole number (got ${population}).`);
  return [
    councilAuthority(evidence, set),
    shopsAndHoreca(evidence, set, population),
    organisations(evidence, set, population),
    communication(evidence, set),
    steeringCommittee(evidence, set),
    localProducts(evidence, set),
  ];
}

/** The criteria a checklist shows as not met. */
export function unmetCriteria(checklist: CriteriaChecklist): Criterion[] {
  return checklist.filter((c) => !c.met).map((c) => c.criterion);
}

function check(
  criterion: Criterion,
  evidence: Record<string, number>,
  required: Record<string, number>,
  missing: string[],
): CriterionCheck {
  return { criterion, name: CRITERION_NAMES[criterion], met: missing.length === 0, evidence, required, missing };
}

function councilAuthority(evidence: Evidence, set: CriteriaSet): CriterionCheck {
  const latest = latestResolution(evidence);
  const products = latest?.fairTradeProducts.length ?? 0;
  const required = new Set(set.resolution.requiredProductNames.map(normalise));
  const coffee = latest?.fairTradeProducts.some((p) => required.has(normalise(p))) ? 1 : 0;
  const missing: string[] = [];
  if (!latest) {
    missing.push('No council resolution is recorded: the conseil communal must vote one.');
  } else {
    if (products < set.resolution.minProducts)
      missing.push(
        `The resolution of ${latest.votedOn} commits to ${products} fair-trade product(s); at least ${set.resolution.minProducts} are required.`,
      );
    if (!coffee)
      missing.push(
        `The resolution of ${latest.votedOn} does not name ${set.resolution.requiredProductNames[0] ?? 'the required product'}.`,
      );
    if (resolutionNeedsReconfirmation(evidence))
      missing.push(
        `The council elected on ${evidence.localElections.at(-1)!.heldOn} has not re-confirmed the resolution yet.`,
      );
  }
  const reconfirmed = latest && !resolutionNeedsReconfirmation(evidence) ? 1 : 0;
  return check(
    1,
    { resolutions: evidence.councilResolutions.length, products, coffee, reconfirmed },
    { resolutions: 1, products: set.resolution.minProducts, coffee: 1, reconfirmed: 1 },
    missing,
  );
}

function shopsAndHoreca(evidence: Evidence, set: CriteriaSet, population: number): CriterionCheck {
  const band = bandFor(set, population);
  const shops = countPartners(evidence.partners, set, ['shop']);
  const horeca = countPartners(evidence.partners, set, ['horeca']);
  const missing: string[] = [];
  const who = `for ${population} inhabitants`;
  if (shops < band.minShops)
    missing.push(
      `${shops} shop(s) offer at least ${set.minProductsPerPartner} fair-trade products; ${band.minShops} are required ${who}.`,
    );
  if (horeca < band.minHoreca)
    missing.push(
      `${horeca} horeca outlet(s) offer at least ${set.minProductsPerPartner} fair-trade products; ${band.minHoreca} are required ${who}.`,
    );
  return check(2, { shops, horeca }, { shops: band.minShops, horeca: band.minHoreca }, missing);
}

function organisations(evidence: Evidence, set: CriteriaSet, population: number): CriterionCheck {
  const band = bandFor(set, population);
  const count = countPartners(evidence.partners, set, ['business', 'organisation', 'school']);
  const missing =
    count < band.minOrganisations
      ? [
          `${count} business(es), organisation(s) or school(s) offer at least ${set.minProductsPerPartner} fair-trade products; ${band.minOrganisations} are required for ${population} inhabitants.`,
        ]
      : [];
  return check(
    3,
    {
      organisations: count,
      businesses: countPartners(evidence.partners, set, ['business']),
      associations: countPartners(evidence.partners, set, ['organisation']),
      schools: countPartners(evidence.partners, set, ['school']),
    },
    { organisations: band.minOrganisations },
    missing,
  );
}

function communication(evidence: Evidence, set: CriteriaSet): CriterionCheck {
  const actions = evidence.communicationActions.length;
  const missing =
    actions < set.minCommunicationActions
      ? [
          `${actions} communication action(s) recorded; at least ${set.minCommunicationActions} are required (local media, own channels).`,
        ]
      : [];
  return check(4, { communicationActions: actions }, { communicationActions: set.minCommunicationActions }, missing);
}

function steeringCommittee(evidence: Evidence, set: CriteriaSet): CriterionCheck {
  const members = evidence.copilMembers.length;
  const sectors = new Set(evidence.copilMembers.map((m) => m.sector)).size;
  const meetings = evidence.meetings.length;
  const { minMembers, minSectors, minMeetings } = set.copil;
  const missing: string[] = [];
  if (members < minMembers) missing.push(`The COPIL has ${members} member(s); at least ${minMembers} are required.`);
  if (sectors < minSectors)
    missing.push(`COPIL members come from ${sectors} sector(s); at least ${minSectors} are required.`);
  if (meetings < minMeetings)
    missing.push(`${meetings} COPIL meeting(s) recorded; at least ${minMeetings} are required.`);
  return check(
    5,
    { members, sectors, meetings, charter: evidence.charter ? 1 : 0 },
    { members: minMembers, sectors: minSectors, meetings: minMeetings },
    missing,
  );
}

function localProducts(evidence: Evidence, set: CriteriaSet): CriterionCheck {
  const actions = evidence.localProductActions.length;
  const prixJusteProducteur = evidence.localProductActions.filter((a) => a.prixJusteProducteurRef !== null).length;
  const missing =
    actions < set.minLocalProductActions
      ? [
          `${actions} action(s) promoting local sustainable products recorded; at least ${set.minLocalProductActions} are required.`,
        ]
      : [];
  return check(
    6,
    { localProductActions: actions, prixJusteProducteur },
    { localProductActions: set.minLocalProductActions },
    missing,
  );
}

function countPartners(partners: readonly Partner[], set: CriteriaSet, kinds: readonly PartnerKind[]): number {
  return partners.filter((p) => kinds.includes(p.kind) && p.fairTradeProducts.length >= set.minProductsPerPartner)
    .length;
}

/** "Café", "cafe " and "CAFÉ" name the same product. */
function normalise(product: string): string {
  return product
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();
}
