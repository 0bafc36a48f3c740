import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { WebinarDetails } from '../domain/webinar.state';

/*
 * iCalendar (RFC 5545 / iTIP RFC 5546) for webinar invitations. One UID per webinar, so that each update replaces
 * the event in the invitee's calendar: METHOD:REQUEST with the webinar's SEQUENCE for invitations and reschedules,
 * METHOD:CANCEL with the (higher) cancellation SEQUENCE for a cancellation. Times are written with
 * TZID=Europe/Brussels and the matching VTIMEZONE; DTSTAMP is UTC as the RFC requires.
 */

export type IcsMethod = 'REQUEST' | 'CANCEL';

export interface WebinarIcsInput {
  readonly webinar: WebinarDetails;
  readonly method: IcsMethod;
  readonly organiser: { readonly name: string; readonly email: string };
  /** The person this copy is for: iTIP (RFC 5546) wants an ATTENDEE on REQUEST and CANCEL, or clients may ignore it. */
  readonly attendee?: { readonly name?: string; readonly email: string };
  /** DTSTAMP: when this version of the invitation was issued (the event's time keeps the file reproducible). */
  readonly stamp: string;
  readonly summary?: string;
  readonly description?: string;
  /** Where to join (video-conference link). */
  readonly url?: string;
  /** Default Europe/Brussels. */
  readonly zone?: string;
}

/** The stable UID of a webinar's calendar event. */
export function webinarUid(webinarId: string): string {
  return `webinar-${webinarId}@cdce`;
}

/** The .ics text (CRLF line endings, folded lines) of one webinar invitation, update or cancellation. */
export function buildWebinarIcs(input: WebinarIcsInput): string {
  const zone = input.zone ?? 'Europe/Brussels';
  const { webinar } = input;
  const calendar = ical({
    prodId: { company: 'cdce', product: 'webinars', language: 'FR' },
    method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone: it would make ical-generator write DTSTAMP as local time. The generator still adds the
    // VTIMEZONE of the zone each event uses.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const start = DateTime.fromISO(webinar.startsAt, { zone: 'utc' }).setZone(zone);
  const end = DateTime.fromISO(webinar.endsAt, { zone: 'utc' }).setZone(zone);
  const event = calendar.createEvent({
    id: webinarUid(webinar.webinarId),
    sequence: webinar.sequence,
    stamp: DateTime.fromISO(input.stamp, { zone: 'utc' }),
    start,
    end,
    timezone: zone,
    summary: input.summary ?? `Webinaire CDCE : ${webinar.theme}`,
    ...(input.description ? { description: input.description } : {}),
    ...(input.url ? { url: input.url } : {}),
    organizer: { name: input.organiser.name, email: input.organiser.email },
    status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  if (input.attendee) {
    event.createAttendee({
      email: input.attendee.email,
      ...(input.attendee.name ? { name: input.attendee.name } : {}),
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: input.method === 'REQUEST',
    });
  }
  return calendar.toString();
}
