import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MunicipalityRegistry } from '../domain/municipality-registry';
import { ReferenceDataError } from '../domain/reference-data.error';
import { loadMunicipalityRegistry, MERGERS_FILE, MUNICIPALITIES_FILE } from './load-municipality-registry';
import { parseMergersCsv, parseMunicipalitiesCsv } from './municipality-csv.parser';

describe('the Belgian municipalities reference data (real files)', () => {
  let registry: MunicipalityRegistry;
  beforeAll(() => {
    registry = loadMunicipalityRegistry();
  });

  const count = (region: string) => registry.all().filter((m) => m.region === region).length;

  it('holds the 565 municipalities of 2025: 261 in Wallonia, 285 in Flanders, 19 in Brussels', () => {
    expect(registry.all()).toHaveLength(565);
    expect([count('wallonia'), count('flanders'), count('brussels')]).toEqual([261, 285, 19]);
  });

  it('counts 280 campaign members, exactly those of Wallonia and Brussels', () => {
    const members = registry.campaignMembers();
    expect(members).toHaveLength(280);
    expect(members.every((m) => m.region !== 'flanders')).toBe(true);
    expect(registry.isCampaignMember('62063')).toBe(true); // Liège
    expect(registry.isCampaignMember('21004')).toBe(true); // Bruxelles
    expect(registry.isCampaignMember('11002')).toBe(false); // Antwerpen
    expect(registry.isCampaignMember('99999')).toBe(false);
  });

  it('gives German names to the nine German-speaking communes, and to no other', () => {
    const german = registry.all().filter((m) => m.names.de !== undefined);
    expect(german.map((m) => m.names.de).sort()).toEqual(
      ['Amel', 'Burg-Reuland', 'Bütgenbach', 'Büllingen', 'Eupen', 'Kelmis', 'Lontzen', 'Raeren', 'Sankt Vith'].sort(),
    );
    expect(german.every((m) => m.language === 'de' && m.province?.fr === 'Liège')).toBe(true);
    expect(registry.byNis('63040')?.names).toEqual({ fr: 'La Calamine', nl: 'Kelmis', de: 'Kelmis' });
    expect(registry.byNis('62063')?.names).toEqual({ fr: 'Liège', nl: 'Luik' });
  });

  it('puts the 19 bilingual Brussels communes in no province', () => {
    const brussels = registry.all().filter((m) => m.region === 'brussels');
    expect(brussels.every((m) => m.province === null && m.language === 'fr,nl')).toBe(true);
    expect(registry.all().filter((m) => m.province === null)).toHaveLength(19);
  });

  it('lists the ten provinces with their region', () => {
    const provinces = registry.provinces();
    expect(provinces).toHaveLength(10);
    expect(provinces.filter((p) => p.region === 'wallonia').map((p) => p.fr)).toEqual([
      'Brabant wallon',
      'Hainaut',
      'Liège',
      'Luxembourg',
      'Namur',
    ]);
    expect(provinces.find((p) => p.fr === 'Flandre-Occidentale')?.nl).toBe('West-Vlaanderen');
  });

  it('reads every field of a row, numbers as numbers and codes as strings', () => {
    expect(registry.byNis('82039')).toEqual({
      nis: '82039',
      names: { fr: 'Bastogne', nl: 'Bastenaken' },
      language: 'fr',
      arrondissement: { fr: 'Bastogne', nl: 'Bastenaken' },
      province: { fr: 'Luxembourg', nl: 'Luxemburg' },
      region: 'wallonia',
      population: 19932,
      populationDate: '2020-01-01',
      postcode: '6600',
      validFrom: '2024-12-02',
      predecessors: ['82003', '82005'],
    });
    expect(registry.byNis('11001')).not.toHaveProperty('validFrom');
    expect(registry.byNis('11001')?.predecessors).toEqual([]);
  });

  it('returns undefined for an unknown NIS code and for a dissolved one', () => {
    expect(registry.byNis('00000')).toBeUndefined();
    expect(registry.byNis('82003')).toBeUndefined();
    expect(registry.successorOf('62063')).toBeUndefined(); // Liège was not dissolved
  });

  describe('the Bastogne–Bertogne merger of 2 December 2024', () => {
    it('names 82039 as the successor of 82003 and 82005', () => {
      expect(registry.successorOf('82003')?.nis).toBe('82039');
      expect(registry.successorOf('82005')?.nis).toBe('82039');
      expect(registry.mergersInto('82039')).toEqual([
        {
          oldNis: '82003',
          oldNames: { fr: 'Bastogne', nl: 'Bastenaken' },
          newNis: '82039',
          effectiveDate: '2024-12-02',
        },
        { oldNis: '82005', oldNames: { fr: 'Bertogne', nl: 'Bertogne' }, newNis: '82039', effectiveDate: '2024-12-02' },
      ]);
    });

    it('keeps Bastogne 82003 and Bertogne 82005 as historical communes of the campaign, population unknown', () => {
      expect(registry.dissolved('82005')).toEqual({
        nis: '82005',
        names: { fr: 'Bertogne', nl: 'Bertogne' },
        language: 'fr',
        region: 'wallonia',
        arrondissement: { fr: 'Bastogne', nl: 'Bastenaken' },
        province: { fr: 'Luxembourg', nl: 'Luxemburg' },
        population: null,
        dissolvedOn: '2024-12-02',
        successorNis: '82039',
      });
      expect(registry.dissolved('82003')?.names.fr).toBe('Bastogne');
    });
  });

  it('keeps the 29 communes dissolved in 2024–2025 (581 − 565 + 13 whose code was not kept)', () => {
    // 29 absorbed rows; Antwerpen kept its code, so 11002 is not dissolved while 11007 Borsbeek is.
    expect(registry.mergers()).toHaveLength(29);
    expect(registry.dissolvedMunicipalities()).toHaveLength(29);
    expect(registry.dissolved('11002')).toBeUndefined();
    expect(registry.successorOf('11007')?.names.nl).toBe('Antwerpen');
    expect(
      registry.all().length + registry.dissolvedMunicipalities().length - registry.mergersInto('11002').length,
    ).toBe(565 + 29 - 1);
  });

  it('places a dissolved commune in the arrondissement of its own code, not its successor', () => {
    // Zwijndrecht (Antwerp) joined Beveren-Kruibeke-Zwijndrecht in East Flanders.
    expect(registry.dissolved('11056')?.province).toEqual({ fr: 'Anvers', nl: 'Antwerpen' });
    expect(registry.byNis('46030')?.province?.nl).toBe('Oost-Vlaanderen');
  });

  it('finds a single arrondissement for the NIS prefix of every dissolved commune, which its entry relies on', () => {
    // Not true of every prefix in the file (57 and 58 in Hainaut mix names), hence checked where it is used.
    for (const { nis } of registry.dissolvedMunicipalities()) {
      const names = new Set(
        registry
          .all()
          .filter((m) => m.nis.startsWith(nis.slice(0, 2)))
          .map((m) => m.arrondissement.fr),
      );
      expect([nis, names.size]).toEqual([nis, 1]);
    }
  });

  describe('search by name', () => {
    const names = (query: string, options = {}) => registry.search(query, options).map((m) => m.names.fr);

    it('ignores case and accents, in French, Dutch and German', () => {
      expect(names('liege')[0]).toBe('Liège');
      expect(names('LUIK')[0]).toBe('Liège');
      expect(names('sankt vith')).toEqual(['Saint-Vith']);
      expect(names('Butgenbach')).toEqual(['Butgenbach']);
      expect(names('bullingen')).toEqual(['Bullange']);
    });

    it('treats hyphens as spaces and finds words inside composite names', () => {
      expect(names('sint agatha')).toEqual(['Berchem-Sainte-Agathe']);
      expect(names('Hollogne')).toContain('Grâce-Hollogne');
    });

    it('lists exact names first, then prefixes, then the rest', () => {
      const hits = names('namur');
      expect(hits[0]).toBe('Namur');
      expect(hits.length).toBeGreaterThan(0);
    });

    it('can be restricted to the campaign and limited', () => {
      expect(registry.search('antwerpen', { campaignOnly: true })).toEqual([]);
      expect(registry.search('a', { limit: 3 })).toHaveLength(3);
    });

    it('finds nothing for an empty query or an unknown name', () => {
      expect(registry.search('  ')).toEqual([]);
      expect(registry.search('Atlantis')).toEqual([]);
    });
  });
});

