import { deciderSpecification } from '@cdce/eventsourcing/testing';
import type { WebinarCommand } from './webinar.commands';
import { webinarDecider } from './webinar.decider';
import type { WebinarEvent } from './webinar.events';

const { given } = deciderSpecification(webinarDecider);

type CommandOf<T extends WebinarCommand['type']> = Extract<WebinarCommand, { type: T }>;
type EventOf<T extends WebinarEvent['type']> = Extract<WebinarEvent, { type: T }>;
const command = <T extends WebinarCommand['type']>(type: T, data: CommandOf<T>['data'], now = NOW) =>
  ({ type, data, now }) as CommandOf<T>;
const event = <T extends WebinarEvent['type']>(type: T, data: Omit<EventOf<T>['data'], 'webinarId'>) =>
  ({ type, data: { webinarId: ID, ...data } }) as unknown as EventOf<T>;

const ID = '2026-03';
const NOW = '2026-02-01T09:00:00.000Z';
/** Second Tuesday of March 2026, 12:30 in Brussels (CET, UTC+1). */
const STARTS = '2026-03-10T11:30:00.000Z';
const ENDS = '2026-03-10T13:30:00.000Z';
const DURING = '2026-03-10T12:00:00.000Z';
const AFTER = '2026-03-10T14:00:00.000Z';

const scheduled = event('WebinarScheduled', {
  theme: 'Le COPIL et son fonctionnement',
  startsAt: STARTS,
  endsAt: ENDS,
  organiserId: 'person-coordination-1',
  scheduledAt: NOW,
});
const schedule = (data: Partial<CommandOf<'ScheduleWebinar'>['data']> = {}, now = NOW) =>
  command(
    'ScheduleWebinar',
    {
      webinarId: ID,
      theme: 'Le COPIL et son fonctionnement',
      startsAt: STARTS,
      organiserId: 'person-coordination-1',
      ...data,
    },
    now,
  );
const invited = (communes: string[], sequence = 0, invitationId = 'inv-1') =>
  event('InvitationsSent', { invitationId, communes, sequence, sentAt: NOW });
const cancelled = event('WebinarCancelled', { reason: 'Intervenante malade', sequence: 1, cancelledAt: NOW });

