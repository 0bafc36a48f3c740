import { DateTime, IANAZone } from 'luxon';
import { DEFAULT_WEBINAR_MINUTES } from './webinar.commands';

/*
 * The monthly programme: one thematic two-hour webinar a month (management response R2.2), on a rule such as
 * "second Tuesday of the month at 12:30, Europe/Brussels". Occurrences are computed on the wall clock of the zone
 * and only then turned into UTC instants, so a webinar stays at 12:30 local time on both sides of a DST change.
 *
 * Why not a plain cron day-of-month range: in cron, `30 12 8-14 * 2` means "the 8th to the 14th OR any Tuesday"
 * (both fields restricted → either matches). The nth weekday is written `2#2` (second Tuesday) or `2L` (last
 * Tuesday), which cron-parser, and so BullMQ's job scheduler, understands.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface ProgrammeRule {
  readonly weekday: IsoWeekday;
  /** 1 to 4 for the first to fourth such weekday of the month, -1 for the last. */
  readonly nth: 1 | 2 | 3 | 4 | -1;
  /** Local time of the start, `HH:mm`. */
  readonly time: string;
  /** IANA zone in which `time` is read. */
  readonly zone: string;
  readonly durationMinutes: number;
}

export const DEFAULT_PROGRAMME_RULE: ProgrammeRule = {
  weekday: 2,
  nth: 2,
  time: '12:30',
  zone: 'Europe/Brussels',
  durationMinutes: DEFAULT_WEBINAR_MINUTES,
};

/**
 * Themes by calendar month (January first), cycling when shorter than twelve, and one-off themes for a given month.
 */
export interface ProgrammeThemes {
  readonly byMonth: readonly string[];
  /** `YYYY-MM` → theme, e.g. a session on the COPIL charter when it is published. */
  readonly overrides?: Readonly<Record<string, string>>;
}

/**
 * Default themes, taken from the criteria and from the management response (COPIL governance, diversity of its
 * members, sharing good practices). The coordination is expected to replace them with its own yearly plan.
 */
export const DEFAULT_PROGRAMME_THEMES: ProgrammeThemes = {
  byMonth: [
    'Le COPIL et son fonctionnement : la charte',
    'Diversifier et renouveler les membres du COPIL',
    'Préparer le Fair-ô-mètre',
    'Commerces et horeca : convaincre de nouveaux partenaires',
    'Semaine du commerce équitable : préparer les actions',
    'Produits locaux et durables, Prix Juste Producteur',
    'Écoles, entreprises et organisations partenaires',
    'Communiquer sur la campagne',
    'Achats publics équitables dans l’administration communale',
    'Impliquer les citoyens : gouvernance locale participative',
    'Renouveler le titre : le dossier pas à pas',
    'Entraide entre communes : parrainage et échanges',
  ],
};

export interface ProgrammeOccurrence {
  /** Deterministic id, `YYYY-MM`: one webinar a month, so the stream is `webinar-YYYY-MM`. */
  readonly webinarId: string;
  readonly theme: string;
  /** ISO UTC instants. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly durationMinutes: number;
}

/** The next `count` occurrences strictly after `after`. */
export function nextOccurrences(
  after: Date | string,
  count: number,
  rule: ProgrammeRule = DEFAULT_PROGRAMME_RULE,
  themes: ProgrammeThemes = DEFAULT_PROGRAMME_THEMES,
): ProgrammeOccurrence[] {
  checkRule(rule);
  const from = DateTime.fromJSDate(new Date(after)).setZone(rule.zone);
  const occurrences: ProgrammeOccurrence[] = [];
  for (let month = from.startOf('month'); occurrences.length < count; month = month.plus({ months: 1 })) {
    const start = occurrenceIn(month, rule);
    if (start.toMillis() > from.toMillis()) occurrences.push(occurrenceAt(start, rule, themes));
  }
  return occurrences;
}

/** The occurrence of the month `yyyy-MM` (in the rule's zone). */
export function occurrenceOfMonth(
  month: string,
  rule: ProgrammeRule = DEFAULT_PROGRAMME_RULE,
  themes: ProgrammeThemes = DEFAULT_PROGRAMME_THEMES,
): ProgrammeOccurrence {
  checkRule(rule);
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: rule.zone });
  if (!first.isValid) throw new RangeError(`${JSON.stringify(month)} is not a month (YYYY-MM).`);
  return occurrenceAt(occurrenceIn(first, rule), rule, themes);
}

