import type {
  CommuneEvent,
  FairOMeterSubmitted,
  MomentumAlertRaised,
  PredecessorMerged,
  RenewalRefused,
  TitleRenewed,
} from './commune.events';
import type { Commune, CommuneRecord, MomentumEpisode, Renewed, SupportPlan, Title, Titled } from './commune.state';
import { holdsTitle } from './commune.state';
import { type Append, appendCopy, evolveEvidence } from './evidence.evolve';

/**
 * Folds one event into the state. Never throws: an event that does not apply to the current status leaves the
 * state as it is (the decider never emits one; a hand-edited or future stream must still replay).
 */
export function evolve(state: Commune, event: CommuneEvent): Commune {
  return evolveGrowing(state, event, appendCopy);
}

/**
 * `evolve`, with the lists that grow with the stream (evidence, reminders sent) grown through `append`.
 * Each such list is held in one place of the state only: `foldCommune` relies on it to grow them in place.
 */
export function evolveGrowing(state: Commune, event: CommuneEvent, append: Append): Commune {
  if (state.status === 'merged') return state;
  const evidence = evolveEvidence(state.evidence, event, append);
  if (evidence) return evidence === state.evidence ? state : { ...state, evidence };
  switch (event.type) {
    case 'CandidacyOpened':
      if (
        state.status !== 'not_engaged' &&
        state.status !== 'lapsed' &&
        state.status !== 'relinquished' &&
        state.status !== 'withdrawn'
      )
        return state;
      return {
        ...recordOf(state),
        status: 'candidate',
        nis: event.data.nis,
        candidacies: event.data.candidacy,
        lastRejection: null,
      };
    case 'DossierSubmitted': {
      if (state.status !== 'candidate' && state.status !== 'changes_requested') return state;
      const { dossier: number, criteriaSetId, population, checklist, acknowledgedIncomplete, submittedAt } = event.data;
      const dossier = { number, criteriaSetId, population, checklist, acknowledgedIncomplete, submittedAt };
      return { ...recordOf(state), status: 'under_review', nis: state.nis, dossiers: number, dossier, review: null };
    }
    case 'CandidacyAbandoned':
      if (state.status !== 'candidate' && state.status !== 'changes_requested') return state;
      return { ...recordOf(state), status: 'not_engaged' };
    case 'DossierReviewStarted':
      if (state.status !== 'under_review') return state;
      return {
        ...state,
        review: {
          reviewerId: event.data.reviewerId,
          startedAt: event.data.startedAt,
          comments: state.review?.comments ?? [],
        },
      };
    case 'ReviewCommentAdded': {
      if (state.status !== 'under_review' || !state.review) return state;
      const { commentId, criterion, comment, authorId, at } = event.data;
      return {
        ...state,
        review: {
          ...state.review,
          comments: [...state.review.comments, { commentId, criterion, comment, authorId, at }],
        },
      };
    }
    case 'ChangesRequested': {
      if (state.status !== 'under_review' || !state.review) return state;
      const { changes, dueOn, requestedAt } = event.data;
      return {
        ...recordOf(state),
        status: 'changes_requested',
        nis: state.nis,
        dossier: state.dossier,
        review: state.review,
        changeRequest: { changes, dueOn, requestedAt },
      };
    }
    case 'DossierApproved':
      return state; // the title comes with the TitleAwarded that follows it
    case 'TitleAwarded':
      if (state.status !== 'under_review') return state;
      return holding(state, 'titled', event.data, state.nis);
    case 'DossierRejected': {
      if (state.status !== 'under_review') return state;
      const { dossier, reasons, rejectedAt } = event.data;
      return {
        ...recordOf(state),
        status: 'candidate',
        nis: state.nis,
        lastRejection: { dossier, reasons, rejectedAt },
      };
    }
    case 'FairOMeterRequested':
      if (state.status !== 'titled' && state.status !== 'renewed' && state.status !== 'losing_momentum') return state;
      return { ...state, fairOMeterRequest: event.data };
    case 'FairOMeterSubmitted':
      return fairOMeterSubmitted(state, event);
    case 'FairOMeterScored': {
      if (state.status !== 'renewal_under_review') return state;
      const { grade, reviewerId, scoredAt, edition } = event.data;
      return {
        ...state,
        fairOMeter: { ...state.fairOMeter, score: { grade, reviewerId, scoredAt } },
        fairOMeters: state.fairOMeters.map((f) => (f.edition === edition ? { ...f, grade } : f)),
      };
    }
    case 'TitleRenewed':
      return titleRenewed(state, event);
    case 'RenewalRefused':
      return renewalRefused(state, event);
    case 'MomentumAlertRaised':
      return momentumAlertRaised(state, event);
    case 'SupportPlanOpened': {
      if (state.status !== 'losing_momentum') return state;
      const { difficulties, plannedActions, openedAt } = event.data;
      return withPlan(state, { openedAt, difficulties, plannedActions, sponsorNis: null, actions: [] });
    }
    case 'SponsorAssigned':
      if (state.status !== 'losing_momentum' || !state.momentum.supportPlan) return state;
      return withPlan(state, { ...state.momentum.supportPlan, sponsorNis: event.data.sponsorNis });
    case 'SupportActionRecorded':
      if (state.status !== 'losing_momentum' || !state.momentum.supportPlan) return state;
      return withPlan(state, {
        ...state.momentum.supportPlan,
        actions: [...state.momentum.supportPlan.actions, event.data],
      });
    case 'MomentumRestored':
      if (state.status !== 'losing_momentum') return state;
      return {
        ...holding(closeEpisode(state, state.momentum), state.restoreTo, state.title, state.nis),
        fairOMeterRequest: state.fairOMeterRequest,
      };
    case 'RenewalOverdue':
      return { ...state, overdueMarkedFor: [...state.overdueMarkedFor, event.data.validUntil] };
    case 'TitleLapsed':
      return titleEnded(state, 'lapsed', event.data.reasons, event.data.lapsedAt);
    case 'TitleRelinquished':
      return titleEnded(state, 'relinquished', event.data.reasons, event.data.relinquishedAt);
    case 'TitleWithdrawn':
      return titleEnded(state, 'withdrawn', event.data.reasons, event.data.withdrawnAt);
    case 'MunicipalityMerged': {
      const { nis, successorNis, effectiveOn } = event.data;
      return { ...recordOf(state), status: 'merged', nis, successorNis, effectiveOn };
    }
    case 'PredecessorMerged':
      return predecessorMerged(state, event);
    case 'ReminderSent': {
      const remindersSent = append(state.remindersSent, event.data.reminderId);
      return remindersSent === state.remindersSent ? state : { ...state, remindersSent };
    }
    default:
      return state;
  }
}

