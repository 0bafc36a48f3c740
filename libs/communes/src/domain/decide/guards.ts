import { brusselsDate, periodEnd } from '../calendar';
import type { Candidate, ChangesRequestedCommune, Commune, LosingMomentum, Renewed, Titled } from '../commune.state';
import { holdsTitle } from '../commune.state';
import { refuse } from '../commune.errors';
import { isValidNis } from '../nis';

/** Default validity of a title period: two years (DESIGN §2.2; "twee jaar langer" in Flanders). */
export const TITLE_VALIDITY_MONTHS = 24;
/** Longest validity a reviewer may grant in one decision. */
export const MAX_TITLE_VALIDITY_MONTHS = 120;

/** Statuses in which a commune works on its evidence (COPIL, partners, actions…). */
export type EngagedCommune = Exclude<
  Commune,
  { status: 'not_engaged' | 'lapsed' | 'relinquished' | 'withdrawn' | 'merged' }
>;

export function notMerged<S extends Commune>(state: S, action: string): Exclude<S, { status: 'merged' }> {
  if (state.status === 'merged')
    throw refuse(
      'COMMUNE_MERGED',
      `Cannot ${action}: this commune merged into ${state.successorNis} on ${state.effectiveOn}. Act on the successor commune instead.`,
    );
  return state as Exclude<S, { status: 'merged' }>;
}

export function engaged(state: Commune, action: string): EngagedCommune {
  const current = notMerged(state, action);
  if (
    current.status === 'not_engaged' ||
    current.status === 'lapsed' ||
    current.status === 'relinquished' ||
    current.status === 'withdrawn'
  )
    throw refuse(
      'NOT_ENGAGED',
      `Cannot ${action}: the commune is not engaged in the campaign (now ${current.status}). Open a candidacy first.`,
    );
  return current;
}

export function candidate(state: Commune, action: string): Candidate | ChangesRequestedCommune {
  const current = notMerged(state, action);
  if (current.status !== 'candidate' && current.status !== 'changes_requested')
    throw refuse('NOT_A_CANDIDATE', `Cannot ${action}: only a candidate commune can (now ${current.status}).`);
  return current;
}

/** A commune holding its title and not in the middle of a renewal review. */
export function titleHolder(state: Commune, action: string): Titled | Renewed | LosingMomentum {
  const current = notMerged(state, action);
  if (current.status === 'renewal_under_review')
    throw refuse(
      'RENEWAL_IN_PROGRESS',
      `Cannot ${action} while the renewal (Fair-ô-mètre ${current.fairOMeter.edition}) is under review: renew the title or refuse the renewal first.`,
    );
  if (!holdsTitle(current))
    throw refuse('NOT_TITLED', `Cannot ${action}: the commune does not hold the title (now ${current.status}).`);
  return current;
}

export function validNis(nis: string, what: string): string {
  if (!isValidNis(nis))
    throw refuse(
      'INVALID_NIS',
      `${what} ${JSON.stringify(nis)} is not a NIS code: expected five digits, e.g. "92094".`,
    );
  return nis;
}

export function sameCommune(state: Commune, nis: string): void {
  if (state.nis !== null && state.nis !== nis)
    throw refuse('NIS_MISMATCH', `The command names commune ${nis} but this stream belongs to commune ${state.nis}.`);
}

/** Today's Belgian date as seen by the command. */
export const today = (now: string): string => brusselsDate(now);

export function notInFuture(date: string, now: string, what: string): void {
  if (date > today(now))
    throw refuse('DATE_IN_FUTURE', `${what} (${date}) is after today (${today(now)}): record it once it has happened.`);
}

export function dueAfterToday(dueOn: string, now: string): void {
  if (dueOn <= today(now))
    throw refuse('DUE_DATE_IN_PAST', `The due date ${dueOn} must be after today (${today(now)}).`);
}

export function notBefore(date: string, earlier: string, what: string): void {
  if (date < earlier) throw refuse('DATES_OUT_OF_ORDER', `${what} (${date}) cannot be before ${earlier}.`);
}

export function reasons(list: readonly string[] | undefined, what: string): string[] {
  const given = (list ?? []).map((r) => r.trim()).filter((r) => r.length > 0);
  if (given.length === 0) throw refuse('REASONS_REQUIRED', `Give at least one reason to ${what}.`);
  return given;
}

export function unusedId(ids: readonly string[], id: string, what: string): void {
  if (ids.includes(id)) throw refuse('ID_ALREADY_USED', `${what} ${id} is already recorded: use a new id.`);
}

/** A title period from `validFrom`, `months` long. */
export function titlePeriod(validFrom: string, months: number | undefined): { validFrom: string; validUntil: string } {
  const length = months ?? TITLE_VALIDITY_MONTHS;
  if (!Number.isInteger(length) || length < 1 || length > MAX_TITLE_VALIDITY_MONTHS)
    throw refuse(
      'INVALID_VALIDITY',
      `A title is granted for 1 to ${MAX_TITLE_VALIDITY_MONTHS} whole months (got ${months}); leave it out for the default of ${TITLE_VALIDITY_MONTHS}.`,
    );
  return { validFrom, validUntil: periodEnd(validFrom, length) };
}
