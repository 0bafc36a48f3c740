import { CronExpressionParser } from 'cron-parser';
import {
  cronOf,
  DEFAULT_PROGRAMME_RULE,
  nextOccurrences,
  occurrenceOfMonth,
  programmeRuleFromCron,
  type ProgrammeRule,
  themeOf,
} from './programme';

describe('Monthly webinar programme', () => {
  it('gives the second Tuesday of each month at 12:30 in Brussels, on both sides of the DST change', () => {
    const occurrences = nextOccurrences('2026-01-01T00:00:00Z', 5);
    expect(occurrences.map((o) => [o.webinarId, o.startsAt, o.endsAt])).toEqual([
      ['2026-01', '2026-01-13T11:30:00.000Z', '2026-01-13T13:30:00.000Z'],
      ['2026-02', '2026-02-10T11:30:00.000Z', '2026-02-10T13:30:00.000Z'],
      ['2026-03', '2026-03-10T11:30:00.000Z', '2026-03-10T13:30:00.000Z'],
      // Summer time from 29 March 2026: still 12:30 on the wall clock, so one hour earlier in UTC.
      ['2026-04', '2026-04-14T10:30:00.000Z', '2026-04-14T12:30:00.000Z'],
      ['2026-05', '2026-05-12T10:30:00.000Z', '2026-05-12T12:30:00.000Z'],
    ]);
  });

  it('skips the occurrence of the month once it has started', () => {
    expect(nextOccurrences('2026-03-10T11:30:00Z', 1)[0]!.webinarId).toBe('2026-04');
    expect(nextOccurrences('2026-03-10T11:29:59Z', 1)[0]!.webinarId).toBe('2026-03');
  });

  it('gives each month its theme, cycling, with one-off overrides', () => {
    const themes = { byMonth: ['A', 'B', 'C'], overrides: { '2026-05': 'La charte du COPIL' } };
    expect(nextOccurrences('2026-01-01T00:00:00Z', 6, DEFAULT_PROGRAMME_RULE, themes).map((o) => o.theme)).toEqual([
      'A',
      'B',
      'C',
      'A',
      'La charte du COPIL',
      'C',
    ]);
    expect(themeOf('2026-12')).toMatch(/Entraide/);
  });

  it('handles the last weekday of the month and another duration', () => {
    const rule: ProgrammeRule = { weekday: 4, nth: -1, time: '19:00', zone: 'Europe/Brussels', durationMinutes: 90 };
    // Last Thursday of October 2026 is the 29th, after the return to winter time on the 25th.
    expect(occurrenceOfMonth('2026-10', rule)).toMatchObject({
      startsAt: '2026-10-29T18:00:00.000Z',
      endsAt: '2026-10-29T19:30:00.000Z',
    });
    expect(occurrenceOfMonth('2026-09', rule).startsAt).toBe('2026-09-24T17:00:00.000Z');
  });

  it('exposes a cron pattern that cron-parser (BullMQ) reads to the same instants for two years', () => {
    for (const rule of [
      DEFAULT_PROGRAMME_RULE,
      { ...DEFAULT_PROGRAMME_RULE, weekday: 5, nth: -1, time: '09:05' } as ProgrammeRule,
    ]) {
      const { pattern, tz } = cronOf(rule);
      const cron = CronExpressionParser.parse(pattern, { tz, currentDate: new Date('2026-01-01T00:00:00Z') });
      const fromCron = Array.from({ length: 24 }, () => cron.next().toISOString());
      expect(nextOccurrences('2026-01-01T00:00:00Z', 24, rule).map((o) => o.startsAt)).toEqual(fromCron);
    }
    expect(cronOf()).toEqual({ pattern: '30 12 * * 2#2', tz: 'Europe/Brussels' });
  });

  it('reads a rule back from its cron form and refuses patterns it would have to guess', () => {
    expect(programmeRuleFromCron('30 12 * * 2#2')).toEqual(DEFAULT_PROGRAMME_RULE);
    expect(programmeRuleFromCron('0 18 * * 0L')).toMatchObject({ weekday: 7, nth: -1, time: '18:00' });
    expect(() => programmeRuleFromCron('30 12 8-14 * 2')).toThrow(/D#N/);
    expect(() => programmeRuleFromCron('30 25 * * 2#2')).toThrow(/time of day/);
  });

  it('refuses an unknown zone', () =>
    expect(() =>
      nextOccurrences('2026-01-01T00:00:00Z', 1, { ...DEFAULT_PROGRAMME_RULE, zone: 'Europe/Bruxelles' }),
    ).toThrow(/zone/));
});
