import { communesWithoutRecentAttendance } from './attendance';
import type { WebinarAttendanceRecorded } from './webinar.events';

const attended = (nis: string, webinarStartsAt: string, personIds = ['p-1']): WebinarAttendanceRecorded => ({
  type: 'WebinarAttendanceRecorded',
  data: { webinarId: webinarStartsAt.slice(0, 7), nis, personIds, webinarStartsAt, recordedAt: webinarStartsAt },
});

describe('No webinar attendance for 12 months', () => {
  const now = '2026-06-15T08:00:00Z';

  it('lists the communes whose last attendance is older than twelve months, or that never attended', () => {
    const events = [
      attended('92094', '2025-05-13T10:30:00Z'),
      attended('25112', '2025-07-08T10:30:00Z'),
      attended('92094', '2025-03-11T11:30:00Z'),
    ];
    expect(
      communesWithoutRecentAttendance([{ nis: '92094' }, { nis: '25112' }, { nis: '57081' }], events, now),
    ).toEqual([
      { nis: '92094', lastAttendedAt: '2025-05-13T10:30:00.000Z' },
      { nis: '57081', lastAttendedAt: null },
    ]);
  });

  it('counts an attendance exactly twelve months ago as recent', () =>
    expect(
      communesWithoutRecentAttendance([{ nis: '92094' }], [attended('92094', '2025-06-15T08:00:00Z')], now),
    ).toEqual([]));

  it('leaves alone a commune engaged for less than the window', () =>
    expect(communesWithoutRecentAttendance([{ nis: '57081', since: '2025-09-01' }], [], now)).toEqual([]));

  it('takes another window', () =>
    expect(
      communesWithoutRecentAttendance([{ nis: '25112' }], [attended('25112', '2026-01-13T11:30:00Z')], now, 3),
    ).toEqual([{ nis: '25112', lastAttendedAt: '2026-01-13T11:30:00.000Z' }]));
});
