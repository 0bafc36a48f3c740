import type {
  AddCopilMember,
  AdoptCopilCharter,
  ReconfirmCouncilResolution,
  RecordCommunicationAction,
  RecordCopilMeeting,
  RecordCouncilResolution,
  RecordLocalProductAction,
  RegisterPartner,
  RemoveCopilMember,
  WithdrawPartner,
} from '../commune.commands';
import type {
  CommunicationActionRecorded,
  CopilCharterAdopted,
  CopilMeetingHeld,
  CopilMemberJoined,
  CopilMemberLeft,
  CouncilResolutionReconfirmed,
  CouncilResolutionRecorded,
  LocalProductActionRecorded,
  PartnerRegistered,
  PartnerWithdrawn,
} from '../commune.events';
import type { Commune } from '../commune.state';
import { latestResolution, resolutionNeedsReconfirmation } from '../commune.state';
import { refuse } from '../commune.errors';
import { engaged, notBefore, notInFuture, unusedId } from './guards';

/*
 * Evidence for the six criteria. A commune keeps building it while candidate, under review and titled; it cannot
 * while not engaged or after its title ended (it opens a new candidacy first).
 */

export function recordCouncilResolution(
  { data, now }: RecordCouncilResolution,
  state: Commune,
): CouncilResolutionRecorded[] {
  const { evidence } = engaged(state, 'record a council resolution');
  unusedId(
    evidence.councilResolutions.map((r) => r.resolutionId),
    data.resolutionId,
    'Resolution',
  );
  notInFuture(data.votedOn, now, 'The vote');
  const fairTradeProducts = products(data.fairTradeProducts);
  return [
    {
      type: 'CouncilResolutionRecorded',
      data: {
        resolutionId: data.resolutionId,
        votedOn: data.votedOn,
        fairTradeProducts,
        documentRef: data.documentRef ?? null,
      },
    },
  ];
}

export function reconfirmCouncilResolution(
  { data, now }: ReconfirmCouncilResolution,
  state: Commune,
): CouncilResolutionReconfirmed[] {
  const { evidence } = engaged(state, 're-confirm the council resolution');
  if (!latestResolution(evidence))
    throw refuse(
      'NO_COUNCIL_RESOLUTION',
      'There is no council resolution to re-confirm: record the resolution instead.',
    );
  const election = evidence.localElections.at(-1);
  if (!election || !resolutionNeedsReconfirmation(evidence))
    throw refuse('NO_RECONFIRMATION_NEEDED', 'The council resolution is already confirmed by the council in office.');
  notInFuture(data.votedOn, now, 'The vote');
  notBefore(data.votedOn, election.heldOn, 'A re-confirmation by the new council');
  return [{ type: 'CouncilResolutionReconfirmed', data: { votedOn: data.votedOn, electionHeldOn: election.heldOn } }];
}

export function addCopilMember({ data, now }: AddCopilMember, state: Commune): CopilMemberJoined[] {
  const { evidence } = engaged(state, 'add a COPIL member');
  if (evidence.copilMembers.some((m) => m.personId === data.personId))
    throw refuse('ALREADY_COPIL_MEMBER', `Person ${data.personId} is already a member of the COPIL.`);
  notInFuture(data.joinedOn, now, 'The joining date');
  return [
    {
      type: 'CopilMemberJoined',
      data: { personId: data.personId, role: data.role, sector: data.sector, joinedOn: data.joinedOn },
    },
  ];
}

export function removeCopilMember({ data, now }: RemoveCopilMember, state: Commune): CopilMemberLeft[] {
  const { evidence } = engaged(state, 'remove a COPIL member');
  const member = evidence.copilMembers.find((m) => m.personId === data.personId);
  if (!member) throw refuse('UNKNOWN_COPIL_MEMBER', `Person ${data.personId} is not a member of the COPIL.`);
  notInFuture(data.leftOn, now, 'The leaving date');
  notBefore(data.leftOn, member.joinedOn, 'Leaving the COPIL');
  return [{ type: 'CopilMemberLeft', data: { personId: data.personId, leftOn: data.leftOn } }];
}

