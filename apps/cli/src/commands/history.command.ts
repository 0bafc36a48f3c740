import type { Command } from 'commander';
import { campaignCommune, communeStreamId, isValidNis, UnknownCommuneError } from '@cdce/communes';
import { StreamNotFoundError } from '@cdce/eventsourcing';
import { withContext } from '../cli-context';
import { CliError, type CliIo } from '../cli-io';

/** `cdce history <nis>`: every event of a commune, when, what and who (for auditors). */
export function historyCommand(program: Command, io: CliIo): void {
  program
    .command('history')
    .description('afficher l’historique d’une commune : date, événement, auteur')
    .argument('<nis>', 'code NIS de la commune, ex. 82039')
    .action((nis: string) =>
      withContext(io, async ({ store, registry }) => {
        if (!isValidNis(nis)) throw new CliError(`${nis} n’est pas un code NIS (cinq chiffres, ex. 82039).`);
        let name: string;
        try {
          name = campaignCommune(registry, nis).nameFr;
        } catch (error) {
          if (error instanceof UnknownCommuneError)
            throw new CliError(`${error.message.replace(/ List the communes.*$/, '')}`);
          throw error;
        }
        try {
          const events = await store.readStream(communeStreamId(nis));
          io.out(`Historique de ${name} (${nis}) : ${events.length} événement(s)`);
          for (const e of events) {
            io.out(
              `${e.metadata.recordedAt}  #${String(e.revision).padEnd(4)} ${e.type.padEnd(30)} ${e.metadata.actor.id} (${e.metadata.actor.role})`,
            );
          }
        } catch (error) {
          if (error instanceof StreamNotFoundError)
            throw new CliError(
              `Aucun historique pour ${name} (${nis}) : la commune ne s’est jamais engagée dans la campagne.`,
            );
          throw error;
        }
      }),
    );
}
