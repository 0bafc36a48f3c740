export * from './domain/municipality';
export { MunicipalityRegistry } from './domain/municipality-registry';
export type { Province, SearchOptions } from './domain/municipality-registry';
export { normaliseName } from './domain/normalise-name';
export { ReferenceDataError } from './domain/reference-data.error';
export { parseMergersCsv, parseMunicipalitiesCsv } from './infrastructure/municipality-csv.parser';
export {
  MERGERS_FILE,
  MUNICIPALITIES_FILE,
  defaultReferenceDataDir,
  loadMunicipalityRegistry,
} from './infrastructure/load-municipality-registry';
