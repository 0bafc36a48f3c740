import { assertNever, type Decider, DomainError } from '@cdce/eventsourcing';
import {
  DEFAULT_WEBINAR_MINUTES,
  type CancelWebinar,
  type RecordWebinarAttendance,
  type RegisterForWebinar,
  type RescheduleWebinar,
  type ScheduleWebinar,
  type SendInvitations,
  type WebinarCommand,
} from './webinar.commands';
import {
  WEBINAR_EVENT_TYPES,
  type InvitationsSent,
  type RegisteredForWebinar,
  type WebinarAttendanceRecorded,
  type WebinarCancelled,
  type WebinarEvent,
  type WebinarRescheduled,
  type WebinarScheduled,
} from './webinar.events';
import type { Scheduled, Webinar } from './webinar.state';
import { isValidWebinarId } from './webinar-stream';

const NIS = /^\d{5}$/;
const MAX_MINUTES = 8 * 60;

/** The whole behaviour of a `webinar-<id>` stream: schedule, reschedule, cancel, invite, register, attend. */
export const webinarDecider: Decider<Webinar, WebinarCommand, WebinarEvent> = {
  initialState: () => ({ status: 'unscheduled' }),
  decide: (given, state) => {
    // Instants are compared as ISO strings: bring `now` to the same shape as the stored ones first.
    const command = { ...given, now: isoInstant(given.now, 'now') };
    switch (command.type) {
      case 'ScheduleWebinar':
        return scheduleWebinar(command, state);
      case 'RescheduleWebinar':
        return rescheduleWebinar(command, state);
      case 'CancelWebinar':
        return cancelWebinar(command, state);
      case 'SendInvitations':
        return sendInvitations(command, state);
      case 'RegisterForWebinar':
        return registerForWebinar(command, state);
      case 'RecordWebinarAttendance':
        return recordAttendance(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve,
  eventTypes: WEBINAR_EVENT_TYPES,
};

function scheduleWebinar({ data, now }: ScheduleWebinar, state: Webinar): WebinarScheduled[] {
  if (state.status !== 'unscheduled')
    throw new DomainError(
      'WEBINAR_ALREADY_SCHEDULED',
      `Webinar ${state.webinarId} is already scheduled; reschedule it instead.`,
    );
  if (!isValidWebinarId(data.webinarId)) invalid(`${JSON.stringify(data.webinarId)} cannot name a webinar.`);
  if (data.theme.trim() === '') invalid('A webinar needs a theme.');
  if (data.organiserId.trim() === '') invalid('A webinar needs an organiser.');
  const { startsAt, endsAt } = slot(data.startsAt, data.durationMinutes, now);
  return [
    {
      type: 'WebinarScheduled',
      data: {
        webinarId: data.webinarId,
        theme: data.theme.trim(),
        startsAt,
        endsAt,
        organiserId: data.organiserId,
        scheduledAt: now,
      },
    },
  ];
}

function rescheduleWebinar({ data, now }: RescheduleWebinar, state: Webinar): WebinarRescheduled[] {
  const webinar = open(state, 'reschedule');
  if (now >= webinar.endsAt) inThePast(`Webinar ${webinar.webinarId} is over; schedule a new one instead.`);
  const minutes = data.durationMinutes ?? minutesBetween(webinar.startsAt, webinar.endsAt);
  const { startsAt, endsAt } = slot(data.startsAt, minutes, now);
  if (startsAt === webinar.startsAt && endsAt === webinar.endsAt) return [];
  return [
    {
      type: 'WebinarRescheduled',
      data: {
        webinarId: webinar.webinarId,
        startsAt,
        endsAt,
        sequence: webinar.sequence + 1,
        reason: data.reason?.trim() || null,
        rescheduledAt: now,
      },
    },
  ];
}

function cancelWebinar({ data, now }: CancelWebinar, state: Webinar): WebinarCancelled[] {
  if (state.status === 'cancelled') return [];
  const webinar = open(state, 'cancel');
  if (now >= webinar.endsAt) inThePast(`Webinar ${webinar.webinarId} is over and cannot be cancelled.`);
  if (data.reason.trim() === '') invalid('Say why the webinar is cancelled: the invited communes will read it.');
  return [
    {
      type: 'WebinarCancelled',
      data: {
        webinarId: webinar.webinarId,
        reason: data.reason.trim(),
        sequence: webinar.sequence + 1,
        cancelledAt: now,
      },
    },
  ];
}

/** Invites only the communes not invited before: sending the same list again decides nothing. */
function sendInvitations({ data, now }: SendInvitations, state: Webinar): InvitationsSent[] {
  const webinar = open(state, 'send invitations for');
  if (now >= webinar.startsAt) inThePast(`Webinar ${webinar.webinarId} has already started.`);
  if (data.communes.length === 0)
    throw new DomainError('NO_COMMUNE_TO_INVITE', 'The list of communes to invite is empty.');
  data.communes.forEach(checkNis);
  const already = new Set(webinar.invited);
  const communes = [...new Set(data.communes)].filter((nis) => !already.has(nis));
  if (communes.length === 0) return [];
  return [
    {
      type: 'InvitationsSent',
      data: {
        webinarId: webinar.webinarId,
        invitationId: data.invitationId,
        communes,
        sequence: webinar.sequence,
        sentAt: now,
      },
    },
  ];
}

function registerForWebinar({ data, now }: RegisterForWebinar, state: Webinar): RegisteredForWebinar[] {
  const webinar = open(state, 'register for');
  checkNis(data.nis);
  if (now >= webinar.startsAt) inThePast(`Registrations for webinar ${webinar.webinarId} closed when it started.`);
  if (webinar.registrations.some((r) => r.nis === data.nis && r.personId === data.personId))
    throw new DomainError(
      'ALREADY_REGISTERED',
      `${data.personId} is already registered for webinar ${webinar.webinarId}.`,
      {
        nis: data.nis,
        personId: data.personId,
      },
    );
  return [
    {
      type: 'RegisteredForWebinar',
      data: { webinarId: webinar.webinarId, nis: data.nis, personId: data.personId, registeredAt: now },
    },
  ];
}

/** Records only people not recorded before for that commune: recording the same list again decides nothing. */
function recordAttendance({ data, now }: RecordWebinarAttendance, state: Webinar): WebinarAttendanceRecorded[] {
  const webinar = open(state, 'record attendance at');
  checkNis(data.nis);
  if (now < webinar.startsAt)
    throw new DomainError(
      'WEBINAR_NOT_STARTED',
      `Webinar ${webinar.webinarId} starts at ${webinar.startsAt}: nobody attended yet.`,
    );
  if (data.personIds.length === 0) invalid('Name at least one person who attended.');
  const known = new Set(webinar.attendance[data.nis] ?? []);
  const personIds = [...new Set(data.personIds)].filter((id) => !known.has(id));
  if (personIds.length === 0) return [];
  return [
    {
      type: 'WebinarAttendanceRecorded',
      data: {
        webinarId: webinar.webinarId,
        nis: data.nis,
        personIds,
        webinarStartsAt: webinar.startsAt,
        recordedAt: now,
      },
    },
  ];
}

function evolve(state: Webinar, event: WebinarEvent): Webinar {
  if (event.type === 'WebinarScheduled') {
    if (state.status !== 'unscheduled') return state;
    const { webinarId, theme, startsAt, endsAt, organiserId } = event.data;
    return {
      status: 'scheduled',
      webinarId,
      theme,
      startsAt,
      endsAt,
      organiserId,
      sequence: 0,
      invited: [],
      registrations: [],
      attendance: {},
    };
  }
  if (state.status === 'unscheduled') return state;
  switch (event.type) {
    case 'WebinarRescheduled':
      return { ...state, startsAt: event.data.startsAt, endsAt: event.data.endsAt, sequence: event.data.sequence };
    case 'WebinarCancelled':
      return {
        ...state,
        status: 'cancelled',
        sequence: event.data.sequence,
        reason: event.data.reason,
        cancelledAt: event.data.cancelledAt,
      };
    case 'InvitationsSent':
      return {
        ...state,
        invited: [...state.invited, ...event.data.communes.filter((nis) => !state.invited.includes(nis))],
      };
    case 'RegisteredForWebinar': {
      const { nis, personId, registeredAt } = event.data;
      return { ...state, registrations: [...state.registrations, { nis, personId, registeredAt }] };
    }
    case 'WebinarAttendanceRecorded': {
      const { nis, personIds } = event.data;
      const before = state.attendance[nis] ?? [];
      return {
        ...state,
        attendance: { ...state.attendance, [nis]: [...before, ...personIds.filter((id) => !before.includes(id))] },
      };
    }
    default:
      return state;
  }
}

function open(state: Webinar, action: string): Scheduled {
  if (state.status === 'unscheduled')
    throw new DomainError('WEBINAR_NOT_SCHEDULED', `Cannot ${action} a webinar that was never scheduled.`);
  if (state.status === 'cancelled')
    throw new DomainError(
      'WEBINAR_CANCELLED',
      `Cannot ${action} webinar ${state.webinarId}: it was cancelled (${state.reason}).`,
    );
  return state;
}

/** A start in the future and an end `minutes` later, both normalised to ISO UTC with milliseconds. */
function slot(start: string, minutes: number | undefined, now: string): { startsAt: string; endsAt: string } {
  const startMs = Date.parse(start);
  if (Number.isNaN(startMs) || !/(Z|[+-]\d\d:\d\d)$/.test(start))
    invalid(`${JSON.stringify(start)} is not an ISO instant with a zone.`);
  const duration = minutes ?? DEFAULT_WEBINAR_MINUTES;
  if (!Number.isInteger(duration) || duration <= 0 || duration > MAX_MINUTES)
    invalid(`A webinar lasts from 1 to ${MAX_MINUTES} minutes, not ${duration}.`);
  const startsAt = new Date(startMs).toISOString();
  if (startsAt <= now) inThePast(`The start ${startsAt} is not in the future.`);
  return { startsAt, endsAt: new Date(startMs + duration * 60_000).toISOString() };
}

function isoInstant(value: string, what: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) invalid(`${what} ${JSON.stringify(value)} is not an ISO instant.`);
  return new Date(ms).toISOString();
}

function minutesBetween(startsAt: string, endsAt: string): number {
  return Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
}

function checkNis(nis: string): void {
  if (!NIS.test(nis)) invalid(`${JSON.stringify(nis)} is not a NIS code (five digits).`);
}

function invalid(message: string): never {
  throw new DomainError('INVALID_WEBINAR', message);
}

function inThePast(message: string): never {
  throw new DomainError('WEBINAR_IN_THE_PAST', message);
}
