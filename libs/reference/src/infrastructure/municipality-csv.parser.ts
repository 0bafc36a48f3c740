import { parse } from 'csv-parse/sync';
import type { LocalisedName, Merger, Municipality, MunicipalityLanguage, Region } from '../domain/municipality';
import { ReferenceDataError } from '../domain/reference-data.error';

const MUNICIPALITY_COLUMNS = [
  'nis_code',
  'name_fr',
  'name_nl',
  'name_de',
  'language',
  'arrondissement_fr',
  'arrondissement_nl',
  'province_fr',
  'province_nl',
  'region',
  'population',
  'population_date',
  'postcode',
  'valid_from',
  'predecessors',
] as const;

const MERGER_COLUMNS = ['old_nis_code', 'old_name_fr', 'old_name_nl', 'new_nis_code', 'effective_date'] as const;

type Row<Columns extends readonly string[]> = Record<Columns[number], string>;

const LANGUAGES: readonly MunicipalityLanguage[] = ['fr', 'nl', 'de', 'fr,nl'];
const REGIONS: readonly Region[] = ['wallonia', 'flanders', 'brussels'];
const NIS = /^\d{5}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `belgian-municipalities.csv` (see libs/reference/data). Throws `ReferenceDataError` with the line of the first bad row. */
export function parseMunicipalitiesCsv(text: string, source = 'belgian-municipalities.csv'): Municipality[] {
  return parseRows(text, MUNICIPALITY_COLUMNS, source).map((row, index) =>
    toMunicipality(row, new RowReader(source, index + 2)),
  );
}

/** Parses `belgian-municipality-mergers.csv`: one row per absorbed municipality. */
export function parseMergersCsv(text: string, source = 'belgian-municipality-mergers.csv'): Merger[] {
  return parseRows(text, MERGER_COLUMNS, source).map((row, index) => {
    const read = new RowReader(source, index + 2);
    return {
      oldNis: read.nis(row.old_nis_code),
      oldNames: {
        fr: read.required('old_name_fr', row.old_name_fr),
        nl: read.required('old_name_nl', row.old_name_nl),
      },
      newNis: read.nis(row.new_nis_code),
      effectiveDate: read.date('effective_date', row.effective_date),
    };
  });
}

function parseRows<Columns extends readonly string[]>(text: string, columns: Columns, source: string): Row<Columns>[] {
  try {
    // Strict column count: a row with a missing or extra field is an error, not a shifted record.
    return parse(text, {
      bom: true,
      columns: (header: string[]) => checkHeader(header, columns, source),
      skip_empty_lines: true,
      trim: true,
    }) as Row<Columns>[];
  } catch (error) {
    if (error instanceof ReferenceDataError) throw error;
    throw new ReferenceDataError((error as Error).message, source);
  }
}

function checkHeader(header: string[], expected: readonly string[], source: string): string[] {
  if (header.join(',') !== expected.join(',')) {
    throw new ReferenceDataError(`expected columns ${expected.join(',')} but found ${header.join(',')}`, source);
  }
  return header;
}

function toMunicipality(row: Row<typeof MUNICIPALITY_COLUMNS>, read: RowReader): Municipality {
  const region = read.oneOf('region', row.region, REGIONS);
  const province = provinceOf(row, region, read);
  return {
    nis: read.nis(row.nis_code),
    names: {
      fr: read.required('name_fr', row.name_fr),
      nl: read.required('name_nl', row.name_nl),
      ...(row.name_de ? { de: row.name_de } : {}),
    },
    language: read.oneOf('language', row.language, LANGUAGES),
    arrondissement: {
      fr: read.required('arrondissement_fr', row.arrondissement_fr),
      nl: read.required('arrondissement_nl', row.arrondissement_nl),
    },
    province,
    region,
    population: read.positiveInteger('population', row.population),
    populationDate: read.date('population_date', row.population_date),
    postcode: read.matching('postcode', row.postcode, /^\d{4}$/),
    ...(row.valid_from ? { validFrom: read.date('valid_from', row.valid_from) } : {}),
    predecessors: row.predecessors ? row.predecessors.split(/\s+/).map((code) => read.nis(code)) : [],
  };
}

/** Brussels has no province; every other region must name one. */
function provinceOf(row: Row<typeof MUNICIPALITY_COLUMNS>, region: Region, read: RowReader): LocalisedName | null {
  if (region === 'brussels') {
    if (row.province_fr || row.province_nl) read.fail('a Brussels commune belongs to no province');
    return null;
  }
  return { fr: read.required('province_fr', row.province_fr), nl: read.required('province_nl', row.province_nl) };
}

/** Field checks that report the file and line of the offending row. */
class RowReader {
  constructor(
    private readonly source: string,
    private readonly line: number,
  ) {}

  fail(message: string): never {
    throw new ReferenceDataError(message, `${this.source} line ${this.line}`);
  }

  required(field: string, value: string): string {
    return value.length > 0 ? value : this.fail(`${field} is empty`);
  }

  matching(field: string, value: string, pattern: RegExp): string {
    return pattern.test(value) ? value : this.fail(`${field} ${JSON.stringify(value)} is malformed`);
  }

  nis(value: string): string {
    return this.matching('NIS code', value, NIS);
  }

  date(field: string, value: string): string {
    this.matching(field, value, ISO_DATE);
    return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? this.fail(`${field} ${value} is not a date`) : value;
  }

  positiveInteger(field: string, value: string): number {
    return /^[1-9]\d*$/.test(value)
      ? Number(value)
      : this.fail(`${field} ${JSON.stringify(value)} is not a positive integer`);
  }

  oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
    return (allowed as readonly string[]).includes(value)
      ? (value as T)
      : this.fail(`${field} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  }
}
