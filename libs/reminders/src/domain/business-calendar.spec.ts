import { brusselsDay, isBusinessDay, nextBusinessDay, sendingInstant } from './business-calendar';

describe('Business calendar (Europe/Brussels, Belgian public holidays)', () => {
  describe('given a weekday that is not a holiday', () => {
    it('sends at 09:00 Brussels: 08:00 UTC in winter, 07:00 UTC in summer', () => {
      expect(sendingInstant('2025-02-04')).toBe('2025-02-04T08:00:00.000Z');
      expect(sendingInstant('2025-06-04')).toBe('2025-06-04T07:00:00.000Z');
    });
  });

  describe('given a weekend across a change of time', () => {
    it('moves Saturday 29 March 2025 to Monday 31 March, 09:00 summer time (07:00 UTC)', () =>
      expect(sendingInstant('2025-03-29')).toBe('2025-03-31T07:00:00.000Z'));

    it('keeps Friday 28 March 2025 at 09:00 winter time (08:00 UTC)', () =>
      expect(sendingInstant('2025-03-28')).toBe('2025-03-28T08:00:00.000Z'));

    it('moves Sunday 26 October 2025 (last Sunday of October) to Monday 27, 09:00 winter time (08:00 UTC)', () =>
      expect(sendingInstant('2025-10-26')).toBe('2025-10-27T08:00:00.000Z'));

    it('keeps Friday 24 October 2025 at 09:00 summer time (07:00 UTC)', () =>
      expect(sendingInstant('2025-10-24')).toBe('2025-10-24T07:00:00.000Z'));
  });

  describe('given a Belgian public holiday', () => {
    it.each([
      ['2025-04-21', 'Easter Monday', '2025-04-22T07:00:00.000Z'],
      ['2025-05-01', 'Labour Day', '2025-05-02T07:00:00.000Z'],
      ['2025-05-29', 'Ascension', '2025-05-30T07:00:00.000Z'],
      ['2025-06-09', 'Whit Monday', '2025-06-10T07:00:00.000Z'],
      ['2025-07-21', 'National Day', '2025-07-22T07:00:00.000Z'],
      ['2025-11-11', 'Armistice', '2025-11-12T08:00:00.000Z'],
      ['2025-12-25', 'Christmas', '2025-12-26T08:00:00.000Z'],
    ])('moves %s (%s) to the next business day', (date, _name, expected) => {
      expect(isBusinessDay(date)).toBe(false);
      expect(sendingInstant(date)).toBe(expected);
    });

    it('skips a holiday followed by a weekend: Friday 1 January 2027 → Monday 4 January', () =>
      expect(nextBusinessDay('2027-01-01')).toBe('2027-01-04'));

    it('treats observances (Fête du Roi on 15 November, Saint-Nicolas) as working days', () => {
      expect(isBusinessDay('2024-11-15')).toBe(true);
      expect(isBusinessDay('2023-12-06')).toBe(true);
    });
  });

  describe('given days the coordination closes', () => {
    it('skips them too, at the configured hour', () =>
      expect(sendingInstant('2025-12-29', { hour: 10, closedOn: ['2025-12-29', '2025-12-30'] })).toBe(
        '2025-12-31T09:00:00.000Z',
      ));
  });

  it('reads the Brussels calendar day of an instant (23:30 UTC on 31 March is already 1 April)', () => {
    expect(brusselsDay('2025-03-31T23:30:00.000Z')).toBe('2025-04-01');
    expect(brusselsDay('2025-01-31T22:59:00.000Z')).toBe('2025-01-31');
  });
});
