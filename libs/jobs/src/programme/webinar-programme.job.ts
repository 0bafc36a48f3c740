import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { DomainError } from '@cdce/eventsourcing';
import type { Clock } from '@cdce/platform';
import type { SqliteReadModelStore } from '@cdce/projections';
import {
  cronOf,
  ExecuteWebinarCommand,
  invitedCommunes,
  type InvitationsSent,
  nextOccurrences,
  type ProgrammeOccurrence,
  type ProgrammeRule,
  type ProgrammeThemes,
  type WebinarCommandInput,
  type WebinarCommandResult,
} from '@cdce/webinars';
import type { RecurringJob } from '../recurring/recurring-job';

/** The actor of every command the programme sends. */
export const PROGRAMME_ACTOR = { id: 'webinar-programme', role: 'system' } as const;

export const WEBINAR_PROGRAMME_JOB = 'webinar-programme';

/** What one run did, for logs and tests. */
export interface ProgrammeRunReport {
  readonly webinarId: string;
  readonly scheduled: boolean;
  /** Communes invited by this run (empty when all were invited already, or the webinar is cancelled). */
  readonly invited: readonly string[];
}

/**
 * The monthly programme: fires at each webinar's start (cron from the rule) and schedules the NEXT occurrence, then
 * invites the candidates and titled communes of the commune directory. Command ids are fixed per month
 * (`programme-<YYYY-MM>-…`), so a repeated run (redelivered job, restart, several workers) records nothing twice.
 */
export class WebinarProgrammeJob implements RecurringJob {
  readonly name = WEBINAR_PROGRAMME_JOB;
  readonly cron: { readonly pattern: string; readonly tz: string };
  private readonly logger = new Logger('WebinarProgramme');

  constructor(
    private readonly commands: CommandBus,
    private readonly readModels: SqliteReadModelStore,
    private readonly clock: Clock,
    private readonly rule: ProgrammeRule,
    private readonly themes: ProgrammeThemes,
  ) {
    this.cron = cronOf(rule);
  }

  nextRunAfter(after: Date): Date {
    return new Date(nextOccurrences(after, 1, this.rule, this.themes)[0]!.startsAt);
  }

  async run(): Promise<void> {
    await this.runOnce();
  }

  /** Schedules and invites the first occurrence after now. */
  async runOnce(): Promise<ProgrammeRunReport> {
    const occurrence = nextOccurrences(this.clock.now(), 1, this.rule, this.themes)[0]!;
    const scheduled = await this.schedule(occurrence);
    const invited = await this.invite(occurrence);
    this.logger.log(
      `webinar ${occurrence.webinarId} « ${occurrence.theme} » ${scheduled ? 'scheduled' : 'already scheduled'}, ${invited.length} commune(s) invited`,
    );
    return { webinarId: occurrence.webinarId, scheduled, invited };
  }

  private async schedule(occurrence: ProgrammeOccurrence): Promise<boolean> {
    try {
      const result = await this.send(occurrence.webinarId, 'schedule', {
        type: 'ScheduleWebinar',
        data: {
          webinarId: occurrence.webinarId,
          theme: occurrence.theme,
          startsAt: occurrence.startsAt,
          durationMinutes: occurrence.durationMinutes,
          organiserId: PROGRAMME_ACTOR.id,
        },
      });
      return !result.alreadyHandled;
    } catch (error) {
      // The coordination scheduled this month's webinar by hand: keep theirs, still invite the communes.
      if (error instanceof DomainError && error.code === 'WEBINAR_ALREADY_SCHEDULED') return false;
      throw error;
    }
  }

  private async invite(occurrence: ProgrammeOccurrence): Promise<readonly string[]> {
    const communes = invitedCommunes(this.readModels);
    if (communes.length === 0) return [];
    try {
      const result = await this.send(occurrence.webinarId, 'invitations', {
        type: 'SendInvitations',
        data: { invitationId: `programme-${occurrence.webinarId}`, communes },
      });
      if (result.alreadyHandled) return [];
      return result.events.flatMap((event) =>
        event.type === 'InvitationsSent' ? (event.data as InvitationsSent['data']).communes : [],
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'WEBINAR_CANCELLED') return [];
      throw error;
    }
  }

  private send(webinarId: string, step: string, input: WebinarCommandInput): Promise<WebinarCommandResult> {
    const commandId = `programme-${webinarId}-${step}`;
    return this.commands.execute(
      new ExecuteWebinarCommand(webinarId, input, {
        actor: PROGRAMME_ACTOR,
        commandId,
        correlationId: `programme-${webinarId}`,
      }),
    );
  }
}
