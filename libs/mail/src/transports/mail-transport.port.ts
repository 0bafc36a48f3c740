import type { Language } from '../templates/template';

/** A mail ready to leave: one recipient, one language, a stable Message-ID. */
export interface OutgoingMail {
  /** `<outbox-id.recipient@cdce>`. */
  readonly messageId: string;
  readonly from: string;
  readonly to: { readonly name?: string; readonly address: string };
  readonly language: Language;
  readonly subject: string;
  readonly text: string;
  /** Extra headers, e.g. `X-CDCE-Outbox-Id`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** An iCalendar invitation (sent as an attachment and as the text/calendar part calendar clients act on). */
  readonly calendar?: { readonly method: 'REQUEST' | 'CANCEL'; readonly content: string; readonly filename: string };
}

/**
 * Where mail goes: SMTP when `SMTP_URL` is set, `.eml` files otherwise. `send` resolves once the mail is accepted
 * (by the server, or written to disk) and rejects otherwise: the outbox then retries later.
 */
export interface MailTransport {
  readonly kind: 'smtp' | 'eml';
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}
