import * as fs from 'node:fs';
import * as path from 'node:path';
import { simpleParser } from 'mailparser';
import { addDays } from '@cdce/communes';
import { JobsRuntime } from '@cdce/jobs';
import { brusselsDay, InProcessReminderScheduler, REMINDER_SCHEDULER } from '@cdce/reminders';
import { type EmbeddedApi, eventually, startEmbeddedApi, titledHistory, titleEndWithDueNotice } from './worker-harness';

const NAMUR = '92094';
const LIEGE = '62063';
const ANNE = '0b9f3a52-6c1d-4e2f-9a8b-7c6d5e4f3a21';

/**
 * `npm start` as one process: the API and its embedded worker (in-process executor, .eml outbox) on a temp folder.
 * The executor runs on real time, so the commune's title is laid out around today.
 */
describe('API with the embedded worker (in-process executor, .eml outbox)', () => {
  let api: EmbeddedApi;
  let coordination: string;
  let copil: string;
  let auditor: string;
  const outbox = () => path.join(api.dataDir, 'outbox');
  const emls = () => (fs.existsSync(outbox()) ? fs.readdirSync(outbox()).filter((f) => f.endsWith('.eml')) : []);

  beforeAll(async () => {
    api = await startEmbeddedApi({ env: { CDCE_WEBINAR_PROGRAMME_AT_START: 'off' } });
    coordination = await api.token('coordination');
    copil = await api.token('copil', [NAMUR]);
    auditor = await api.token('auditor');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('runs the worker in the API process on the in-process executor', () => {
    expect(api.app.get(JobsRuntime).isRunning).toBe(true);
    expect(api.app.get(REMINDER_SCHEDULER)).toBeInstanceOf(InProcessReminderScheduler);
  });

  it('records the 30-day renewal notice of a titled commune in its history and mails its COPIL in French', async () => {
    const person = {
      personId: ANNE,
      fullName: 'Anne Dupont',
      email: 'anne@namur.example',
      language: 'fr',
    };
    expect((await api.request('POST', `/api/communes/${NAMUR}/people`, { token: copil, body: person })).status).toBe(
      201,
    );
    const now = api.clock.now();
    const today = brusselsDay(now);
    const validUntil = titleEndWithDueNotice(now);
    await api.append(NAMUR, ...titledHistory(NAMUR, ANNE, addDays(today, -700), validUntil, today));

    // Log → worker projector → deadlines → executor → job → ReminderSent (through the command bus) → outbox → .eml.
    const sent = await eventually(
      async () => {
        const history = await api.request('GET', `/api/communes/${NAMUR}/history`, { token: auditor });
        expect(history.status).toBe(200);
        return history.body.events.find((e: { type: string }) => e.type === 'ReminderSent');
      },
      15_000,
      'ReminderSent in the commune history',
    );
    expect(sent.data).toMatchObject({ kind: 'renewal_due_in_30d', dueOn: validUntil });
    expect(sent.metadata.actor).toEqual({ id: 'reminders', role: 'system' });

    const file = await eventually(
      async () => emls().find((f) => f.startsWith(sent.data.reminderId)),
      10_000,
      'the .eml',
    );
    expect(file).toBe(`${sent.data.reminderId}.${ANNE}@cdce.eml`);
    const mail = await simpleParser(fs.readFileSync(path.join(outbox(), file)));
    expect(mail.subject).toMatch(/^Rappel : le titre Commune du Commerce Équitable .* arrive à échéance le /);
    expect(mail.to).toMatchObject({ value: [{ address: 'anne@namur.example', name: 'Anne Dupont' }] });
    expect(mail.text).toContain('Bonjour');

    // Only the latest notice of the series went out; nothing is sent twice on the next reconcile.
    await api.app.get(JobsRuntime).projector.waitFor(await api.store.headPosition(), 3000);
    const history = await api.request('GET', `/api/communes/${NAMUR}/history`, { token: auditor });
    expect(history.body.events.filter((e: { type: string }) => e.type === 'ReminderSent')).toHaveLength(1);
  });

  it('schedules a webinar over HTTP and sends its invitations with an .ics to the invited communes', async () => {
    await api.append(
      LIEGE,
      ...titledHistory(LIEGE, 'p-no-contact', '2026-01-05', '2028-01-04', brusselsDay(api.clock.now())),
    );
    const startsAt = new Date(api.clock.now().getTime() + 10 * 24 * 3600_000).toISOString();
    const scheduled = await api.request('POST', '/api/webinars', {
      token: coordination,
      body: { theme: 'Le COPIL et son fonctionnement', startsAt },
    });
    expect(scheduled.status).toBe(200);
    const webinarId = scheduled.body.webinarId as string;
    expect(scheduled.body).toMatchObject({ status: 'scheduled', revision: '0', alreadyHandled: false });
    expect(scheduled.headers.etag).toBe('"0"');

    // The communes to invite come from the directory, not from the client.
    await eventually(
      async () => {
        const invited = await api.request('POST', `/api/webinars/${webinarId}/invitations`, { token: coordination });
        expect(invited.status).toBe(200);
        return invited.body.events.length > 0 && invited.body;
      },
      5000,
      'the commune directory to list both communes',
    );
    const webinar = await api.request('GET', '/api/webinars', { token: coordination });
    expect(webinar.body).toEqual([
      expect.objectContaining({ webinarId, theme: 'Le COPIL et son fonctionnement', invited: [LIEGE, NAMUR] }),
    ]);

    const file = await eventually(
      async () =>
        emls().find((f) => f.startsWith(`webinar-${webinarId}.invitation-`) && f.endsWith(`.${ANNE}@cdce.eml`)),
      10_000,
      'the invitation .eml',
    );
    const mail = await simpleParser(fs.readFileSync(path.join(outbox(), file)));
    expect(mail.subject).toContain('Le COPIL et son fonctionnement');
    const ics = mail.attachments.find((a) => a.filename === 'invitation.ics');
    expect(ics?.content.toString()).toMatch(
      /BEGIN:VCALENDAR[\s\S]*METHOD:REQUEST[\s\S]*SUMMARY:.*Le COPIL et son fonctionnement/,
    );

    // Sending again invites nobody twice.
    const again = await api.request('POST', `/api/webinars/${webinarId}/invitations`, { token: coordination });
    expect(again.body.events).toEqual([]);
  });

  it('lets a COPIL register a person of its own commune and see the upcoming webinars', async () => {
    const [webinar] = (await api.request('GET', '/api/webinars', { token: copil })).body;
    const url = `/api/webinars/${webinar.webinarId}/communes/${NAMUR}/registrations`;
    expect((await api.request('POST', url, { token: copil, body: { personId: ANNE } })).status).toBe(200);
    const other = await api.request('POST', `/api/webinars/${webinar.webinarId}/communes/${LIEGE}/registrations`, {
      token: copil,
      body: { personId: ANNE },
    });
    expect(other.status).toBe(403);
    const stranger = await api.request('POST', url, { token: copil, body: { personId: 'p-no-contact' } });
    expect(stranger.status).toBe(404);
    const [seen] = (await api.request('GET', '/api/webinars', { token: copil })).body;
    expect(seen).toMatchObject({
      invited: [NAMUR],
      registrations: [expect.objectContaining({ nis: NAMUR, personId: ANNE })],
    });
    // Scheduling and attendance belong to the coordination.
    expect(
      (await api.request('POST', '/api/webinars', { token: copil, body: { theme: 'x', startsAt: webinar.startsAt } }))
        .status,
    ).toBe(403);
    const early = await api.request('POST', `/api/webinars/${webinar.webinarId}/attendance`, {
      token: coordination,
      body: { nis: NAMUR, personIds: [ANNE] },
    });
    expect(early).toMatchObject({ status: 422, body: { code: 'WEBINAR_NOT_STARTED' } });
  });

  it('shows the queue dashboard to the coordination only', async () => {
    const page = await api.request('GET', '/admin/queues', { token: coordination });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Files de tâches');
    expect(page.body).toContain('Exécuteur in-process');
    expect(page.body).toContain('webinar-programme');
    expect((await api.request('GET', '/admin/queues', { token: copil })).status).toBe(403);
    expect((await api.request('GET', '/admin/queues')).status).toBe(401);

    const json = await api.request('GET', '/api/admin/queues', { token: coordination });
    expect(json.body).toMatchObject({ mode: 'in-process', queues: [], worker: { executor: 'in-process' } });
    const mails = await api.request('GET', '/api/admin/outbox', { token: coordination });
    expect(mails.status).toBe(200);
    expect(mails.body).toMatchObject({ transport: 'eml', counts: { sent: 2, failed: 0 } });
    expect((await api.request('GET', '/api/admin/outbox', { token: copil })).status).toBe(403);
    const retry = await api.request('POST', `/api/admin/outbox/${mails.body.messages[0].id}/retry`, {
      token: coordination,
    });
    expect(retry).toMatchObject({ status: 409, body: { code: 'OUTBOX_MESSAGE_ALREADY_SENT' } });
    expect(retry.body.detail).toBe(`Outbox message ${mails.body.messages[0].id} was already sent; nothing to retry.`);
    const mistyped = await api.request('GET', '/api/admin/outbox?status=faild', { token: coordination });
    expect(mistyped).toMatchObject({ status: 400, body: { code: 'INVALID_REQUEST' } });
    expect(JSON.stringify(mistyped.body)).toContain('use one of pending, sending, sent, failed');
    const failedOnly = await api.request('GET', '/api/admin/outbox?status=failed', { token: coordination });
    expect(failedOnly.body.messages).toEqual([]);
    expect((await api.request('POST', '/api/admin/outbox/nope/retry', { token: coordination })).status).toBe(404);
  });

  it('shuts the API and its worker down cleanly', async () => {
    const runtime = api.app.get(JobsRuntime);
    const started = Date.now();
    await api.close();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(runtime.isRunning).toBe(false);
    api = undefined as unknown as EmbeddedApi;
  });
});
