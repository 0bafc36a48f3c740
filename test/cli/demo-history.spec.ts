import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { communeDecider, type Commune, type CommuneEvent, foldCommune } from '@cdce/communes';
import { fold, type RecordedEvent, SqliteEventStore } from '@cdce/eventsourcing';
import { PEOPLE_FILE, runDemo } from '@cdce/demo';
import { SqlitePeopleDirectory } from '@cdce/people';
import { loadConfig } from '@cdce/platform';

/** The demo's end of story (a fixed day, so the test does not depend on today). */
const UNTIL = '2026-11-30';
const HOLDING = ['titled', 'renewed', 'losing_momentum', 'renewal_under_review'];

function tempDir(): string {
  return fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'demo-'));
}

async function loadDemo(dir: string, seed: number) {
  const started = Date.now();
  const outcome = await runDemo(loadConfig({ CDCE_DATA_DIR: dir }, []), { until: UNTIL, seed });
  return { outcome, ms: Date.now() - started };
}

async function readLog(dir: string): Promise<RecordedEvent[]> {
  const store = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') });
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  await store.close();
  return events;
}

/** Everything about the log except what may legitimately differ between two runs (nothing should). */
function digest(events: readonly RecordedEvent[]): string {
  const hash = createHash('sha256');
  for (const e of events)
    hash.update(JSON.stringify([e.streamId, String(e.revision), e.id, e.type, e.data, e.metadata]));
  return hash.digest('hex');
}

function byStream(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
  const streams = new Map<string, RecordedEvent[]>();
  for (const e of events) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
  return streams;
}

const stateOf = (events: readonly RecordedEvent[]): Commune =>
  fold(communeDecider, events as unknown as CommuneEvent[]);

