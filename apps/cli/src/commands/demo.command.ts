import type { Command } from 'commander';
import { brusselsDate } from '@cdce/communes';
import { DEFAULT_DEMO_SEED, runDemo } from '@cdce/demo';
import { configOf } from '../cli-context';
import { CliError, type CliIo } from '../cli-io';

/** `cdce demo [--until] [--seed]`: loads the demo history into an empty event store. */
export function demoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description('charger l’historique de démonstration (2015 → aujourd’hui) dans un journal vide')
    .option('--until <date>', 'dernier jour de l’historique, AAAA-MM-JJ (par défaut : aujourd’hui)')
    .option('--seed <n>', 'graine du générateur : une même graine donne le même historique', String(DEFAULT_DEMO_SEED))
    .action((options: { until?: string; seed: string }) => loadDemo(io, options));
}

async function loadDemo(io: CliIo, options: { until?: string; seed: string }): Promise<void> {
  const until = options.until ?? brusselsDate(io.now().toISOString());
  if (!isCalendarDate(until) || until < '2015-01-01')
    throw new CliError(
      `--until ${until} n’est pas une date AAAA-MM-JJ à partir du 2015-01-01 (ex. --until 2024-12-31).`,
    );
  const seed = Number(options.seed);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new CliError(`--seed ${options.seed} doit être un entier positif.`);
  const config = configOf(io);
  const started = performance.now();
  const outcome = await runDemo(config, { until, seed });
  const store = config.eventStore.kind === 'sqlite' ? config.eventStore.path : 'le journal KurrentDB';
  if (!outcome.loaded)
    throw new CliError(
      `Le journal d’événements contient déjà l’historique de communes (${outcome.existingEvents} événement(s) en tout) : la démo ne se charge que dans un ` +
        `journal vide. Choisissez un autre dossier (CDCE_DATA_DIR=var/demo) ou videz ${store}.`,
    );
  const { report } = outcome;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.out(`Démo chargée jusqu’au ${report.until} (graine ${report.seed}) en ${seconds} s :`);
  io.out(
    `  ${report.commands} commandes, ${report.events} événements, ${report.streams} communes, ${report.people} personnes`,
  );
  io.out(
    `  statuts : ${Object.entries(report.statuses)
      .map(([status, n]) => `${status} ${n}`)
      .join(', ')}`,
  );
}

/** `AAAA-MM-JJ` naming a day that exists (`Date.parse` accepts 2024-02-30 and rolls it over to March). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
