import type { Decider } from '@cdce/eventsourcing';
import { assertNever } from '@cdce/eventsourcing';
import type { CommuneCommand } from './commune.commands';
import type { CommuneEvent } from './commune.events';
import { COMMUNE_EVENT_TYPES } from './commune.events';
import { evolve } from './commune.evolve';
import type { Commune } from './commune.state';
import { initialCommune } from './commune.state';
import { abandonCandidacy, openCandidacy, submitDossier } from './decide/candidacy.decide';
import {
  addCopilMember,
  adoptCopilCharter,
  reconfirmCouncilResolution,
  recordCommunicationAction,
  recordCopilMeeting,
  recordCouncilResolution,
  recordLocalProductAction,
  registerPartner,
  removeCopilMember,
  withdrawPartner,
} from './decide/evidence.decide';
import {
  declareTitleLapsed,
  mergeInto,
  recordLocalElection,
  recordPredecessorMerged,
  relinquishTitle,
  withdrawTitle,
} from './decide/end-and-merge.decide';
import {
  refuseRenewal,
  renewTitle,
  requestFairOMeter,
  scoreFairOMeter,
  submitFairOMeter,
} from './decide/fair-o-meter.decide';
import {
  assignSponsor,
  markRenewalOverdue,
  openSupportPlan,
  raiseMomentumAlert,
  recordSupportAction,
  restoreMomentum,
} from './decide/momentum.decide';
import { recordReminderSent } from './decide/reminders.decide';
import { approveDossier, commentOnCriterion, rejectDossier, requestChanges, startReview } from './decide/review.decide';

/**
 * The whole title lifecycle of one commune (stream `commune-<nis>`, DESIGN §2.2–2.3): pure, no clock, no ids,
 * no I/O. Refusals are `DomainError`s whose codes are listed in `DOMAIN_ERROR_CODES`; an empty decision means
 * "already done".
 */
export const communeDecider: Decider<Commune, CommuneCommand, CommuneEvent> = {
  initialState: initialCommune,
  decide,
  evolve,
  eventTypes: COMMUNE_EVENT_TYPES,
};

function decide(command: CommuneCommand, state: Commune): readonly CommuneEvent[] {
  switch (command.type) {
    case 'OpenCandidacy':
      return openCandidacy(command, state);
    case 'RecordCouncilResolution':
      return recordCouncilResolution(command, state);
    case 'ReconfirmCouncilResolution':
      return reconfirmCouncilResolution(command, state);
    case 'AddCopilMember':
      return addCopilMember(command, state);
    case 'RemoveCopilMember':
      return removeCopilMember(command, state);
    case 'AdoptCopilCharter':
      return adoptCopilCharter(command, state);
    case 'RecordCopilMeeting':
      return recordCopilMeeting(command, state);
    case 'RegisterPartner':
      return registerPartner(command, state);
    case 'WithdrawPartner':
      return withdrawPartner(command, state);
    case 'RecordCommunicationAction':
      return recordCommunicationAction(command, state);
    case 'RecordLocalProductAction':
      return recordLocalProductAction(command, state);
    case 'SubmitDossier':
      return submitDossier(command, state);
    case 'AbandonCandidacy':
      return abandonCandidacy(command, state);
    case 'StartReview':
      return startReview(command, state);
    case 'CommentOnCriterion':
      return commentOnCriterion(command, state);
    case 'RequestChanges':
      return requestChanges(command, state);
    case 'ApproveDossier':
      return approveDossier(command, state);
    case 'RejectDossier':
      return rejectDossier(command, state);
    case 'RequestFairOMeter':
      return requestFairOMeter(command, state);
    case 'SubmitFairOMeter':
      return submitFairOMeter(command, state);
    case 'ScoreFairOMeter':
      return scoreFairOMeter(command, state);
    case 'RenewTitle':
      return renewTitle(command, state);
    case 'RefuseRenewal':
      return refuseRenewal(command, state);
    case 'RaiseMomentumAlert':
      return raiseMomentumAlert(command, state);
    case 'OpenSupportPlan':
      return openSupportPlan(command, state);
    case 'AssignSponsor':
      return assignSponsor(command, state);
    case 'RecordSupportAction':
      return recordSupportAction(command, state);
    case 'RestoreMomentum':
      return restoreMomentum(command, state);
    case 'MarkRenewalOverdue':
      return markRenewalOverdue(command, state);
    case 'DeclareTitleLapsed':
      return declareTitleLapsed(command, state);
    case 'RelinquishTitle':
      return relinquishTitle(command, state);
    case 'WithdrawTitle':
      return withdrawTitle(command, state);
    case 'MergeInto':
      return mergeInto(command, state);
    case 'RecordPredecessorMerged':
      return recordPredecessorMerged(command, state);
    case 'RecordLocalElection':
      return recordLocalElection(command, state);
    case 'RecordReminderSent':
      return recordReminderSent(command, state);
    default:
      return assertNever(command);
  }
}
