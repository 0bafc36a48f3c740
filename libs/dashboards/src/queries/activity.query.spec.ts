import type { CommandContext } from '@cdce/eventsourcing';
import { loadMunicipalityRegistry } from '@cdce/reference';
import { campaignScenario } from '../testing/campaign-scenario';
import { ev, TestLog } from '../testing/commune-history';
import { activityFeed } from './activity.query';

const registry = loadMunicipalityRegistry();

describe('activityFeed, read from the log', () => {
  let log: TestLog;
  let head: bigint;
  beforeAll(async () => {
    log = new TestLog();
    await campaignScenario(log);
    head = await log.store.headPosition();
  });
  afterAll(() => log.close());

  it('lists the latest events newest first, with the commune, who acted, when, and a French label', async () => {
    const { items } = await activityFeed(log.store, registry, { limit: 2 });
    expect(items).toEqual([
      {
        position: head.toString(),
        nis: '25072',
        name: 'Nivelles',
        type: 'CandidacyOpened',
        label: 'Candidature ouverte',
        actorId: 'actor-copil',
        actorRole: 'copil',
        recordedAt: '2026-01-05T10:00:00.000Z',
      },
      expect.objectContaining({
        name: 'Mons',
        type: 'FairOMeterScored',
        label: 'Fair-ô-mètre évalué',
        actorRole: 'coordination',
      }),
    ]);
  });

  it('pages backwards with `before` until the first event, without gaps or repeats', async () => {
    const seen: string[] = [];
    let before: bigint | undefined;
    for (;;) {
      const page = await activityFeed(log.store, registry, { limit: 7, ...(before !== undefined ? { before } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((i) => i.position));
      if (page.nextBefore === null) break;
      before = BigInt(page.nextBefore);
    }
    expect(seen).toEqual(Array.from({ length: Number(head) + 1 }, (_, i) => String(Number(head) - i)));
  });

  it('shows a COPIL only its own communes, each page of them newest first', async () => {
    const { items } = await activityFeed(log.store, registry, { limit: 200, onlyNis: ['62063'] });
    expect(new Set(items.map((i) => i.nis))).toEqual(new Set(['62063']));
    expect(items).toHaveLength(10);
    const two = await activityFeed(log.store, registry, { limit: 12, onlyNis: ['62063', '25072'] });
    expect(new Set(two.items.map((i) => i.nis))).toEqual(new Set(['62063', '25072']));
    const positions = two.items.map((i) => BigInt(i.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? 1 : -1)));
    const next = await activityFeed(log.store, registry, {
      limit: 12,
      onlyNis: ['62063', '25072'],
      before: positions.at(-1)!,
    });
    expect(next.items.every((i) => BigInt(i.position) < positions.at(-1)!)).toBe(true);
    expect((await activityFeed(log.store, registry, { onlyNis: [] })).items).toEqual([]);
  });

  it('leaves out the events of other streams, and shows an event as soon as its append returns', async () => {
    const context: CommandContext = {
      actor: { id: 'bot', role: 'system' },
      commandId: 'x',
      correlationId: 'x',
      causationId: 'x',
    };
    await log.store.appendToStream('webinar-2026-12', [{ id: 'w-1', type: 'WebinarScheduled', data: {} }], {
      expectedRevision: 'any',
      context,
    });
    expect((await activityFeed(log.store, registry, { limit: 1 })).items[0]).toMatchObject({
      position: head.toString(),
    });
    const position = await log.append(
      '57081',
      '2026-03-03T10:00:00.000Z',
      'copil',
      ev.opened('57081', '2026-03-03T10:00:00.000Z'),
    );
    expect((await activityFeed(log.store, registry, { limit: 1 })).items[0]).toMatchObject({
      position: position.toString(),
      nis: '57081',
      type: 'CandidacyOpened',
    });
  });
});
