import { SqliteReadModelStore } from '@cdce/projections';
import type { WebinarAttendanceRecorded } from '../domain/webinar.events';
import type { Cancelled, Scheduled } from '../domain/webinar.state';
import { WEBINAR_CALENDAR_PROJECTION, type WebinarCalendarDoc } from './webinar-calendar.projection';

/** Queries over the webinar calendar read model (a projector keeps it up to date). */
export class WebinarCalendar {
  private readonly table = SqliteReadModelStore.tableOf(WEBINAR_CALENDAR_PROJECTION);

  constructor(private readonly readModels: SqliteReadModelStore) {}

  /** Scheduled webinars not over at `now`, soonest first. */
  upcoming(now: Date, limit = 24): Scheduled[] {
    return this.docs(
      `SELECT doc FROM ${this.table} WHERE status = 'scheduled' AND ends_at > ? ORDER BY starts_at, id LIMIT ?`,
      now.toISOString(),
      limit,
    ).map((doc) => doc.state as Scheduled);
  }

  get(webinarId: string): Scheduled | Cancelled | undefined {
    const [doc] = this.docs(`SELECT doc FROM ${this.table} WHERE id = ?`, webinarId);
    return doc && doc.state.status !== 'unscheduled' ? doc.state : undefined;
  }

  /** Every recorded attendance, as the momentum check reads it (one entry per webinar and commune). */
  attendance(): Array<Pick<WebinarAttendanceRecorded, 'data'>> {
    return this.docs(`SELECT doc FROM ${this.table} WHERE status <> 'unscheduled'`).flatMap(({ state }) =>
      state.status === 'unscheduled'
        ? []
        : Object.entries(state.attendance).map(([nis, personIds]) => ({
            data: {
              webinarId: state.webinarId,
              nis,
              personIds,
              webinarStartsAt: state.startsAt,
              recordedAt: state.startsAt,
            },
          })),
    );
  }

  private docs(sql: string, ...params: unknown[]): WebinarCalendarDoc[] {
    const exists = this.readModels.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(this.table);
    if (!exists) return [];
    return (
      this.readModels.db
        .prepare(sql)
        .pluck()
        .all(...params) as string[]
    ).map((json) => JSON.parse(json) as WebinarCalendarDoc);
  }
}
