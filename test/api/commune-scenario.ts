import { randomUUID } from 'node:crypto';
import type { ApiHarness, ApiResponse } from '../support/api-harness';

/** Daverdisse (Luxembourg province, 1,382 inhabitants): the cdce-2022 band up to 2,000 asks 1 shop, 2 horeca, 1 organisation. */
export const DAVERDISSE = '84016';
export const NAMUR = '92094';
export const LIEGE = '62063';
/** Antwerpen: a real NIS code, but in Flanders, outside the campaign. */
export const ANTWERPEN = '11002';

/** Sends a command and fails with the problem's body when it was not accepted, so a broken step says why. */
export async function send(
  api: ApiHarness,
  token: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<ApiResponse> {
  const response = await api.request(method, url, { token, body: body ?? {} });
  if (response.status !== 200) {
    throw new Error(`${method} ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response;
}

export const partner = (kind: string, registeredOn = '2026-01-20') => ({
  partnerId: randomUUID(),
  kind,
  fairTradeProducts: ['café', 'chocolat'],
  registeredOn,
});

/**
 * Everything cdce-2022 asks of a commune of up to 2,000 inhabitants except the second horeca (criterion 2 stays
 * unmet), through the API, as the commune's COPIL would send it. Returns the number of commands sent.
 */
export async function buildEvidenceWithoutSecondHoreca(api: ApiHarness, token: string, nis: string): Promise<number> {
  const base = `/api/communes/${nis}`;
  const steps: Array<[string, string, unknown]> = [
    [
      'POST',
      `${base}/council-resolutions`,
      { resolutionId: randomUUID(), votedOn: '2025-11-17', fairTradeProducts: ['café', 'thé'] },
    ],
    [
      'POST',
      `${base}/copil/members`,
      { personId: 'p-chair', role: 'chair', sector: 'administration', joinedOn: '2025-12-01' },
    ],
    [
      'POST',
      `${base}/copil/members`,
      { personId: 'p-contact', role: 'contact', sector: 'civil_society', joinedOn: '2025-12-01' },
    ],
    [
      'POST',
      `${base}/copil/members`,
      { personId: 'p-member', role: 'member', sector: 'business', joinedOn: '2025-12-01' },
    ],
    ['POST', `${base}/copil/charter`, { adoptedOn: '2026-01-10', sections: ['mission', 'commitments'] }],
    ['POST', `${base}/copil/meetings`, { meetingId: randomUUID(), heldOn: '2026-01-10', attendeeCount: 5 }],
    ['POST', `${base}/partners`, partner('shop')],
    ['POST', `${base}/partners`, partner('horeca')],
    ['POST', `${base}/partners`, partner('school')],
    [
      'POST',
      `${base}/communication-actions`,
      {
        actionId: randomUUID(),
        channel: 'local_media',
        occurredOn: '2026-01-15',
        summary: 'Article dans le bulletin communal',
      },
    ],
    [
      'POST',
      `${base}/communication-actions`,
      {
        actionId: randomUUID(),
        channel: 'social_media',
        occurredOn: '2026-02-01',
        summary: 'Publication sur la page de la commune',
      },
    ],
    [
      'POST',
      `${base}/local-product-actions`,
      {
        actionId: randomUUID(),
        occurredOn: '2026-02-14',
        summary: 'Marché fermier',
        prixJusteProducteurRef: 'PJP-2025-0142',
      },
    ],
  ];
  for (const [method, url, body] of steps) await send(api, token, method, url, body);
  return steps.length;
}
