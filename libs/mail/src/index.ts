// Public API of the mail lib: the outbox fed by the log, its delivery loop, transports and templates.
export { Mailer, type MailerDependencies } from './mailer';
export { mailConfigFrom, DEFAULT_COORDINATION_EMAIL, type MailConfig } from './mail.config';
export { OUTBOX_FILTER, outboxEntryOf, messageIdFor, type OutboxEntry, type OutboxKind } from './outbox/outbox-entry';
export {
  SqliteOutboxStore,
  OutboxMessageNotFoundError,
  OutboxMessageAlreadySentError,
  type OutboxMessage,
  type OutboxStatus,
  type OutboxDelivery,
} from './outbox/sqlite-outbox.store';
export { OutboxConsumer, type OutboxConsumerOptions } from './outbox/outbox-consumer';
export { OutboxDeliveryLoop, type OutboxDeliveryOptions, type DeliveryReport } from './delivery/outbox-delivery';
export {
  OutboxRenderer,
  type OutboxRendererOptions,
  type PreparedMessage,
  type Recipient,
} from './delivery/outbox-renderer';
export { DEFAULT_BACKOFF_MS, nextAttemptAfter, parseBackoff } from './delivery/backoff';
export type { MailTransport, OutgoingMail } from './transports/mail-transport.port';
export { createTransport } from './transports/create-transport';
export { SmtpMailTransport, type SmtpTransportOptions } from './transports/smtp-transport.adapter';
export { EmlFileTransport, emlFileName } from './transports/eml-file-transport.adapter';
export { longDate, longDateTime, type Language, type RenderedMail } from './templates/template';
export {
  REMINDER_TEMPLATES,
  reminderAudience,
  renderReminder,
  type ReminderAudience,
  type ReminderContext,
} from './templates/reminder.templates';
export { renderWebinarMail, type WebinarContext, type WebinarMailKind } from './templates/webinar.templates';
