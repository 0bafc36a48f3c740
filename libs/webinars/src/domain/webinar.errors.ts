/**
 * Stable codes of the webinar refusals (thrown as `DomainError`); the API maps them to 409/422 with the message.
 */
export const WEBINAR_ERRORS = {
  /** The webinar id was never scheduled. */
  WEBINAR_NOT_SCHEDULED: 'WEBINAR_NOT_SCHEDULED',
  /** ScheduleWebinar on a stream that already holds a webinar. */
  WEBINAR_ALREADY_SCHEDULED: 'WEBINAR_ALREADY_SCHEDULED',
  WEBINAR_CANCELLED: 'WEBINAR_CANCELLED',
  /** A start (new or current) that is not in the future. */
  WEBINAR_IN_THE_PAST: 'WEBINAR_IN_THE_PAST',
  /** Attendance recorded before the webinar started. */
  WEBINAR_NOT_STARTED: 'WEBINAR_NOT_STARTED',
  ALREADY_REGISTERED: 'ALREADY_REGISTERED',
  /** A theme, a duration, a time or a NIS code that cannot be right. */
  INVALID_WEBINAR: 'INVALID_WEBINAR',
  NO_COMMUNE_TO_INVITE: 'NO_COMMUNE_TO_INVITE',
} as const;

export type WebinarErrorCode = keyof typeof WEBINAR_ERRORS;