describe('the CSV parsing of reference files', () => {
  const header =
    'nis_code,name_fr,name_nl,name_de,language,arrondissement_fr,arrondissement_nl,province_fr,province_nl,region,population,population_date,postcode,valid_from,predecessors';
  const liege = '62063,Liège,Luik,,fr,Liège,Luik,Liège,Luik,wallonia,197217,2020-01-01,4031,,';

  it('keeps quoted fields with commas (the Brussels language "fr,nl")', () => {
    const [row] = parseMunicipalitiesCsv(
      `${header}\n21004,Bruxelles,Brussel,,"fr,nl",Bruxelles-Capitale,Brussel-Hoofdstad,,,brussels,185103,2020-01-01,1000,,\n`,
    );
    expect(row?.language).toBe('fr,nl');
    expect(row?.province).toBeNull();
  });

  it.each([
    ['a NIS code that is not 5 digits', liege.replace('62063', '6206'), /line 2: NIS code "6206"/],
    ['an unknown region', liege.replace('wallonia', 'wallonie'), /line 2: region "wallonie"/],
    ['a population that is not a number', liege.replace('197217', '197 217'), /line 2: population/],
    ['a missing field', liege.replace(/,$/, ''), /belgian-municipalities\.csv/],
    ['a Walloon commune without province', liege.replace('Liège,Luik,wallonia', ',,wallonia'), /province_fr is empty/],
  ])('refuses %s, naming the line', (_what, row, message) => {
    expect(() => parseMunicipalitiesCsv(`${header}\n${liege}\n`.replace(liege, row))).toThrow(message);
    expect(() => parseMunicipalitiesCsv(`${header}\n${row}\n`)).toThrow(ReferenceDataError);
  });

  it('refuses a file whose columns are not the expected ones', () => {
    expect(() => parseMergersCsv('old,new\n82003,82039\n')).toThrow(/expected columns old_nis_code/);
  });

  it('refuses a merger into an unknown municipality when the registry is built', () => {
    const dir = mkdtempSync(join(process.env.CDCE_TEST_DIR ?? tmpdir(), 'reference-'));
    writeFileSync(join(dir, MUNICIPALITIES_FILE), `${header}\n${liege}\n`);
    writeFileSync(
      join(dir, MERGERS_FILE),
      'old_nis_code,old_name_fr,old_name_nl,new_nis_code,effective_date\n62999,Old,Oud,62998,2025-01-01\n',
    );
    expect(() => loadMunicipalityRegistry(dir)).toThrow(/62998/);
  });

  it('reports a missing data folder as a reference-data error naming the path', () => {
    expect(() => loadMunicipalityRegistry('/nonexistent/reference')).toThrow(/\/nonexistent\/reference.*ENOENT/);
  });
});
