import { randomUUID } from 'node:crypto';
import { type ApiHarness, type ApiResponse, startApi } from '../support/api-harness';
import { DAVERDISSE, LIEGE, NAMUR } from './commune-scenario';

const COUVIN = '93014';
const ONHAYE = '91103';

/*
 * Every command endpoint accepted at least once, each with what it records, in a story across several communes:
 * momentum and support plan, renewal refused, title lapsed, relinquished and withdrawn, a rejected dossier, an
 * abandoned candidacy, a merger, an election and the re-confirmation, removals by DELETE. The last test checks
 * against the OpenAPI document that no command route was left out.
 */
describe('every command endpoint, accepted over HTTP', () => {
  let api: ApiHarness;
  let coordination: string;
  let copilLiege: { secret: string; tokenId: string };
  const accepted = new Set<string>();

  beforeAll(async () => {
    api = await startApi({ now: '2026-03-02T09:00:00.000Z' });
    coordination = (await api.token('coordination')).secret;
    copilLiege = await api.token('copil', [LIEGE]);
  });
  afterAll(() => api.close());

  /** Sends `METHOD /api/communes/{nis}/…` for `nis`, expects 200 and records the route template as covered. */
  async function ok(
    token: string,
    route: string,
    nis: string,
    body: unknown = {},
    params: Record<string, string> = {},
  ) {
    const [method, template] = route.split(' ') as [string, string];
    let url = `/api/communes${template.replace('{nis}', nis)}`;
    for (const [name, value] of Object.entries(params)) url = url.replace(`{${name}}`, value);
    const response: ApiResponse = await api.request(method, url, { token, body });
    if (response.status !== 200)
      throw new Error(`${method} ${url} → ${response.status} ${JSON.stringify(response.body)}`);
    accepted.add(`${method} /api/communes${template}`);
    return response.body as { status: string; events: Array<{ type: string; data: Record<string, unknown> }> };
  }

  async function titled(nis: string) {
    await ok(coordination, 'POST /{nis}/candidacy', nis);
    await ok(coordination, 'POST /{nis}/dossier', nis, { acknowledgeIncomplete: true });
    await ok(coordination, 'POST /{nis}/dossier/review', nis, { reviewerId: 'p-marie' });
    return ok(coordination, 'POST /{nis}/dossier/approval', nis, { validFrom: '2026-03-01', validityMonths: 24 });
  }

  it('takes a commune through momentum lost and restored, with a sponsor and support actions', async () => {
    await titled(NAMUR);
    await titled(LIEGE);
    const alert = await ok(coordination, 'POST /{nis}/momentum-alerts', LIEGE, {
      alertId: randomUUID(),
      reasons: ['copil_inactive', 'no_webinar_attendance'],
      note: 'Pas de réunion depuis un an',
    });
    expect(alert.status).toBe('losing_momentum');
    await ok(coordination, 'POST /{nis}/support-plan', LIEGE, {
      difficulties: ['Départ de la présidente'],
      plannedActions: ['Réunion de relance'],
    });
    const sponsor = await ok(coordination, 'POST /{nis}/sponsor', LIEGE, { sponsorNis: NAMUR });
    expect(sponsor.events[0]!.data).toMatchObject({ sponsorNis: NAMUR });
    await ok(copilLiege.secret, 'POST /{nis}/support-actions', LIEGE, {
      actionId: randomUUID(),
      occurredOn: '2026-03-02',
      summary: 'Réunion du COPIL avec la commune marraine',
    });
    const restored = await ok(coordination, 'POST /{nis}/momentum/restoration', LIEGE, { note: 'Le COPIL revit' });
    expect(restored.status).toBe('titled');
  });

  it('records an election and the new council re-confirming the resolution', async () => {
    await ok(copilLiege.secret, 'POST /{nis}/council-resolutions', LIEGE, {
      resolutionId: randomUUID(),
      votedOn: '2024-09-16',
      fairTradeProducts: ['café', 'thé'],
      documentRef: 'PV du conseil communal du 16/09/2024',
    });
    await ok(coordination, 'POST /{nis}/local-elections', LIEGE, { heldOn: '2024-10-13' });
    const reconfirmed = await ok(copilLiege.secret, 'POST /{nis}/council-resolutions/reconfirmation', LIEGE, {
      votedOn: '2025-01-20',
    });
    expect(reconfirmed.events[0]!.data).toEqual({ votedOn: '2025-01-20', electionHeldOn: '2024-10-13' });
  });

  it('removes a COPIL member and a partner by DELETE, dated today by default', async () => {
    await ok(copilLiege.secret, 'POST /{nis}/copil/members', LIEGE, {
      personId: 'p-jean',
      role: 'member',
      sector: 'citizen',
      joinedOn: '2025-05-01',
    });
    await ok(copilLiege.secret, 'POST /{nis}/copil/charter', LIEGE, { adoptedOn: '2025-05-01', sections: ['mission'] });
    await ok(copilLiege.secret, 'POST /{nis}/copil/meetings', LIEGE, { meetingId: randomUUID(), heldOn: '2025-06-01' });
    const left = await ok(
      copilLiege.secret,
      'DELETE /{nis}/copil/members/{personId}',
      LIEGE,
      {},
      { personId: 'p-jean' },
    );
    expect(left.events[0]).toMatchObject({
      type: 'CopilMemberLeft',
      data: { personId: 'p-jean', leftOn: '2026-03-02' },
    });

    const partnerId = randomUUID();
    await ok(copilLiege.secret, 'POST /{nis}/partners', LIEGE, {
      partnerId,
      kind: 'organisation',
      fairTradeProducts: ['café', 'sucre'],
      registeredOn: '2025-05-01',
    });
    const withdrawn = await ok(
      copilLiege.secret,
      'DELETE /{nis}/partners/{partnerId}',
      LIEGE,
      { reason: 'Fermeture' },
      { partnerId },
    );
    expect(withdrawn.events[0]!.data).toEqual({ partnerId, withdrawnOn: '2026-03-02', reason: 'Fermeture' });
  });

  it('lets the commune relinquish its title', async () => {
    const relinquished = await ok(copilLiege.secret, 'POST /{nis}/title/relinquishment', LIEGE, {
      reasons: ['Décision du collège communal'],
    });
    expect(relinquished.status).toBe('relinquished');
  });

  it('refuses a renewal, then withdraws the title', async () => {
    await titled(COUVIN);
    await ok(coordination, 'POST /{nis}/fair-o-meter/request', COUVIN, { edition: '2027', dueOn: '2026-06-30' });
    await ok(coordination, 'POST /{nis}/fair-o-meter', COUVIN, {
      edition: '2027',
      blocks: { communalPolicy: 5, communication: 5, events: 2, steeringCommittee: 3.5 },
      figures: { volunteers: 1, events: 0, products: 2 },
    });
    const scored = await ok(coordination, 'POST /{nis}/fair-o-meter/score', COUVIN, {
      grade: 'E',
      reviewerId: 'p-marie',
    });
    expect(scored.events[0]!.data).toMatchObject({ grade: 'E', total: 15.5, reviewerId: 'p-marie' });
    const refused = await ok(coordination, 'POST /{nis}/title/renewal-refusal', COUVIN, {
      reasons: ['Aucun événement'],
    });
    expect(refused.status).toBe('losing_momentum');
    const withdrawn = await ok(coordination, 'POST /{nis}/title/withdrawal', COUVIN, {
      reasons: ['Critères non respectés'],
    });
    expect(withdrawn.status).toBe('withdrawn');
  });

  it('rejects a dossier, then records the commune merging into another', async () => {
    await ok(coordination, 'POST /{nis}/candidacy', ONHAYE);
    await ok(coordination, 'POST /{nis}/dossier', ONHAYE, { acknowledgeIncomplete: true });
    await ok(coordination, 'POST /{nis}/dossier/review', ONHAYE);
    await ok(coordination, 'POST /{nis}/dossier/comments', ONHAYE, {
      commentId: randomUUID(),
      criterion: 1,
      comment: 'Pas de délibération',
      authorId: 'p-marie',
    });
    const rejected = await ok(coordination, 'POST /{nis}/dossier/rejection', ONHAYE, { reasons: ['Critère 1 absent'] });
    expect(rejected.status).toBe('candidate');
    const merged = await ok(coordination, 'POST /{nis}/merger', ONHAYE, {
      successorNis: NAMUR,
      effectiveOn: '2026-03-01',
    });
    expect(merged.status).toBe('merged');
    expect(merged.events[0]!.data).toMatchObject({ nis: ONHAYE, successorNis: NAMUR, effectiveOn: '2026-03-01' });
  });

  it('lets a candidate abandon, with evidence of criteria 4 and 6 and a changes request on the way', async () => {
    await ok(coordination, 'POST /{nis}/candidacy', DAVERDISSE);
    await ok(coordination, 'POST /{nis}/communication-actions', DAVERDISSE, {
      actionId: randomUUID(),
      channel: 'event',
      occurredOn: '2026-02-01',
      summary: 'Stand au marché de Noël',
    });
    await ok(coordination, 'POST /{nis}/local-product-actions', DAVERDISSE, {
      actionId: randomUUID(),
      occurredOn: '2026-02-01',
      summary: 'Panier de produits locaux',
    });
    await ok(coordination, 'POST /{nis}/dossier', DAVERDISSE, { acknowledgeIncomplete: true });
    await ok(coordination, 'POST /{nis}/dossier/review', DAVERDISSE);
    await ok(coordination, 'POST /{nis}/dossier/changes-requested', DAVERDISSE, {
      changes: [
        { criterion: 1, reason: 'Faire voter une délibération' },
        { criterion: 5, reason: 'Constituer un COPIL' },
      ],
      dueOn: '2026-06-30',
    });
    const abandoned = await ok(coordination, 'POST /{nis}/candidacy/abandonment', DAVERDISSE, {
      reasons: ['Pas de COPIL'],
    });
    expect(abandoned.status).toBe('not_engaged');
  });

  it('declares a title lapsed once its period is over, and renews another', async () => {
    api.clock.set('2027-12-01T09:00:00.000Z');
    await ok(coordination, 'POST /{nis}/fair-o-meter/request', NAMUR, { edition: '2027', dueOn: '2028-01-31' });
    await ok(coordination, 'POST /{nis}/fair-o-meter', NAMUR, {
      edition: '2027',
      blocks: { communalPolicy: 25, communication: 25, events: 25, steeringCommittee: 25 },
      figures: { volunteers: 40, events: 12, products: 30 },
    });
    await ok(coordination, 'POST /{nis}/fair-o-meter/score', NAMUR);
    const renewed = await ok(coordination, 'POST /{nis}/title/renewal', NAMUR, { validityMonths: 36 });
    expect(renewed.events[0]!.data).toMatchObject({
      cycle: 2,
      validFrom: '2028-03-01',
      validUntil: '2031-02-28',
      grade: 'A',
    });

    api.clock.set('2031-03-10T09:00:00.000Z');
    const lapsed = await ok(coordination, 'POST /{nis}/title/lapse', NAMUR, { reasons: ['Fair-ô-mètre non remis'] });
    expect(lapsed.status).toBe('lapsed');
  });

  it('has accepted every command route of the OpenAPI document', async () => {
    const { body: doc } = await api.request('GET', '/api/docs/openapi.json');
    const commandRoutes = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        // The commune's contacts (people directory) are not commands on its stream: test/api/people.e2e.spec.ts.
        .filter((method) => method !== 'get' && path.startsWith('/api/communes/') && !path.includes('/people'))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...accepted].sort()).toEqual(commandRoutes.sort());
  });
});