/** A new adoption replaces the previous charter (a revised version). */
export function adoptCopilCharter({ data, now }: AdoptCopilCharter, state: Commune): CopilCharterAdopted[] {
  engaged(state, 'adopt a COPIL charter');
  notInFuture(data.adoptedOn, now, 'The adoption');
  return [
    {
      type: 'CopilCharterAdopted',
      data: { adoptedOn: data.adoptedOn, sections: [...new Set(data.sections)], documentRef: data.documentRef ?? null },
    },
  ];
}

export function recordCopilMeeting({ data, now }: RecordCopilMeeting, state: Commune): CopilMeetingHeld[] {
  const { evidence } = engaged(state, 'record a COPIL meeting');
  unusedId(
    evidence.meetings.map((m) => m.meetingId),
    data.meetingId,
    'Meeting',
  );
  notInFuture(data.heldOn, now, 'The meeting');
  const attendeeCount = data.attendeeCount ?? null;
  if (attendeeCount !== null && (!Number.isInteger(attendeeCount) || attendeeCount < 0))
    throw refuse('INVALID_FIGURE', `The attendee count must be a whole number ≥ 0 (got ${attendeeCount}).`);
  return [{ type: 'CopilMeetingHeld', data: { meetingId: data.meetingId, heldOn: data.heldOn, attendeeCount } }];
}

export function registerPartner({ data, now }: RegisterPartner, state: Commune): PartnerRegistered[] {
  const { evidence } = engaged(state, 'register a partner');
  if (evidence.partners.some((p) => p.partnerId === data.partnerId))
    throw refuse(
      'PARTNER_ALREADY_REGISTERED',
      `Partner ${data.partnerId} is already registered: withdraw it first to change it.`,
    );
  notInFuture(data.registeredOn, now, 'The registration');
  return [
    {
      type: 'PartnerRegistered',
      data: {
        partnerId: data.partnerId,
        kind: data.kind,
        fairTradeProducts: products(data.fairTradeProducts),
        registeredOn: data.registeredOn,
      },
    },
  ];
}

export function withdrawPartner({ data, now }: WithdrawPartner, state: Commune): PartnerWithdrawn[] {
  const { evidence } = engaged(state, 'withdraw a partner');
  const partner = evidence.partners.find((p) => p.partnerId === data.partnerId);
  if (!partner) throw refuse('UNKNOWN_PARTNER', `Partner ${data.partnerId} is not registered for this commune.`);
  notInFuture(data.withdrawnOn, now, 'The withdrawal');
  notBefore(data.withdrawnOn, partner.registeredOn, 'The withdrawal');
  return [
    {
      type: 'PartnerWithdrawn',
      data: { partnerId: data.partnerId, withdrawnOn: data.withdrawnOn, reason: data.reason ?? null },
    },
  ];
}

export function recordCommunicationAction(
  { data, now }: RecordCommunicationAction,
  state: Commune,
): CommunicationActionRecorded[] {
  const { evidence } = engaged(state, 'record a communication action');
  unusedId(
    evidence.communicationActions.map((a) => a.actionId),
    data.actionId,
    'Communication action',
  );
  notInFuture(data.occurredOn, now, 'The action');
  return [
    {
      type: 'CommunicationActionRecorded',
      data: { actionId: data.actionId, channel: data.channel, occurredOn: data.occurredOn, summary: data.summary },
    },
  ];
}

export function recordLocalProductAction(
  { data, now }: RecordLocalProductAction,
  state: Commune,
): LocalProductActionRecorded[] {
  const { evidence } = engaged(state, 'record a local product action');
  unusedId(
    evidence.localProductActions.map((a) => a.actionId),
    data.actionId,
    'Local product action',
  );
  notInFuture(data.occurredOn, now, 'The action');
  return [
    {
      type: 'LocalProductActionRecorded',
      data: {
        actionId: data.actionId,
        occurredOn: data.occurredOn,
        summary: data.summary,
        prixJusteProducteurRef: data.prixJusteProducteurRef ?? null,
      },
    },
  ];
}

/** Distinct, trimmed product names; at least one. */
function products(list: readonly string[]): string[] {
  const distinct = [...new Set(list.map((p) => p.trim()).filter((p) => p.length > 0))];
  if (distinct.length === 0) throw refuse('PRODUCTS_REQUIRED', 'Name at least one fair-trade product.');
  return distinct;
}
