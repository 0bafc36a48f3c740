import type { CommandBus } from '@nestjs/cqrs';
import { type CommuneCommandResult, type CommuneStatus, ExecuteCommuneCommand } from '@cdce/communes';
import { DomainError, type EventStore } from '@cdce/eventsourcing';
import type { PeopleDirectory } from '@cdce/people';
import type { ManualClock } from '@cdce/platform';
import type { MunicipalityRegistry } from '@cdce/reference';
import { writeCampaignStory } from './campaign-story';
import { DemoCast } from './demo-cast';
import { DemoPeople } from './demo-people';
import { Random } from './random';
import type { DemoStep } from './story-writer';

export interface BuildDemoHistoryOptions {
  readonly commandBus: CommandBus;
  /** Set to each command's instant, so that `recordedAt` follows the story. */
  readonly clock: ManualClock;
  readonly registry: MunicipalityRegistry;
  /** Last day of the history (`YYYY-MM-DD`, inclusive). The caller passes today for "up to now". */
  readonly until: string;
  readonly seed?: number;
  /** Where the invented COPIL members and reviewers are registered (names stay out of events). */
  readonly people?: PeopleDirectory;
  /** When given, the report counts the events in the log (a merger also appends to the successor's stream). */
  readonly eventStore?: EventStore;
  /** Called every `progressEvery` commands with the count done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface DemoHistoryReport {
  readonly seed: number;
  readonly until: string;
  readonly commands: number;
  readonly events: number;
  readonly streams: number;
  readonly people: number;
  /** Communes per status at the end of the history. */
  readonly statuses: Readonly<Partial<Record<CommuneStatus, number>>>;
}

export const DEFAULT_DEMO_SEED = 2015;

/** Plans the whole story (pure: same seed, same steps), ordered in time across communes. */
export function planDemoHistory(
  registry: MunicipalityRegistry,
  seed = DEFAULT_DEMO_SEED,
): { steps: DemoStep[]; people: DemoPeople } {
  const rng = new Random(seed);
  const people = new DemoPeople(rng.fork('people'));
  people.addReviewers();
  const cast = new DemoCast(registry, rng.fork('cast'), people, seed);
  writeCampaignStory(cast);
  const steps = [...cast.writers.values()].flatMap((w) => w.steps());
  // Stable: two communes acting at the same instant keep the order in which they were written.
  steps.sort((a, b) => a.at - b.at);
  return { steps, people };
}

/**
 * Builds a realistic history of the campaign's communes from 2015 to `until` through the real command path:
 * every command is an `ExecuteCommuneCommand` on the bus, sent with the manual clock set to its instant.
 * Deterministic: the same seed gives the same commands, ids and instants; nothing reads `Math.random` or the
 * wall clock. The event store must be empty (a second run would find its command ids and append nothing).
 */
export async function buildDemoHistory(options: BuildDemoHistoryOptions): Promise<DemoHistoryReport> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const limit = Date.parse(`${options.until}T23:59:59.999Z`);
  if (Number.isNaN(limit)) throw new Error(`"${options.until}" is not a date: use YYYY-MM-DD.`);
  const { steps: planned, people } = planDemoHistory(options.registry, seed);
  const steps = planned.filter((step) => step.at <= limit);
  const invented = people.all();
  for (const person of invented) await options.people?.register(person);
  const states = new Map<string, CommuneStatus>();
  let events = 0;
  for (const [index, step] of steps.entries()) {
    options.clock.set(new Date(step.at));
    const { result } = await send(options, step);
    events += result.alreadyHandled ? 0 : result.events.length;
    states.set(step.nis, result.state.status);
    const next = step.followUp?.(result);
    if (next) {
      const followed = await execute(options, next.nis, next.input, step, `${step.commandId}:follow-up`);
      events += followed.alreadyHandled ? 0 : followed.events.length;
      states.set(next.nis, followed.state.status);
    }
    if ((index + 1) % 250 === 0 || index + 1 === steps.length) options.onProgress?.(index + 1, steps.length);
  }
  return {
    seed,
    until: options.until,
    commands: steps.length,
    // A handler may append to another stream too (a merger's successor): the log has the exact count.
    events: options.eventStore ? await countEvents(options.eventStore) : events,
    streams: states.size,
    people: options.people ? invented.length : 0,
    statuses: countStatuses(states),
  };
}

async function send(options: BuildDemoHistoryOptions, step: DemoStep): Promise<{ result: CommuneCommandResult }> {
  try {
    return { result: await execute(options, step.nis, step.input, step, step.commandId) };
  } catch (error) {
    throw new Error(describeFailure(step, error), { cause: error });
  }
}

function execute(
  options: BuildDemoHistoryOptions,
  nis: string,
  input: DemoStep['input'],
  step: DemoStep,
  commandId: string,
): Promise<CommuneCommandResult> {
  return options.commandBus.execute(
    new ExecuteCommuneCommand(nis, input, { actor: step.actor, commandId, correlationId: step.commandId }),
  );
}

function describeFailure(step: DemoStep, error: unknown): string {
  const code = error instanceof DomainError ? `${error.code}: ` : '';
  return (
    `The demo history broke at ${new Date(step.at).toISOString()} on commune ${step.nis} (${step.input.type}, ` +
    `${step.commandId}): ${code}${(error as Error).message}`
  );
}

async function countEvents(store: EventStore): Promise<number> {
  let count = 0;
  for await (const _event of store.readAll()) count++;
  return count;
}

function countStatuses(states: ReadonlyMap<string, CommuneStatus>): Partial<Record<CommuneStatus, number>> {
  const counts: Partial<Record<CommuneStatus, number>> = {};
  for (const status of states.values()) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
