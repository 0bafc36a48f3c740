import { randomUUID } from 'node:crypto';
import { type ApiHarness, startApi } from '../support/api-harness';
import { buildEvidenceWithoutSecondHoreca, DAVERDISSE, partner, send } from './commune-scenario';

/*
 * One commune's whole title lifecycle over HTTP, against the real application (SQLite files, projector, guard,
 * validation, problem+json). The steps run in order and share one application: each builds on the previous one.
 */
describe('a commune from candidacy to renewed title, over HTTP', () => {
  let api: ApiHarness;
  let copil: { secret: string; tokenId: string };
  let coordination: { secret: string; tokenId: string };
  let auditor: { secret: string; tokenId: string };
  const base = `/api/communes/${DAVERDISSE}`;
  let commandsSent = 0;
  let stateAfterCandidacy: { revision: string; recordedAt: string };

  beforeAll(async () => {
    api = await startApi({ now: '2026-03-02T09:00:00.000Z' });
    copil = await api.token('copil', [DAVERDISSE]);
    coordination = await api.token('coordination');
    auditor = await api.token('auditor');
  });
  afterAll(() => api.close());

  const minutes = (n: number) => api.clock.advance(n * 60_000);

  it('opens the candidacy as the commune COPIL', async () => {
    const response = await send(api, copil.secret, 'POST', `${base}/candidacy`);
    commandsSent++;
    expect(response.body).toMatchObject({ nis: DAVERDISSE, revision: '0', status: 'candidate', alreadyHandled: false });
    expect(response.body.events).toEqual([expect.objectContaining({ type: 'CandidacyOpened', revision: '0' })]);
    expect(response.headers.etag).toBe('"0"');
    stateAfterCandidacy = { revision: '0', recordedAt: response.body.events[0].recordedAt };
  });

  it('records the evidence for the six criteria', async () => {
    minutes(60 * 24); // the next day: "state at a date" below can tell the candidacy alone from what followed
    commandsSent += await buildEvidenceWithoutSecondHoreca(api, copil.secret, DAVERDISSE);
    const { body } = await api.request('GET', base, { token: copil.secret });
    expect(body.state.evidence.partners).toHaveLength(3);
    expect(body.state.evidence.copilMembers.map((m: { personId: string }) => m.personId)).toEqual([
      'p-chair',
      'p-contact',
      'p-member',
    ]);
  });

  it('refuses an incomplete dossier unless the commune acknowledges it', async () => {
    const refused = await api.request('POST', `${base}/dossier`, { token: copil.secret, body: {} });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'DOSSIER_INCOMPLETE', details: { unmetCriteria: [2] } });

    const submitted = await send(api, copil.secret, 'POST', `${base}/dossier`, { acknowledgeIncomplete: true });
    commandsSent++;
    expect(submitted.body.status).toBe('under_review');
    expect(submitted.body.events[0].data).toMatchObject({
      criteriaSetId: 'cdce-2022',
      population: 1382,
      unmetCriteria: [2],
    });
  });

  it('is reviewed by the coordination: review started, a comment, changes requested', async () => {
    minutes(60);
    const started = await send(api, coordination.secret, 'POST', `${base}/dossier/review`, {});
    expect(started.body.events[0].data.reviewerId).toBe(coordination.tokenId); // defaults to the caller

    const commentId = randomUUID();
    const commented = await send(api, coordination.secret, 'POST', `${base}/dossier/comments`, {
      commentId,
      criterion: 2,
      comment: 'Un seul horeca : il en faut deux pour une commune de cette taille.',
    });
    expect(commented.body.events[0].data).toMatchObject({ commentId, criterion: 2, authorId: coordination.tokenId });

    const changes = await send(api, coordination.secret, 'POST', `${base}/dossier/changes-requested`, {
      changes: [{ criterion: 2, reason: 'Inscrire un second horeca.' }],
      dueOn: '2026-04-30',
    });
    commandsSent += 3;
    expect(changes.body.status).toBe('changes_requested');
  });

  it('is completed and resubmitted by the COPIL, then approved: the commune holds the title', async () => {
    minutes(60 * 24);
    await send(api, copil.secret, 'POST', `${base}/partners`, partner('horeca', '2026-03-03'));
    const resubmitted = await send(api, copil.secret, 'POST', `${base}/dossier`, {});
    expect(resubmitted.body.events[0].data.unmetCriteria).toEqual([]);

    await send(api, coordination.secret, 'POST', `${base}/dossier/review`, {});
    const approved = await send(api, coordination.secret, 'POST', `${base}/dossier/approval`, {});
    commandsSent += 4;
    expect(approved.body.status).toBe('titled');
    expect(approved.body.events.map((e: { type: string }) => e.type)).toEqual(['DossierApproved', 'TitleAwarded']);
    expect(approved.body.events[1].data).toEqual({ cycle: 1, validFrom: '2026-03-04', validUntil: '2028-03-03' });
  });

  it('shows the title in the commune state and in the list filtered by status', async () => {
    const state = await api.request('GET', base, { token: auditor.secret });
    expect(state.status).toBe(200);
    expect(state.body.state).toMatchObject({
      status: 'titled',
      title: { cycle: 1, validFrom: '2026-03-04', validUntil: '2028-03-03' },
    });
    expect(state.headers.etag).toBe(`"${state.body.revision}"`);

    const titled = await api.request('GET', '/api/communes?status=titled', { token: auditor.secret });
    expect(titled.status).toBe(200);
    expect(titled.body.items.map((c: { nis: string }) => c.nis)).toEqual([DAVERDISSE]);
    expect(titled.body.items[0]).toMatchObject({ status: 'titled', titleCycle: 1, validUntil: '2028-03-03' });
  });

  it('renews the title through the Fair-ô-mètre: requested, submitted, scored, renewed', async () => {
    api.clock.set('2027-12-01T09:00:00.000Z');
    await send(api, coordination.secret, 'POST', `${base}/fair-o-meter/request`, {
      edition: '2027',
      dueOn: '2028-01-31',
    });
    const submitted = await send(api, copil.secret, 'POST', `${base}/fair-o-meter`, {
      edition: '2027',
      blocks: { communalPolicy: 20, communication: 18, events: 15, steeringCommittee: 22 },
      figures: { volunteers: 12, events: 6, products: 9 },
    });
    expect(submitted.body.status).toBe('renewal_under_review');
    expect(submitted.body.events[0].data.total).toBe(75);

    const scored = await send(api, coordination.secret, 'POST', `${base}/fair-o-meter/score`, {});
    expect(scored.body.events[0].data).toMatchObject({
      grade: 'B',
      suggestedGrade: 'B',
      reviewerId: coordination.tokenId,
    });

    const renewed = await send(api, coordination.secret, 'POST', `${base}/title/renewal`, {});
    commandsSent += 4;
    expect(renewed.body.status).toBe('renewed');
    expect(renewed.body.events[0].data).toMatchObject({
      cycle: 2,
      validFrom: '2028-03-04',
      validUntil: '2030-03-03',
      edition: '2027',
      grade: 'B',
    });
  });

  describe('its history, as an auditor reads it', () => {
    it('lists every event with who sent it, and the hash chain verifies', async () => {
      const { status, body } = await api.request('GET', `${base}/history`, { token: auditor.secret });
      expect(status).toBe(200);
      expect(body.integrity.verified).toBe(true);
      // One event per command, except the approval which also awards the title.
      expect(body.events).toHaveLength(commandsSent + 1);
      expect(body.revision).toBe(String(commandsSent));
      expect(body.events.map((e: { revision: string }) => e.revision)).toEqual(
        Array.from({ length: commandsSent + 1 }, (_, i) => String(i)),
      );
      const byType = (type: string) => body.events.find((e: { type: string }) => e.type === type);
      expect(byType('CandidacyOpened').metadata.actor).toEqual({ id: copil.tokenId, role: 'copil' });
      expect(byType('DossierApproved').metadata.actor).toEqual({ id: coordination.tokenId, role: 'coordination' });
      for (const event of body.events) {
        expect(event.metadata).toEqual(
          expect.objectContaining({
            actor: expect.objectContaining({ id: expect.any(String), role: expect.any(String) }),
            commandId: expect.any(String),
            correlationId: expect.any(String),
            recordedAt: expect.any(String),
            hash: expect.stringMatching(/^[0-9a-f]{64}$/),
          }),
        );
      }
    });

    it('shows the commune as it was at a revision', async () => {
      const { status, body } = await api.request('GET', `${base}/state?revision=${stateAfterCandidacy.revision}`, {
        token: auditor.secret,
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({ revision: '0', state: { status: 'candidate' } });
      expect(body.state.evidence.partners).toEqual([]);
    });

    it('shows the commune as it was at a date', async () => {
      const day = stateAfterCandidacy.recordedAt.slice(0, 10);
      const atCandidacy = await api.request('GET', `${base}/state?at=${day}`, { token: auditor.secret });
      expect(atCandidacy.body).toMatchObject({ revision: '0', state: { status: 'candidate' } });

      const beforeRenewal = await api.request('GET', `${base}/state?at=2027-06-30`, { token: auditor.secret });
      expect(beforeRenewal.body.state).toMatchObject({ status: 'titled', title: { cycle: 1 } });
    });
  });
});
