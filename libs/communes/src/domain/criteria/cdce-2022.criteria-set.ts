import type { CriteriaSet } from './criteria-set';

/**
 * Default criteria set for the CDCE title.
 *
 * PLACEHOLDERS: the real CDCE figures (outlets per population band in particular) are in the campaign guide, which
 * is not public. Until the coordination supplies them:
 * - shops / horeca per band are the Swiss Fair Trade Town table (fairtradetown.ch), which stops at 250,000
 *   inhabitants; the last, open band is an extrapolation;
 * - businesses/organisations/schools per band, the COPIL minimums (3 members as in Germany, 2 sectors, 1 meeting),
 *   2 communication actions and 1 local-product action are our own guesses.
 * Only the resolution rule (2 products, one of them coffee) and "≥ 2 fair-trade products per partner" come from
 * cdce.be. Publish real figures under a NEW id (e.g. `cdce-2025`): dossiers record the id they were judged against.
 */
export const CDCE_2022: CriteriaSet = {
  id: 'cdce-2022',
  title: 'Communes du Commerce Équitable — six critères (seuils provisoires)',
  placeholders: [
    'populationBands: minShops/minHoreca from the Swiss Fair Trade Town table; last band extrapolated',
    'populationBands: minOrganisations',
    'copil: minMembers, minSectors, minMeetings',
    'minCommunicationActions',
    'minLocalProductActions',
  ],
  resolution: { minProducts: 2, requiredProductNames: ['café', 'coffee', 'koffie', 'kaffee'] },
  minProductsPerPartner: 2,
  populationBands: [
    { upTo: 1_000, minShops: 1, minHoreca: 1, minOrganisations: 1 },
    { upTo: 2_000, minShops: 1, minHoreca: 2, minOrganisations: 1 },
    { upTo: 5_000, minShops: 2, minHoreca: 3, minOrganisations: 2 },
    { upTo: 10_000, minShops: 2, minHoreca: 4, minOrganisations: 2 },
    { upTo: 25_000, minShops: 3, minHoreca: 6, minOrganisations: 3 },
    { upTo: 50_000, minShops: 4, minHoreca: 8, minOrganisations: 4 },
    { upTo: 75_000, minShops: 5, minHoreca: 10, minOrganisations: 5 },
    { upTo: 100_000, minShops: 6, minHoreca: 15, minOrganisations: 6 },
    { upTo: 250_000, minShops: 10, minHoreca: 20, minOrganisations: 8 },
    { upTo: null, minShops: 15, minHoreca: 30, minOrganisations: 10 },
  ],
  minCommunicationActions: 2,
  copil: { minMembers: 3, minSectors: 2, minMeetings: 1 },
  minLocalProductActions: 1,
};
