import type { RecordedEvent } from '@cdce/eventsourcing';
import type { Commune, Grade, MomentumReason } from '../domain/commune.state';

/** What lists and dashboards show of a commune, derived from its state (and, for dates, the events' times). */
export interface CommuneSummary {
  readonly titleCycle: number | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly lastGrade: Grade | null;
  readonly openAlertReasons: readonly MomentumReason[];
  readonly sponsorNis: string | null;
  /** First time the commune opened a candidacy (for the time-to-title figure). */
  readonly candidacyOpenedAt: string | null;
  /** First time the commune was awarded a title. */
  readonly firstTitledAt: string | null;
}

const NO_REASONS: readonly MomentumReason[] = Object.freeze([]);

/**
 * Pure: the summary after `event`, given the state it produced and the previous summary. Most events change none of
 * its fields: the previous summary is then returned as it is, so that folding a long stream builds few of them.
 */
export function summarise(state: Commune, previous: CommuneSummary | undefined, event: RecordedEvent): CommuneSummary {
  return summaryAfter(state, previous, [event]);
}

/**
 * Pure: the summary after `events`, given the state the last one produced and the summary before the first: what
 * `summarise` gives event after event. Every field but two is read from the state alone, whatever led to it; the
 * two dates are the first of their kind, kept once set, which the first matching event of the run gives otherwise.
 */
export function summaryAfter(
  state: Commune,
  previous: CommuneSummary | undefined,
  events: readonly RecordedEvent[],
): CommuneSummary {
  const title = 'title' in state ? state.title : null;
  const momentum = 'momentum' in state ? state.momentum : null;
  const next: CommuneSummary = {
    titleCycle: title?.cycle ?? null,
    validFrom: title?.validFrom ?? null,
    validUntil: title?.validUntil ?? null,
    lastGrade: lastGrade(state),
    openAlertReasons: state.status === 'losing_momentum' ? openReasons(state, previous) : NO_REASONS,
    sponsorNis: momentum?.supportPlan?.sponsorNis ?? null,
    candidacyOpenedAt: previous?.candidacyOpenedAt ?? firstRecordedAt(events, 'CandidacyOpened'),
    firstTitledAt: previous?.firstTitledAt ?? firstRecordedAt(events, 'TitleAwarded'),
  };
  return previous && sameSummary(previous, next) ? previous : next;
}

/** When the first event of this type was recorded, or null when none is. */
function firstRecordedAt(events: readonly RecordedEvent[], type: string): string | null {
  for (const event of events) if (event.type === type) return event.metadata.recordedAt;
  return null;
}

/** The grade of the last scored Fair-ô-mètre. */
function lastGrade(state: Commune): CommuneSummary['lastGrade'] {
  for (let i = state.fairOMeters.length - 1; i >= 0; i--) {
    const grade = state.fairOMeters[i]!.grade;
    if (grade !== null) return grade;
  }
  return null;
}

/** The reasons of the alerts raised since the commune started losing momentum, each once (the previous list when equal). */
function openReasons(
  state: Extract<Commune, { status: 'losing_momentum' }>,
  previous?: CommuneSummary,
): readonly MomentumReason[] {
  const since = state.momentum.since;
  const reasons = [
    ...new Set(state.alerts.filter((alert) => alert.raisedAt >= since).flatMap((alert) => alert.reasons)),
  ];
  const before = previous?.openAlertReasons;
  return before && sameList(before, reasons) ? before : reasons;
}

function sameSummary(a: CommuneSummary, b: CommuneSummary): boolean {
  return (
    a.titleCycle === b.titleCycle &&
    a.validFrom === b.validFrom &&
    a.validUntil === b.validUntil &&
    a.lastGrade === b.lastGrade &&
    a.openAlertReasons === b.openAlertReasons &&
    a.sponsorNis === b.sponsorNis &&
    a.candidacyOpenedAt === b.candidacyOpenedAt &&
    a.firstTitledAt === b.firstTitledAt
  );
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