type Live = Exclude<Commune, { status: 'merged' }>;

/** What survives a change of status (drops the fields that belong to the status being left). */
function recordOf(state: CommuneRecord): CommuneRecord {
  const {
    nis,
    evidence,
    lastCycle,
    candidacies,
    dossiers,
    fairOMeters,
    alerts,
    closedSupportPlans,
    overdueMarkedFor,
    remindersSent,
    predecessors,
  } = state;
  return {
    nis,
    evidence,
    lastCycle,
    candidacies,
    dossiers,
    fairOMeters,
    alerts,
    closedSupportPlans,
    overdueMarkedFor,
    remindersSent,
    predecessors,
  };
}

/*
 * The two functions below list the record's fields instead of spreading `recordOf` and overriding some of them: a
 * spread whose keys are then written again takes V8's slow path, and these run for every title of every rebuild.
 */

function holding(record: CommuneRecord, status: 'titled' | 'renewed', title: Title, nis: string): Titled | Renewed {
  return {
    nis,
    evidence: record.evidence,
    lastCycle: Math.max(record.lastCycle, title.cycle),
    candidacies: record.candidacies,
    dossiers: record.dossiers,
    fairOMeters: record.fairOMeters,
    alerts: record.alerts,
    closedSupportPlans: record.closedSupportPlans,
    overdueMarkedFor: record.overdueMarkedFor,
    remindersSent: record.remindersSent,
    predecessors: record.predecessors,
    status,
    title,
    fairOMeterRequest: null,
  };
}

