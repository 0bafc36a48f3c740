import { randomUUID } from 'node:crypto';
import type { ApiHarness } from '../../support/api-harness';

/** Communes of the browser scenarios, each left in a different state by {@link seedCampaign}. */
export const COMMUNES = {
  /** Dossier under review, reviewer assigned: the scenario approves it from the review queue. */
  daverdisse: { nis: '84016', name: 'Daverdisse' },
  /** Dossier under review, nobody assigned yet; its COPIL holds the scenario's COPIL token. */
  ciney: { nis: '91030', name: 'Ciney' },
  /** Titled, title ending within 30 days. */
  namur: { nis: '92094', name: 'Namur' },
  /** Titled, then losing momentum (COPIL inactive, Fair-ô-mètre missed) with a support plan. */
  liege: { nis: '62063', name: 'Liège' },
  /** Changes requested on criteria 2 and 5. */
  mons: { nis: '53053', name: 'Mons' },
  /** Candidacy just opened. */
  bruxelles: { nis: '21004', name: 'Bruxelles' },
  /** Titled, Fair-ô-mètre 2026 submitted: a renewal under review, not scored yet. */
  tournai: { nis: '57081', name: 'Tournai' },
} as const;

/** `YYYY-MM-DD`, `days` after the harness clock's day (negative: before). */
export function day(api: ApiHarness, days: number): string {
  return new Date(api.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Sends one command over HTTP and fails loudly with the problem body when it is refused. */
async function send(api: ApiHarness, token: string, path: string, body: unknown = {}): Promise<void> {
  const response = await api.request('POST', path, { token, body });
  if (response.status !== 200)
    throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
}

/** The evidence of the six criteria, dated in the weeks before the clock's day; `horeca` partners as asked. */
async function buildEvidence(api: ApiHarness, token: string, nis: string, horeca: number): Promise<void> {
  const base = `/api/communes/${nis}`;
  const partner = (kind: string) => ({
    partnerId: randomUUID(),
    kind,
    fairTradeProducts: ['café', 'chocolat'],
    registeredOn: day(api, -40),
  });
  await send(api, token, `${base}/candidacy`);
  await send(api, token, `${base}/council-resolutions`, {
    resolutionId: randomUUID(),
    votedOn: day(api, -90),
    fairTradeProducts: ['café', 'thé'],
  });
  for (const [personId, role, sector, fullName] of [
    [`p-${nis}-chair`, 'chair', 'administration', 'Anne Dupont'],
    [`p-${nis}-contact`, 'contact', 'civil_society', 'Marc Lambert'],
    [`p-${nis}-member`, 'member', 'business', 'Sofia Benali'],
  ] as const) {
    // Names go to the people directory, never into events: the COPIL member is recorded by id.
    const email = `${personId}@example.org`;
    const registered = await api.request('POST', `${base}/people`, {
      token,
      body: { personId, fullName, email, language: 'fr' },
    });
    if (registered.status !== 201) throw new Error(`POST ${base}/people answered ${registered.status}`);
    await send(api, token, `${base}/copil/members`, { personId, role, sector, joinedOn: day(api, -80) });
  }
  await send(api, token, `${base}/copil/charter`, {
    adoptedOn: day(api, -70),
    sections: ['mission', 'commitments', 'meeting_frequency'],
  });
  await send(api, token, `${base}/copil/meetings`, {
    meetingId: randomUUID(),
    heldOn: day(api, -70),
    attendeeCount: 6,
  });
  await send(api, token, `${base}/partners`, partner('shop'));
  for (let i = 0; i < horeca; i++) await send(api, token, `${base}/partners`, partner('horeca'));
  await send(api, token, `${base}/partners`, partner('school'));
  await send(api, token, `${base}/communication-actions`, {
    actionId: randomUUID(),
    channel: 'local_media',
    occurredOn: day(api, -30),
    summary: 'Article dans le bulletin communal',
  });
  await send(api, token, `${base}/local-product-actions`, {
    actionId: randomUUID(),
    occurredOn: day(api, -20),
    summary: 'Marché fermier',
    prixJusteProducteurRef: 'PJP-2025-0142',
  });
}

async function submitted(api: ApiHarness, token: string, nis: string, horeca = 1): Promise<void> {
  await buildEvidence(api, token, nis, horeca);
  await send(api, token, `/api/communes/${nis}/dossier`, { acknowledgeIncomplete: true });
}

/**
 * A small campaign, sent through the HTTP API as the coordination would (one token does everything here; the
 * COPIL scenario has its own token): two dossiers and one renewal waiting, three titles (one ending soon, one losing
 * momentum, one being renewed), one dossier sent back for changes and one fresh candidacy.
 */
export async function seedCampaign(api: ApiHarness, coordination: string): Promise<void> {
  const { daverdisse, ciney, namur, liege, mons, bruxelles, tournai } = COMMUNES;

  await submitted(api, coordination, daverdisse.nis, 2);
  await send(api, coordination, `/api/communes/${daverdisse.nis}/dossier/review`);

  await submitted(api, coordination, ciney.nis);

  await submitted(api, coordination, namur.nis, 2);
  await send(api, coordination, `/api/communes/${namur.nis}/dossier/review`);
  // Awarded 23 months ago: the two-year title ends within the month.
  await send(api, coordination, `/api/communes/${namur.nis}/dossier/approval`, { validFrom: day(api, -700) });

  await submitted(api, coordination, liege.nis, 2);
  await send(api, coordination, `/api/communes/${liege.nis}/dossier/review`);
  await send(api, coordination, `/api/communes/${liege.nis}/dossier/approval`, { validFrom: day(api, -200) });
  await send(api, coordination, `/api/communes/${liege.nis}/momentum-alerts`, {
    alertId: randomUUID(),
    reasons: ['copil_inactive', 'fom_missed'],
    note: 'Plus de réunion du COPIL depuis six mois.',
  });
  await send(api, coordination, `/api/communes/${liege.nis}/support-plan`, {
    difficulties: ['Départ de la personne de contact'],
    plannedActions: ['Rencontre avec l’échevine', 'Parrainage par Namur'],
  });

  await submitted(api, coordination, mons.nis);
  await send(api, coordination, `/api/communes/${mons.nis}/dossier/review`);
  await send(api, coordination, `/api/communes/${mons.nis}/dossier/changes-requested`, {
    changes: [
      { criterion: 2, reason: 'Inscrire au moins dix commerces supplémentaires.' },
      { criterion: 5, reason: 'Ouvrir le comité de pilotage à l’enseignement.' },
    ],
    dueOn: day(api, 45),
  });

  await send(api, coordination, `/api/communes/${bruxelles.nis}/candidacy`);

  await submitted(api, coordination, tournai.nis, 2);
  await send(api, coordination, `/api/communes/${tournai.nis}/dossier/review`);
  await send(api, coordination, `/api/communes/${tournai.nis}/dossier/approval`, { validFrom: day(api, -500) });
  await send(api, coordination, `/api/communes/${tournai.nis}/fair-o-meter/request`, {
    edition: '2026',
    dueOn: day(api, 30),
  });
  await send(api, coordination, `/api/communes/${tournai.nis}/fair-o-meter`, {
    edition: '2026',
    blocks: { communalPolicy: 20, communication: 15, events: 18, steeringCommittee: 17 },
    figures: { volunteers: 12, events: 5, products: 9 },
  });
}
