import { Mailer, mailConfigFrom } from '@cdce/mail';
import { MailFixture } from '../mail/support/mail-fixture';
import { type ReceivedMail, SmtpTestServer } from '../mail/support/smtp-test-server';

/*
 * A webinar's life as the invited COPILs see it: the invitation, the update after a reschedule and the cancellation
 * arrive over a real SMTP server, each with an iCalendar file of the same UID and a growing SEQUENCE.
 */

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const icsOf = (mail: ReceivedMail) => {
  const attachment = mail.parsed.attachments.find((a) => a.filename?.endsWith('.ics'));
  if (!attachment) throw new Error(`No .ics attachment in ${mail.parsed.subject}`);
  return { attachment, text: unfold(attachment.content.toString('utf8')) };
};

describe('Webinar invitations over SMTP', () => {
  let fixture: MailFixture;
  let smtp: SmtpTestServer;
  let mailer: Mailer;

  beforeEach(async () => {
    fixture = new MailFixture();
    smtp = await new SmtpTestServer().start();
    await fixture.communeWithCopil('92094', [
      { personId: 'person-anne', fullName: 'Anne Dupont', email: 'anne@namur.example', language: 'fr' },
    ]);
    await fixture.communeWithCopil('63023', [
      { personId: 'person-dieter', fullName: 'Dieter Kohn', email: 'dieter@eupen.example', language: 'de' },
    ]);
    mailer = new Mailer({
      store: fixture.store,
      people: fixture.people,
      clock: fixture.clock,
      config: mailConfigFrom({ dataDir: fixture.dir, smtpUrl: smtp.url }, {}),
      renderer: { webinarUrlOf: (id) => `https://visio.cdce.example/${id}` },
    });
  });
  afterEach(async () => {
    await mailer.stop();
    await smtp.stop();
    await fixture.close();
  });

  it('sends the invitation, the update and the cancellation with one UID and a growing SEQUENCE', async () => {
    await fixture.webinar('2026-03', 'ScheduleWebinar', {
      webinarId: '2026-03',
      theme: 'Le COPIL et son fonctionnement',
      startsAt: '2026-03-10T11:30:00.000Z',
      organiserId: 'person-coordination-1',
    });
    await fixture.webinar('2026-03', 'SendInvitations', { invitationId: 'inv-1', communes: ['92094', '63023'] });
    await mailer.consumer.catchUp();
    await mailer.delivery.deliverDue();
    const invitations = await smtp.waitFor(2);
    const anne = invitations.find((m) => m.envelopeTo[0] === 'anne@namur.example')!;
    const dieter = invitations.find((m) => m.envelopeTo[0] === 'dieter@eupen.example')!;
    expect(anne.parsed.subject).toBe(
      'Invitation : webinaire CDCE « Le COPIL et son fonctionnement » le mardi 10 mars 2026 à 12:30',
    );
    expect(dieter.parsed.subject).toBe(
      'Einladung: CDCE-Webinar „Le COPIL et son fonctionnement“ am Dienstag, 10. März 2026 um 12:30',
    );
    expect(anne.parsed.text).toContain('https://visio.cdce.example/2026-03');
    expect(anne.parsed.messageId).toBe('<webinar-2026-03.invitation-inv-1.person-anne@cdce>');
    const invitation = icsOf(anne);
    expect(invitation.attachment.contentType).toBe('application/ics');
    expect(invitation.text).toContain('METHOD:REQUEST');
    expect(invitation.text).toContain('UID:webinar-2026-03@cdce');
    expect(invitation.text).toContain('SEQUENCE:0');
    // Each copy names its own attendee.
    expect(unfold(invitation.text)).toMatch(/ATTENDEE;[^\r\n]*CN="Anne[^"]*":MAILTO:anne@namur\.example/);
    expect(unfold(icsOf(dieter).text)).toMatch(/ATTENDEE;[^\r\n]*MAILTO:dieter@eupen\.example/);
    expect(invitation.text).toContain('DTSTART;TZID=Europe/Brussels:20260310T123000');
    // The text/calendar part that calendar clients act on.
    expect(anne.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);

    await fixture.webinar('2026-03', 'RescheduleWebinar', {
      startsAt: '2026-03-17T11:30:00.000Z',
      reason: 'congé de détente',
    });
    await mailer.consumer.catchUp();
    await mailer.delivery.deliverDue();
    const updates = (await smtp.waitFor(4)).slice(2);
    expect(updates.map((m) => m.envelopeTo[0]).sort()).toEqual(['anne@namur.example', 'dieter@eupen.example']);
    const update = updates.find((m) => m.envelopeTo[0] === 'anne@namur.example')!;
    expect(update.parsed.subject).toBe(
      'Changement d’horaire : webinaire CDCE « Le COPIL et son fonctionnement » déplacé au mardi 17 mars 2026 à 12:30',
    );
    expect(icsOf(update).text).toMatch(
      /METHOD:REQUEST[\s\S]*UID:webinar-2026-03@cdce[\s\S]*SEQUENCE:1[\s\S]*DTSTART;TZID=Europe\/Brussels:20260317T123000/,
    );

    await fixture.webinar('2026-03', 'CancelWebinar', { reason: 'intervenante malade' });
    await mailer.consumer.catchUp();
    await mailer.delivery.deliverDue();
    const cancellations = (await smtp.waitFor(6)).slice(4);
    const cancellation = cancellations.find((m) => m.envelopeTo[0] === 'dieter@eupen.example')!;
    expect(cancellation.parsed.subject).toBe(
      'Absage: CDCE-Webinar „Le COPIL et son fonctionnement“ am Dienstag, 17. März 2026 um 12:30',
    );
    expect(icsOf(cancellation).text).toMatch(
      /METHOD:CANCEL[\s\S]*UID:webinar-2026-03@cdce[\s\S]*SEQUENCE:2[\s\S]*STATUS:CANCELLED/,
    );
    expect(mailer.outbox.list().map((m) => [m.id, m.kind, m.status])).toEqual([
      ['webinar-2026-03.invitation-inv-1', 'webinar_invitation', 'sent'],
      ['webinar-2026-03.update-1', 'webinar_update', 'sent'],
      ['webinar-2026-03.cancel-2', 'webinar_cancellation', 'sent'],
    ]);
  });

  it('sends nothing for the update of a webinar nobody was invited to yet', async () => {
    await fixture.webinar('2026-04', 'ScheduleWebinar', {
      webinarId: '2026-04',
      theme: 'Préparer le Fair-ô-mètre',
      startsAt: '2026-04-14T10:30:00.000Z',
      organiserId: 'person-coordination-1',
    });
    await fixture.webinar('2026-04', 'RescheduleWebinar', { startsAt: '2026-04-21T10:30:00.000Z' });
    await mailer.consumer.catchUp();
    expect(await mailer.delivery.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
  });
});
