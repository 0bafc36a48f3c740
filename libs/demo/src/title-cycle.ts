import { addMonths } from '@cdce/communes';
import { FAIR_O_METER_EDITIONS } from './campaign-calendar';

/**
 * The first Fair-ô-mètre a new title answers: the first edition at least ten months after the award. Titles run
 * until the spring after it, so that every renewal happens before the title ends.
 */
export function firstEditionAfter(validFrom: string): number {
  return (
    FAIR_O_METER_EDITIONS.find((e) => addMonths(validFrom, 10) <= `${e}-09-15`) ?? FAIR_O_METER_EDITIONS.at(-1)! + 2
  );
}

/** Months from `validFrom` to the spring after its first Fair-ô-mètre (an award is aligned on the campaign's cycle). */
export function monthsToFirstRenewal(validFrom: string): number {
  const edition = firstEditionAfter(validFrom);
  const [year, month] = validFrom.split('-').map(Number) as [number, number];
  return (edition + 1 - year) * 12 + (4 - month) + 1;
}
