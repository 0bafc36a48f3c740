import type Database from 'better-sqlite3';
import {
  columnOf,
  daysToFirstTitle,
  DIRECTORY_TABLE,
  hasFirstTitle,
  openAlertReasons,
  TITLE_EVENTS_TABLE,
} from './directory-expressions';

/*
 * Counts kept in the read-model file beside the tables they count, by SQLite triggers, in the transaction that writes
 * the rows: the dashboard reads a few hundred count rows instead of aggregating 100 000 communes at every call.
 *
 * They hold because (1) the triggers are created in the same transaction as a full recount, and (2) every change of a
 * counted table fires them: the projector writes with INSERT … ON CONFLICT DO UPDATE and DELETE (an INSERT OR REPLACE
 * would delete without firing a delete trigger). A rebuild drops a read model's table, and its triggers with it; the
 * next dashboard query finds them missing and recounts (ensureDirectoryIndexes), whatever wrote the rows meanwhile.
 *
 * A count row is a delta sum: rows whose key holds a NULL never conflict and pile up as +1/−1 rows, so readers sum
 * by key (`GROUP BY`) and skip the keys that sum to zero. Nothing here can fail on a value it does not expect: a
 * trigger that failed would stop the projector.
 */

interface MaintainedCount {
  /** The counts table, its key columns, and the table whose rows it counts. */
  readonly table: string;
  readonly keys: readonly string[];
  readonly source: string;
  /** The key of a row (`row`: NEW or OLD in a trigger, an alias in the recount); one per value of `each`, if any. */
  readonly key: (row: string) => readonly string[];
  /** Which rows count. */
  readonly counted: (row: string) => string;
  /** A table-valued function over the row that gives a row several keys (each alert reason). */
  readonly each?: (row: string) => string;
  /** What the row's key and membership depend on: an update that changes none of these leaves the count alone. */
  readonly dependsOn: (row: string) => readonly string[];
}

/** Bump when a definition below changes: older triggers and tables are then dropped and counted again. */
const VERSION = 1;
const PREFIX = 'rm_dash_';

export const COUNTS = {
  /** Communes by status and arrondissement (the NIS code's first two digits). */
  statusArea: `${PREFIX}status_area`,
  /** Communes holding a first title, by whole days from first candidacy to first title (floor). */
  firstTitleDays: `${PREFIX}first_title_days`,
  /** Open alert reasons of the communes losing momentum. */
  momentumReasons: `${PREFIX}momentum_reasons`,
  /** Title decisions by year and kind. */
  titlesPerYear: `${PREFIX}titles_per_year`,
} as const;

const MAINTAINED: readonly MaintainedCount[] = [
  {
    table: COUNTS.statusArea,
    keys: ['status', 'arrondissement'],
    source: DIRECTORY_TABLE,
    key: (row) => [columnOf(row, 'status'), `substr(${columnOf(row, 'id')}, 1, 2)`],
    counted: () => 'true',
    dependsOn: (row) => [columnOf(row, 'status'), columnOf(row, 'id')],
  },
  {
    table: COUNTS.firstTitleDays,
    keys: ['day'],
    source: DIRECTORY_TABLE,
    key: (row) => [`floor(${daysToFirstTitle(row)})`],
    counted: (row) => hasFirstTitle(row),
    dependsOn: (row) => [columnOf(row, 'first_titled_at'), columnOf(row, 'candidacy_opened_at')],
  },
  {
    table: COUNTS.momentumReasons,
    keys: ['reason'],
    source: DIRECTORY_TABLE,
    key: () => ['reason.value'],
    counted: (row) => `${columnOf(row, 'status')} = 'losing_momentum'`,
    each: (row) => `json_each(${columnOf(row, 'doc')}, '$.summary.openAlertReasons') AS reason`,
    // The status first: the document is looked into only for communes losing momentum before or after the update.
    dependsOn: (row) => [columnOf(row, 'status'), openAlertReasons(row)],
  },
  {
    table: COUNTS.titlesPerYear,
    keys: ['year', 'kind'],
    source: TITLE_EVENTS_TABLE,
    key: (row) => [columnOf(row, 'year'), columnOf(row, 'kind')],
    counted: () => 'true',
    dependsOn: (row) => [columnOf(row, 'year'), columnOf(row, 'kind')],
  },
];

const triggerName = (count: MaintainedCount, operation: string) => `${count.table}_v${VERSION}_${operation}`;
const TRIGGERS = MAINTAINED.flatMap((count) => ['insert', 'update', 'delete'].map((op) => triggerName(count, op)));
const EXPECTED = [...MAINTAINED.map((count) => count.table), ...TRIGGERS];

