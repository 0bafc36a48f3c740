import { SqliteReadModelStore } from '@cdce/projections';
import type { Reminder } from '../domain/reminder';
import { DEADLINES_PROJECTION, type DeadlinesDoc } from './deadlines.projection';

/** Queries over the deadlines read model (the projector keeps it up to date). */
export class DeadlinesReadModel {
  private readonly table = SqliteReadModelStore.tableOf(DEADLINES_PROJECTION);

  constructor(private readonly readModels: SqliteReadModelStore) {}

  /** Every reminder owed by every commune, past or future: what the scheduler reconciles with. */
  all(): Reminder[] {
    return this.docs(`SELECT doc FROM ${this.table} WHERE due_at IS NOT NULL`).flatMap((doc) => doc.reminders);
  }

  /** Reminders owed by one commune (empty when it owes none or has no stream). */
  ofCommune(nis: string): Reminder[] {
    return this.docs(`SELECT doc FROM ${this.table} WHERE id = ?`, nis).flatMap((doc) => doc.reminders);
  }

  /** Communes whose next reminder is due at or before `instant`, most urgent first (dashboards). */
  nextDueBefore(instant: string, limit = 100): Array<{ nis: string; kind: string; dueAt: string }> {
    return this.readModels.db
      .prepare(`SELECT nis, kind, due_at AS dueAt FROM ${this.table} WHERE due_at <= ? ORDER BY due_at, nis LIMIT ?`)
      .all(instant, limit) as Array<{ nis: string; kind: string; dueAt: string }>;
  }

  private docs(sql: string, ...params: unknown[]): DeadlinesDoc[] {
    const table = this.readModels.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(this.table);
    if (!table) return [];
    return (
      this.readModels.db
        .prepare(sql)
        .pluck()
        .all(...params) as string[]
    ).map((json) => JSON.parse(json) as DeadlinesDoc);
  }
}
