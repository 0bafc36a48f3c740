import {
  candidacyOpened,
  command,
  copilMemberJoined,
  councilResolutionRecorded,
  event,
  given,
  lapsed,
  NOW,
  partnerRegistered,
  renewalUnderReview,
  titled,
  underReview,
} from './testing/commune.fixtures';

const election = (heldOn = '2024-10-13') => event('LocalElectionHeld', { heldOn, resolutionNeedsReconfirmation: true });

describe('Commune — evidence for the six criteria', () => {
  describe('RecordCouncilResolution', () => {
    const record = (data: Partial<{ resolutionId: string; votedOn: string; fairTradeProducts: string[] }> = {}) =>
      command('RecordCouncilResolution', {
        resolutionId: 'res-1',
        votedOn: '2023-02-20',
        fairTradeProducts: [' café ', 'thé', 'café'],
        documentRef: 'minutes/2023-02-20.pdf',
        ...data,
      });

    it('records the resolution with its distinct products', () =>
      given(candidacyOpened())
        .when(record())
        .then(
          event('CouncilResolutionRecorded', {
            resolutionId: 'res-1',
            votedOn: '2023-02-20',
            fairTradeProducts: ['café', 'thé'],
            documentRef: 'minutes/2023-02-20.pdf',
          }),
        ));

    it('is accepted from a titled commune and during a renewal review', () => {
      given(...titled)
        .when(record())
        .thenMatches({ type: 'CouncilResolutionRecorded' });
      given(...renewalUnderReview)
        .when(record())
        .thenMatches({ type: 'CouncilResolutionRecorded' });
    });

    it('is refused before a candidacy is opened, and after the title ended', () => {
      given()
        .when(record())
        .thenThrows('NOT_ENGAGED', /Open a candidacy first/);
      given(...lapsed)
        .when(record())
        .thenThrows('NOT_ENGAGED');
    });

    it('is refused for a vote in the future', () =>
      given(candidacyOpened())
        .when(record({ votedOn: '2025-03-02' }))
        .thenThrows('DATE_IN_FUTURE'));

    it('is refused without any product', () =>
      given(candidacyOpened())
        .when(record({ fairTradeProducts: [' '] }))
        .thenThrows('PRODUCTS_REQUIRED'));

    it('is refused with an id already used', () =>
      given(candidacyOpened(), councilResolutionRecorded('2023-02-20'))
        .when(record({ resolutionId: 'resolution-2023-02-20' }))
        .thenThrows('ID_ALREADY_USED'));
  });

  describe('ReconfirmCouncilResolution', () => {
    const reconfirm = (votedOn = '2025-02-10') => command('ReconfirmCouncilResolution', { votedOn });

    it('records the new council re-confirming the resolution after an election', () =>
      given(...titled, election())
        .when(reconfirm())
        .then(event('CouncilResolutionReconfirmed', { votedOn: '2025-02-10', electionHeldOn: '2024-10-13' })));

    it('is refused when no election called for it', () =>
      given(...titled)
        .when(reconfirm())
        .thenThrows('NO_RECONFIRMATION_NEEDED'));

    it('is refused once re-confirmed', () =>
      given(
        ...titled,
        election(),
        event('CouncilResolutionReconfirmed', { votedOn: '2025-01-10', electionHeldOn: '2024-10-13' }),
      )
        .when(reconfirm())
        .thenThrows('NO_RECONFIRMATION_NEEDED'));

    it('is refused when there is no resolution', () =>
      given(candidacyOpened(), election()).when(reconfirm()).thenThrows('NO_COUNCIL_RESOLUTION'));

    it('is refused for a vote before the election', () =>
      given(...titled, election())
        .when(reconfirm('2024-10-01'))
        .thenThrows('DATES_OUT_OF_ORDER'));
  });

  describe('COPIL', () => {
    it('AddCopilMember records a member by personId, role and sector', () =>
      given(candidacyOpened())
        .when(
          command('AddCopilMember', {
            personId: 'p-1',
            role: 'contact',
            sector: 'administration',
            joinedOn: '2025-01-01',
          }),
        )
        .then(
          event('CopilMemberJoined', {
            personId: 'p-1',
            role: 'contact',
            sector: 'administration',
            joinedOn: '2025-01-01',
          }),
        ));

    it('AddCopilMember is refused for a current member', () =>
      given(candidacyOpened(), copilMemberJoined('p-1'))
        .when(command('AddCopilMember', { personId: 'p-1', role: 'member', sector: 'citizen', joinedOn: '2025-01-01' }))
        .thenThrows('ALREADY_COPIL_MEMBER'));

    it('RemoveCopilMember records the departure', () =>
      given(candidacyOpened(), copilMemberJoined('p-1'))
        .when(command('RemoveCopilMember', { personId: 'p-1', leftOn: '2025-02-01' }))
        .then(event('CopilMemberLeft', { personId: 'p-1', leftOn: '2025-02-01' })));

    it('RemoveCopilMember is refused for a non-member, and before the member joined', () => {
      given(candidacyOpened())
        .when(command('RemoveCopilMember', { personId: 'p-9', leftOn: '2025-02-01' }))
        .thenThrows('UNKNOWN_COPIL_MEMBER');
      given(candidacyOpened(), copilMemberJoined('p-1'))
        .when(command('RemoveCopilMember', { personId: 'p-1', leftOn: '2022-01-01' }))
        .thenThrows('DATES_OUT_OF_ORDER');
    });

    it('AdoptCopilCharter records the charter and its sections', () =>
      given(candidacyOpened())
        .when(
          command('AdoptCopilCharter', {
            adoptedOn: '2025-01-20',
            sections: ['mission', 'mission', 'meeting_frequency'],
          }),
        )
        .then(
          event('CopilCharterAdopted', {
            adoptedOn: '2025-01-20',
            sections: ['mission', 'meeting_frequency'],
            documentRef: null,
          }),
        ));

    it('RecordCopilMeeting records the meeting', () =>
      given(candidacyOpened())
        .when(command('RecordCopilMeeting', { meetingId: 'm-1', heldOn: '2025-02-01', attendeeCount: 5 }))
        .then(event('CopilMeetingHeld', { meetingId: 'm-1', heldOn: '2025-02-01', attendeeCount: 5 })));

    it('RecordCopilMeeting is refused with a negative attendance or a reused id', () => {
      given(candidacyOpened())
        .when(command('RecordCopilMeeting', { meetingId: 'm-1', heldOn: '2025-02-01', attendeeCount: -1 }))
        .thenThrows('INVALID_FIGURE');
      given(
        candidacyOpened(),
        event('CopilMeetingHeld', { meetingId: 'm-1', heldOn: '2025-01-01', attendeeCount: null }),
      )
        .when(command('RecordCopilMeeting', { meetingId: 'm-1', heldOn: '2025-02-01' }))
        .thenThrows('ID_ALREADY_USED');
    });
  });

  describe('Partners', () => {
    const register = (partnerId = 'shop-9') =>
      command('RegisterPartner', {
        partnerId,
        kind: 'shop',
        fairTradeProducts: ['café', 'riz'],
        registeredOn: '2025-02-01',
      });

    it('RegisterPartner records the partner with its kind and products', () =>
      given(candidacyOpened())
        .when(register())
        .then(
          event('PartnerRegistered', {
            partnerId: 'shop-9',
            kind: 'shop',
            fairTradeProducts: ['café', 'riz'],
            registeredOn: '2025-02-01',
          }),
        ));

    it('RegisterPartner is refused for a partner already registered', () =>
      given(candidacyOpened(), partnerRegistered('shop-9', 'shop'))
        .when(register())
        .thenThrows('PARTNER_ALREADY_REGISTERED'));

    it('WithdrawPartner records the withdrawal', () =>
      given(candidacyOpened(), partnerRegistered('shop-9', 'shop'))
        .when(command('WithdrawPartner', { partnerId: 'shop-9', withdrawnOn: '2025-02-15', reason: 'Closed' }))
        .then(event('PartnerWithdrawn', { partnerId: 'shop-9', withdrawnOn: '2025-02-15', reason: 'Closed' })));

    it('WithdrawPartner is refused for an unknown partner', () =>
      given(candidacyOpened())
        .when(command('WithdrawPartner', { partnerId: 'shop-9', withdrawnOn: '2025-02-15' }))
        .thenThrows('UNKNOWN_PARTNER'));

    it('a withdrawn partner can be registered again', () =>
      given(
        candidacyOpened(),
        partnerRegistered('shop-9', 'shop'),
        event('PartnerWithdrawn', { partnerId: 'shop-9', withdrawnOn: '2024-01-01', reason: null }),
      )
        .when(register())
        .thenMatches({ type: 'PartnerRegistered' }));
  });

  describe('Communication and local products', () => {
    it('RecordCommunicationAction records the action', () =>
      given(...underReview)
        .when(
          command('RecordCommunicationAction', {
            actionId: 'com-9',
            channel: 'own_channel',
            occurredOn: '2025-02-01',
            summary: 'Bulletin communal',
          }),
        )
        .then(
          event('CommunicationActionRecorded', {
            actionId: 'com-9',
            channel: 'own_channel',
            occurredOn: '2025-02-01',
            summary: 'Bulletin communal',
          }),
        ));

    it('RecordCommunicationAction is refused with an id already used', () =>
      given(...underReview)
        .when(
          command('RecordCommunicationAction', {
            actionId: 'com-1',
            channel: 'own_channel',
            occurredOn: '2025-02-01',
            summary: 'x',
          }),
        )
        .thenThrows('ID_ALREADY_USED'));

    it('RecordLocalProductAction keeps the Prix Juste Producteur reference when given', () =>
      given(candidacyOpened())
        .when(
          command('RecordLocalProductAction', {
            actionId: 'local-9',
            occurredOn: '2025-02-01',
            summary: 'Label PJP au marché',
            prixJusteProducteurRef: 'PJP-2024-0042',
          }),
        )
        .then(
          event('LocalProductActionRecorded', {
            actionId: 'local-9',
            occurredOn: '2025-02-01',
            summary: 'Label PJP au marché',
            prixJusteProducteurRef: 'PJP-2024-0042',
          }),
        ));

    it('RecordLocalProductAction is refused for a date in the future', () =>
      given(candidacyOpened())
        .when(command('RecordLocalProductAction', { actionId: 'l', occurredOn: '2026-01-01', summary: 'x' }))
        .thenThrows('DATE_IN_FUTURE', new RegExp(NOW.slice(0, 10))));
  });
});
