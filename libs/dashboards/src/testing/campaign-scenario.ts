import { ev, type TestLog } from './commune-history';

export const NOW = new Date('2026-03-02T09:00:00.000Z');

/**
 * Seven communes of the campaign in every situation the dashboards show (the other 273 never engaged):
 * Namur titled (renewal due in 18 days), Bastogne titled but overdue, Charleroi losing momentum (due in 74 days),
 * Mons under renewal review (due in 59 days), Liège's dossier under review, Bruxelles lapsed, Nivelles candidate.
 */
export async function campaignScenario(log: TestLog): Promise<void> {
  await log.append(
    '21004',
    '2020-01-01T10:00:00.000Z',
    'copil',
    ev.opened('21004', '2020-01-01T10:00:00.000Z'),
    ev.submitted('2020-01-01T10:00:00.000Z'),
  );
  await log.append(
    '21004',
    '2020-06-01T10:00:00.000Z',
    'coordination',
    ev.reviewStarted('rev', '2020-06-01T10:00:00.000Z'),
    ev.approved('2020-06-01T10:00:00.000Z'),
    ev.awarded('2020-06-01', '2022-05-31'),
  );
  await log.append(
    '21004',
    '2022-07-01T10:00:00.000Z',
    'coordination',
    ev.lapsed('2022-07-01T10:00:00.000Z', 1, '2022-05-31'),
  );

  await log.append(
    '53053',
    '2022-01-01T10:00:00.000Z',
    'copil',
    ev.opened('53053', '2022-01-01T10:00:00.000Z'),
    ev.submitted('2022-01-01T10:00:00.000Z'),
  );
  await log.append(
    '53053',
    '2022-04-01T10:00:00.000Z',
    'coordination',
    ev.reviewStarted('rev', '2022-04-01T10:00:00.000Z'),
    ev.approved('2022-04-01T10:00:00.000Z'),
    ev.awarded('2022-04-01', '2026-04-30'),
  );

  await log.append(
    '82039',
    '2022-07-01T10:00:00.000Z',
    'copil',
    ev.opened('82039', '2022-07-01T10:00:00.000Z'),
    ev.submitted('2022-07-01T10:00:00.000Z'),
  );
  await log.append(
    '82039',
    '2023-01-01T10:00:00.000Z',
    'coordination',
    ev.reviewStarted('rev', '2023-01-01T10:00:00.000Z'),
    ev.approved('2023-01-01T10:00:00.000Z'),
    ev.awarded('2023-01-01', '2026-02-01'),
  );

  await log.append(
    '52011',
    '2023-01-01T10:00:00.000Z',
    'copil',
    ev.opened('52011', '2023-01-01T10:00:00.000Z'),
    ev.submitted('2023-01-01T10:00:00.000Z'),
  );
  await log.append(
    '52011',
    '2023-07-01T10:00:00.000Z',
    'coordination',
    ev.reviewStarted('rev', '2023-07-01T10:00:00.000Z'),
    ev.approved('2023-07-01T10:00:00.000Z'),
    ev.awarded('2023-07-01', '2026-05-15'),
  );

  await log.append(
    '92094',
    '2024-01-10T10:00:00.000Z',
    'copil',
    ev.opened('92094', '2024-01-10T10:00:00.000Z'),
    ev.submitted('2024-01-10T10:00:00.000Z'),
  );
  await log.append(
    '92094',
    '2024-06-01T10:00:00.000Z',
    'coordination',
    ev.reviewStarted('rev', '2024-06-01T10:00:00.000Z'),
    ev.approved('2024-06-01T10:00:00.000Z'),
    ev.awarded('2024-06-01', '2026-03-20'),
  );

  await log.append(
    '52011',
    '2025-11-03T10:00:00.000Z',
    'coordination',
    ev.alert('2025-11-03T10:00:00.000Z', ['copil_inactive', 'fom_missed']),
  );
  await log.append(
    '52011',
    '2025-11-10T10:00:00.000Z',
    'coordination',
    ev.supportPlan('2025-11-10T10:00:00.000Z'),
    ev.sponsor('92094', '2025-11-10T10:00:00.000Z'),
  );

  await log.append(
    '62063',
    '2025-01-10T10:00:00.000Z',
    'copil',
    ev.opened('62063', '2025-01-10T10:00:00.000Z'),
    ev.partner('shop-1', 'shop'),
    ev.partner('shop-2', 'shop', ['café']),
    ev.partner('horeca-1', 'horeca'),
    ev.partner('horeca-2', 'horeca'),
    ev.partner('horeca-3', 'horeca'),
    ev.partner('school-1', 'school'),
    ev.partner('gone', 'business'),
    ev.partnerWithdrawn('gone'),
  );
  await log.append('62063', '2026-02-20T10:00:00.000Z', 'copil', ev.submitted('2026-02-20T10:00:00.000Z', 1, 197_217));

  await log.append('53053', '2026-02-25T10:00:00.000Z', 'copil', ev.fomSubmitted('2026-02-25T10:00:00.000Z'));
  await log.append(
    '53053',
    '2026-02-27T10:00:00.000Z',
    'coordination',
    ev.scored('2026-02-27T10:00:00.000Z', '2026', 'rev-2'),
  );

  await log.append('25072', '2026-01-05T10:00:00.000Z', 'copil', ev.opened('25072', '2026-01-05T10:00:00.000Z'));
}
