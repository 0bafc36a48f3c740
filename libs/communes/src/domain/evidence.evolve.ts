import type { CommuneEvent } from './commune.events';
import type { Evidence } from './commune.state';

/**
 * How a folded list grows by one item. `evolve` copies (`appendCopy`); `foldCommune` grows in place the lists it
 * copied itself, so that folding a long stream does not copy every list once per event.
 */
export type Append = <T>(list: readonly T[], item: T) => readonly T[];

export const appendCopy: Append = (list, item) => [...list, item];

/** Folds an evidence event into the evidence; returns null for events that are not about evidence. */
export function evolveEvidence(evidence: Evidence, event: CommuneEvent, append: Append = appendCopy): Evidence | null {
  switch (event.type) {
    case 'CouncilResolutionRecorded':
      return grow(evidence, 'councilResolutions', event.data, append);
    case 'CouncilResolutionReconfirmed':
      return {
        ...evidence,
        localElections: evidence.localElections.map((e) =>
          e.heldOn === event.data.electionHeldOn ? { ...e, reconfirmedOn: event.data.votedOn } : e,
        ),
      };
    case 'LocalElectionHeld':
      return grow(evidence, 'localElections', { heldOn: event.data.heldOn, reconfirmedOn: null }, append);
    case 'CopilMemberJoined':
      return grow(evidence, 'copilMembers', event.data, append);
    case 'CopilMemberLeft':
      return { ...evidence, copilMembers: evidence.copilMembers.filter((m) => m.personId !== event.data.personId) };
    case 'CopilCharterAdopted':
      return { ...evidence, charter: event.data };
    case 'CopilMeetingHeld':
      return grow(evidence, 'meetings', event.data, append);
    case 'PartnerRegistered':
      return grow(evidence, 'partners', event.data, append);
    case 'PartnerWithdrawn':
      return { ...evidence, partners: evidence.partners.filter((p) => p.partnerId !== event.data.partnerId) };
    case 'CommunicationActionRecorded':
      return grow(evidence, 'communicationActions', event.data, append);
    case 'LocalProductActionRecorded':
      return grow(evidence, 'localProductActions', event.data, append);
    default:
      return null;
  }
}

type EvidenceList = {
  [K in keyof Evidence]-?: Evidence[K] extends readonly unknown[] ? K : never;
}[keyof Evidence];

/** The evidence with one more item in a list; the same evidence when `append` grew that list in place. */
function grow<K extends EvidenceList>(
  evidence: Evidence,
  list: K,
  item: Evidence[K][number],
  append: Append,
): Evidence {
  const grown = append<Evidence[K][number]>(evidence[list], item);
  return grown === evidence[list] ? evidence : { ...evidence, [list]: grown };
}
