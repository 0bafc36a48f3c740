import { buildEvidenceWithoutSecondHoreca, DAVERDISSE, LIEGE, NAMUR, partner, send } from '../api/commune-scenario';
import { type ApiHarness, startApi } from '../support/api-harness';

/**
 * The dashboards over HTTP, on the real app: commands go in through the command endpoints, the API's own projector
 * updates the read models, and the dashboard endpoints read them. The clock is the harness's manual clock.
 */
describe('dashboards over HTTP', () => {
  let api: ApiHarness;
  let admin: string;
  let adminTokenId: string;
  let auditor: string;
  let copil: string;
  let lastPosition: string;

  beforeAll(async () => {
    api = await startApi({ now: '2026-03-02T09:00:00.000Z' });
    ({ secret: admin, tokenId: adminTokenId } = await api.token('admin'));
    auditor = (await api.token('auditor')).secret;
    copil = (await api.token('copil', [DAVERDISSE])).secret;
    // Daverdisse: a candidacy with its evidence, submitted knowing one horeca is missing.
    await send(api, copil, 'POST', `/api/communes/${DAVERDISSE}/candidacy`);
    await buildEvidenceWithoutSecondHoreca(api, copil, DAVERDISSE);
    await send(api, copil, 'POST', `/api/communes/${DAVERDISSE}/dossier`, { acknowledgeIncomplete: true });
    // Namur opens a candidacy (coordination acting), Liège too and registers one shop.
    await send(api, admin, 'POST', `/api/communes/${NAMUR}/candidacy`);
    await send(api, admin, 'POST', `/api/communes/${LIEGE}/candidacy`);
    api.clock.set('2026-03-06T09:00:00.000Z');
    const registered = await send(api, admin, 'POST', `/api/communes/${LIEGE}/partners`, partner('shop'));
    lastPosition = registered.body.events.at(-1).position;
  });
  afterAll(() => api.close());

  describe('GET /api/dashboard', () => {
    it('gives the campaign figures computed now', async () => {
      const response = await api.request('GET', `/api/dashboard?minPosition=${lastPosition}`, { token: admin });
      expect([response.status, response.body.detail]).toEqual([200, undefined]);
      expect(response.body).toMatchObject({
        today: '2026-03-06',
        campaignCommunes: 280,
        byStatus: { candidate: 2, under_review: 1, not_engaged: 277, titled: 0 },
        titled: { holders: 0, share: 0 },
      });
      const luxembourg = response.body.byProvince.find((p: { province: string }) => p.province === 'Luxembourg');
      expect(luxembourg.byStatus.under_review).toBe(1);
    });

    it('is open to auditors and closed to a COPIL (it names other communes and their difficulties)', async () => {
      expect((await api.request('GET', '/api/dashboard', { token: auditor })).status).toBe(200);
      const refused = await api.request('GET', '/api/dashboard', { token: copil });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      expect((await api.request('GET', '/api/dashboard')).status).toBe(401);
    });
  });

  describe('GET /api/review-queue', () => {
    it('lists the dossier awaiting review with its checklist and days waiting', async () => {
      const { status, body } = await api.request('GET', '/api/review-queue?limit=10', { token: admin });
      expect(status).toBe(200);
      expect(body.total).toBe(1);
      expect(body.items[0]).toMatchObject({
        nis: DAVERDISSE,
        name: 'Daverdisse',
        kind: 'candidacy',
        submittedAt: '2026-03-02T09:00:00.000Z',
        daysWaiting: 4,
        reviewerId: null,
        dossier: { criteriaSetId: 'cdce-2022', unmet: 1 },
      });
      expect(body.items[0].dossier.checklist.find((c: { criterion: number }) => c.criterion === 2).met).toBe(false);
    });

    it('shows the reviewer once the review starts (read-your-writes with minPosition)', async () => {
      const started = await send(api, admin, 'POST', `/api/communes/${DAVERDISSE}/dossier/review`, {
        reviewerId: 'anne',
      });
      const { body } = await api.request(
        'GET',
        `/api/review-queue?minPosition=${started.body.events.at(-1).position}`,
        { token: admin },
      );
      expect(body.items[0].reviewerId).toBe('anne');
    });

    it('is closed to a COPIL: judging dossiers belongs to the coordination', async () =>
      expect((await api.request('GET', '/api/review-queue', { token: copil })).status).toBe(403));
  });

  describe('GET /api/communes/:nis/partners', () => {
    it('counts partners by kind against the band of the commune', async () => {
      const { status, body } = await api.request('GET', `/api/communes/${DAVERDISSE}/partners`, { token: copil });
      expect(status).toBe(200);
      expect(body).toMatchObject({
        population: 1382,
        band: { upTo: 2000, minShops: 1, minHoreca: 2, minOrganisations: 1 },
        byKind: {
          shop: { registered: 1, counted: 1 },
          horeca: { registered: 1, counted: 1 },
          school: { registered: 1, counted: 1 },
        },
      });
      expect(body.requirements).toEqual([
        { criterion: 2, key: 'shops', counted: 1, required: 1, met: true },
        { criterion: 2, key: 'horeca', counted: 1, required: 2, met: false },
        { criterion: 3, key: 'organisations', counted: 1, required: 1, met: true },
      ]);
    });

    it('is refused to a COPIL for another commune, and 404 outside the campaign', async () => {
      expect((await api.request('GET', `/api/communes/${LIEGE}/partners`, { token: copil })).status).toBe(403);
      expect((await api.request('GET', '/api/communes/11002/partners', { token: admin })).status).toBe(404);
    });
  });

  describe('GET /api/activity', () => {
    it('lists the latest events newest first, a page at a time', async () => {
      const first = await api.request('GET', '/api/activity?limit=2', { token: admin });
      expect(first.status).toBe(200);
      expect(first.body.items.map((i: { type: string; name: string }) => [i.type, i.name])).toEqual([
        ['DossierReviewStarted', 'Daverdisse'],
        ['PartnerRegistered', 'Liège'],
      ]);
      expect(first.body.items[0]).toMatchObject({
        label: 'Examen du dossier commencé',
        actorId: adminTokenId,
        actorRole: 'admin',
      });
      const second = await api.request('GET', `/api/activity?limit=2&before=${first.body.nextBefore}`, {
        token: admin,
      });
      expect(second.body.items.map((i: { name: string }) => i.name)).toEqual(['Liège', 'Namur']);
    });

    it('shows a COPIL only the events of its own communes', async () => {
      const { status, body } = await api.request('GET', '/api/activity?limit=200', { token: copil });
      expect(status).toBe(200);
      expect(body.items.length).toBeGreaterThan(10);
      expect(new Set(body.items.map((i: { nis: string }) => i.nis))).toEqual(new Set([DAVERDISSE]));
    });

    it('refuses a malformed page request with a problem', async () => {
      const { status, body } = await api.request('GET', '/api/activity?limit=0', { token: admin });
      expect(status).toBe(400);
      expect(body.code).toBe('INVALID_REQUEST');
    });

    it('answers 400 POSITION_NOT_IN_LOG, without waiting, for a position the log never gave', async () => {
      const { status, body } = await api.request('GET', '/api/activity?minPosition=999999', { token: admin });
      expect(status).toBe(400);
      expect(body.code).toBe('POSITION_NOT_IN_LOG');
    });

    it('answers at once for a position of the log: the feed is read from the log itself', async () => {
      const head = (await api.request('GET', '/health')).body.eventStore.headPosition;
      const { status, body } = await api.request('GET', `/api/activity?minPosition=${head}&limit=1`, { token: admin });
      expect(status).toBe(200);
      expect(body.items[0].position).toBe(String(head));
    });
  });

  describe('/health and /metrics', () => {
    it('reports each projection at the head of the log', async () => {
      const { status, body } = await api.request('GET', '/health');
      expect(status).toBe(200);
      expect(body.status).toBe('ok');
      expect(body.projections.map((p: { name: string }) => p.name)).toEqual(['commune-directory', 'title-events']);
      for (const p of body.projections) {
        expect(p).toMatchObject({ position: body.eventStore.headPosition, lagEvents: 0, error: null });
        expect(typeof p.secondsSinceUpdate).toBe('number');
      }
    });

    it('exposes the projector gauges and process metrics in the Prometheus text format, without a token', async () => {
      const response = await api.app.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
      const head = (await api.request('GET', '/health')).body.eventStore.headPosition;
      expect(response.body).toContain(`cdce_event_store_head ${head}`);
      expect(response.body).toContain(`cdce_projection_position{projection="title-events"} ${head}`);
      expect(response.body).toContain('cdce_projection_lag_events{projection="commune-directory"} 0');
      expect(response.body).toContain('# TYPE process_cpu_user_seconds_total counter');
    });
  });
});
