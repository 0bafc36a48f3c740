import type { Command } from '@cdce/eventsourcing';

/*
 * Commands of a webinar stream. Each carries `now` and every generated id (webinarId, invitationId): the decider
 * never reads the clock nor invents ids. Which communes to invite (candidates and titled communes) is the
 * application layer's answer, passed in `communes`.
 */

export type ScheduleWebinar = Command<
  'ScheduleWebinar',
  {
    readonly webinarId: string;
    readonly theme: string;
    readonly startsAt: string;
    /** Default {@link DEFAULT_WEBINAR_MINUTES} (the campaign's 2-hour format). */
    readonly durationMinutes?: number;
    readonly organiserId: string;
  }
>;

export type RescheduleWebinar = Command<
  'RescheduleWebinar',
  { readonly startsAt: string; readonly durationMinutes?: number; readonly reason?: string }
>;

export type CancelWebinar = Command<'CancelWebinar', { readonly reason: string }>;

export type SendInvitations = Command<
  'SendInvitations',
  { readonly invitationId: string; readonly communes: readonly string[] }
>;

export type RegisterForWebinar = Command<'RegisterForWebinar', { readonly nis: string; readonly personId: string }>;

export type RecordWebinarAttendance = Command<
  'RecordWebinarAttendance',
  { readonly nis: string; readonly personIds: readonly string[] }
>;

export type WebinarCommand =
  ScheduleWebinar | RescheduleWebinar | CancelWebinar | SendInvitations | RegisterForWebinar | RecordWebinarAttendance;

/** The campaign's format: one thematic webinar of two hours a month (management response R2.2). */
export const DEFAULT_WEBINAR_MINUTES = 120;
