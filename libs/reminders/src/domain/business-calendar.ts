import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/** A business date, `YYYY-MM-DD` (Belgian calendar day). */
export type IsoDate = string;
/** An instant, ISO-8601 UTC. */
export type IsoInstant = string;

export const BRUSSELS = 'Europe/Brussels';

/** When reminders go out: a local hour on business days. */
export interface SendingHours {
  /** Local hour in Brussels (default 9). */
  readonly hour: number;
  /** Extra days off (`YYYY-MM-DD`) on top of weekends and Belgian public holidays, e.g. the coordination's closures. */
  readonly closedOn?: readonly IsoDate[];
}

export const DEFAULT_SENDING_HOURS: SendingHours = { hour: 9 };

/*
 * Belgian public holidays come from `date-holidays` (country BE, type "public": the ten legal holidays). Observances
 * (Saint-Nicolas, Fête du Roi…) are working days. Lookups are cached per year: the calendar is asked for every
 * reminder of every commune.
 */
const belgium = new Holidays('BE');
const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();

function publicHolidays(year: number): ReadonlySet<IsoDate> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Set(
      belgium
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

/** True on Belgian public holidays (Easter Monday, 21 July, 11 November…). */
export function isBelgianPublicHoliday(date: IsoDate): boolean {
  return publicHolidays(Number(date.slice(0, 4))).has(date);
}

/** Monday to Friday, not a Belgian public holiday, not one of the extra closed days. */
export function isBusinessDay(date: IsoDate, hours: SendingHours = DEFAULT_SENDING_HOURS): boolean {
  const weekday = DateTime.fromISO(date, { zone: BRUSSELS }).weekday; // 1 = Monday … 7 = Sunday
  return weekday <= 5 && !isBelgianPublicHoliday(date) && !(hours.closedOn ?? []).includes(date);
}

/** The first business day on or after `date`. */
export function nextBusinessDay(date: IsoDate, hours: SendingHours = DEFAULT_SENDING_HOURS): IsoDate {
  let day = DateTime.fromISO(date, { zone: BRUSSELS });
  // A year never has more than a handful of consecutive days off; the bound only guards against a bad closedOn list.
  for (let i = 0; i < 366; i++) {
    const iso = day.toISODate()!;
    if (isBusinessDay(iso, hours)) return iso;
    day = day.plus({ days: 1 });
  }
  throw new RangeError(`No business day within a year after ${date}: check the closed days.`);
}

/**
 * The instant a reminder for `date` goes out: the sending hour in Brussels (CET or CEST, whichever is in force that
 * day) on the first business day on or after `date`, in UTC.
 */
export function sendingInstant(date: IsoDate, hours: SendingHours = DEFAULT_SENDING_HOURS): IsoInstant {
  const day = nextBusinessDay(date, hours);
  return DateTime.fromISO(day, { zone: BRUSSELS }).set({ hour: hours.hour }).toUTC().toISO()!;
}

/** The calendar day in Brussels of an instant. */
export function brusselsDay(instant: IsoInstant | Date): IsoDate {
  const value = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  return value.setZone(BRUSSELS).toISODate()!;
}
