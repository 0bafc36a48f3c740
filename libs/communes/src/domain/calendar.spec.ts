import { addDays, addMonths, brusselsDate, periodEnd } from './calendar';
import { communeStreamId, isValidNis } from './nis';

describe('calendar', () => {
  it('gives the Belgian day of an instant, in winter and summer time', () => {
    expect(brusselsDate('2025-03-01T22:59:59.000Z')).toBe('2025-03-01');
    expect(brusselsDate('2025-03-01T23:00:00.000Z')).toBe('2025-03-02');
    expect(brusselsDate('2025-07-01T21:59:59.000Z')).toBe('2025-07-01');
    expect(brusselsDate('2025-07-01T22:00:00.000Z')).toBe('2025-07-02');
  });

  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('2025-10-11', 24)).toBe('2027-10-11');
    expect(addMonths('2024-02-29', 24)).toBe('2026-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });

  it('adds days across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('ends a title period the day before its anniversary', () =>
    expect(periodEnd('2025-10-11', 24)).toBe('2027-10-10'));
});

describe('NIS codes', () => {
  it('accepts five digits only', () => {
    expect(isValidNis('92094')).toBe(true);
    expect(isValidNis('01234')).toBe(true);
    expect(isValidNis('9209')).toBe(false);
    expect(isValidNis('920940')).toBe(false);
    expect(isValidNis(92094)).toBe(false);
  });

  it('names the stream commune-<nis> and refuses anything else', () => {
    expect(communeStreamId('92094')).toBe('commune-92094');
    expect(() => communeStreamId('commune-92094')).toThrow(RangeError);
  });
});
