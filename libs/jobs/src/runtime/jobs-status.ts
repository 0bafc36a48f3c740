import type { OutboxMessage, OutboxStatus } from '@cdce/mail';
import type { ProjectorStatus } from '@cdce/projections';
import type { ScheduledReminder } from '@cdce/reminders';
import type { PlannedRun } from '../recurring/recurring-job';

/** A failed or waiting mail as the coordination sees it (no addresses: those live in the people directory). */
export interface OutboxMessageView {
  readonly id: string;
  readonly kind: string;
  readonly streamId: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly recordedAt: string;
}

export interface MailerStatus {
  readonly enabled: boolean;
  readonly transport?: 'smtp' | 'eml';
  readonly counts?: Record<OutboxStatus, number>;
  readonly failed?: readonly OutboxMessageView[];
}

/** What the worker runtime of this process runs and what it waits for. */
export interface JobsStatus {
  readonly executor: 'in-process' | 'bullmq';
  readonly reminders: { readonly pending: number; readonly next: readonly ScheduledReminder[] };
  readonly recurring: readonly PlannedRun[];
  readonly mailer: MailerStatus;
  readonly projector: ProjectorStatus;
}

export function outboxMessageView(message: OutboxMessage): OutboxMessageView {
  return {
    id: message.id,
    kind: message.kind,
    streamId: message.streamId,
    status: message.status,
    attempts: message.attempts,
    nextAttemptAt: message.nextAttemptAt,
    lastError: message.lastError,
    recordedAt: message.recordedAt,
  };
}
