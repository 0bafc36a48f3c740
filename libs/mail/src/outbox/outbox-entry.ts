import type { ReminderSent } from '@cdce/communes';
import type { AllFilter, RecordedEvent } from '@cdce/eventsourcing';
import type { InvitationsSent, WebinarCancelled, WebinarRescheduled } from '@cdce/webinars';

/*
 * Which recorded events become mail, as a pure function of the event: the outbox consumer calls it for each event
 * of `$all` that passes {@link OUTBOX_FILTER}. Recipients are NOT decided here: they are resolved at delivery time,
 * so that a person erased meanwhile is skipped and a COPIL member who joined meanwhile is written to.
 */

export type OutboxKind = 'reminder' | 'webinar_invitation' | 'webinar_update' | 'webinar_cancellation';

/** A message the outbox must deliver, as recorded from one event. */
export interface OutboxEntry {
  /** Stable id; also the left part of every Message-ID of this message (`<id.person@cdce>`). */
  readonly id: string;
  readonly kind: OutboxKind;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly eventId: string;
  /** The event's data, as recorded. */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly recordedAt: string;
}

export const OUTBOX_FILTER: AllFilter = {
  streamPrefixes: ['commune-', 'webinar-'],
  eventTypes: ['ReminderSent', 'InvitationsSent', 'WebinarRescheduled', 'WebinarCancelled'],
};

/** The outbox entry for an event, or undefined when the event sends no mail. */
export function outboxEntryOf(event: RecordedEvent): OutboxEntry | undefined {
  const base = {
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    eventId: event.id,
    payload: event.data as Record<string, unknown>,
    recordedAt: event.metadata.recordedAt,
  };
  if (event.streamId.startsWith('commune-') && event.type === 'ReminderSent') {
    return { ...base, id: (event.data as ReminderSent['data']).reminderId, kind: 'reminder' };
  }
  if (!event.streamId.startsWith('webinar-')) return undefined;
  switch (event.type) {
    case 'InvitationsSent':
      return {
        ...base,
        id: `${event.streamId}.invitation-${(event.data as InvitationsSent['data']).invitationId}`,
        kind: 'webinar_invitation',
      };
    case 'WebinarRescheduled':
      return {
        ...base,
        id: `${event.streamId}.update-${(event.data as WebinarRescheduled['data']).sequence}`,
        kind: 'webinar_update',
      };
    case 'WebinarCancelled':
      return {
        ...base,
        id: `${event.streamId}.cancel-${(event.data as WebinarCancelled['data']).sequence}`,
        kind: 'webinar_cancellation',
      };
    default:
      return undefined;
  }
}

/** `<outbox-id.recipient@cdce>`: the same reminder to the same person always carries the same Message-ID. */
export function messageIdFor(outboxId: string, recipientKey: string): string {
  const safe = (part: string) => part.replace(/[^A-Za-z0-9._-]/g, '-');
  return `<${safe(outboxId)}.${safe(recipientKey)}@cdce>`;
}
