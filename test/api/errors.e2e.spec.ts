import { randomUUID } from 'node:crypto';
import { type ApiHarness, startApi } from '../support/api-harness';
import { ANTWERPEN, LIEGE, NAMUR, send } from './commune-scenario';

/** Every error a client can meet, as problem+json with a status and a stable code, against the real application. */
describe('API errors', () => {
  let api: ApiHarness;
  let admin: string;
  let auditor: string;
  let copilNamur: string;

  beforeAll(async () => {
    api = await startApi();
    admin = (await api.token('admin')).secret;
    auditor = (await api.token('auditor')).secret;
    copilNamur = (await api.token('copil', [NAMUR])).secret;
    await send(api, admin, 'POST', `/api/communes/${NAMUR}/candidacy`);
  });
  afterAll(() => api.close());

  const resolution = () => ({ resolutionId: randomUUID(), votedOn: '2025-11-17', fairTradeProducts: ['café', 'thé'] });
  const fields = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field).sort();

  describe('400: invalid request', () => {
    it('lists one entry per invalid field, unknown fields included', async () => {
      const response = await api.request('POST', `/api/communes/${NAMUR}/council-resolutions`, {
        token: admin,
        body: { resolutionId: 'not-a-uuid', votedOn: '2025-02-30', fairTradeProducts: [], colour: 'blue' },
      });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('INVALID_REQUEST');
      expect(fields(response.body)).toEqual(['colour', 'fairTradeProducts', 'resolutionId', 'votedOn']);
      for (const entry of response.body.errors) expect(entry.messages.length).toBeGreaterThan(0);
    });

    it('names nested fields by their path', async () => {
      const changes = await api.request('POST', `/api/communes/${NAMUR}/dossier/changes-requested`, {
        token: admin,
        body: { changes: [{ criterion: 7, reason: '' }], dueOn: '31/05/2026' },
      });
      expect(changes.status).toBe(400);
      expect(fields(changes.body)).toEqual(['changes[0].criterion', 'changes[0].reason', 'dueOn']);

      const fairOMeter = await api.request('POST', `/api/communes/${NAMUR}/fair-o-meter`, {
        token: admin,
        body: {
          edition: '2027',
          blocks: { communalPolicy: 26, communication: -1, events: 10, steeringCommittee: 10 },
          figures: { volunteers: 1.5, events: 0, products: 3 },
        },
      });
      expect(fairOMeter.status).toBe(400);
      expect(fields(fairOMeter.body)).toEqual(['blocks.communalPolicy', 'blocks.communication', 'figures.volunteers']);
    });

    it('refuses enum values outside the domain lists', async () => {
      const response = await api.request('POST', `/api/communes/${NAMUR}/copil/members`, {
        token: admin,
        body: { personId: 'p-anne', role: 'president', sector: 'church', joinedOn: '2026-01-01' },
      });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['role', 'sector']);
    });

    it('refuses a path NIS that is not five digits', async () => {
      const response = await api.request('GET', '/api/communes/namur', { token: admin });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('INVALID_NIS');
    });
  });

  describe('401: no valid token', () => {
    it.each([
      ['without a token', undefined],
      ['with a malformed token', 'nope'],
      ['with an unknown well-formed token', `cdce_${'A'.repeat(43)}`],
    ])('%s', async (_, token) => {
      const response = await api.request('GET', `/api/communes/${NAMUR}`, token ? { token } : {});
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });

    it('also on a command, before validating the body', async () => {
      const response = await api.request('POST', `/api/communes/${NAMUR}/council-resolutions`, { body: {} });
      expect(response.status).toBe(401);
    });
  });

  describe('403: a token without the permission', () => {
    it('refuses an auditor a command', async () => {
      const response = await api.request('POST', `/api/communes/${NAMUR}/council-resolutions`, {
        token: auditor,
        body: resolution(),
      });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    });

    it('refuses a COPIL the coordination decisions on its own commune', async () => {
      const response = await api.request('POST', `/api/communes/${NAMUR}/dossier/approval`, {
        token: copilNamur,
        body: {},
      });
      expect(response.status).toBe(403);
    });

    it('refuses a COPIL any other commune', async () => {
      const response = await api.request('GET', `/api/communes/${LIEGE}`, { token: copilNamur });
      expect(response.status).toBe(403);
    });
  });

  describe('404: a commune outside the campaign', () => {
    it.each([
      ['an unknown NIS code', '99999'],
      ['a Flemish commune', ANTWERPEN],
    ])('for %s, on reads and on commands', async (_, nis) => {
      const read = await api.request('GET', `/api/communes/${nis}`, { token: admin });
      expect(read.status).toBe(404);
      expect(read.body).toMatchObject({ code: 'UNKNOWN_COMMUNE', nis });

      const command = await api.request('POST', `/api/communes/${nis}/candidacy`, { token: admin, body: {} });
      expect(command.status).toBe(404);
      expect(command.body.code).toBe('UNKNOWN_COMMUNE');
    });

    it('says why a Flemish commune is unknown', async () => {
      const response = await api.request('GET', `/api/communes/${ANTWERPEN}`, { token: admin });
      expect(response.body.detail).toMatch(/flanders|outside the campaign/i);
    });
  });

  describe('409: a stale If-Match', () => {
    it('refuses the command and says the current revision', async () => {
      const { body: current } = await api.request('GET', `/api/communes/${NAMUR}`, { token: admin });
      const seen = current.revision;
      const first = await api.request('POST', `/api/communes/${NAMUR}/council-resolutions`, {
        token: admin,
        body: resolution(),
        headers: { 'if-match': `"${seen}"` },
      });
      expect(first.status).toBe(200);
      expect(first.headers.etag).toBe(`"${Number(seen) + 1}"`);

      const stale = await api.request('POST', `/api/communes/${NAMUR}/council-resolutions`, {
        token: admin,
        body: resolution(),
        headers: { 'if-match': `"${seen}"` },
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', currentRevision: String(Number(seen) + 1) });
    });
  });

  describe('422: refused by the campaign rules', () => {
    it('refuses to approve a dossier that was never submitted, with the domain code', async () => {
      const response = await api.request('POST', `/api/communes/${NAMUR}/dossier/approval`, { token: admin, body: {} });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        code: 'DOSSIER_NOT_UNDER_REVIEW',
        type: 'https://cdce.example/errors/dossier-not-under-review',
        instance: `/api/communes/${NAMUR}/dossier/approval`,
      });
    });
  });

  describe('Idempotency-Key', () => {
    const historyLength = async () =>
      (await api.request('GET', `/api/communes/${NAMUR}/history`, { token: admin })).body.events.length as number;

    it('replays the first response and appends nothing', async () => {
      const key = randomUUID();
      const body = { actionId: randomUUID(), channel: 'own_channel', occurredOn: '2026-02-01', summary: 'Site web' };
      const options = { token: admin, body, headers: { 'idempotency-key': key } };
      const first = await api.request('POST', `/api/communes/${NAMUR}/communication-actions`, options);
      expect(first.status).toBe(200);
      const length = await historyLength();

      const again = await api.request('POST', `/api/communes/${NAMUR}/communication-actions`, options);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await historyLength()).toBe(length);
    });

    it('refuses the same key with another body', async () => {
      const key = randomUUID();
      const action = () => ({ actionId: randomUUID(), channel: 'event', occurredOn: '2026-02-01', summary: 'Stand' });
      const first = await api.request('POST', `/api/communes/${NAMUR}/communication-actions`, {
        token: admin,
        body: action(),
        headers: { 'idempotency-key': key },
      });
      expect(first.status).toBe(200);
      const length = await historyLength();

      const reused = await api.request('POST', `/api/communes/${NAMUR}/communication-actions`, {
        token: admin,
        body: action(),
        headers: { 'idempotency-key': key },
      });
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await historyLength()).toBe(length);
    });
  });
});
