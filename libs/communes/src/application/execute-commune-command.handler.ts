import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, EVENT_STORE, type EventStore, handleCommand, type CommandContext, StreamStateCache } from '@cdce/eventsourcing';
import { CLOCK, type Clock } from '@cdce/platform';
import { MunicipalityRegistry } from '@cdce/reference';
import { communeDecider } from '../domain/commune.decider';
import type { CommuneCommand } from '../domain/commune.commands';
import type { MunicipalityMerged } from '../domain/commune.events';
import { communeStreamId } from '../domain/nis';
import { campaignCommune } from './campaign-communes';
import { type CriteriaSets } from './criteria-sets';
import { ExecuteCommuneCommand, type CommuneCommandInput, type CommuneCommandResult } from './execute-commune-command';
import { readCommune } from './read-commune';
import type { Commune } from '../domain/commune.state';
import { CRITERIA_SETS, MUNICIPALITIES } from './tokens';

/**
 * The population the criteria thresholds are evaluated against: the reference data's, which the caller cannot
 * override; only for a commune dissolved by a merger (no population published any more) must the caller give it.
 */
function legalPopulation(known: number | null, given: number | undefined): number {
  if (known !== null) return known;
  if (given === undefined) {
    throw new DomainError(
      'POPULATION_UNKNOWN',
      'This commune was dissolved by a merger and the reference data no longer gives its population: send the legal population of the time with the dossier (population).',
    );
  }
  return given;
}

/** Without If-Match the caller asked for "the latest state": re-deciding after a concurrent write is then safe. */
const RETRIES_WITHOUT_IF_MATCH = 3;

/**
 * The one adapter between the command bus and the commune decider: stamps `now`, adds what only the application
 * can look up (criteria set, population, sponsor status), then read → decide → append.
 */
@CommandHandler(ExecuteCommuneCommand)
export class ExecuteCommuneCommandHandler implements ICommandHandler<ExecuteCommuneCommand, CommuneCommandResult> {
  /** Folded communes kept between commands: a command reads only what was appended since (see StreamStateCache). */
  private readonly cache = new StreamStateCache<Commune>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MUNICIPALITIES) private readonly municipalities: MunicipalityRegistry,
    @Inject(CRITERIA_SETS) private readonly criteriaSets: CriteriaSets,
  ) {}

  async execute({ nis, input, meta }: ExecuteCommuneCommand): Promise<CommuneCommandResult> {
    const commune = campaignCommune(this.municipalities, nis);
    const command = {
      ...(await this.complete(input, commune.population)),
      now: this.clock.now().toISOString(),
    } as CommuneCommand;
    const context: CommandContext = {
      actor: meta.actor,
      commandId: meta.commandId,
      correlationId: meta.correlationId,
      causationId: meta.causationId ?? meta.commandId,
    };
    const result = await handleCommand(this.store, communeStreamId(nis), communeDecider, command, {
      context,
      cache: this.cache,
      ...(meta.expectedRevision !== undefined
        ? { expectedRevision: meta.expectedRevision }
        : { retriesOnConflict: RETRIES_WITHOUT_IF_MATCH }),
    });
    await this.recordOnSuccessor(result, context);
    return result;
  }

  /**
   * A merger is recorded on both streams: the predecessor's `MunicipalityMerged`, then the successor's
   * `PredecessorMerged`. The second command's id derives from the first, so retrying a merger (even one already
   * recorded on the predecessor before a crash) completes the successor exactly once.
   */
  private async recordOnSuccessor(result: CommuneCommandResult, context: CommandContext): Promise<void> {
    const merged = result.events.find((event) => event.type === 'MunicipalityMerged');
    if (!merged) return;
    const { nis, successorNis, effectiveOn, status, title } = merged.data as MunicipalityMerged['data'];
    const command: CommuneCommand = {
      type: 'RecordPredecessorMerged',
      data: { nis: successorNis, predecessorNis: nis, effectiveOn, predecessorStatus: status, predecessorTitle: title },
      now: this.clock.now().toISOString(),
    };
    await handleCommand(this.store, communeStreamId(successorNis), communeDecider, command, {
      context: { ...context, commandId: `${context.commandId}:successor`, causationId: merged.id },
      cache: this.cache,
      retriesOnConflict: RETRIES_WITHOUT_IF_MATCH,
    });
  }

  private async complete(input: CommuneCommandInput, population: number | null): Promise<Omit<CommuneCommand, 'now'>> {
    switch (input.type) {
      case 'SubmitDossier':
        return {
          type: 'SubmitDossier',
          data: {
            ...(input.data.acknowledgeIncomplete !== undefined ? { acknowledgeIncomplete: input.data.acknowledgeIncomplete } : {}),
            criteriaSet: this.criteriaSets.current(),
            population: legalPopulation(population, input.data.population),
          },
        };
      case 'AssignSponsor': {
        campaignCommune(this.municipalities, input.data.sponsorNis);
        const sponsor = await readCommune(this.store, input.data.sponsorNis);
        const sponsorIsTitled = ['titled', 'renewed', 'renewal_under_review'].includes(sponsor.state.status);
        return { type: 'AssignSponsor', data: { sponsorNis: input.data.sponsorNis, sponsorIsTitled } };
      }
      case 'MergeInto':
        campaignCommune(this.municipalities, input.data.successorNis);
        return input;
      default:
        return input;
    }
  }
}
