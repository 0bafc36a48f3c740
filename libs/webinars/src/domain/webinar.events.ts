import type { DomainEvent } from '@cdce/eventsourcing';

/*
 * Events of a webinar stream (`webinar-<id>`). Names are the contract (DESIGN §2.3): past tense, never renamed.
 * Times are ISO-8601 UTC instants; the programme computes them in Europe/Brussels. People are `personId`s only.
 * `sequence` is the iCalendar SEQUENCE of the invitation in force: 0 when scheduled, +1 at each reschedule and at
 * the cancellation, so that calendar clients replace the older invitation.
 */

export type WebinarScheduled = DomainEvent<
  'WebinarScheduled',
  {
    readonly webinarId: string;
    readonly theme: string;
    readonly startsAt: string;
    readonly endsAt: string;
    readonly organiserId: string;
    readonly scheduledAt: string;
  }
>;

export type WebinarRescheduled = DomainEvent<
  'WebinarRescheduled',
  {
    readonly webinarId: string;
    readonly startsAt: string;
    readonly endsAt: string;
    readonly sequence: number;
    readonly reason: string | null;
    readonly rescheduledAt: string;
  }
>;

export type WebinarCancelled = DomainEvent<
  'WebinarCancelled',
  { readonly webinarId: string; readonly reason: string; readonly sequence: number; readonly cancelledAt: string }
>;

/** Invitations to the COPILs of these communes (NIS codes); only communes not invited before are listed. */
export type InvitationsSent = DomainEvent<
  'InvitationsSent',
  {
    readonly webinarId: string;
    readonly invitationId: string;
    readonly communes: readonly string[];
    readonly sequence: number;
    readonly sentAt: string;
  }
>;

export type RegisteredForWebinar = DomainEvent<
  'RegisteredForWebinar',
  { readonly webinarId: string; readonly nis: string; readonly personId: string; readonly registeredAt: string }
>;

/** People of one commune who attended; `webinarStartsAt` dates the attendance for momentum signals. */
export type WebinarAttendanceRecorded = DomainEvent<
  'WebinarAttendanceRecorded',
  {
    readonly webinarId: string;
    readonly nis: string;
    readonly personIds: readonly string[];
    readonly webinarStartsAt: string;
    readonly recordedAt: string;
  }
>;

export type WebinarEvent =
  | WebinarScheduled
  | WebinarRescheduled
  | WebinarCancelled
  | InvitationsSent
  | RegisteredForWebinar
  | WebinarAttendanceRecorded;

export type WebinarEventType = WebinarEvent['type'];

/** Every event type of a webinar stream; the kernel refuses to fold any other. */
export const WEBINAR_EVENT_TYPES = [
  'WebinarScheduled',
  'WebinarRescheduled',
  'WebinarCancelled',
  'InvitationsSent',
  'RegisteredForWebinar',
  'WebinarAttendanceRecorded',
] as const satisfies readonly WebinarEventType[];

// Fails to compile when an event type is added to the union but not to the list above.
type Missing = Exclude<WebinarEventType, (typeof WEBINAR_EVENT_TYPES)[number]>;
const _everyEventTypeListed: Missing extends never ? true : Missing = true;
void _everyEventTypeListed;
