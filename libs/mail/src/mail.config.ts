import type { AppConfig } from '@cdce/platform';
import * as path from 'node:path';
import { DEFAULT_BACKOFF_MS, parseBackoff } from './delivery/backoff';

/** What the mailer reads from the environment, checked once at start-up. */
export interface MailConfig {
  readonly dataDir: string;
  /** SMTP when set; `.eml` files under `<dataDir>/outbox/` otherwise. */
  readonly smtpUrl?: string;
  /** `<dataDir>/outbox.sqlite`. */
  readonly outboxPath: string;
  /** From header (`CDCE_MAIL_FROM`). */
  readonly from: string;
  /** Where coordination-audience reminders go (`CDCE_COORDINATION_EMAIL`). */
  readonly coordinationEmail: string;
  /** Waits between attempts (`CDCE_MAIL_BACKOFF`, e.g. `1m,5m,30m,2h,12h`). */
  readonly backoffMs: readonly number[];
  /**
   * Events older than this when the outbox first reads them are not mailed (`CDCE_MAIL_MAX_AGE_DAYS`, default 7):
   * a new or lost outbox file, or SMTP turned on for a log with years of history, must not mail that history again.
   */
  readonly maxAgeMs: number;
}

export const DEFAULT_MAIL_MAX_AGE_DAYS = 7;

export const DEFAULT_COORDINATION_EMAIL = 'coordination@cdce.example';

export function mailConfigFrom(
  app: Pick<AppConfig, 'dataDir' | 'smtpUrl'>,
  env: NodeJS.ProcessEnv = process.env,
): MailConfig {
  const coordinationEmail = env.CDCE_COORDINATION_EMAIL?.trim() || DEFAULT_COORDINATION_EMAIL;
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(coordinationEmail)) {
    throw new RangeError(
      `CDCE_COORDINATION_EMAIL=${coordinationEmail} is not an e-mail address: give the coordination's mailbox ` +
        `(e.g. coordination@commune.example), or leave it unset for ${DEFAULT_COORDINATION_EMAIL}.`,
    );
  }
  return {
    dataDir: app.dataDir,
    ...(app.smtpUrl ? { smtpUrl: app.smtpUrl } : {}),
    outboxPath: path.join(app.dataDir, 'outbox.sqlite'),
    from: env.CDCE_MAIL_FROM?.trim() || `Coordination CDCE <${coordinationEmail}>`,
    coordinationEmail,
    backoffMs: env.CDCE_MAIL_BACKOFF ? parseBackoff(env.CDCE_MAIL_BACKOFF) : DEFAULT_BACKOFF_MS,
    maxAgeMs: maxAgeDays(env.CDCE_MAIL_MAX_AGE_DAYS) * 24 * 3600 * 1000,
  };
}

function maxAgeDays(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_MAIL_MAX_AGE_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(
      `CDCE_MAIL_MAX_AGE_DAYS=${value} is not a whole number of days ≥ 1: say how old an event may be and still be mailed, ` +
        `or leave it unset for ${DEFAULT_MAIL_MAX_AGE_DAYS}.`,
    );
  }
  return days;
}
