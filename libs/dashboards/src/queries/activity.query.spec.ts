import { loadMunicipalityRegistry } from '@cdce/reference';
import { campaignScenario } from '../testing/campaign-scenario';
import { TestLog } from '../testing/commune-history';
import { activityFeed } from './activity.query';

const registry = loadMunicipalityRegistry();

describe('activityFeed', () => {
  let log: TestLog;
  let head: bigint;
  beforeAll(async () => {
    log = new TestLog();
    await campaignScenario(log);
    await log.project();
    head = await log.store.headPosition();
  });
  afterAll(() => log.close());

  it('lists the latest events newest first, with the commune, who acted, when, and a French label', () => {
    const { items } = activityFeed(log.readModels, registry, { limit: 2 });
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

  it('pages backwards with `before` until the first event, without gaps or repeats', () => {
    const seen: string[] = [];
    let before: bigint | undefined;
    for (;;) {
      const page = activityFeed(log.readModels, registry, { limit: 7, ...(before !== undefined ? { before } : {}) });
      seen.push(...page.items.map((i) => i.position));
      if (page.nextBefore === null) break;
      before = BigInt(page.nextBefore);
    }
    expect(seen).toEqual(Array.from({ length: Number(head) + 1 }, (_, i) => String(Number(head) - i)));
  });

  it('shows a COPIL only its own communes', () => {
    const { items } = activityFeed(log.readModels, registry, { limit: 200, onlyNis: ['62063'] });
    expect(new Set(items.map((i) => i.nis))).toEqual(new Set(['62063']));
    expect(items).toHaveLength(10);
    expect(activityFeed(log.readModels, registry, { onlyNis: [] }).items).toEqual([]);
  });
});
