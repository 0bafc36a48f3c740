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

/** Pure: the summary after `event`, given the state it produced and the previous summary. */
export function summarise(state: Commune, previous: CommuneSummary | undefined, event: RecordedEvent): CommuneSummary {
  const title = 'title' in state ? state.title : null;
  const momentum = 'momentum' in state ? state.momentum : null;
  const lastScored = [...state.fairOMeters].reverse().find((edition) => edition.grade !== null);
  return {
    titleCycle: title?.cycle ?? null,
    validFrom: title?.validFrom ?? null,
    validUntil: title?.validUntil ?? null,
    lastGrade: lastScored?.grade ?? null,
    openAlertReasons: state.status === 'losing_momentum' ? openReasons(state) : [],
    sponsorNis: momentum?.supportPlan?.sponsorNis ?? null,
    candidacyOpenedAt:
      previous?.candidacyOpenedAt ?? (event.type === 'CandidacyOpened' ? event.metadata.recordedAt : null),
    firstTitledAt: previous?.firstTitledAt ?? (event.type === 'TitleAwarded' ? event.metadata.recordedAt : null),
  };
}

function openReasons(state: Commune): MomentumReason[] {
  if (state.status !== 'losing_momentum') return [];
  const since = state.momentum.since;
  const reasons = state.alerts.filter((alert) => alert.raisedAt >= since).flatMap((alert) => alert.reasons);
  return [...new Set(reasons)];
}
