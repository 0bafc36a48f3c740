import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../../event';
import type { ReadLatestOptions, ReadStreamsOptions, StreamsBatch } from '../../event-store.port';
import { streamRangeOf } from '../shared/stream-range';
import { boundToNumber, EVENT_COLUMNS, filterSql, PartialReaders, toRecordedEvent } from './sqlite-rows';

/**
 * The reads of the log that go through the (stream_id, revision) index or walk the log backwards: the latest events
 * (activity feeds), the ids of the streams of a prefix and their events stream after stream (rebuilds). Statements
 * are prepared once per shape.
 */
export class SqliteLogReads {
  private readonly statements = new Map<string, Database.Statement>();
  /** Keyset paging along the (stream_id, revision) index: see `streamsInOrder`. */
  private readonly streamReaders: PartialReaders;

  constructor(private readonly db: Database.Database) {
    this.streamReaders = new PartialReaders(
      db,
      (columns) =>
        `SELECT ${columns} FROM events WHERE (stream_id, revision) > (?, ?) AND stream_id < ? AND position <= ?
         ORDER BY stream_id, revision LIMIT ?`,
    );
  }

  /** Newest first: backwards along the position (the rowid), or along each stream's index for a few streams. */
  latest(options: ReadLatestOptions): RecordedEvent[] {
    const before = options.before === undefined ? Number.MAX_SAFE_INTEGER : boundToNumber(options.before);
    if (options.maxCount <= 0) return [];
    const { where, params, shape } = filterSql(
      options.streamPrefixes ? { streamPrefixes: options.streamPrefixes } : undefined,
    );
    if (options.streams) {
      const ofStream = this.statement(
        `stream|${shape}`,
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND position < ?${where} ORDER BY revision DESC LIMIT ?`,
      );
      return [...new Set(options.streams)]
        .flatMap((streamId) =>
          (ofStream.all(streamId, before, ...params, options.maxCount) as unknown[][]).map(toRecordedEvent),
        )
        .sort((a, b) => (a.position < b.position ? 1 : -1))
        .slice(0, options.maxCount);
    }
    const statement = this.statement(
      `log|${shape}`,
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position < ?${where} ORDER BY position DESC LIMIT ?`,
    );
    return (statement.all(before, ...params, options.maxCount) as unknown[][]).map(toRecordedEvent);
  }

  /** One index seek per stream (the next id after the previous one), not a scan of every event of the prefix. */
  streamIds(prefix: string): string[] {
    const { from, to } = streamRangeOf(prefix);
    const statement = this.statement(
      'stream-ids',
      `WITH RECURSIVE ids(id) AS (
         SELECT min(stream_id) FROM events WHERE stream_id >= @from AND stream_id < @to
         UNION ALL
         SELECT (SELECT min(stream_id) FROM events WHERE stream_id > ids.id AND stream_id < @to) FROM ids WHERE ids.id IS NOT NULL
       ) SELECT id FROM ids WHERE id IS NOT NULL`,
      'pluck',
    );
    return statement.all({ from, to }) as string[];
  }

  /**
   * Keyset paging along the (stream_id, revision) index. The range's start is the cursor itself, never a second
   * `stream_id >= ?` bound: with both, SQLite starts each page's index walk at the range's start again.
   */
  streamsInOrder(options: ReadStreamsOptions): StreamsBatch {
    const range = streamRangeOf(options.prefix, options.fromStream, options.toStream);
    const after = options.after ?? { streamId: range.from, revision: -1n };
    if (options.maxCount <= 0 || after.streamId >= range.to) return { events: [] };
    const reader = this.streamReaders.get(options.parts);
    const rows = reader.statement.all(
      after.streamId < range.from ? range.from : after.streamId,
      after.streamId < range.from ? -1 : boundToNumber(after.revision),
      range.to,
      boundToNumber(options.upTo),
      options.maxCount,
    ) as unknown[][];
    const events = rows.map(reader.toEvent);
    const last = events[events.length - 1];
    return rows.length === options.maxCount && last
      ? { events, next: { streamId: last.streamId, revision: last.revision } }
      : { events };
  }

  /** The statement of `sql`, prepared once; its rows read as arrays, or its first column alone (`pluck`). */
  private statement(key: string, sql: string, rows: 'raw' | 'pluck' = 'raw'): Database.Statement {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = rows === 'raw' ? this.db.prepare(sql).raw(true) : this.db.prepare(sql).pluck();
      this.statements.set(key, statement);
    }
    return statement;
  }
}
