import type { AppConfig } from '@cdce/platform';
import {
  DEFAULT_PROGRAMME_RULE,
  DEFAULT_PROGRAMME_THEMES,
  type ProgrammeRule,
  programmeRuleFromCron,
  type ProgrammeThemes,
} from '@cdce/webinars';

/** What the worker runtime reads from its configuration; every field has a default fit for `npm start`. */
export interface JobsOptions {
  /** The monthly webinar rule (default: second Tuesday, 12:30, Europe/Brussels). `CDCE_WEBINAR_RULE="30 12 * * 2#2"`. */
  readonly programmeRule?: ProgrammeRule;
  /** Themes by month (French). `CDCE_WEBINAR_THEMES="Thème de janvier | Thème de février | …"`. */
  readonly themes?: ProgrammeThemes;
  /**
   * Run the programme once at start-up (default true): a first deployment, or a worker that was down when the
   * programme fired, schedules the next webinar at once instead of waiting a month. Fixed command ids make it a no-op
   * when it is already done.
   */
  readonly programmeAtStart?: boolean;
  /** Local time of the daily momentum check (`HH:mm`, Europe/Brussels; default 07:00). */
  readonly momentumCheckAt?: string;
  /** Deliver the mail outbox in this process (default: the app config's `mailer`, i.e. `CDCE_MAILER`, else on). */
  readonly mailer?: boolean;
  /**
   * Wait after a projector batch before reconciling the reminders (default 2 s): one reconcile per burst. A reconcile
   * reads every owed reminder, so under a steady stream of commands it must not run after every batch.
   */
  readonly resyncDebounceMs?: number;
  /** Periodic reconcile of the reminders, whatever happened (default 60 s; 0 = never). */
  readonly resyncEveryMs?: number;
  /** BullMQ key prefix (default `cdce`); tests use a unique one. */
  readonly prefix?: string;
  /** Environment read for the mail settings (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
}

export interface ResolvedJobsOptions {
  readonly programmeRule: ProgrammeRule;
  readonly themes: ProgrammeThemes;
  readonly programmeAtStart: boolean;
  readonly momentumCheckAt: string;
  readonly mailer: boolean;
  readonly resyncDebounceMs: number;
  readonly resyncEveryMs: number;
  readonly prefix: string;
  readonly env: NodeJS.ProcessEnv;
}

export const JOBS_OPTIONS = Symbol.for('cdce.JobsOptions');

/**
 * Reads the runtime settings from the environment: `CDCE_WEBINAR_RULE`, `CDCE_WEBINAR_THEMES` (separated by `|`),
 * `CDCE_WEBINAR_PROGRAMME_AT_START` (on|off) and `CDCE_QUEUE_PREFIX` (BullMQ key prefix).
 */
export function jobsOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): JobsOptions {
  const atStart = env.CDCE_WEBINAR_PROGRAMME_AT_START?.trim().toLowerCase();
  const themes = env.CDCE_WEBINAR_THEMES?.split('|')
    .map((theme) => theme.trim())
    .filter((theme) => theme.length > 0);
  return {
    ...(env.CDCE_WEBINAR_RULE ? { programmeRule: programmeRuleFromCron(env.CDCE_WEBINAR_RULE) } : {}),
    ...(themes && themes.length > 0 ? { themes: { byMonth: themes } } : {}),
    ...(atStart ? { programmeAtStart: !['off', '0', 'false', 'no'].includes(atStart) } : {}),
    ...(env.CDCE_QUEUE_PREFIX ? { prefix: env.CDCE_QUEUE_PREFIX } : {}),
    env,
  };
}

export function resolveJobsOptions(options: JobsOptions, config?: AppConfig): ResolvedJobsOptions {
  const momentumCheckAt = options.momentumCheckAt ?? '07:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(momentumCheckAt))
    throw new RangeError(`momentumCheckAt ${JSON.stringify(momentumCheckAt)} is not a time of day (HH:mm).`);
  return {
    programmeRule: options.programmeRule ?? DEFAULT_PROGRAMME_RULE,
    themes: options.themes ?? DEFAULT_PROGRAMME_THEMES,
    programmeAtStart: options.programmeAtStart ?? true,
    momentumCheckAt,
    mailer: options.mailer ?? config?.mailer ?? true,
    resyncDebounceMs: options.resyncDebounceMs ?? 2000,
    resyncEveryMs: options.resyncEveryMs ?? 60_000,
    prefix: options.prefix ?? 'cdce',
    env: options.env ?? process.env,
  };
}
