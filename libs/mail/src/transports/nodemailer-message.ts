import type { SendMailOptions } from 'nodemailer';
import type { OutgoingMail } from './mail-transport.port';

/** The nodemailer message of an outgoing mail (shared by the SMTP and the .eml transports, so both write the same). */
export function toNodemailer(mail: OutgoingMail): SendMailOptions {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
    subject: mail.subject,
    text: mail.text,
    headers: { 'Content-Language': mail.language, ...mail.headers },
    ...(mail.calendar
      ? {
          // The text/calendar alternative is what Outlook and Gmail act on; the attachment is what people can open.
          icalEvent: { method: mail.calendar.method, content: mail.calendar.content },
          attachments: [
            {
              filename: mail.calendar.filename,
              content: mail.calendar.content,
              contentType: `application/ics; charset=utf-8; method=${mail.calendar.method}`,
            },
          ],
        }
      : {}),
  };
}