describe('Webinar', () => {
  describe('ScheduleWebinar', () => {
    it('schedules a two-hour webinar by default', () => given().when(schedule()).then(scheduled));

    it('takes another duration and normalises the start to UTC', () =>
      given()
        .when(schedule({ startsAt: '2026-03-10T12:30:00+01:00', durationMinutes: 90 }))
        .thenMatches({ type: 'WebinarScheduled', data: { startsAt: STARTS, endsAt: '2026-03-10T13:00:00.000Z' } }));

    it('is refused for a start in the past', () =>
      given().when(schedule({}, '2026-03-11T00:00:00.000Z')).thenThrows('WEBINAR_IN_THE_PAST'));

    it('is refused twice on the same stream', () =>
      given(scheduled).when(schedule()).thenThrows('WEBINAR_ALREADY_SCHEDULED'));

    it.each([
      ['an empty theme', { theme: '  ' }],
      ['a start without zone', { startsAt: '2026-03-10T12:30:00' }],
      ['a zero duration', { durationMinutes: 0 }],
      ['a day-long duration', { durationMinutes: 24 * 60 }],
      ['an id with capitals', { webinarId: 'March' }],
    ])('is refused with %s', (_, data) => given().when(schedule(data)).thenThrows('INVALID_WEBINAR'));
  });

  describe('RescheduleWebinar', () => {
    const later = '2026-03-17T11:30:00.000Z';
    it('moves the webinar, keeps its duration and raises the sequence', () =>
      given(scheduled)
        .when(command('RescheduleWebinar', { startsAt: later, reason: 'Congé de Carnaval' }))
        .then(
          event('WebinarRescheduled', {
            startsAt: later,
            endsAt: '2026-03-17T13:30:00.000Z',
            sequence: 1,
            reason: 'Congé de Carnaval',
            rescheduledAt: NOW,
          }),
        ));

    it('raises the sequence again at each reschedule', () =>
      given(
        scheduled,
        event('WebinarRescheduled', {
          startsAt: later,
          endsAt: '2026-03-17T13:30:00.000Z',
          sequence: 1,
          reason: null,
          rescheduledAt: NOW,
        }),
      )
        .when(command('RescheduleWebinar', { startsAt: STARTS }))
        .thenMatches({ type: 'WebinarRescheduled', data: { sequence: 2 } }));

    it('decides nothing when the time does not change', () =>
      given(scheduled)
        .when(command('RescheduleWebinar', { startsAt: STARTS }))
        .thenNothing());

    it('is refused to a time in the past', () =>
      given(scheduled)
        .when(command('RescheduleWebinar', { startsAt: '2026-01-01T10:00:00Z' }))
        .thenThrows('WEBINAR_IN_THE_PAST'));

    it('is refused once the webinar is over', () =>
      given(scheduled)
        .when(command('RescheduleWebinar', { startsAt: later }, AFTER))
        .thenThrows('WEBINAR_IN_THE_PAST'));

    it('is refused when cancelled', () =>
      given(scheduled, cancelled)
        .when(command('RescheduleWebinar', { startsAt: later }))
        .thenThrows('WEBINAR_CANCELLED'));

    it('is refused when never scheduled', () =>
      given()
        .when(command('RescheduleWebinar', { startsAt: later }))
        .thenThrows('WEBINAR_NOT_SCHEDULED'));
  });

  describe('CancelWebinar', () => {
    it('cancels with a sequence above every invitation sent', () =>
      given(scheduled, invited(['92094']))
        .when(command('CancelWebinar', { reason: ' Intervenante malade ' }))
        .then(cancelled));

    it('is idempotent', () =>
      given(scheduled, cancelled)
        .when(command('CancelWebinar', { reason: 'again' }))
        .thenNothing());

    it('needs a reason', () =>
      given(scheduled)
        .when(command('CancelWebinar', { reason: '' }))
        .thenThrows('INVALID_WEBINAR'));

    it('is refused after the webinar', () =>
      given(scheduled)
        .when(command('CancelWebinar', { reason: 'trop tard' }, AFTER))
        .thenThrows('WEBINAR_IN_THE_PAST'));
  });

  describe('SendInvitations', () => {
    it('invites the communes at the current sequence', () =>
      given(scheduled)
        .when(command('SendInvitations', { invitationId: 'inv-1', communes: ['92094', '25112', '92094'] }))
        .then(invited(['92094', '25112'])));

    it('invites only the communes not invited before', () =>
      given(scheduled, invited(['92094']))
        .when(command('SendInvitations', { invitationId: 'inv-2', communes: ['92094', '57081'] }))
        .then(invited(['57081'], 0, 'inv-2')));

    it('decides nothing when every commune was already invited', () =>
      given(scheduled, invited(['92094']))
        .when(command('SendInvitations', { invitationId: 'inv-2', communes: ['92094'] }))
        .thenNothing());

    it('is refused with an empty list', () =>
      given(scheduled)
        .when(command('SendInvitations', { invitationId: 'i', communes: [] }))
        .thenThrows('NO_COMMUNE_TO_INVITE'));

    it('is refused with something that is not a NIS code', () =>
      given(scheduled)
        .when(command('SendInvitations', { invitationId: 'i', communes: ['Namur'] }))
        .thenThrows('INVALID_WEBINAR'));

    it('is refused once the webinar started', () =>
      given(scheduled)
        .when(command('SendInvitations', { invitationId: 'i', communes: ['92094'] }, DURING))
        .thenThrows('WEBINAR_IN_THE_PAST'));

    it('is refused when cancelled', () =>
      given(scheduled, cancelled)
        .when(command('SendInvitations', { invitationId: 'i', communes: ['92094'] }))
        .thenThrows('WEBINAR_CANCELLED'));
  });

  describe('RegisterForWebinar', () => {
    const registered = event('RegisteredForWebinar', { nis: '92094', personId: 'p-1', registeredAt: NOW });

    it('registers a person of a commune', () =>
      given(scheduled)
        .when(command('RegisterForWebinar', { nis: '92094', personId: 'p-1' }))
        .then(registered));

    it('refuses a second registration of the same person', () =>
      given(scheduled, registered)
        .when(command('RegisterForWebinar', { nis: '92094', personId: 'p-1' }))
        .thenThrows('ALREADY_REGISTERED'));

    it('is refused once the webinar started', () =>
      given(scheduled)
        .when(command('RegisterForWebinar', { nis: '92094', personId: 'p-1' }, DURING))
        .thenThrows('WEBINAR_IN_THE_PAST'));

    it('is refused when cancelled', () =>
      given(scheduled, cancelled)
        .when(command('RegisterForWebinar', { nis: '92094', personId: 'p-1' }))
        .thenThrows('WEBINAR_CANCELLED'));
  });

  describe('RecordWebinarAttendance', () => {
    const attended = (personIds: string[]) =>
      event('WebinarAttendanceRecorded', { nis: '92094', personIds, webinarStartsAt: STARTS, recordedAt: AFTER });

    it('records who attended, dated by the webinar', () =>
      given(scheduled)
        .when(command('RecordWebinarAttendance', { nis: '92094', personIds: ['p-1', 'p-2'] }, AFTER))
        .then(attended(['p-1', 'p-2'])));

    it('records only the people not recorded before', () =>
      given(scheduled, attended(['p-1']))
        .when(command('RecordWebinarAttendance', { nis: '92094', personIds: ['p-1', 'p-3'] }, AFTER))
        .then(attended(['p-3'])));

    it('decides nothing when everyone was already recorded', () =>
      given(scheduled, attended(['p-1']))
        .when(command('RecordWebinarAttendance', { nis: '92094', personIds: ['p-1'] }, AFTER))
        .thenNothing());

    it('is refused before the start', () =>
      given(scheduled)
        .when(command('RecordWebinarAttendance', { nis: '92094', personIds: ['p-1'] }))
        .thenThrows('WEBINAR_NOT_STARTED'));

    it('is refused for a cancelled webinar', () =>
      given(scheduled, cancelled)
        .when(command('RecordWebinarAttendance', { nis: '92094', personIds: ['p-1'] }, AFTER))
        .thenThrows('WEBINAR_CANCELLED'));
  });

  describe('evolve', () => {
    it('keeps the invitees, the sequence and the attendance', () => {
      const state = given(
        scheduled,
        invited(['92094', '25112']),
        event('WebinarRescheduled', { startsAt: STARTS, endsAt: ENDS, sequence: 1, reason: null, rescheduledAt: NOW }),
        event('WebinarAttendanceRecorded', {
          nis: '25112',
          personIds: ['p-9'],
          webinarStartsAt: STARTS,
          recordedAt: AFTER,
        }),
        cancelled,
      ).state();
      expect(state).toMatchObject({
        status: 'cancelled',
        sequence: 1,
        invited: ['92094', '25112'],
        attendance: { '25112': ['p-9'] },
      });
    });
  });
});
