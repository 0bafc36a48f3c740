import { DateTime } from 'luxon';

/** A job run every day at a local time: its cron form and its next run, on the wall clock of `zone`. */
export function dailyRule(time: string, zone = 'Europe/Brussels') {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return {
    cron: { pattern: `${minute} ${hour} * * *`, tz: zone },
    nextRunAfter(after: Date): Date {
      const local = DateTime.fromJSDate(after).setZone(zone);
      let next = local.set({ hour, minute, second: 0, millisecond: 0 });
      if (next.toMillis() <= local.toMillis()) next = next.plus({ days: 1 }).set({ hour, minute });
      return next.toJSDate();
    },
  };
}
