import { Test } from '@nestjs/testing';
import { CqrsModule, CommandBus } from '@nestjs/cqrs';
import type { INestApplicationContext } from '@nestjs/common';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { communeDirectoryProjection } from '@cdce/communes';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { loadConfig, ManualClock, PlatformModule } from '@cdce/platform';
import { Projector, SqliteReadModelStore } from '@cdce/projections';
import { ExecuteWebinarCommand, type WebinarCommandInput, type WebinarCommandResult } from './execute-webinar-command';
import { invitedCommunes, titledCommunes } from './invited-communes';
import { readWebinar } from './read-webinar';
import { WebinarCalendar } from './webinar-calendar';
import { webinarCalendarProjection } from './webinar-calendar.projection';
import { WebinarsModule } from './webinars.module';

/** The webinar commands on a real command bus and a real SQLite store, and the read model the API and worker share. */
describe('Webinar commands on the command bus', () => {
  let app: INestApplicationContext;
  let store: EventStore;
  let readModels: SqliteReadModelStore;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00.000Z'));
  const actor = { id: 'coordination-1', role: 'coordination' };
  const send = (webinarId: string, input: WebinarCommandInput, commandId: string) =>
    app
      .get(CommandBus)
      .execute<ExecuteWebinarCommand, WebinarCommandResult>(
        new ExecuteWebinarCommand(webinarId, input, { actor, commandId, correlationId: commandId }),
      );
  const commune = async (nis: string, type: string, data: object) => {
    const id = `${nis}-${type}`;
    await store.appendToStream(`commune-${nis}`, [{ id, type, data }], {
      expectedRevision: 'any',
      context: { actor, commandId: id, correlationId: id, causationId: id },
    });
  };

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'webinars-'));
    const module = await Test.createTestingModule({
      imports: [
        PlatformModule.forRoot(loadConfig({ CDCE_DATA_DIR: dir }, []), { clock }),
        CqrsModule.forRoot(),
        WebinarsModule,
      ],
    }).compile();
    app = await module.init();
    store = app.get(EVENT_STORE);
    readModels = SqliteReadModelStore.open(path.join(dir, 'read-models.sqlite'));
  });
  afterAll(async () => {
    readModels.close();
    await app.close();
  });

  it('stamps now, appends to webinar-<id>, and records nothing for a command id already handled', async () => {
    const schedule: WebinarCommandInput = {
      type: 'ScheduleWebinar',
      data: {
        webinarId: '2026-03',
        theme: 'Préparer le Fair-ô-mètre',
        startsAt: '2026-03-10T11:30:00.000Z',
        organiserId: 'c',
      },
    };
    const first = await send('2026-03', schedule, 'programme-2026-03-schedule');
    expect(first).toMatchObject({ alreadyHandled: false, revision: 0n });
    expect(first.events[0]!.data).toMatchObject({
      scheduledAt: '2026-03-02T09:00:00.000Z',
      endsAt: '2026-03-10T13:30:00.000Z',
    });
    expect(await send('2026-03', schedule, 'programme-2026-03-schedule')).toMatchObject({
      alreadyHandled: true,
      revision: 0n,
    });
    await expect(send('2026-03', schedule, 'another-id')).rejects.toMatchObject({ code: 'WEBINAR_ALREADY_SCHEDULED' });
    expect((await readWebinar(store, '2026-03')).state).toMatchObject({
      status: 'scheduled',
      theme: 'Préparer le Fair-ô-mètre',
    });
    expect(await readWebinar(store, 'never')).toEqual({ state: { status: 'unscheduled' }, revision: -1n });
  });

  it('invites the candidates and titled communes of the directory, and the calendar shows attendance', async () => {
    await commune('92094', 'CandidacyOpened', { nis: '92094', candidacy: 1, openedAt: '2026-01-10T10:00:00.000Z' });
    await commune('62063', 'CandidacyOpened', { nis: '62063', candidacy: 1, openedAt: '2023-01-10T10:00:00.000Z' });
    const at = '2023-12-01T10:00:00.000Z';
    await commune('62063', 'DossierSubmitted', {
      dossier: 1,
      criteriaSetId: 'cdce-2022',
      population: 200000,
      checklist: [],
      unmetCriteria: [],
      acknowledgedIncomplete: false,
      submittedAt: at,
    });
    await commune('62063', 'DossierReviewStarted', { dossier: 1, reviewerId: 'r', startedAt: at });
    await commune('62063', 'DossierApproved', { dossier: 1, reviewerId: 'r', approvedAt: at });
    await commune('62063', 'TitleAwarded', { cycle: 1, validFrom: '2024-01-08', validUntil: '2026-01-07' });
    await commune('84016', 'CandidacyOpened', { nis: '84016', candidacy: 1, openedAt: '2026-01-10T10:00:00.000Z' });
    await commune('84016', 'CandidacyAbandoned', { reasons: ['élections'], abandonedAt: '2026-02-10T10:00:00.000Z' });
    const projector = new Projector(store, readModels, [communeDirectoryProjection, webinarCalendarProjection]);
    await projector.catchUp();
    expect(invitedCommunes(readModels)).toEqual(['62063', '92094']);
    expect(titledCommunes(readModels)).toEqual([{ nis: '62063', since: expect.any(String) }]);

    await send(
      '2026-03',
      { type: 'SendInvitations', data: { invitationId: 'i-1', communes: invitedCommunes(readModels) } },
      'invite-1',
    );
    clock.set('2026-03-10T12:00:00.000Z');
    await send(
      '2026-03',
      { type: 'RecordWebinarAttendance', data: { nis: '92094', personIds: ['p-anne'] } },
      'attendance-1',
    );
    await projector.catchUp();
    const calendar = new WebinarCalendar(readModels);
    expect(calendar.get('2026-03')).toMatchObject({ invited: ['62063', '92094'] });
    expect(calendar.attendance()).toEqual([
      {
        data: expect.objectContaining({
          nis: '92094',
          personIds: ['p-anne'],
          webinarStartsAt: '2026-03-10T11:30:00.000Z',
        }),
      },
    ]);
    expect(calendar.upcoming(new Date('2026-03-10T12:00:00.000Z')).map((w) => w.webinarId)).toEqual(['2026-03']);
    expect(calendar.upcoming(new Date('2026-03-10T14:00:00.000Z'))).toEqual([]);
  });
});