/** Keeps the support plan, if any, in the history once its episode is over. */
function closeEpisode(state: Live, episode: MomentumEpisode | null): Live {
  return episode?.supportPlan
    ? { ...state, closedSupportPlans: [...state.closedSupportPlans, episode.supportPlan] }
    : state;
}

function withPlan(state: Extract<Commune, { status: 'losing_momentum' }>, supportPlan: SupportPlan): Commune {
  return { ...state, momentum: { ...state.momentum, supportPlan } };
}

function fairOMeterSubmitted(state: Live, { data }: FairOMeterSubmitted): Commune {
  if (state.status !== 'titled' && state.status !== 'renewed' && state.status !== 'losing_momentum') return state;
  const { edition, blocks, figures, total, submittedAt } = data;
  return {
    nis: state.nis,
    evidence: state.evidence,
    lastCycle: state.lastCycle,
    candidacies: state.candidacies,
    dossiers: state.dossiers,
    fairOMeters: [...state.fairOMeters, { edition, total, grade: null, submittedAt }],
    alerts: state.alerts,
    closedSupportPlans: state.closedSupportPlans,
    overdueMarkedFor: state.overdueMarkedFor,
    remindersSent: state.remindersSent,
    predecessors: state.predecessors,
    status: 'renewal_under_review',
    title: state.title,
    holding: state.status === 'losing_momentum' ? state.restoreTo : state.status,
    fairOMeter: { edition, blocks, figures, total, submittedAt, score: null },
    momentum: state.status === 'losing_momentum' ? state.momentum : null,
  };
}

function titleRenewed(state: Live, { data }: TitleRenewed): Commune {
  if (state.status !== 'renewal_under_review') return state;
  const { cycle, validFrom, validUntil } = data;
  return holding(closeEpisode(state, state.momentum), 'renewed', { cycle, validFrom, validUntil }, state.nis);
}

function renewalRefused(state: Live, { data }: RenewalRefused): Commune {
  if (state.status !== 'renewal_under_review') return state;
  return {
    ...recordOf(state),
    status: 'losing_momentum',
    nis: state.nis,
    title: state.title,
    fairOMeterRequest: null,
    restoreTo: state.holding,
    momentum: state.momentum ?? { since: data.refusedAt, supportPlan: null },
  };
}

function momentumAlertRaised(state: Live, { data }: MomentumAlertRaised): Commune {
  const withAlert = { ...state, alerts: [...state.alerts, data] };
  if (withAlert.status !== 'titled' && withAlert.status !== 'renewed') return withAlert;
  return {
    ...withAlert,
    status: 'losing_momentum',
    restoreTo: withAlert.status,
    momentum: { since: data.raisedAt, supportPlan: null },
  };
}

function titleEnded(
  state: Live,
  status: 'lapsed' | 'relinquished' | 'withdrawn',
  reasons: string[],
  endedAt: string,
): Commune {
  if (!holdsTitle(state)) return state;
  const episode = state.status === 'losing_momentum' || state.status === 'renewal_under_review' ? state.momentum : null;
  return {
    ...recordOf(closeEpisode(state, episode)),
    status,
    nis: state.nis,
    formerTitle: state.title,
    reasons,
    endedAt,
  };
}

function predecessorMerged(state: Live, { data }: PredecessorMerged): Commune {
  const { predecessorNis, effectiveOn, predecessorStatus, predecessorTitle, inheritedTitle } = data;
  const next: Live = {
    ...state,
    nis: data.nis,
    predecessors: [
      ...state.predecessors,
      { predecessorNis, effectiveOn, predecessorStatus, predecessorTitle, inheritedTitle },
    ],
  } as Live;
  if (!inheritedTitle) return next;
  if (holdsTitle(next))
    return { ...next, title: inheritedTitle, lastCycle: Math.max(next.lastCycle, inheritedTitle.cycle) };
  return holding(next, 'titled', inheritedTitle, data.nis);
}