/** The theme of a month: the override if any, else the month's entry of `byMonth` (cycling). */
export function themeOf(month: string, themes: ProgrammeThemes = DEFAULT_PROGRAMME_THEMES): string {
  const override = themes.overrides?.[month];
  if (override) return override;
  if (themes.byMonth.length === 0) throw new RangeError('The programme has no theme.');
  const index = (Number(month.slice(5, 7)) - 1) % themes.byMonth.length;
  return themes.byMonth[index]!;
}

/**
 * The rule as a cron pattern and zone for a job scheduler (BullMQ `upsertJobScheduler({ pattern, tz })`):
 * it fires at each occurrence's start.
 */
export function cronOf(rule: ProgrammeRule = DEFAULT_PROGRAMME_RULE): {
  readonly pattern: string;
  readonly tz: string;
} {
  checkRule(rule);
  const [hour, minute] = rule.time.split(':').map(Number) as [number, number];
  const weekday = rule.weekday % 7; // cron: 0 = Sunday
  const day = rule.nth === -1 ? `${weekday}L` : `${weekday}#${rule.nth}`;
  return { pattern: `${minute} ${hour} * * ${day}`, tz: rule.zone };
}

/**
 * Reads a rule back from the cron form {@link cronOf} writes (`M H * * D#N` or `M H * * DL`), so the programme can
 * be configured with one variable. Anything else is refused rather than guessed.
 */
export function programmeRuleFromCron(
  pattern: string,
  zone = DEFAULT_PROGRAMME_RULE.zone,
  durationMinutes = DEFAULT_PROGRAMME_RULE.durationMinutes,
): ProgrammeRule {
  const match = /^(\d{1,2}) (\d{1,2}) \* \* ([0-7])(?:#([1-4])|(L))$/.exec(pattern.trim());
  if (!match)
    throw new RangeError(
      `Webinar rule ${JSON.stringify(pattern)} is not of the form "M H * * D#N" (nth weekday) or "M H * * DL" (last weekday), e.g. "30 12 * * 2#2".`,
    );
  const [, minute, hour, day, nth] = match;
  const rule: ProgrammeRule = {
    weekday: (Number(day) === 0 ? 7 : Number(day)) as IsoWeekday,
    nth: nth ? (Number(nth) as 1 | 2 | 3 | 4) : -1,
    time: `${hour!.padStart(2, '0')}:${minute!.padStart(2, '0')}`,
    zone,
    durationMinutes,
  };
  checkRule(rule);
  return rule;
}

function occurrenceIn(month: DateTime, rule: ProgrammeRule): DateTime {
  const [hour, minute] = rule.time.split(':').map(Number) as [number, number];
  const first = month.startOf('month');
  let day: DateTime;
  if (rule.nth === -1) {
    const last = first.endOf('month').startOf('day');
    day = last.minus({ days: (last.weekday - rule.weekday + 7) % 7 });
  } else {
    const firstMatch = first.plus({ days: (rule.weekday - first.weekday + 7) % 7 });
    day = firstMatch.plus({ weeks: rule.nth - 1 });
  }
  // Setting the wall-clock time on the local date lets luxon pick the right offset for that day (CET or CEST).
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

function occurrenceAt(start: DateTime, rule: ProgrammeRule, themes: ProgrammeThemes): ProgrammeOccurrence {
  const month = start.toFormat('yyyy-MM');
  return {
    webinarId: month,
    theme: themeOf(month, themes),
    startsAt: start.toUTC().toISO()!,
    endsAt: start.plus({ minutes: rule.durationMinutes }).toUTC().toISO()!,
    durationMinutes: rule.durationMinutes,
  };
}

function checkRule(rule: ProgrammeRule): void {
  if (!IANAZone.isValidZone(rule.zone)) throw new RangeError(`${rule.zone} is not a time zone.`);
  const time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(rule.time);
  if (!time) throw new RangeError(`${JSON.stringify(rule.time)} is not a time of day (HH:mm).`);
  if (!Number.isInteger(rule.weekday) || rule.weekday < 1 || rule.weekday > 7)
    throw new RangeError(`Weekday ${rule.weekday} is not 1–7.`);
  if (![1, 2, 3, 4, -1].includes(rule.nth)) throw new RangeError(`nth ${rule.nth} is not 1, 2, 3, 4 or -1 (last).`);
  if (!Number.isInteger(rule.durationMinutes) || rule.durationMinutes <= 0)
    throw new RangeError('The duration must be a positive number of minutes.');
}
