import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@cdce/eventsourcing';
import { ManualClock } from '@cdce/platform';
import { Projector, SqliteReadModelStore } from '@cdce/projections';
import {
  fairOMeterRequested,
  fairOMeterSubmitted,
  type on,
  recorded,
  reminderSent,
  titled,
  titleRenewed,
} from '../domain/testing/deadline.fixtures';
import { deadlinesProjection } from './deadlines.projection';
import { DeadlinesReadModel } from './deadlines.read-model';

type Entry = ReturnType<typeof on>;

/** The deadlines read model on real SQLite files, fed by a real projector from a real event store. */
describe('Deadlines read model', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: SqliteReadModelStore;
  const clock = new ManualClock(new Date('2023-01-01T00:00:00Z'));
  let n = 0;

  const append = async (nis: string, ...entries: Entry[]) => {
    for (const { at, event } of entries) {
      clock.set(at);
      await store.appendToStream(`commune-${nis}`, [{ id: `e-${++n}`, type: event.type, data: event.data }], {
        expectedRevision: 'any',
        context: {
          actor: { id: 't', role: 'coordination' },
          commandId: `c-${n}`,
          correlationId: 'c',
          causationId: 'c',
        },
      });
    }
  };
  const catchUp = () => new Projector(store, readModels, [deadlinesProjection()]).catchUp();
  const rows = () => readModels.db.prepare('SELECT id, nis, due_at AS dueAt, kind FROM rm_deadlines ORDER BY id').all();

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'deadlines-'));
    store = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite'), clock: () => clock.now() });
    readModels = SqliteReadModelStore.open(path.join(dir, 'read-models.sqlite'));
  });
  afterEach(async () => {
    readModels.close();
    await store.close();
  });

  it('keeps one row per commune with its next reminder in the due_at, kind and nis columns', async () => {
    await append('92094', ...titled, fairOMeterRequested('2025-06-30'));
    await append('25112', ...titled.slice(0, 3));
    await catchUp();
    expect(rows()).toEqual([
      { id: '25112', nis: '25112', dueAt: '2024-01-15T08:00:00.000Z', kind: 'copil_inactive' },
      { id: '92094', nis: '92094', dueAt: '2025-06-16T07:00:00.000Z', kind: 'fair_o_meter_due_soon' },
    ]);
    const model = new DeadlinesReadModel(readModels);
    expect(model.ofCommune('92094').map((r) => r.kind)).toEqual([
      'fair_o_meter_due_soon',
      'fair_o_meter_overdue',
      'renewal_due_in_90d',
      'renewal_due_in_30d',
      'renewal_due_in_7d',
      'renewal_escalation',
      'renewal_overdue',
      'copil_inactive',
    ]);
    expect(model.all()).toHaveLength(10);
    expect(model.nextDueBefore('2025-01-01T00:00:00.000Z')).toEqual([
      { nis: '25112', kind: 'copil_inactive', dueAt: '2024-01-15T08:00:00.000Z' },
    ]);
  });

  it('forgets a reminder once it is recorded and a deadline once its condition is met', async () => {
    await append('92094', ...titled, fairOMeterRequested('2025-06-30'));
    await catchUp();
    await append(
      '92094',
      reminderSent(
        'reminder-92094-fair_o_meter_due_soon-2025-06-16',
        'fair_o_meter_due_soon',
        '2025-06-30',
        '2025-06-16',
      ),
    );
    await catchUp();
    expect(rows()).toEqual([
      { id: '92094', nis: '92094', dueAt: '2025-07-01T07:00:00.000Z', kind: 'fair_o_meter_overdue' },
    ]);
    await append('92094', fairOMeterSubmitted('2025-06-20'));
    await catchUp();
    expect(new DeadlinesReadModel(readModels).ofCommune('92094').map((r) => r.kind)).toEqual(['copil_inactive']);
  });

  it('gives the same rows when rebuilt from the log (pure: no clock in the projection)', async () => {
    await append('92094', ...titled, fairOMeterRequested('2025-06-30'));
    await catchUp();
    const before = readModels.db.prepare('SELECT * FROM rm_deadlines').all();
    clock.set('2031-01-01T00:00:00Z');
    await new Projector(store, readModels, [deadlinesProjection(undefined, 2)]).catchUp();
    expect(readModels.db.prepare('SELECT * FROM rm_deadlines').all()).toEqual(before);
  });

  it('reads nothing before the projection ever ran', () =>
    expect(new DeadlinesReadModel(readModels).all()).toEqual([]));
});

describe('the deadlines projection folding a run of events at once', () => {
  const projection = deadlinesProjection();
  const history = recorded([
    ...titled,
    fairOMeterRequested('2025-06-30'),
    reminderSent(
      'reminder-92094-fair_o_meter_due_soon-2025-06-16',
      'fair_o_meter_due_soon',
      '2025-06-30',
      '2025-06-16',
    ),
    fairOMeterSubmitted('2025-06-20'),
    titleRenewed('2025-10-11', '2027-10-10'),
  ]);

  it.each([1, 2, 3, 5, history.length])('gives what evolve gives event by event, in runs of %i', (length) => {
    let byRuns: ReturnType<typeof projection.evolve>;
    let byEvents: ReturnType<typeof projection.evolve>;
    for (let start = 0; start < history.length; start += length) {
      const run = history.slice(start, start + length);
      const before = JSON.stringify(byRuns);
      const from = byRuns;
      byRuns = projection.evolveMany!(byRuns, run);
      byEvents = run.reduce(projection.evolve, byEvents);
      expect(byRuns).toEqual(byEvents);
      // The document it started from is left as it was (the projector may hold it in its cache).
      expect(JSON.stringify(from)).toBe(before);
    }
    expect(byRuns!.reminders.length).toBeGreaterThan(0);
  });
});
