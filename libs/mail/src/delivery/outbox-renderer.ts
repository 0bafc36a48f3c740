import { type Commune, readCommune } from '@cdce/communes';
import { type EventStore, fold, StreamNotFoundError } from '@cdce/eventsourcing';
import type { PeopleDirectory, Person } from '@cdce/people';
import { buildWebinarIcs, type Webinar, webinarDecider, type WebinarEvent } from '@cdce/webinars';
import { messageIdFor } from '../outbox/outbox-entry';
import type { OutboxMessage } from '../outbox/sqlite-outbox.store';
import { reminderAudience, renderReminder } from '../templates/reminder.templates';
import type { Language, RenderedMail } from '../templates/template';
import { renderWebinarMail, type WebinarMailKind } from '../templates/webinar.templates';
import type { OutgoingMail } from '../transports/mail-transport.port';

/** Someone to write to, resolved at delivery time. `key` is a personId, or `coordination`. */
export interface Recipient {
  readonly key: string;
  readonly address: string;
  readonly name?: string;
  readonly language: Language;
}

/** A message made ready for delivery: who receives it now, and the mail each of them gets. */
export interface PreparedMessage {
  readonly recipients: readonly Recipient[];
  /** False for updates and cancellations of a webinar nobody was invited to yet: nothing to send is then fine. */
  readonly needsRecipients: boolean;
  compose(recipient: Recipient): OutgoingMail;
}

export interface OutboxRendererOptions {
  /** The From header, e.g. `Coordination CDCE <coordination@cdce.example>`. */
  readonly from: string;
  readonly coordination: { readonly name: string; readonly email: string };
  /** Commune names for the texts (e.g. from the reference data); without it the texts say « votre commune ». */
  readonly communeNameOf?: (nis: string) => string | undefined;
  /** The link to join a webinar, if the coordination publishes one. */
  readonly webinarUrlOf?: (webinarId: string) => string | undefined;
}

/**
 * Turns an outbox message into mails, reading what it needs at delivery time: the commune's COPIL (from its stream),
 * the people directory (erased people are skipped, languages are current) and the webinar as it was at the event.
 */
export class OutboxRenderer {
  constructor(
    private readonly store: EventStore,
    private readonly people: PeopleDirectory,
    private readonly options: OutboxRendererOptions,
  ) {}

  async prepare(message: OutboxMessage): Promise<PreparedMessage> {
    return message.kind === 'reminder' ? this.prepareReminder(message) : this.prepareWebinar(message);
  }

  private async prepareReminder(message: OutboxMessage): Promise<PreparedMessage> {
    const { kind, dueOn } = message.payload as { kind: string; dueOn: string };
    const nis = message.streamId.slice('commune-'.length);
    const { state } = await readCommune(this.store, nis);
    const recipients =
      reminderAudience(kind) === 'coordination'
        ? [this.coordinationRecipient()]
        : await this.copilOf([nis], new Map([[nis, state]]));
    const edition = 'fairOMeterRequest' in state ? state.fairOMeterRequest?.edition : undefined;
    const communeName = this.options.communeNameOf?.(nis);
    return {
      recipients,
      needsRecipients: true,
      compose: (recipient) =>
        this.mail(
          message,
          recipient,
          renderReminder(
            { kind, dueOn, nis, communeName, fairOMeterEdition: edition, recipientName: recipient.name },
            recipient.language,
          ),
        ),
    };
  }

  private async prepareWebinar(message: OutboxMessage): Promise<PreparedMessage> {
    const webinar = await this.webinarAt(message.streamId, message.revision);
    if (webinar.status === 'unscheduled')
      throw new Error(`${message.streamId} holds no webinar at revision ${message.revision}.`);
    const invitation = message.kind === 'webinar_invitation';
    const communes = invitation ? (message.payload as { communes: string[] }).communes : webinar.invited;
    const mailKind: WebinarMailKind = invitation
      ? 'invitation'
      : message.kind === 'webinar_update'
        ? 'update'
        : 'cancellation';
    const method = mailKind === 'cancellation' ? 'CANCEL' : 'REQUEST';
    const url = this.options.webinarUrlOf?.(webinar.webinarId);
    const reason = (message.payload as { reason?: string | null }).reason ?? null;
    // One .ics per recipient: each copy names its attendee, as calendar clients expect.
    const icsFor = (recipient: Recipient) =>
      buildWebinarIcs({
        webinar,
        method,
        organiser: this.options.coordination,
        attendee: { email: recipient.address, ...(recipient.name ? { name: recipient.name } : {}) },
        stamp: message.recordedAt,
        ...(url ? { url } : {}),
      });
    return {
      recipients: await this.copilOf(communes),
      needsRecipients: invitation,
      compose: (recipient) => ({
        ...this.mail(
          message,
          recipient,
          renderWebinarMail(
            mailKind,
            {
              theme: webinar.theme,
              startsAt: webinar.startsAt,
              endsAt: webinar.endsAt,
              reason,
              url,
              recipientName: recipient.name,
            },
            recipient.language,
          ),
        ),
        calendar: {
          method,
          content: icsFor(recipient),
          filename: method === 'CANCEL' ? 'annulation.ics' : 'invitation.ics',
        },
      }),
    };
  }

  private mail(message: OutboxMessage, recipient: Recipient, rendered: RenderedMail): OutgoingMail {
    return {
      messageId: messageIdFor(message.id, recipient.key),
      from: this.options.from,
      to: { address: recipient.address, ...(recipient.name ? { name: recipient.name } : {}) },
      language: recipient.language,
      subject: rendered.subject,
      text: rendered.text,
      headers: { 'X-CDCE-Outbox-Id': message.id },
    };
  }

  private coordinationRecipient(): Recipient {
    return {
      key: 'coordination',
      address: this.options.coordination.email,
      name: this.options.coordination.name,
      language: 'fr',
    };
  }

  /**
   * The COPIL members of these communes who can be reached, each once. A commune whose COPIL is not recorded yet
   * (a young candidacy) falls back to the contacts the directory lists for it.
   */
  private async copilOf(communes: readonly string[], known = new Map<string, Commune>()): Promise<Recipient[]> {
    const people: Person[] = [];
    for (const nis of communes) {
      const state = known.get(nis) ?? (await readCommune(this.store, nis)).state;
      const members = state.evidence.copilMembers.map((member) => member.personId);
      people.push(...(members.length > 0 ? await this.people.contactsOf(members) : await this.people.list({ nis })));
    }
    const seen = new Set<string>();
    return people
      .filter((person) => !seen.has(person.personId) && seen.add(person.personId))
      .map((person) => ({
        key: person.personId,
        address: person.email,
        name: person.fullName,
        language: person.language,
      }));
  }

  private async webinarAt(streamId: string, revision: bigint): Promise<Webinar> {
    try {
      const events = await this.store.readStream<WebinarEvent>(streamId, { toRevision: revision });
      return fold(webinarDecider, events as unknown as WebinarEvent[]);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return webinarDecider.initialState();
      throw error;
    }
  }
}
