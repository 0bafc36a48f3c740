import type { Command } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  defaultReferenceDataDir,
  loadMunicipalityRegistry,
  MERGERS_FILE,
  MUNICIPALITIES_FILE,
  type MunicipalityRegistry,
  ReferenceDataError,
} from '@cdce/reference';
import { CliError, type CliIo } from '../cli-io';

/**
 * `cdce reference import [--dir]`: checks a folder of municipality CSVs and copies it to `CDCE_REFERENCE_DATA_DIR`,
 * where the API and the worker read it at start-up. Without `--dir`, checks the data in use.
 */
export function referenceCommand(program: Command, io: CliIo): void {
  program
    .command('reference')
    .description('données de référence : les communes belges et leurs fusions')
    .command('import')
    .description('vérifier un dossier de CSV de communes et le mettre en place (CDCE_REFERENCE_DATA_DIR)')
    .option('--dir <dossier>', `dossier contenant ${MUNICIPALITIES_FILE} et ${MERGERS_FILE}`)
    .action((options: { dir?: string }) => importReference(io, options.dir));
}

async function importReference(io: CliIo, dir: string | undefined): Promise<void> {
  const inUse = io.env.CDCE_REFERENCE_DATA_DIR
    ? path.resolve(io.env.CDCE_REFERENCE_DATA_DIR)
    : defaultReferenceDataDir();
  const source = dir ? path.resolve(dir) : inUse;
  const registry = load(source);
  printCounts(io, source, registry);
  if (source === inUse) {
    io.out('Ces données sont celles que cdce utilise : rien à copier.');
    return;
  }
  if (!io.env.CDCE_REFERENCE_DATA_DIR) {
    io.out(
      `Données valides, mais rien n’a été copié : définissez CDCE_REFERENCE_DATA_DIR (par exemple ${source}) pour ` +
        'que l’API et le worker les lisent, ou pour y copier ce dossier.',
    );
    return;
  }
  fs.mkdirSync(inUse, { recursive: true });
  for (const file of [MUNICIPALITIES_FILE, MERGERS_FILE]) {
    // Copy then rename: a process starting meanwhile reads the old file or the new one, never half of one.
    const temporary = path.join(inUse, `.${file}.${process.pid}.tmp`);
    fs.copyFileSync(path.join(source, file), temporary);
    fs.renameSync(temporary, path.join(inUse, file));
  }
  io.out(`Copié dans ${inUse}. Redémarrez l’API et le worker pour qu’ils les chargent.`);
}

function load(dir: string): MunicipalityRegistry {
  try {
    const registry = loadMunicipalityRegistry(dir);
    if (registry.campaignMembers().length === 0)
      throw new CliError(
        `${dir} ne contient aucune commune de Wallonie ni de Bruxelles : vérifiez la colonne des régions.`,
      );
    return registry;
  } catch (error) {
    if (error instanceof ReferenceDataError)
      throw new CliError(
        `Données de référence refusées : ${error.message}. Corrigez le fichier puis relancez la commande.`,
      );
    throw error;
  }
}

function printCounts(io: CliIo, dir: string, registry: MunicipalityRegistry): void {
  const all = registry.all();
  const inRegion = (region: string) => all.filter((m) => m.region === region).length;
  io.out(`Données de référence valides (${dir}) :`);
  io.out(
    `  ${all.length} communes : Wallonie ${inRegion('wallonia')}, Bruxelles ${inRegion('brussels')}, Flandre ${inRegion('flanders')}`,
  );
  io.out(`  ${registry.campaignMembers().length} communes dans la campagne (Wallonie et Bruxelles)`);
  io.out(
    `  ${registry.mergers().length} fusions, ${registry.dissolvedMunicipalities().length} anciennes communes dissoutes`,
  );
}
