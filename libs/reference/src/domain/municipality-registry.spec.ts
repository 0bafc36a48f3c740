import type { Merger, Municipality } from './municipality';
import { MunicipalityRegistry } from './municipality-registry';
import { ReferenceDataError } from './reference-data.error';

function municipality(nis: string, fr: string, nl = fr, overrides: Partial<Municipality> = {}): Municipality {
  return {
    nis,
    names: { fr, nl },
    language: 'fr',
    arrondissement: { fr: 'Arr', nl: 'Arr' },
    province: { fr: 'Namur', nl: 'Namen' },
    region: 'wallonia',
    population: 1000,
    populationDate: '2020-01-01',
    postcode: '5000',
    predecessors: [],
    ...overrides,
  };
}

const merger = (oldNis: string, newNis: string, effectiveDate = '2025-01-01'): Merger => ({
  oldNis,
  oldNames: { fr: `Ancienne ${oldNis}`, nl: `Oude ${oldNis}` },
  newNis,
  effectiveDate,
});

describe('MunicipalityRegistry', () => {
  describe('search', () => {
    const registry = MunicipalityRegistry.from(
      [
        municipality('92001', 'Petit-Namur', 'Klein-Namen', { population: 500 }),
        municipality('92002', 'Namurois', 'Namurois', { population: 200 }),
        municipality('92003', 'Namur', 'Namen', { population: 100 }),
        municipality('92004', 'Saint-Namur-le-Grand', 'Sint-Namen', { population: 9000 }),
        municipality('11001', 'Anvers', 'Antwerpen', { region: 'flanders', population: 500000 }),
      ],
      [],
    );
    const names = (query: string) => registry.search(query).map((m) => m.names.fr);

    it('ranks the exact name, then names starting with the query, then whole words, then the rest', () => {
      expect(names('namur')).toEqual(['Namur', 'Namurois', 'Saint-Namur-le-Grand', 'Petit-Namur']);
    });

    it('breaks ties by population, larger first', () => {
      expect(names('nam')).toEqual(['Namurois', 'Namur', 'Saint-Namur-le-Grand', 'Petit-Namur']);
      expect(names('e')[0]).toBe('Anvers');
    });

    it('matches a substring inside a word last', () => {
      expect(names('amur')).toEqual(['Saint-Namur-le-Grand', 'Petit-Namur', 'Namurois', 'Namur']);
    });
  });

  describe('mergers', () => {
    const registry = MunicipalityRegistry.from(
      [municipality('93001', 'Grande'), municipality('93002', 'Voisine')],
      [merger('93010', '93011', '2019-01-01'), merger('93011', '93001'), merger('93002', '93002')],
    );

    it('follows successive mergers to the current municipality', () => {
      expect(registry.successorOf('93010')?.nis).toBe('93001');
      expect(registry.dissolved('93010')?.successorNis).toBe('93011');
    });

    it('does not treat a municipality that kept its code as dissolved', () => {
      expect(registry.dissolved('93002')).toBeUndefined();
      expect(registry.successorOf('93002')).toBeUndefined();
    });

    it('refuses a merger into a code that is neither current nor itself merged', () => {
      expect(() => MunicipalityRegistry.from([municipality('93001', 'A')], [merger('93010', '93999')])).toThrow(
        ReferenceDataError,
      );
    });

    it('refuses duplicate NIS codes', () => {
      expect(() => MunicipalityRegistry.from([municipality('93001', 'A'), municipality('93001', 'B')], [])).toThrow(
        /duplicate municipality 93001/,
      );
    });
  });
});
