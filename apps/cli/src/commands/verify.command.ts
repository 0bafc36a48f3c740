import type { Command } from 'commander';
import { communeStreamId, isValidNis } from '@cdce/communes';
import {
  CorruptEventError,
  eventHash,
  type EventStore,
  GENESIS_HASH,
  StreamNotFoundError,
  verifyHashChain,
} from '@cdce/eventsourcing';
import { withContext } from '../cli-context';
import { CliError, type CliIo } from '../cli-io';

interface Broken {
  readonly streamId: string;
  readonly revision: bigint;
  readonly reason: string;
}

/** `cdce verify [nis]`: re-reads the streams and checks every hash chain (for auditors). Exit 1 on a broken chain. */
export function verifyCommand(program: Command, io: CliIo): void {
  program
    .command('verify')
    .description('relire les flux et vérifier chaque chaîne de hachage (audit) ; code 1 si un flux a été altéré')
    .argument('[nis]', 'code NIS d’une seule commune (par défaut : tous les flux)')
    .action((nis: string | undefined) =>
      withContext(io, async ({ store }) => {
        const summary = nis ? await verifyCommune(store, nis) : await verifyAll(store);
        io.out(`${summary.streams} flux vérifié(s), ${summary.events} événement(s).`);
        for (const broken of summary.broken)
          io.err(`ALTÉRÉ : ${broken.streamId}, révision ${broken.revision} : ${broken.reason}`);
        if (summary.broken.length > 0)
          throw new CliError(
            `${summary.broken.length} flux altéré(s) : restaurez-les depuis une sauvegarde et cherchez qui a écrit dans le fichier.`,
          );
        io.out('Toutes les chaînes de hachage sont intactes.');
      }),
    );
}

interface Summary {
  readonly streams: number;
  readonly events: number;
  readonly broken: Broken[];
}

async function verifyCommune(store: EventStore, nis: string): Promise<Summary> {
  if (!isValidNis(nis)) throw new CliError(`${nis} n’est pas un code NIS (cinq chiffres, ex. 82039).`);
  const streamId = communeStreamId(nis);
  try {
    const events = await store.readStream(streamId);
    verifyHashChain(events);
    return { streams: 1, events: events.length, broken: [] };
  } catch (error) {
    if (error instanceof StreamNotFoundError)
      throw new CliError(`Aucun événement pour la commune ${nis} : rien à vérifier.`);
    if (error instanceof CorruptEventError)
      return { streams: 1, events: 0, broken: [{ streamId, revision: error.revision, reason: error.message }] };
    throw error;
  }
}

/** One pass over the log, each stream's chain followed as its events come. */
async function verifyAll(store: EventStore): Promise<Summary> {
  const chains = new Map<string, { next: bigint; hash: string } | 'broken'>();
  const broken: Broken[] = [];
  let events = 0;
  try {
    for await (const event of store.readAll()) {
      events++;
      const chain = chains.get(event.streamId) ?? { next: 0n, hash: GENESIS_HASH };
      if (chain === 'broken') continue;
      const reason =
        event.revision !== chain.next
          ? `révision ${chain.next} attendue : il manque des événements`
          : event.metadata.hash !== eventHash(chain.hash, event)
            ? 'son empreinte ne correspond plus à son contenu : il a été modifié'
            : null;
      if (reason) {
        broken.push({ streamId: event.streamId, revision: event.revision, reason });
        chains.set(event.streamId, 'broken');
      } else chains.set(event.streamId, { next: chain.next + 1n, hash: event.metadata.hash });
    }
  } catch (error) {
    if (!(error instanceof CorruptEventError)) throw error;
    // An unreadable event ends the scan: what follows cannot be trusted to be read in order.
    broken.push({
      streamId: error.streamId,
      revision: error.revision,
      reason: `${error.message} (lecture interrompue)`,
    });
  }
  return { streams: chains.size, events, broken };
}