/** Adds `delta` to the counts of the row `row` (NEW or OLD). */
function add(count: MaintainedCount, row: 'NEW' | 'OLD', delta: 1 | -1): string {
  return `INSERT INTO ${count.table} (${count.keys.join(', ')}, n)
    SELECT ${count.key(row).join(', ')}, ${delta} ${count.each ? `FROM ${count.each(row)}` : ''} WHERE ${count.counted(row)}
    ON CONFLICT (${count.keys.join(', ')}) DO UPDATE SET n = n + excluded.n;`;
}

/**
 * One trigger per count and change. An update that changes nothing the count depends on (most rewrites of a document)
 * is dismissed by the trigger's WHEN before any statement runs.
 */
function triggersOf(count: MaintainedCount): string[] {
  const moved = count
    .dependsOn('OLD')
    .map((old, i) => `${old} IS NOT ${count.dependsOn('NEW')[i]!}`)
    .join(' OR ');
  const on = (operation: string) =>
    `CREATE TRIGGER ${triggerName(count, operation)} AFTER ${operation.toUpperCase()} ON ${count.source}`;
  return [
    `${on('insert')} BEGIN ${add(count, 'NEW', 1)} END`,
    `${on('delete')} BEGIN ${add(count, 'OLD', -1)} END`,
    `${on('update')} WHEN ((${count.counted('OLD')}) OR (${count.counted('NEW')})) AND (${moved})
     BEGIN ${add(count, 'OLD', -1)} ${add(count, 'NEW', 1)} END`,
  ];
}

/** The counts of every row of the source, by key, in key order. */
function recount(count: MaintainedCount): string {
  const keys = count.key('counted');
  const positions = keys.map((_, i) => i + 1).join(', ');
  return `SELECT ${keys.join(', ')}, count(*) FROM ${count.source} AS counted ${count.each ? `, ${count.each('counted')}` : ''}
    WHERE ${count.counted('counted')} GROUP BY ${positions} ORDER BY ${positions}`;
}

/** True when every counts table and trigger of this version exists: the counts are then up to date. */
export function maintainedCountsReady(db: Database.Database): boolean {
  const present = db
    .prepare(`SELECT count(*) FROM sqlite_master WHERE name IN (SELECT value FROM json_each(?))`)
    .pluck()
    .get(JSON.stringify(EXPECTED)) as number;
  return present === EXPECTED.length;
}

/**
 * Drops the counts and their triggers, counts every row again and creates the triggers. Run it inside one write
 * transaction taken before reading (BEGIN IMMEDIATE): no row may change between the recount and the triggers.
 */
export function repairMaintainedCounts(db: Database.Database): void {
  const ours = (type: string) =>
    db
      .prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name GLOB ?`)
      .pluck()
      .all(type, `${PREFIX}*`) as string[];
  ours('trigger').forEach((name) => db.exec(`DROP TRIGGER ${name}`));
  ours('table').forEach((name) => db.exec(`DROP TABLE ${name}`));
  for (const count of MAINTAINED) {
    // A rowid table: a NULL in the key is allowed (and never conflicts) instead of failing the projector's write.
    db.exec(
      `CREATE TABLE ${count.table} (${count.keys.join(', ')}, n INTEGER NOT NULL, PRIMARY KEY (${count.keys.join(', ')}))`,
    );
    db.exec(`INSERT INTO ${count.table} (${count.keys.join(', ')}, n) ${recount(count)}`);
  }
  MAINTAINED.flatMap(triggersOf).forEach((sql) => db.exec(sql));
}

/** A counts table summed by key, keys whose count is zero left out. */
export function readCounts<Key extends readonly string[]>(
  db: Database.Database,
  table: string,
  keys: Key,
): Array<[...{ [K in keyof Key]: string | number | null }, number]> {
  return db
    .prepare(
      `SELECT ${keys.join(', ')}, sum(n) FROM ${table} GROUP BY ${keys.join(', ')} HAVING sum(n) <> 0 ORDER BY ${keys.join(', ')}`,
    )
    .raw()
    .all() as Array<[...{ [K in keyof Key]: string | number | null }, number]>;
}

/** The counts tables that differ from a recount of their source (none when the triggers did their job). */
export function countsDifferingFromRecount(db: Database.Database): string[] {
  return MAINTAINED.filter((count) => {
    const kept = readCounts(db, count.table, count.keys);
    return JSON.stringify(kept) !== JSON.stringify(db.prepare(recount(count)).raw().all());
  }).map((count) => count.table);
}
