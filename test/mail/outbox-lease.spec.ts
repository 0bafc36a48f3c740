import { Mailer, mailConfigFrom, type MailTransport, type OutgoingMail } from '@cdce/mail';
import { MailFixture } from './support/mail-fixture';

/*
 * Two mailers on one outbox file (two processes sharing a data folder): a claim whose lease ran out belongs to whoever
 * took the message next. The first mailer must neither undo the second one's outcome nor mail in parallel with it.
 */

const NAMUR = '92094';
const LEASE_MS = 60_000;

/** A transport whose sends wait until the test lets them through (a slow SMTP server), then succeed or fail. */
class GatedTransport implements MailTransport {
  readonly kind = 'eml' as const;
  readonly sent: OutgoingMail[] = [];
  private gate?: { release: (error?: Error) => void };
  private entered?: () => void;

  constructor(private readonly hold: boolean) {}

  /** Resolves once a send is waiting at the gate. */
  waiting(): Promise<void> {
    return this.gate ? Promise.resolve() : new Promise((resolve) => (this.entered = resolve));
  }

  release(error?: Error): void {
    this.gate?.release(error);
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (this.hold && this.sent.length === 0 && !this.gate) {
      await new Promise<void>((resolve, reject) => {
        this.gate = { release: (error) => (error ? reject(error) : resolve()) };
        this.entered?.();
      });
    }
    this.sent.push(mail);
  }

  async close(): Promise<void> {}
}

describe('Outbox shared by two mailers, when a lease runs out', () => {
  let fixture: MailFixture;
  const mailers: Mailer[] = [];

  const openMailer = (transport: MailTransport) => {
    const mailer = new Mailer({
      store: fixture.store,
      people: fixture.people,
      clock: fixture.clock,
      transport,
      config: mailConfigFrom({ dataDir: fixture.dir }, { CDCE_MAIL_BACKOFF: '1m,5m' }),
      delivery: { leaseMs: LEASE_MS },
    });
    mailers.push(mailer);
    return mailer;
  };

  beforeEach(async () => {
    fixture = new MailFixture();
    await fixture.communeWithCopil(NAMUR, [
      { personId: 'person-anne', fullName: 'Anne Dupont', email: 'anne@namur.example', language: 'fr' },
    ]);
  });
  afterEach(async () => {
    for (const mailer of mailers.splice(0)) await mailer.stop();
    await fixture.close();
  });

  const recordReminder = (reminderId: string) =>
    fixture.commune(NAMUR, 'RecordReminderSent', { reminderId, kind: 'copil_inactive', dueOn: '2026-03-15' });

  it('a late failure of the first mailer leaves the message sent by the second one as sent', async () => {
    await recordReminder('reminder-92094-copil_inactive-2026-03-01');
    const slow = new GatedTransport(true);
    const first = openMailer(slow);
    await first.consumer.catchUp();
    const firstPass = first.delivery.deliverDue();
    await slow.waiting();

    fixture.clock.advance(LEASE_MS + 1);
    const second = openMailer(new GatedTransport(false));
    expect(await second.delivery.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });

    slow.release(new Error('421 Service not available'));
    expect(await firstPass).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(second.outbox.get('reminder-92094-copil_inactive-2026-03-01')).toMatchObject({
      status: 'sent',
      lastError: null,
    });
  });

  it('the first mailer skips the messages of its batch that another mailer took after their lease ran out', async () => {
    await recordReminder('reminder-92094-copil_inactive-2026-03-01');
    await recordReminder('reminder-92094-copil_inactive-2026-04-01');
    const slow = new GatedTransport(true);
    const first = openMailer(slow);
    await first.consumer.catchUp();
    const firstPass = first.delivery.deliverDue();
    await slow.waiting();

    // Another mailer takes both expired claims and is still mailing them.
    fixture.clock.advance(LEASE_MS + 1);
    const second = openMailer(new GatedTransport(false));
    expect(second.outbox.claimDue(fixture.clock.now(), 10, LEASE_MS)).toHaveLength(2);

    slow.release();
    await firstPass;
    expect(slow.sent.map((mail) => mail.messageId)).toEqual([
      '<reminder-92094-copil_inactive-2026-03-01.person-anne@cdce>',
    ]);
    expect(second.outbox.get('reminder-92094-copil_inactive-2026-04-01')).toMatchObject({
      status: 'sending',
      attempts: 2,
    });
  });
});
