import { loadMunicipalityRegistry } from '@cdce/reference';
import { campaignScenario, NOW } from '../testing/campaign-scenario';
import { ev, TestLog } from '../testing/commune-history';
import { reviewQueue } from './review-queue.query';

const registry = loadMunicipalityRegistry();

describe('reviewQueue', () => {
  let log: TestLog;
  beforeAll(async () => {
    log = new TestLog();
    await campaignScenario(log);
    await log.project();
  });
  afterAll(() => log.close());

  it('lists candidacy and renewal dossiers awaiting a decision, the longest waiting first', () => {
    const { total, items } = reviewQueue(log.readModels, registry, NOW);
    expect(total).toBe(2);
    expect(items.map((i) => [i.name, i.kind, i.status, i.submittedAt, i.daysWaiting, i.reviewerId])).toEqual([
      ['Liège', 'candidacy', 'under_review', '2026-02-20T10:00:00.000Z', 10, null],
      ['Mons', 'renewal', 'renewal_under_review', '2026-02-25T10:00:00.000Z', 5, 'rev-2'],
    ]);
  });

  it('carries the criteria checklist recorded at submission for a candidacy, the Fair-ô-mètre for a renewal', () => {
    const [liege, mons] = reviewQueue(log.readModels, registry, NOW).items;
    expect(liege!.dossier).toMatchObject({
      number: 1,
      criteriaSetId: 'cdce-2022',
      unmet: 6,
      acknowledgedIncomplete: true,
    });
    expect(liege!.dossier!.checklist.map((c) => c.criterion)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(liege!.fairOMeter).toBeNull();
    expect(mons!.fairOMeter).toMatchObject({ edition: '2026', total: 70, grade: 'B' });
    expect(mons!.dossier).toBeNull();
  });

  it('computes days waiting from the `now` it is given, in Belgian days', () => {
    const later = reviewQueue(log.readModels, registry, new Date('2026-03-31T22:30:00.000Z')).items;
    // 22:30 UTC on 31 March is already 1 April in Brussels.
    expect(later.map((i) => i.daysWaiting)).toEqual([40, 35]);
  });

  it('drops a dossier once a reviewer starts and approves it', async () => {
    await log.append('62063', '2026-03-03T10:00:00.000Z', 'coordination', {
      type: 'DossierReviewStarted',
      data: { dossier: 1, reviewerId: 'anne', startedAt: '2026-03-03T10:00:00.000Z' },
    });
    await log.project();
    expect(reviewQueue(log.readModels, registry, NOW).items[0]).toMatchObject({ name: 'Liège', reviewerId: 'anne' });
    await log.append(
      '62063',
      '2026-03-04T10:00:00.000Z',
      'coordination',
      {
        type: 'DossierApproved',
        data: { dossier: 1, reviewerId: 'anne', approvedAt: '2026-03-04T10:00:00.000Z' },
      },
      { type: 'TitleAwarded', data: { cycle: 1, validFrom: '2026-03-04', validUntil: '2028-03-03' } },
    );
    await log.project();
    expect(reviewQueue(log.readModels, registry, NOW).items.map((i) => i.name)).toEqual(['Mons']);
  });
});

describe('reviewQueue pages', () => {
  it('pages through the queue in submission order with the total', async () => {
    const log = new TestLog();
    for (const [nis, day] of [
      ['92094', '05'],
      ['62063', '01'],
      ['52011', '03'],
    ] as const) {
      const at = `2026-02-${day}T10:00:00.000Z`;
      await log.append(nis, at, 'copil', ev.opened(nis, at), ev.submitted(at));
    }
    await log.project();
    const first = reviewQueue(log.readModels, registry, NOW, { limit: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((i) => i.name)).toEqual(['Liège', 'Charleroi']);
    expect(reviewQueue(log.readModels, registry, NOW, { limit: 2, offset: 2 }).items.map((i) => i.name)).toEqual([
      'Namur',
    ]);
    await log.close();
  });
});
