import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { ExecuteCommuneCommand } from '@cdce/communes';
import { DomainError } from '@cdce/eventsourcing';
import type { Clock } from '@cdce/platform';
import type { SqliteReadModelStore } from '@cdce/projections';
import {
  communesWithoutRecentAttendance,
  NO_ATTENDANCE_WINDOW_MONTHS,
  titledCommunes,
  WebinarCalendar,
} from '@cdce/webinars';
import { dailyRule } from '../recurring/daily-rule';
import type { RecurringJob } from '../recurring/recurring-job';

export const MOMENTUM_CHECK_JOB = 'momentum-check';

/** The actor of the alerts the check raises. */
export const MOMENTUM_CHECK_ACTOR = { id: 'momentum-check', role: 'system' } as const;

/** `no-webinar-<nis>-<YYYY-MM>`: one alert per commune and month, whatever the number of runs. */
export function noWebinarAlertId(nis: string, now: Date): string {
  return `no-webinar-${nis}-${now.toISOString().slice(0, 7)}`;
}

export interface MomentumCheckReport {
  readonly alerted: readonly string[];
  /** Communes whose state refused the alert (a renewal under review, a title just lost): not retried. */
  readonly skipped: ReadonlyArray<{ nis: string; code: string }>;
  readonly failed: ReadonlyArray<{ nis: string; error: string }>;
}

/**
 * Daily: titled communes (not already losing momentum) that attended no webinar in the last 12 months get a momentum
 * alert with reason `no_webinar_attendance`. The alert id and the command id derive from the commune and the month,
 * so a second run the same month records nothing.
 */
export class MomentumCheckJob implements RecurringJob {
  readonly name = MOMENTUM_CHECK_JOB;
  readonly cron: { readonly pattern: string; readonly tz: string };
  private readonly rule: ReturnType<typeof dailyRule>;
  private readonly logger = new Logger('MomentumCheck');

  constructor(
    private readonly commands: CommandBus,
    private readonly readModels: SqliteReadModelStore,
    private readonly clock: Clock,
    at: string,
  ) {
    this.rule = dailyRule(at);
    this.cron = this.rule.cron;
  }

  nextRunAfter(after: Date): Date {
    return this.rule.nextRunAfter(after);
  }

  async run(): Promise<void> {
    const report = await this.runOnce();
    if (report.failed.length > 0)
      throw new Error(`Momentum check failed for ${report.failed.map((f) => f.nis).join(', ')}`);
  }

  async runOnce(): Promise<MomentumCheckReport> {
    const now = this.clock.now();
    const gaps = communesWithoutRecentAttendance(
      titledCommunes(this.readModels),
      new WebinarCalendar(this.readModels).attendance(),
      now,
      NO_ATTENDANCE_WINDOW_MONTHS,
    );
    const alerted: string[] = [];
    const skipped: Array<{ nis: string; code: string }> = [];
    const failed: Array<{ nis: string; error: string }> = [];
    for (const { nis, lastAttendedAt } of gaps) {
      const alertId = noWebinarAlertId(nis, now);
      try {
        await this.commands.execute(
          new ExecuteCommuneCommand(
            nis,
            {
              type: 'RaiseMomentumAlert',
              data: {
                alertId,
                reasons: ['no_webinar_attendance'],
                note: lastAttendedAt
                  ? `Dernier webinaire suivi le ${lastAttendedAt.slice(0, 10)}.`
                  : 'Aucun webinaire suivi depuis le titre.',
              },
            },
            {
              actor: MOMENTUM_CHECK_ACTOR,
              commandId: alertId,
              correlationId: `momentum-check-${now.toISOString().slice(0, 10)}`,
            },
          ),
        );
        alerted.push(nis);
      } catch (error) {
        // One commune's trouble must not stop the others; a refusal is final, anything else is retried.
        if (error instanceof DomainError) skipped.push({ nis, code: error.code });
        else failed.push({ nis, error: (error as Error).message });
      }
    }
    if (gaps.length > 0)
      this.logger.log(
        `${alerted.length} alert(s) no_webinar_attendance, ${skipped.length} refused, ${failed.length} failed`,
      );
    return { alerted, skipped, failed };
  }
}
