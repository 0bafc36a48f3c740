import type { WebinarDetails } from '../domain/webinar.state';
import { buildWebinarIcs, webinarUid } from './webinar-ics';

const webinar: WebinarDetails = {
  webinarId: '2026-04',
  theme: 'Commerces et horeca ; convaincre, partager',
  startsAt: '2026-04-14T10:30:00.000Z',
  endsAt: '2026-04-14T12:30:00.000Z',
  organiserId: 'person-coordination-1',
  sequence: 0,
  invited: ['92094'],
  registrations: [],
  attendance: {},
};
const organiser = { name: 'Coordination CDCE', email: 'coordination@cdce.example' };

/** Unfolded content lines of the VEVENT, for assertions that do not depend on line folding. */
const veventLines = (ics: string) =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((_, i, all) => i > all.indexOf('BEGIN:VEVENT') && i < all.indexOf('END:VEVENT'));

describe('Webinar iCalendar', () => {
  it('writes an invitation with a stable UID, SEQUENCE 0, Brussels wall-clock times and a UTC DTSTAMP', () => {
    const ics = buildWebinarIcs({ webinar, method: 'REQUEST', organiser, stamp: '2026-03-01T08:00:00.000Z' });
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('\r\nMETHOD:REQUEST\r\n');
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels');
    expect(veventLines(ics)).toEqual(
      expect.arrayContaining([
        `UID:${webinarUid('2026-04')}`,
        'SEQUENCE:0',
        'DTSTAMP:20260301T080000Z',
        // 10:30 UTC in April is 12:30 summer time in Brussels.
        'DTSTART;TZID=Europe/Brussels:20260414T123000',
        'DTEND;TZID=Europe/Brussels:20260414T143000',
        'SUMMARY:Webinaire CDCE : Commerces et horeca \\; convaincre\\, partager',
        'ORGANIZER;CN="Coordination CDCE":mailto:coordination@cdce.example',
        'STATUS:CONFIRMED',
      ]),
    );
  });

  it('names the attendee its copy is for, asking for an answer on an invitation but not on a cancellation', () => {
    const attendee = { name: 'Anne Dupont', email: 'anne@namur.example' };
    const request = buildWebinarIcs({
      webinar,
      method: 'REQUEST',
      organiser,
      attendee,
      stamp: '2026-03-01T08:00:00.000Z',
    });
    expect(veventLines(request)).toContain(
      'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN="Anne Dupont":MAILTO:anne@namur.example',
    );
    const cancel = buildWebinarIcs({
      webinar: { ...webinar, sequence: 2 },
      method: 'CANCEL',
      organiser,
      attendee,
      stamp: '2026-03-05T08:00:00.000Z',
    });
    expect(veventLines(cancel).find((line) => line.startsWith('ATTENDEE'))).toMatch(
      /RSVP=FALSE.*MAILTO:anne@namur\.example$/,
    );
  });

  it('keeps the UID and carries the higher SEQUENCE on an update', () => {
    const ics = buildWebinarIcs({
      webinar: { ...webinar, sequence: 1 },
      method: 'REQUEST',
      organiser,
      stamp: '2026-03-02T08:00:00Z',
    });
    expect(veventLines(ics)).toEqual(expect.arrayContaining([`UID:webinar-2026-04@cdce`, 'SEQUENCE:1']));
  });

  it('writes a cancellation with METHOD:CANCEL, STATUS:CANCELLED and the cancellation SEQUENCE', () => {
    const ics = buildWebinarIcs({
      webinar: { ...webinar, sequence: 2 },
      method: 'CANCEL',
      organiser,
      stamp: '2026-03-03T08:00:00Z',
    });
    expect(ics).toContain('\r\nMETHOD:CANCEL\r\n');
    expect(veventLines(ics)).toEqual(
      expect.arrayContaining(['UID:webinar-2026-04@cdce', 'SEQUENCE:2', 'STATUS:CANCELLED']),
    );
  });

  it('is reproducible: the same input gives the same file', () => {
    const input = {
      webinar,
      method: 'REQUEST' as const,
      organiser,
      stamp: '2026-03-01T08:00:00Z',
      url: 'https://visio.example/cdce',
    };
    expect(buildWebinarIcs(input)).toBe(buildWebinarIcs(input));
  });
});
