import type { CommuneCommand } from './commune.commands';
import { CDCE_2022 } from './criteria/cdce-2022.criteria-set';
import { command, FIRST_TITLE, given, LATER, merged, NIS, OTHER_NIS, SECOND_TITLE } from './testing/commune.fixtures';

const SUCCESSOR = '82039';

/** A merged commune is terminal: whatever comes in, the caller is sent to the successor. */
describe('Commune — merged', () => {
  const everyCommand: CommuneCommand[] = [
    command('OpenCandidacy', { nis: NIS }),
    command('RecordCouncilResolution', { resolutionId: 'r', votedOn: '2025-01-01', fairTradeProducts: ['café'] }),
    command('ReconfirmCouncilResolution', { votedOn: '2025-01-01' }),
    command('AddCopilMember', { personId: 'p', role: 'member', sector: 'citizen', joinedOn: '2025-01-01' }),
    command('RemoveCopilMember', { personId: 'p', leftOn: '2025-01-01' }),
    command('AdoptCopilCharter', { adoptedOn: '2025-01-01', sections: [] }),
    command('RecordCopilMeeting', { meetingId: 'm', heldOn: '2025-01-01' }),
    command('RegisterPartner', {
      partnerId: 'p',
      kind: 'shop',
      fairTradeProducts: ['café'],
      registeredOn: '2025-01-01',
    }),
    command('WithdrawPartner', { partnerId: 'p', withdrawnOn: '2025-01-01' }),
    command('RecordCommunicationAction', { actionId: 'a', channel: 'other', occurredOn: '2025-01-01', summary: 'x' }),
    command('RecordLocalProductAction', { actionId: 'a', occurredOn: '2025-01-01', summary: 'x' }),
    command('SubmitDossier', { criteriaSet: CDCE_2022, population: 1000 }),
    command('AbandonCandidacy', {}),
    command('StartReview', { reviewerId: 'r' }),
    command('CommentOnCriterion', { commentId: 'c', criterion: 1, comment: 'x', authorId: 'r' }),
    command('RequestChanges', { changes: [{ criterion: 1, reason: 'x' }], dueOn: '2026-01-01' }),
    command('ApproveDossier', {}),
    command('RejectDossier', { reasons: ['x'] }),
    command('RequestFairOMeter', { edition: '2025', dueOn: '2026-01-01' }),
    command('SubmitFairOMeter', {
      edition: '2025',
      blocks: { communalPolicy: 1, communication: 1, events: 1, steeringCommittee: 1 },
      figures: { volunteers: 1, events: 1, products: 1 },
    }),
    command('ScoreFairOMeter', { reviewerId: 'r' }),
    command('RenewTitle', {}),
    command('RefuseRenewal', { reasons: ['x'] }),
    command('RaiseMomentumAlert', { alertId: 'a', reasons: ['manual'] }),
    command('OpenSupportPlan', { difficulties: ['x'], plannedActions: [] }),
    command('AssignSponsor', { sponsorNis: OTHER_NIS, sponsorIsTitled: true }),
    command('RecordSupportAction', { actionId: 'a', occurredOn: '2025-01-01', summary: 'x' }),
    command('RestoreMomentum', {}),
    command('MarkRenewalOverdue', { validUntil: FIRST_TITLE.validUntil }, LATER),
    command('DeclareTitleLapsed', {}, LATER),
    command('RelinquishTitle', { reasons: ['x'] }),
    command('WithdrawTitle', { reasons: ['x'] }),
    command('MergeInto', { nis: NIS, successorNis: SUCCESSOR, effectiveOn: '2025-01-01' }),
    command('RecordPredecessorMerged', {
      nis: NIS,
      predecessorNis: SUCCESSOR,
      effectiveOn: '2025-01-01',
      predecessorStatus: 'titled',
      predecessorTitle: SECOND_TITLE,
    }),
    command('RecordLocalElection', { heldOn: '2024-10-13' }),
    command('RecordReminderSent', { reminderId: 'r', kind: 'fair_o_meter_due', dueOn: '2025-06-30' }),
  ];

  it('lists every command type in this spec', () => {
    expect(new Set(everyCommand.map((c) => c.type)).size).toBe(36);
  });

  it.each(everyCommand.map((c) => [c.type, c] as const))('refuses %s with COMMUNE_MERGED', (_type, cmd) =>
    given(...merged)
      .when(cmd)
      .thenThrows('COMMUNE_MERGED', new RegExp(OTHER_NIS)),
  );
});
