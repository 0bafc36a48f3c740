import { CDCE_2022, criteriaSetsOf } from '@cdce/communes';
import { loadMunicipalityRegistry } from '@cdce/reference';
import { campaignScenario } from '../testing/campaign-scenario';
import { TestLog } from '../testing/commune-history';
import { communePartners } from './partners.query';

const registry = loadMunicipalityRegistry();
const sets = criteriaSetsOf([CDCE_2022], CDCE_2022.id);

describe('communePartners', () => {
  let log: TestLog;
  beforeAll(async () => {
    log = new TestLog();
    await campaignScenario(log);
    await log.project();
  });
  afterAll(() => log.close());

  it('counts partners by kind, only those offering enough fair-trade products towards the criteria', () => {
    const liege = communePartners(log.readModels, registry, sets, '62063');
    expect(liege).toMatchObject({
      nis: '62063',
      name: 'Liège',
      population: 197_217,
      criteriaSetId: 'cdce-2022',
      minProductsPerPartner: 2,
    });
    expect(liege.byKind).toEqual({
      shop: { registered: 2, counted: 1 },
      horeca: { registered: 3, counted: 3 },
      business: { registered: 0, counted: 0 },
      organisation: { registered: 0, counted: 0 },
      school: { registered: 1, counted: 1 },
    });
    expect(liege.partners.map((p) => [p.partnerId, p.counts])).toEqual([
      ['shop-1', true],
      ['shop-2', false],
      ['horeca-1', true],
      ['horeca-2', true],
      ['horeca-3', true],
      ['school-1', true],
    ]);
  });

  it('sets them against the thresholds of the commune’s population band', () => {
    const liege = communePartners(log.readModels, registry, sets, '62063');
    expect(liege.band).toEqual({ upTo: 250_000, minShops: 10, minHoreca: 20, minOrganisations: 8 });
    expect(liege.requirements).toEqual([
      { criterion: 2, key: 'shops', counted: 1, required: 10, met: false },
      { criterion: 2, key: 'horeca', counted: 3, required: 20, met: false },
      { criterion: 3, key: 'organisations', counted: 1, required: 8, met: false },
    ]);
    // A small commune needs far fewer outlets.
    const nivelles = communePartners(log.readModels, registry, sets, '25072');
    expect(nivelles.band).toMatchObject({ upTo: 50_000, minShops: 4 });
  });

  it('shows what is required of a commune that has not started yet', () => {
    const gembloux = communePartners(log.readModels, registry, sets, '92142');
    expect(gembloux.partners).toEqual([]);
    expect(gembloux.requirements.every((r) => r.counted === 0 && !r.met)).toBe(true);
  });

  it('has no band for a municipality dissolved by a merger (its population is unknown)', () => {
    const bertogne = communePartners(log.readModels, registry, sets, '82005');
    expect(bertogne).toMatchObject({ name: 'Bertogne', population: null, band: null, requirements: [] });
  });
});
