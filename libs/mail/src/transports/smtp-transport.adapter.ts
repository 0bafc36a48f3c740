import nodemailer, { type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingMail } from './mail-transport.port';
import { toNodemailer } from './nodemailer-message';

export interface SmtpTransportOptions {
  /** Give up on a silent server well before the outbox lease runs out. */
  readonly timeoutMs?: number;
}

/** Mail over SMTP with nodemailer (`smtp://user:pass@host:port`, `smtps://…`). */
export class SmtpMailTransport implements MailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(url: string, options: SmtpTransportOptions = {}) {
    const timeout = options.timeoutMs ?? 60_000;
    const parsed = new URL(url);
    this.transporter = nodemailer.createTransport({
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : parsed.protocol === 'smtps:' ? 465 : 587,
      secure: parsed.protocol === 'smtps:',
      ...(parsed.username
        ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }
        : {}),
      // Plain SMTP on a trusted network (tests, a local relay) is allowed; STARTTLS is still used when offered.
      ignoreTLS: parsed.searchParams.get('ignoreTLS') === 'true',
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail(toNodemailer(mail));
    const rejected = (info.rejected ?? []).map(String);
    if (rejected.length > 0) throw new Error(`The SMTP server refused ${rejected.join(', ')}: ${info.response}`);
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
