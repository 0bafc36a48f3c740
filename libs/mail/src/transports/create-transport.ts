import * as path from 'node:path';
import { EmlFileTransport } from './eml-file-transport.adapter';
import type { MailTransport } from './mail-transport.port';
import { SmtpMailTransport } from './smtp-transport.adapter';

/** SMTP when `smtpUrl` is set, else `.eml` files under `<dataDir>/outbox/`. */
export function createTransport(config: {
  readonly smtpUrl?: string;
  readonly dataDir: string;
  readonly smtpTimeoutMs?: number;
}): MailTransport {
  if (config.smtpUrl) return new SmtpMailTransport(config.smtpUrl, { timeoutMs: config.smtpTimeoutMs });
  return new EmlFileTransport(path.join(config.dataDir, 'outbox'));
}
