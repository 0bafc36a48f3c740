/**
 * Dates of the real campaign the demo history follows (shared/domain-notes.md §3, §4 and §7.1).
 */

/** Local elections in Belgium: every new council must re-confirm the fair-trade resolution. */
export const LOCAL_ELECTIONS = ['2018-10-14', '2024-10-13'] as const;

/** The Fair-ô-mètre started in 2019 and is biennial. */
export const FAIR_O_METER_EDITIONS = [2019, 2021, 2023, 2025] as const;

/** Bastogne (82003) and Bertogne (82005) became Bastogne (82039) on 2 December 2024. */
export const BASTOGNE_MERGER = {
  predecessors: ['82003', '82005'],
  successor: '82039',
  effectiveOn: '2024-12-02',
} as const;

/** Bastogne received its title on 29 September 2015 (fairometer.be). */
export const BASTOGNE_TITLED_ON = '2015-09-29';

/** Last day the demo story covers; `until` cuts it earlier. */
export const DEMO_HORIZON = '2026-11-27';

/** Coordination and communes act as these actors in the demo history. */
export const DEMO_COORDINATION_ACTOR = { id: 'demo-coordination', role: 'coordination' } as const;
export const demoCopilActor = (nis: string) => ({ id: `demo-copil-${nis}`, role: 'copil' }) as const;

/**
 * A dossier cannot be submitted while the council elected in October has not re-confirmed the resolution
 * (criterion 1): submissions planned in these windows move to just after them.
 */
export function afterElectionWindow(date: string): string {
  if (date >= '2018-10-14' && date < '2019-07-01') return '2019-07-01';
  if (date >= '2024-10-13' && date < '2025-07-01') return '2025-07-01';
  return date;
}
