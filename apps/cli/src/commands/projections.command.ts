import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import * as path from 'node:path';
import type { EventStore } from '@cdce/eventsourcing';
import { rebuildProjections, SqliteReadModelStore } from '@cdce/projections';
import { CLI_PROJECTIONS, withContext } from '../cli-context';
import { CliError, type CliIo } from '../cli-io';

/** The read-model file the API keeps beside the events (apps/api ReadModelsModule). */
const READ_MODELS_FILE = 'read-models.sqlite';
/** `status` counts the events a projection still has to apply up to this many (the log may be huge). */
const LAG_COUNT_LIMIT = 100_000;

/** `cdce projections rebuild [name]` and `cdce projections status`. */
export function projectionsCommand(program: Command, io: CliIo): void {
  const projections = program.command('projections').description('modèles de lecture (reconstruits depuis le journal)');
  projections
    .command('rebuild')
    .description('reconstruire un modèle de lecture (ou tous) depuis le début du journal ; arrêtez l’API avant')
    .argument('[nom]', `une projection : ${CLI_PROJECTIONS.map((p) => p.name).join(', ')}`)
    .action((name: string | undefined) =>
      withContext(io, async ({ store, config }) => {
        const selected = select(name);
        const readModels = SqliteReadModelStore.open(path.join(config.dataDir, READ_MODELS_FILE));
        try {
          await rebuild(io, store, readModels, selected);
        } finally {
          readModels.close();
        }
      }),
    );
  projections
    .command('status')
    .description('position et retard de chaque projection')
    .action(() =>
      withContext(io, async ({ store, config }) => {
        const readModels = SqliteReadModelStore.open(path.join(config.dataDir, READ_MODELS_FILE));
        try {
          await status(io, store, readModels);
        } finally {
          readModels.close();
        }
      }),
    );
}

function select(name: string | undefined): typeof CLI_PROJECTIONS {
  if (name === undefined) return CLI_PROJECTIONS;
  const found = CLI_PROJECTIONS.filter((p) => p.name === name);
  if (found.length === 0)
    throw new CliError(
      `Projection « ${name} » inconnue : choisissez parmi ${CLI_PROJECTIONS.map((p) => p.name).join(', ')}.`,
    );
  return found;
}

async function rebuild(
  io: CliIo,
  store: EventStore,
  readModels: SqliteReadModelStore,
  selected: typeof CLI_PROJECTIONS,
): Promise<void> {
  const owner = readModels.liveOwner();
  if (owner) {
    throw new CliError(
      `Le processus ${owner.pid} (${owner.owner}, depuis ${owner.since}) met à jour ces modèles de lecture : ` +
        'arrêtez-le avant de les reconstruire (il reconstruit lui-même au démarrage une projection dont la version a changé).',
    );
  }
  // While it rebuilds, an API started on the same file refuses to start instead of projecting into it too.
  readModels.claim('cdce projections rebuild', io.now());
  try {
    await rebuildClaimed(io, store, readModels, selected);
  } finally {
    readModels.release();
  }
}

async function rebuildClaimed(
  io: CliIo,
  store: EventStore,
  readModels: SqliteReadModelStore,
  selected: typeof CLI_PROJECTIONS,
): Promise<void> {
  const bar = io.interactive
    ? new SingleBar({ format: 'Reconstruction [{bar}] {percentage}% | {events} événement(s) relus', hideCursor: true })
    : undefined;
  // A warning written while the bar redraws its line would be drawn over: it waits until the bar is gone.
  const warnings: string[] = [];
  const warn = (message: string) => (bar ? warnings.push(message) : io.err(`Attention : ${message}`));
  // Per mille of the rebuild: a projection folded stream by stream has no position in the log to show.
  bar?.start(1000, 0, { events: 0 });
  let result: Awaited<ReturnType<typeof rebuildProjections>>;
  try {
    result = await rebuildProjections(
      store,
      readModels,
      selected,
      selected.map((projection) => projection.name),
      ({ fraction, applied, folded }) =>
        bar?.update(Math.round(fraction * 1000), { events: Math.max(applied, folded) }),
      { clock: io.now, onWarning: warn },
    );
  } finally {
    bar?.stop();
    warnings.forEach((message) => io.err(`Attention : ${message}`));
  }
  for (const projection of selected)
    io.out(
      `${projection.name} : reconstruite jusqu’à la position ${readModels.checkpoint(projection.name)!.position}.`,
    );
  io.out(`${result.applied} événement(s) relus en ${result.seconds.toFixed(1)} s.`);
}

async function status(io: CliIo, store: EventStore, readModels: SqliteReadModelStore): Promise<void> {
  const head = await store.headPosition();
  io.out(`Journal : dernière position ${head}.`);
  for (const projection of CLI_PROJECTIONS) {
    const checkpoint = readModels.checkpoint(projection.name);
    if (!checkpoint) {
      io.out(
        `${projection.name} : jamais construite (l’API la construit au démarrage, ou « cdce projections rebuild »).`,
      );
      continue;
    }
    const lag = await countAfter(store, checkpoint.position);
    const version =
      checkpoint.version === projection.version
        ? `v${projection.version}`
        : `v${checkpoint.version} → v${projection.version} : sera reconstruite au prochain démarrage`;
    io.out(
      `${projection.name} : position ${checkpoint.position}, retard ${lag} événement(s), ${version}, ` +
        `mise à jour ${checkpoint.updatedAt ?? 'jamais'}`,
    );
  }
}

async function countAfter(store: EventStore, position: bigint): Promise<string> {
  let count = 0;
  for await (const _event of store.readAll({ after: position, maxCount: LAG_COUNT_LIMIT + 1 })) count++;
  return count > LAG_COUNT_LIMIT ? `plus de ${LAG_COUNT_LIMIT}` : String(count);
}
