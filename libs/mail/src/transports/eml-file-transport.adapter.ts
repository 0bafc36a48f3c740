import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingMail } from './mail-transport.port';
import { toNodemailer } from './nodemailer-message';

/**
 * Mail as `.eml` files in a folder (the embedded default, `<dataDir>/outbox/`). nodemailer builds the raw message;
 * it is written to a temporary file and renamed, so a reader never sees half a mail. The file is named after the
 * Message-ID: delivering the same mail again replaces the file instead of adding a second one.
 */
export class EmlFileTransport implements MailTransport {
  readonly kind = 'eml' as const;
  private readonly composer: Transporter;

  constructor(readonly folder: string) {
    this.composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.composer.sendMail(toNodemailer(mail))) as { message: Buffer };
    await fs.mkdir(this.folder, { recursive: true });
    const file = path.join(this.folder, emlFileName(mail.messageId));
    const temporary = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temporary, info.message);
    await fs.rename(temporary, file);
  }

  async close(): Promise<void> {
    this.composer.close();
  }
}

/** `<reminder-1.person-2@cdce>` → `reminder-1.person-2@cdce.eml`. */
export function emlFileName(messageId: string): string {
  return `${messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]/g, '-')}.eml`;
}
