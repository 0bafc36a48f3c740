import type { Actor } from '@cdce/eventsourcing';
import type { CommuneCommandInput, CommuneCommandResult } from '@cdce/communes';
import type { PersonLanguage } from '@cdce/people';
import { DEMO_COORDINATION_ACTOR, demoCopilActor } from './campaign-calendar';
import { dayStart } from './dates';
import type { DemoPeople } from './demo-people';
import type { Random } from './random';

/** What the demo sends after a command, at the same instant, given its result (e.g. the successor of a merger). */
export type FollowUp = (result: CommuneCommandResult) => { nis: string; input: CommuneCommandInput } | undefined;

/** One command of the demo history, at its instant of the story. */
export interface DemoStep {
  /** Milliseconds since the epoch: the ManualClock is set to it before the command is sent. */
  readonly at: number;
  readonly nis: string;
  readonly input: CommuneCommandInput;
  readonly actor: Actor;
  readonly commandId: string;
  readonly followUp?: FollowUp;
}

interface Draft {
  readonly date: string;
  readonly input: CommuneCommandInput;
  readonly actor: Actor;
  readonly followUp?: FollowUp;
}

/** A title period as the story knows it (to plan renewals without reading the store). */
export interface PlannedTitle {
  readonly validFrom: string;
  readonly validUntil: string;
}

/**
 * Writes the story of one commune. Chapters add commands on business dates in any order; `steps()` orders them by
 * date (keeping the order of commands of one day) and gives each an instant of that day, strictly increasing.
 */
export class StoryWriter {
  private readonly drafts: Draft[] = [];
  private readonly counters = new Map<string, number>();
  /** Periods during which the commune works on its evidence (candidate or holding a title). */
  readonly engagements: { from: string; to: string | null }[] = [];
  /** Dates of the council resolutions recorded. */
  readonly resolutions: string[] = [];
  readonly copil: string[] = [];
  title: PlannedTitle | null = null;
  /** Skip the re-confirmation after this election (a commune whose new council did not follow up). */
  skipReconfirmation: string | null = null;

  constructor(
    readonly nis: string,
    readonly population: number,
    readonly language: PersonLanguage,
    readonly rng: Random,
    readonly people: DemoPeople,
    private readonly seed: number,
  ) {}

  /** A command of the commune's COPIL. */
  byCommune(date: string, input: CommuneCommandInput, followUp?: FollowUp): void {
    this.drafts.push({ date, input, actor: demoCopilActor(this.nis), ...(followUp ? { followUp } : {}) });
  }

  /** A command of the coordination. */
  byCoordination(date: string, input: CommuneCommandInput, followUp?: FollowUp): void {
    this.drafts.push({ date, input, actor: DEMO_COORDINATION_ACTOR, ...(followUp ? { followUp } : {}) });
  }

  /** A readable id, unique within the commune: `partner-92094-3`. */
  id(kind: string): string {
    const next = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, next);
    return `${kind}-${this.nis}-${next}`;
  }

  engage(from: string): void {
    this.engagements.push({ from, to: null });
  }

  disengage(on: string): void {
    const open = this.engagements.at(-1);
    if (open && open.to === null) this.engagements[this.engagements.length - 1] = { ...open, to: on };
  }

  /** Whether the commune is engaged on every day of [from, to]. */
  engagedThrough(from: string, to: string): boolean {
    return this.engagements.some((e) => e.from <= from && (e.to === null || to < e.to));
  }

  reviewer(): string {
    return this.rng.pick(this.people.reviewers);
  }

  /** The commands in story order, each with its instant and a command id derived from the seed. */
  steps(): DemoStep[] {
    const ordered = this.drafts
      .map((draft, index) => ({ draft, index }))
      .sort((a, b) => (a.draft.date < b.draft.date ? -1 : a.draft.date > b.draft.date ? 1 : a.index - b.index));
    let cursor = 0;
    return ordered.map(({ draft }, n) => {
      // Office hours, Belgian time: 07:00–16:59 UTC is the same calendar day in Brussels all year round.
      const officeHours = dayStart(draft.date) + (7 * 60 + this.rng.int(0, 9 * 60)) * 60_000;
      cursor = officeHours > cursor ? officeHours : cursor + this.rng.int(1, 15) * 60_000;
      return {
        at: cursor,
        nis: this.nis,
        input: draft.input,
        actor: draft.actor,
        commandId: `demo-${this.seed}-${this.nis}-${String(n + 1).padStart(4, '0')}`,
        ...(draft.followUp ? { followUp: draft.followUp } : {}),
      };
    });
  }
}
