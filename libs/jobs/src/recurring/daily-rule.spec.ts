import { dailyRule } from './daily-rule';

describe('dailyRule', () => {
  const at7 = dailyRule('07:00');

  it('gives the cron form BullMQ upserts, in Brussels time', () => {
    expect(at7.cron).toEqual({ pattern: '0 7 * * *', tz: 'Europe/Brussels' });
  });

  it('runs the same morning when it is not 07:00 yet, else the next morning', () => {
    expect(at7.nextRunAfter(new Date('2026-11-30T05:59:00Z')).toISOString()).toBe('2026-11-30T06:00:00.000Z');
    expect(at7.nextRunAfter(new Date('2026-11-30T06:00:00Z')).toISOString()).toBe('2026-12-01T06:00:00.000Z');
  });

  it('stays at 07:00 on the wall clock across the change to summer time', () => {
    expect(at7.nextRunAfter(new Date('2026-03-28T07:00:00Z')).toISOString()).toBe('2026-03-29T05:00:00.000Z');
  });
});
