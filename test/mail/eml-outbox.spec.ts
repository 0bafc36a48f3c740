import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTransport, EmlFileTransport, Mailer, mailConfigFrom } from '@cdce/mail';
import { simpleParser } from 'mailparser';
import { MailFixture } from './support/mail-fixture';

/* Without SMTP_URL the outbox writes `.eml` files under <dataDir>/outbox/: the embedded default. */

describe('Outbox to .eml files', () => {
  let fixture: MailFixture;
  let mailer: Mailer;

  beforeEach(async () => {
    fixture = new MailFixture();
    await fixture.communeWithCopil('92094', [
      { personId: 'person-anne', fullName: 'Anne Dupont', email: 'anne@namur.example', language: 'fr' },
    ]);
    mailer = new Mailer({
      store: fixture.store,
      people: fixture.people,
      clock: fixture.clock,
      config: mailConfigFrom(
        { dataDir: fixture.dir },
        { CDCE_COORDINATION_EMAIL: 'cdce@oxfammagasinsdumonde.example' },
      ),
    });
  });
  afterEach(async () => {
    await mailer.stop();
    await fixture.close();
  });

  const folder = () => path.join(fixture.dir, 'outbox');

  it('picks the .eml transport when no SMTP URL is configured, SMTP otherwise', () => {
    expect(mailer.transport.kind).toBe('eml');
    expect(createTransport({ dataDir: fixture.dir, smtpUrl: 'smtp://127.0.0.1:2525' }).kind).toBe('smtp');
  });

  it('writes one complete, parseable file per recipient, named after the Message-ID, and no temporary file', async () => {
    await fixture.commune('92094', 'RecordReminderSent', {
      reminderId: 'reminder-92094-fair_o_meter_due-2026-03-15',
      kind: 'fair_o_meter_due',
      dueOn: '2026-03-15',
    });
    await mailer.consumer.catchUp();
    await mailer.delivery.deliverDue();
    expect(fs.readdirSync(folder())).toEqual(['reminder-92094-fair_o_meter_due-2026-03-15.person-anne@cdce.eml']);
    const mail = await simpleParser(fs.readFileSync(path.join(folder(), fs.readdirSync(folder())[0]!)));
    expect(mail.subject).toBe('Rappel : le Fair-ô-mètre de votre commune est attendu pour le 15 mars 2026');
    expect(mail.from?.value).toEqual([{ name: 'Coordination CDCE', address: 'cdce@oxfammagasinsdumonde.example' }]);
    expect(mail.to).toMatchObject({ value: [{ address: 'anne@namur.example', name: 'Anne Dupont' }] });
    expect(mail.messageId).toBe('<reminder-92094-fair_o_meter_due-2026-03-15.person-anne@cdce>');
  });

  it('does not mail events recorded longer ago than the maximum age (a new outbox must not mail the history again)', async () => {
    await fixture.commune('92094', 'RecordReminderSent', {
      reminderId: 'reminder-92094-fair_o_meter_due-2026-03-15',
      kind: 'fair_o_meter_due',
      dueOn: '2026-03-15',
    });
    // The events are stamped by the store's own clock (now); the outbox reads them 8 days later.
    fixture.clock.set(new Date(Date.now() + 8 * 86_400_000));
    const late = new Mailer({
      store: fixture.store,
      people: fixture.people,
      clock: fixture.clock,
      config: mailConfigFrom({ dataDir: path.join(fixture.dir, 'late') }, { CDCE_MAIL_MAX_AGE_DAYS: '7' }),
    });
    try {
      expect(await late.consumer.catchUp()).toBe(0);
      expect(late.outbox.checkpoint()).toBe(await fixture.store.headPosition());
    } finally {
      await late.stop();
    }
  });

  it('replaces the file when the same mail is delivered again, instead of adding a duplicate', async () => {
    const transport = new EmlFileTransport(folder());
    const mail = {
      messageId: '<r-1.person-anne@cdce>',
      from: 'Coordination CDCE <coordination@cdce.example>',
      to: { address: 'anne@namur.example' },
      language: 'fr' as const,
      subject: 'Rappel',
      text: 'Bonjour\n',
    };
    await transport.send(mail);
    await transport.send({ ...mail, text: 'Bonjour encore\n' });
    await transport.close();
    expect(fs.readdirSync(folder())).toEqual(['r-1.person-anne@cdce.eml']);
    expect((await simpleParser(fs.readFileSync(path.join(folder(), 'r-1.person-anne@cdce.eml')))).text).toBe(
      'Bonjour encore\n',
    );
  });
});
