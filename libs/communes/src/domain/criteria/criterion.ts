/** The six CDCE criteria, numbered as the campaign numbers them (DESIGN §2.1). */
export type Criterion = 1 | 2 | 3 | 4 | 5 | 6;

export const CRITERIA: readonly Criterion[] = [1, 2, 3, 4, 5, 6];

/** The campaign's own (French) names, as shown to communes and reviewers. */
export const CRITERION_NAMES: Readonly<Record<Criterion, string>> = {
  1: 'Autorité communale',
  2: 'Commerces et horeca',
  3: 'Entreprises, organisations et écoles',
  4: 'Communication',
  5: 'Comité de pilotage',
  6: 'Produits locaux et durables',
};

export function isCriterion(value: unknown): value is Criterion {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6;
}
