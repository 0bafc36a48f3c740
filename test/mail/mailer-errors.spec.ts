import { Mailer, mailConfigFrom } from '@cdce/mail';
import { eventually } from '../../libs/reminders/src/testing/reminder-scheduler.contract';
import { MailFixture } from './support/mail-fixture';

/*
 * What no mail's own state can show — the outbox file failing under the consumer or under a delivery pass — must
 * reach the logs: otherwise mail stops without a word.
 */
describe('Mailer errors outside any one mail', () => {
  let fixture: MailFixture;
  let mailer: Mailer;
  const errors: Array<{ where: string; message: string }> = [];

  beforeEach(async () => {
    fixture = new MailFixture();
    await fixture.commune('92094', 'OpenCandidacy', { nis: '92094' });
    mailer = new Mailer({
      store: fixture.store,
      people: fixture.people,
      clock: fixture.clock,
      config: mailConfigFrom({ dataDir: fixture.dir }, {}),
      delivery: { pollIntervalMs: 20 },
      onError: (error, where) => errors.push({ where, message: (error as Error).message }),
    });
    await mailer.start();
  });
  afterEach(async () => {
    await mailer.stop();
    await fixture.close();
  });

  it('reports the consumer stopping and the delivery passes failing when the outbox file cannot be used', async () => {
    mailer.outbox.db.close();
    await fixture.commune('92094', 'RecordReminderSent', {
      reminderId: 'reminder-92094-candidacy_idle-2026-03-01',
      kind: 'candidacy_idle',
      dueOn: '2026-03-01',
    });
    await eventually(() => errors.some((e) => e.where === 'consumer'), 3000, 'the consumer error');
    await eventually(() => errors.some((e) => e.where === 'delivery'), 3000, 'a delivery error');
    expect(errors.find((e) => e.where === 'consumer')!.message).toMatch(/not open/);
  });
});
