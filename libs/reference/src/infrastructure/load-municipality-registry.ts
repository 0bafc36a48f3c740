import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MunicipalityRegistry } from '../domain/municipality-registry';
import { ReferenceDataError } from '../domain/reference-data.error';
import { parseMergersCsv, parseMunicipalitiesCsv } from './municipality-csv.parser';

export const MUNICIPALITIES_FILE = 'belgian-municipalities.csv';
export const MERGERS_FILE = 'belgian-municipality-mergers.csv';

/**
 * Where the reference files are: `CDCE_REFERENCE_DATA_DIR` when set, else `libs/reference/data` found from this file
 * both when run from sources (ts-jest) and from the compiled tree (`dist/libs/reference/src/infrastructure`).
 */
export function defaultReferenceDataDir(): string {
  const fromEnv = process.env.CDCE_REFERENCE_DATA_DIR;
  if (fromEnv) return fromEnv;
  const candidates = [resolve(__dirname, '../../data'), resolve(__dirname, '../../../../../libs/reference/data')];
  return candidates.find((dir) => existsSync(join(dir, MUNICIPALITIES_FILE))) ?? candidates[0]!;
}

/** Reads and parses both CSV files and builds the registry. Throws `ReferenceDataError` on a missing or bad file. */
export function loadMunicipalityRegistry(dataDir: string = defaultReferenceDataDir()): MunicipalityRegistry {
  const municipalities = parseMunicipalitiesCsv(readText(dataDir, MUNICIPALITIES_FILE), MUNICIPALITIES_FILE);
  const mergers = parseMergersCsv(readText(dataDir, MERGERS_FILE), MERGERS_FILE);
  return MunicipalityRegistry.from(municipalities, mergers);
}

function readText(dir: string, file: string): string {
  const path = join(dir, file);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ReferenceDataError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, path);
  }
}
