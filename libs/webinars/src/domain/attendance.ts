import { DateTime } from 'luxon';
import type { WebinarAttendanceRecorded } from './webinar.events';

/*
 * "No webinar attended for 12 months" is one momentum signal (reason `no_webinar_attendance`). Pure: the caller
 * gives the communes to watch, the attendance events and `now`; the worker raises `RaiseMomentumAlert` with the result.
 */

export interface WatchedCommune {
  readonly nis: string;
  /**
   * When the commune entered the campaign (or its current title), ISO date or instant: a commune engaged for less
   * than the window has not had the chance to miss a year of webinars.
   */
  readonly since?: string;
}

export interface AttendanceGap {
  readonly nis: string;
  /** Start of the last webinar the commune attended, or null when it never attended one. */
  readonly lastAttendedAt: string | null;
}

export const NO_ATTENDANCE_WINDOW_MONTHS = 12;

/**
 * The watched communes with no webinar attended in the `months` before `now` (by webinar start), in the order given.
 */
export function communesWithoutRecentAttendance(
  communes: readonly WatchedCommune[],
  attendance: Iterable<Pick<WebinarAttendanceRecorded, 'data'>>,
  now: Date | string,
  months = NO_ATTENDANCE_WINDOW_MONTHS,
): AttendanceGap[] {
  const windowStart = DateTime.fromJSDate(new Date(now), { zone: 'utc' }).minus({ months }).toMillis();
  const last = new Map<string, number>();
  for (const { data } of attendance) {
    if (data.personIds.length === 0) continue;
    const at = Date.parse(data.webinarStartsAt);
    if (at > (last.get(data.nis) ?? -Infinity)) last.set(data.nis, at);
  }
  return communes
    .filter(
      ({ nis, since }) =>
        (since === undefined || Date.parse(since) <= windowStart) && (last.get(nis) ?? -Infinity) < windowStart,
    )
    .map(({ nis }) => ({ nis, lastAttendedAt: last.has(nis) ? new Date(last.get(nis)!).toISOString() : null }));
}
