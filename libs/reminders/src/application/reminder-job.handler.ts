import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type CommandMeta, type CommuneCommandInput, ExecuteCommuneCommand, readCommuneHistory } from '@cdce/communes';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { CLOCK, type Clock } from '@cdce/platform';
import { remindersOwed, withoutSuperseded } from '../domain/deadline-policy';
import { subjectOf } from '../domain/deadline-subject';
import type { Reminder } from '../domain/reminder';
import type { ReminderPolicy } from '../domain/reminder-policy';
import { REMINDER_POLICY } from './tokens';

/** `recorded`: the commands were sent; `stale`: the commune no longer owes this reminder (done, moot or superseded). */
export type ReminderJobOutcome = 'recorded' | 'stale';

/** The actor of every command a reminder job sends. */
export const REMINDER_ACTOR = { id: 'reminders', role: 'system' } as const;

/**
 * What a due reminder job does. The queue only carries work: the commune's stream is re-read when the job runs, and
 * a reminder it no longer owes is skipped. Otherwise the job ends with `RecordReminderSent` (for an overdue renewal,
 * `MarkRenewalOverdue` first, which raises the momentum alert). Command ids derive from the reminder id and the
 * decider ignores a reminder id already recorded, so a redelivered job records nothing twice.
 *
 * No mail is sent here: the outbox is fed by the `ReminderSent` event.
 */
@Injectable()
export class ReminderJobHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
  ) {}

  async handle(reminder: Reminder): Promise<ReminderJobOutcome> {
    if (!(await this.stillOwed(reminder))) return 'stale';
    if (reminder.kind === 'renewal_overdue') {
      await this.send(reminder, 'overdue', { type: 'MarkRenewalOverdue', data: { validUntil: reminder.deadlineOn } });
    }
    await this.send(reminder, 'sent', {
      type: 'RecordReminderSent',
      data: { reminderId: reminder.id, kind: reminder.kind, dueOn: reminder.deadlineOn },
    });
    return 'recorded';
  }

  private async stillOwed(reminder: Reminder): Promise<boolean> {
    const commune = await readCommuneHistory(this.store, reminder.nis);
    const owed = withoutSuperseded(
      remindersOwed(subjectOf(reminder.nis, commune.events), this.policy),
      this.clock.now(),
    );
    return owed.some((r) => r.id === reminder.id);
  }

  private send(reminder: Reminder, step: string, input: CommuneCommandInput): Promise<unknown> {
    const meta: CommandMeta = {
      actor: REMINDER_ACTOR,
      commandId: `${reminder.id}-${step}`,
      correlationId: reminder.id,
    };
    return this.commands.execute(new ExecuteCommuneCommand(reminder.nis, input, meta));
  }
}