describe('the demo history', () => {
  const dir = tempDir();
  let first: Awaited<ReturnType<typeof loadDemo>>;
  let log: RecordedEvent[];
  let states: Map<string, Commune>;

  beforeAll(async () => {
    first = await loadDemo(dir, 7);
    log = await readLog(dir);
    states = new Map([...byStream(log)].map(([stream, events]) => [stream.replace('commune-', ''), stateOf(events)]));
  }, 120_000);

  const count = (predicate: (state: Commune) => boolean) => [...states.values()].filter(predicate).length;
  const ofType = (type: string) => log.filter((e) => e.type === type);

  it('loads in well under a minute and reports what it wrote', () => {
    expect(first.outcome.loaded).toBe(true);
    if (!first.outcome.loaded) return;
    const { report } = first.outcome;
    console.log(
      `demo: ${report.commands} commands, ${report.events} events, ${report.streams} streams, ${first.ms} ms`,
    );
    expect(first.ms).toBeLessThan(45_000);
    expect(report.events).toBe(log.length);
    expect(report.streams).toBe(states.size);
  });

  it('is deterministic: the same seed writes the same log, id for id and hash for hash', async () => {
    const other = tempDir();
    await loadDemo(other, 7);
    expect(digest(await readLog(other))).toBe(digest(log));
    const reseeded = tempDir();
    await loadDemo(reseeded, 8);
    expect(digest(await readLog(reseeded))).not.toBe(digest(log));
  }, 120_000);

  it('ends with about sixty titled communes, as the campaign today', () => {
    const holding = count((s) => HOLDING.includes(s.status));
    expect(holding).toBeGreaterThanOrEqual(55);
    expect(holding).toBeLessThanOrEqual(65);
    expect(count((s) => s.status === 'renewed')).toBeGreaterThan(40);
  });

  it('has candidates at every stage', () => {
    const candidates = [...states.values()].filter((s) => s.status === 'candidate');
    const evidenceCount = (s: Commune) =>
      s.evidence.partners.length + s.evidence.copilMembers.length + s.evidence.councilResolutions.length;
    expect(candidates.filter((s) => evidenceCount(s) <= 1).length).toBeGreaterThanOrEqual(3);
    expect(candidates.filter((s) => evidenceCount(s) > 3).length).toBeGreaterThanOrEqual(15);
    expect(count((s) => s.status === 'under_review')).toBeGreaterThanOrEqual(4);
    expect(count((s) => s.status === 'changes_requested')).toBeGreaterThanOrEqual(3);
  });

  it('tells setbacks too: refusals, lost momentum with sponsors, a relinquished and a lapsed title, abandons', () => {
    expect(ofType('DossierRejected').length).toBeGreaterThanOrEqual(2);
    expect(ofType('ChangesRequested').length).toBeGreaterThanOrEqual(8);
    expect(ofType('SponsorAssigned').length).toBeGreaterThanOrEqual(5);
    expect(ofType('MomentumRestored').length).toBeGreaterThanOrEqual(2);
    expect(ofType('RenewalRefused')).toHaveLength(2);
    expect(ofType('TitleRelinquished')).toHaveLength(1);
    expect(ofType('TitleLapsed')).toHaveLength(1);
    expect(ofType('CandidacyAbandoned')).toHaveLength(3);
    expect(count((s) => s.status === 'losing_momentum')).toBeGreaterThanOrEqual(3);
  });

  it('follows the campaign calendar: Fair-ô-mètre editions and local elections with re-confirmations', () => {
    const editions = new Set(ofType('FairOMeterSubmitted').map((e) => (e.data as { edition: string }).edition));
    expect([...editions].sort()).toEqual(['2019', '2021', '2023', '2025']);
    const elections = new Set(ofType('LocalElectionHeld').map((e) => (e.data as { heldOn: string }).heldOn));
    expect([...elections].sort()).toEqual(['2018-10-14', '2024-10-13']);
    expect(ofType('CouncilResolutionReconfirmed').length).toBeGreaterThan(60);
  });

  it('merges Bastogne (titled 29 September 2015) and Bertogne into Bastogne 82039 on 2 December 2024', () => {
    const awarded = log.find((e) => e.streamId === 'commune-82003' && e.type === 'TitleAwarded');
    expect(awarded?.data).toMatchObject({ validFrom: '2015-09-29' });
    expect(log.find((e) => e.streamId === 'commune-82005' && e.type === 'TitleAwarded')?.data).toMatchObject({
      validFrom: expect.stringMatching(/^2017-/),
    });
    for (const nis of ['82003', '82005']) {
      expect(states.get(nis)).toMatchObject({ status: 'merged', successorNis: '82039', effectiveOn: '2024-12-02' });
    }
    const successor = log.filter((e) => e.streamId === 'commune-82039');
    expect(
      successor
        .filter((e) => e.type === 'PredecessorMerged')
        .map((e) => (e.data as { predecessorNis: string }).predecessorNis)
        .sort(),
    ).toEqual(['82003', '82005']);
    expect(states.get('82039')).toMatchObject({ status: 'renewed' });
  });

  it('is recorded in story order by demo actors, and names people only by id', async () => {
    const times = log.map((e) => e.metadata.recordedAt);
    expect([...times].sort()).toEqual(times);
    expect(times[0]!.startsWith('2015-')).toBe(true);
    expect(times.at(-1)! <= `${UNTIL}T23:59:59.999Z`).toBe(true);
    for (const e of log) {
      const nis = e.streamId.replace('commune-', '');
      expect([`demo-copil-${nis}`, 'demo-coordination']).toContain(e.metadata.actor.id);
    }
    const people = SqlitePeopleDirectory.open(path.join(dir, PEOPLE_FILE));
    const members = ofType('CopilMemberJoined').map((e) => (e.data as { personId: string }).personId);
    const found = await people.contactsOf(members);
    people.close();
    expect(found.length).toBe(new Set(members).size);
    expect(found.every((p) => p.email.endsWith('@example.org'))).toBe(true);
    expect(JSON.stringify(log.map((e) => e.data))).not.toContain('@example.org');
  });

  it('gives every commune the same state through foldCommune as through the plain fold, resumed or not', () => {
    for (const [stream, events] of byStream(log)) {
      const history = events as unknown as CommuneEvent[];
      const half = Math.floor(history.length / 2);
      const expected = states.get(stream.replace('commune-', ''));
      expect({ stream, state: foldCommune(history) }).toEqual({ stream, state: expected });
      const resumed = foldCommune(history.slice(half), foldCommune(history.slice(0, half)));
      expect({ stream, state: resumed }).toEqual({ stream, state: expected });
    }
  });

  it('does not load twice', async () => {
    const again = await loadDemo(dir, 7);
    expect(again.outcome).toEqual({ loaded: false, existingEvents: BigInt(log.length) });
  });
});
