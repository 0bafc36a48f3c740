import { CDCE_2022 } from './cdce-2022.criteria-set';
import { bandFor, parseCriteriaSet } from './criteria-set';

describe('criteria sets', () => {
  it('cdce-2022 is a valid set that says which figures are placeholders', () => {
    expect(parseCriteriaSet(JSON.parse(JSON.stringify(CDCE_2022)))).toEqual(CDCE_2022);
    expect(CDCE_2022.placeholders.length).toBeGreaterThan(0);
  });

  it('finds the band of a population, bounds included, and the open last band', () => {
    expect(bandFor(CDCE_2022, 1)).toMatchObject({ upTo: 1_000, minShops: 1, minHoreca: 1 });
    expect(bandFor(CDCE_2022, 1_000)).toMatchObject({ upTo: 1_000 });
    expect(bandFor(CDCE_2022, 1_001)).toMatchObject({ upTo: 2_000, minHoreca: 2 });
    expect(bandFor(CDCE_2022, 200_000)).toMatchObject({ upTo: 250_000, minShops: 10, minHoreca: 20 });
    expect(bandFor(CDCE_2022, 5_000_000)).toMatchObject({ upTo: null });
  });

  it('parseCriteriaSet names every problem of a malformed set', () => {
    const broken = {
      ...CDCE_2022,
      id: 'CDCE 2022',
      populationBands: [
        { upTo: 5_000, minShops: 1, minHoreca: 1, minOrganisations: 1 },
        { upTo: 1_000, minShops: -1, minHoreca: 1, minOrganisations: 1 },
      ],
    };
    let error: unknown;
    try {
      parseCriteriaSet(broken);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'INVALID_CRITERIA_SET',
      details: {
        problems: [
          'id must be a slug such as "cdce-2022"',
          'populationBands[1].upTo must be null (the last band is open)',
          'populationBands[1].minShops must be a whole number ≥ 0',
        ],
      },
    });
  });

  it('parseCriteriaSet refuses something that is not a set at all', () =>
    expect(() => parseCriteriaSet(null)).toThrow(expect.objectContaining({ code: 'INVALID_CRITERIA_SET' })));
});
