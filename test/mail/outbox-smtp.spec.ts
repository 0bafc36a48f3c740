import { Mailer, mailConfigFrom } from '@cdce/mail';
import { MailFixture } from './support/mail-fixture';
import { SmtpTestServer } from './support/smtp-test-server';

/*
 * The outbox end to end on real parts: a SQLite event store and people directory on files, the outbox file, and a
 * real SMTP server (smtp-server) receiving what nodemailer sends.
 */

const NAMUR = '92094';
const REMINDER_ID = 'reminder-92094-fair_o_meter_due-2026-03-15';
const copil = [
  { personId: 'person-anne', fullName: 'Anne Dupont', email: 'anne@namur.example', language: 'fr' as const },
  { personId: 'person-bart', fullName: 'Bart Peeters', email: 'bart@namur.example', language: 'nl' as const },
  { personId: 'person-claudia', fullName: 'Claudia Schmitz', email: 'claudia@namur.example', language: 'de' as const },
  { personId: 'person-erased', fullName: 'Eric Effacé', email: 'eric@namur.example', language: 'fr' as const },
];

describe('Outbox over SMTP', () => {
  let fixture: MailFixture;
  let smtp: SmtpTestServer;
  let mailer: Mailer;

  const openMailer = (url = smtp.url, backoff = '1m,5m') =>
    new Mailer({
      store: fixture.store,
      people: fixture.people,
      clock: fixture.clock,
      config: mailConfigFrom({ dataDir: fixture.dir, smtpUrl: url }, { CDCE_MAIL_BACKOFF: backoff }),
      renderer: { communeNameOf: (nis) => (nis === NAMUR ? 'Namur' : undefined) },
      delivery: { leaseMs: 10 * 60_000 },
    });

  beforeEach(async () => {
    fixture = new MailFixture();
    smtp = await new SmtpTestServer().start();
    await fixture.communeWithCopil(NAMUR, copil);
    await fixture.people.erase('person-erased');
    mailer = openMailer();
  });
  afterEach(async () => {
    await mailer.stop();
    await smtp.stop();
    await fixture.close();
  });

  const recordReminder = (kind = 'fair_o_meter_due', reminderId = REMINDER_ID) =>
    fixture.commune(NAMUR, 'RecordReminderSent', { reminderId, kind, dueOn: '2026-03-15' });

  it('mails each reachable COPIL member once, in their language, with a Message-ID per reminder and person', async () => {
    await recordReminder();
    expect(await mailer.consumer.catchUp()).toBe(1);
    expect(await mailer.delivery.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });

    const mails = await smtp.waitFor(3);
    const byRecipient = Object.fromEntries(mails.map((m) => [m.envelopeTo.join(','), m.parsed]));
    expect(Object.keys(byRecipient).sort()).toEqual([
      'anne@namur.example',
      'bart@namur.example',
      'claudia@namur.example',
    ]);
    expect(byRecipient['anne@namur.example']!.subject).toBe(
      'Rappel : le Fair-ô-mètre de Namur est attendu pour le 15 mars 2026',
    );
    expect(byRecipient['anne@namur.example']!.text).toMatch(/^Bonjour Anne Dupont,/);
    expect(byRecipient['bart@namur.example']!.subject).toBe(
      'Herinnering: de Fair-ô-mètre van Namur wordt verwacht tegen 15 maart 2026',
    );
    expect(byRecipient['claudia@namur.example']!.subject).toBe(
      'Erinnerung: Das Fair-ô-mètre von Namur wird bis zum 15. März 2026 erwartet',
    );
    expect(byRecipient['claudia@namur.example']!.headers.get('content-language')).toBe('de');
    expect(byRecipient['anne@namur.example']!.messageId).toBe(`<${REMINDER_ID}.person-anne@cdce>`);
    expect(byRecipient['anne@namur.example']!.from?.value).toEqual([
      { name: 'Coordination CDCE', address: 'coordination@cdce.example' },
    ]);

    expect(mailer.outbox.get(REMINDER_ID)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(
      mailer.outbox
        .deliveriesOf(REMINDER_ID)
        .map((d) => d.recipient)
        .sort(),
    ).toEqual(['person-anne', 'person-bart', 'person-claudia']);
  });

  it('records each event once and mails once, however often the log is read again', async () => {
    await recordReminder();
    await mailer.consumer.catchUp();
    await mailer.delivery.deliverDue();
    await mailer.stop();
    mailer = openMailer();
    expect(await mailer.consumer.catchUp()).toBe(0);
    // The same command sent again records nothing: the decider knows the reminder id.
    await recordReminder();
    expect(await mailer.consumer.catchUp()).toBe(0);
    expect(await mailer.delivery.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(3);
    expect(mailer.outbox.counts()).toEqual({ pending: 0, sending: 0, sent: 1, failed: 0 });
  });

  it('sends coordination-audience reminders to the coordination address', async () => {
    await recordReminder('renewal_escalation', 'reminder-92094-renewal_escalation-2026-03-15');
    await mailer.consumer.catchUp();
    await mailer.delivery.deliverDue();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['coordination@cdce.example']);
    expect(mail!.parsed.subject).toBe('Renouvellement en retard : Namur (92094), titre échu le 15 mars 2026');
    expect(mail!.parsed.messageId).toBe('<reminder-92094-renewal_escalation-2026-03-15.coordination@cdce>');
  });

  it('retries with backoff while SMTP is down, marks the message failed after the last attempt, and retry() sends it', async () => {
    const port = smtp.port;
    await smtp.stop();
    await recordReminder();
    await mailer.consumer.catchUp();

    expect(await mailer.delivery.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const first = mailer.outbox.get(REMINDER_ID)!;
    expect(first).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: '2026-02-02T08:01:00.000Z' });
    expect(first.lastError).toMatch(/ECONNREFUSED/);

    // Not due yet: nothing is attempted.
    fixture.clock.advance(59_000);
    expect(await mailer.delivery.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

    fixture.clock.advance(1_000);
    expect(await mailer.delivery.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(mailer.outbox.get(REMINDER_ID)).toMatchObject({ attempts: 2, nextAttemptAt: '2026-02-02T08:06:00.000Z' });

    fixture.clock.advance(5 * 60_000);
    expect(await mailer.delivery.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(mailer.outbox.failed().map((m) => [m.id, m.attempts])).toEqual([[REMINDER_ID, 3]]);
    fixture.clock.advance(24 * 3_600_000);
    expect(await mailer.delivery.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

    await smtp.start(port);
    mailer.outbox.retry(REMINDER_ID, fixture.clock.now());
    expect(await mailer.delivery.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await smtp.waitFor(3)).toHaveLength(3);
    expect(mailer.outbox.get(REMINDER_ID)).toMatchObject({ status: 'sent', lastError: null });
  });

  it('writes only to the recipients not reached yet when an attempt partly failed', async () => {
    await recordReminder();
    await mailer.consumer.catchUp();
    // Bart was reached by an earlier attempt that crashed before finishing.
    mailer.outbox.recordDelivery(REMINDER_ID, 'person-bart', `<${REMINDER_ID}.person-bart@cdce>`, fixture.clock.now());
    await mailer.delivery.deliverDue();
    expect((await smtp.waitFor(2)).map((m) => m.envelopeTo[0]).sort()).toEqual([
      'anne@namur.example',
      'claudia@namur.example',
    ]);
  });

  it('delays, never loses, a mail when the worker dies between recording and mailing', async () => {
    await recordReminder();
    await mailer.consumer.catchUp();
    // The worker claims the message, then dies before sending anything.
    expect(mailer.outbox.claimDue(fixture.clock.now(), 10, 10 * 60_000)).toHaveLength(1);
    await mailer.stop();

    mailer = openMailer();
    expect(await mailer.delivery.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    fixture.clock.advance(10 * 60_000);
    expect(await mailer.delivery.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await smtp.waitFor(3)).toHaveLength(3);
    expect(mailer.outbox.get(REMINDER_ID)!.attempts).toBe(2);
  });

  it('catches up on start with what was recorded while it was down, then mails live events in the background', async () => {
    await recordReminder();
    await mailer.start();
    await smtp.waitFor(3);
    await recordReminder('copil_inactive', 'reminder-92094-copil_inactive-2026-03-15');
    const mails = await smtp.waitFor(6);
    expect(
      mails
        .slice(3)
        .map((m) => m.parsed.messageId)
        .sort(),
    ).toEqual([
      '<reminder-92094-copil_inactive-2026-03-15.person-anne@cdce>',
      '<reminder-92094-copil_inactive-2026-03-15.person-bart@cdce>',
      '<reminder-92094-copil_inactive-2026-03-15.person-claudia@cdce>',
    ]);
  });

  it('keeps a reminder for a commune without any contact as failed work, visible, instead of dropping it', async () => {
    await fixture.commune('25112', 'OpenCandidacy', { nis: '25112' });
    await fixture.commune('25112', 'RecordReminderSent', {
      reminderId: 'reminder-25112-x',
      kind: 'candidacy_idle',
      dueOn: '2026-03-15',
    });
    await mailer.consumer.catchUp();
    expect(await mailer.delivery.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(mailer.outbox.get('reminder-25112-x')!.lastError).toMatch(/No one to write to/);
  });
});
