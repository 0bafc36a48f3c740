import type { FairOMeterBlocks, Grade } from '../commune.state';

/** Points of each Fair-ô-mètre block (fairometer.be: four blocks of 25 points, total 100). */
export const FAIR_O_METER_BLOCK_MAX = 25;

/**
 * Lowest total (out of 100) for each grade.
 *
 * DEFAULT, NOT THE CAMPAIGN'S RULE: how the real Fair-ô-mètre maps a total to A–E is not public. These bounds are a
 * reasonable default until the coordination gives its own; the reviewer may always record another grade.
 */
export const DEFAULT_GRADE_THRESHOLDS: Readonly<Record<Exclude<Grade, 'E'>, number>> = { A: 80, B: 65, C: 50, D: 35 };

/** The grade suggested for a total out of 100 (A best, E worst), by {@link DEFAULT_GRADE_THRESHOLDS}. */
export function gradeFor(total: number, thresholds = DEFAULT_GRADE_THRESHOLDS): Grade {
  if (total >= thresholds.A) return 'A';
  if (total >= thresholds.B) return 'B';
  if (total >= thresholds.C) return 'C';
  if (total >= thresholds.D) return 'D';
  return 'E';
}

/** Sum of the four blocks, rounded to hundredths (blocks have decimals, e.g. 19.25 + 18.75 + 20.48 + 18). */
export function fairOMeterTotal(blocks: FairOMeterBlocks): number {
  const sum = blocks.communalPolicy + blocks.communication + blocks.events + blocks.steeringCommittee;
  return Math.round(sum * 100) / 100;
}
