import { EMPTY_EVIDENCE } from '../commune.state';
import type { Evidence } from '../commune.state';
import { completeEvidence, stateAfter, candidacyOpened } from '../testing/commune.fixtures';
import { CDCE_2022 } from './cdce-2022.criteria-set';
import { evaluateCriteria, unmetCriteria } from './evaluate-criteria';

const complete = stateAfter(candidacyOpened(), ...completeEvidence).evidence;
const check = (evidence: Evidence, criterion: number, population = 4_000) =>
  evaluateCriteria(evidence, CDCE_2022, population).find((c) => c.criterion === criterion)!;

describe('evaluateCriteria', () => {
  it('returns the six criteria in order, all met for complete evidence', () => {
    const checklist = evaluateCriteria(complete, CDCE_2022, 4_000);
    expect(checklist.map((c) => [c.criterion, c.name, c.met])).toEqual([
      [1, 'Autorité communale', true],
      [2, 'Commerces et horeca', true],
      [3, 'Entreprises, organisations et écoles', true],
      [4, 'Communication', true],
      [5, 'Comité de pilotage', true],
      [6, 'Produits locaux et durables', true],
    ]);
    expect(checklist.every((c) => c.missing.length === 0)).toBe(true);
  });

  it('says what is missing for every criterion when there is no evidence', () => {
    const checklist = evaluateCriteria(EMPTY_EVIDENCE, CDCE_2022, 4_000);
    expect(unmetCriteria(checklist)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(checklist[0]!.missing).toEqual(['No council resolution is recorded: the conseil communal must vote one.']);
  });

  describe('1. Autorité communale', () => {
    const withResolution = (fairTradeProducts: string[], votedOn = '2023-02-20') => ({
      ...complete,
      councilResolutions: [{ resolutionId: 'r', votedOn, fairTradeProducts, documentRef: null }],
    });

    it('requires coffee among the products, whatever its case or accents', () => {
      expect(check(withResolution(['CAFE', 'thé']), 1).met).toBe(true);
      expect(check(withResolution(['sucre', 'thé']), 1)).toMatchObject({
        met: false,
        evidence: { coffee: 0, products: 2 },
        missing: ['The resolution of 2023-02-20 does not name café.'],
      });
    });

    it('requires at least two products', () =>
      expect(check(withResolution(['café']), 1)).toMatchObject({
        met: false,
        evidence: { products: 1 },
        required: { products: 2 },
        missing: ['The resolution of 2023-02-20 commits to 1 fair-trade product(s); at least 2 are required.'],
      }));

    it('judges the most recently voted resolution, not the last recorded', () => {
      const evidence = {
        ...complete,
        councilResolutions: [
          { resolutionId: 'new', votedOn: '2024-12-01', fairTradeProducts: ['café', 'thé'], documentRef: null },
          { resolutionId: 'old', votedOn: '2019-01-01', fairTradeProducts: ['thé'], documentRef: null },
        ],
      };
      expect(check(evidence, 1).met).toBe(true);
    });

    it('is not met after a local election until the new council re-confirms', () => {
      const pending = { ...complete, localElections: [{ heldOn: '2024-10-13', reconfirmedOn: null }] };
      expect(check(pending, 1)).toMatchObject({
        met: false,
        evidence: { reconfirmed: 0 },
        missing: ['The council elected on 2024-10-13 has not re-confirmed the resolution yet.'],
      });
      const reconfirmed = { ...complete, localElections: [{ heldOn: '2024-10-13', reconfirmedOn: '2025-01-20' }] };
      expect(check(reconfirmed, 1).met).toBe(true);
      expect(check(withResolution(['café', 'thé'], '2025-01-20'), 1).met).toBe(true);
    });
  });

  describe('2. Commerces et horeca', () => {
    it('requires more outlets for a larger population', () => {
      expect(check(complete, 2, 5_000).met).toBe(true);
      expect(check(complete, 2, 5_001)).toMatchObject({
        met: false,
        evidence: { shops: 2, horeca: 3 },
        required: { shops: 2, horeca: 4 },
        missing: ['3 horeca outlet(s) offer at least 2 fair-trade products; 4 are required for 5001 inhabitants.'],
      });
    });

    it('does not count a partner offering a single fair-trade product', () => {
      const evidence = {
        ...complete,
        partners: complete.partners.map((p) => (p.partnerId === 'shop-1' ? { ...p, fairTradeProducts: ['café'] } : p)),
      };
      expect(check(evidence, 2)).toMatchObject({ met: false, evidence: { shops: 1 } });
    });
  });

  it('3. counts businesses, organisations and schools together', () => {
    expect(check(complete, 3)).toMatchObject({
      met: true,
      evidence: { organisations: 2, businesses: 0, associations: 1, schools: 1 },
      required: { organisations: 2 },
    });
    expect(check(complete, 3, 300_000)).toMatchObject({ met: false, required: { organisations: 10 } });
  });

  it('4. requires the communication actions of the set', () =>
    expect(check({ ...complete, communicationActions: complete.communicationActions.slice(1) }, 4)).toMatchObject({
      met: false,
      evidence: { communicationActions: 1 },
      required: { communicationActions: 2 },
    }));

  it('5. requires members from several sectors and a meeting; the charter is only reported', () => {
    expect(check(complete, 5)).toMatchObject({
      met: true,
      evidence: { members: 3, sectors: 3, meetings: 1, charter: 0 },
    });
    const oneSector = {
      ...complete,
      copilMembers: complete.copilMembers.map((m) => ({ ...m, sector: 'citizen' as const })),
    };
    expect(check(oneSector, 5)).toMatchObject({
      met: false,
      missing: ['COPIL members come from 1 sector(s); at least 2 are required.'],
    });
    expect(check({ ...complete, meetings: [] }, 5).met).toBe(false);
  });

  it('6. counts local product actions and, separately, Prix Juste Producteur references', () => {
    const evidence = {
      ...complete,
      localProductActions: [
        ...complete.localProductActions,
        { actionId: 'pjp', occurredOn: '2024-01-01', summary: 'PJP', prixJusteProducteurRef: 'PJP-1' },
      ],
    };
    expect(check(evidence, 6)).toMatchObject({
      met: true,
      evidence: { localProductActions: 2, prixJusteProducteur: 1 },
    });
    expect(check({ ...complete, localProductActions: [] }, 6).met).toBe(false);
  });

  it('refuses a population that is not a positive whole number', () => {
    expect(() => evaluateCriteria(complete, CDCE_2022, -5)).toThrow(
      expect.objectContaining({ code: 'INVALID_POPULATION' }),
    );
    expect(() => evaluateCriteria(complete, CDCE_2022, 12.5)).toThrow(
      expect.objectContaining({ code: 'INVALID_POPULATION' }),
    );
  });
});
