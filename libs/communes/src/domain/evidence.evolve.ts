import type { CommuneEvent } from './commune.events';
import type { Evidence } from './commune.state';

/** Folds an evidence event into the evidence; returns null for events that are not about evidence. */
export function evolveEvidence(evidence: Evidence, event: CommuneEvent): Evidence | null {
  switch (event.type) {
    case 'CouncilResolutionRecorded':
      return { ...evidence, councilResolutions: [...evidence.councilResolutions, event.data] };
    case 'CouncilResolutionReconfirmed':
      return {
        ...evidence,
        localElections: evidence.localElections.map((e) =>
          e.heldOn === event.data.electionHeldOn ? { ...e, reconfirmedOn: event.data.votedOn } : e,
        ),
      };
    case 'LocalElectionHeld':
      return {
        ...evidence,
        localElections: [...evidence.localElections, { heldOn: event.data.heldOn, reconfirmedOn: null }],
      };
    case 'CopilMemberJoined':
      return { ...evidence, copilMembers: [...evidence.copilMembers, event.data] };
    case 'CopilMemberLeft':
      return { ...evidence, copilMembers: evidence.copilMembers.filter((m) => m.personId !== event.data.personId) };
    case 'CopilCharterAdopted':
      return { ...evidence, charter: event.data };
    case 'CopilMeetingHeld':
      return { ...evidence, meetings: [...evidence.meetings, event.data] };
    case 'PartnerRegistered':
      return { ...evidence, partners: [...evidence.partners, event.data] };
    case 'PartnerWithdrawn':
      return { ...evidence, partners: evidence.partners.filter((p) => p.partnerId !== event.data.partnerId) };
    case 'CommunicationActionRecorded':
      return { ...evidence, communicationActions: [...evidence.communicationActions, event.data] };
    case 'LocalProductActionRecorded':
      return { ...evidence, localProductActions: [...evidence.localProductActions, event.data] };
    default:
      return null;
  }
}
