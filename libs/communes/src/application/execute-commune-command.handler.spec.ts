import { Test } from '@nestjs/testing';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { loadConfig, ManualClock, PlatformModule } from '@cdce/platform';
import { CommunesModule } from './communes.module';
import { type CommandMeta, type CommuneCommandInput, type CommuneCommandResult, ExecuteCommuneCommand } from './execute-commune-command';
import { readCommune, readCommuneHistory } from './read-commune';

/** The application layer against a real SQLite event store: what the handler adds around the pure decider. */
describe('ExecuteCommuneCommandHandler', () => {
  let bus: CommandBus;
  let store: EventStore;
  let close: () => Promise<void>;
  const clock = new ManualClock(new Date('2024-11-01T09:00:00Z'));
  let n = 0;
  const meta = (): CommandMeta => ({
    actor: { id: 'coordination-1', role: 'coordination' },
    commandId: `cmd-${++n}`,
    correlationId: `corr-${n}`,
  });
  const run = (nis: string, input: CommuneCommandInput, m: CommandMeta = meta()) =>
    bus.execute<ExecuteCommuneCommand, CommuneCommandResult>(new ExecuteCommuneCommand(nis, input, m));

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'handler-'));
    const module = await Test.createTestingModule({
      imports: [PlatformModule.forRoot(loadConfig({ CDCE_DATA_DIR: dataDir }, []), { clock }), CqrsModule.forRoot(), CommunesModule],
    }).compile();
    const app = await module.init();
    bus = app.get(CommandBus);
    store = app.get(EVENT_STORE);
    close = () => app.close();
  });
  afterAll(() => close());

  it('stamps now from the clock and the actor into the metadata', async () => {
    const result = await run('92094', { type: 'OpenCandidacy', data: { nis: '92094' } });
    expect(result.events[0]!.data).toMatchObject({ openedAt: '2024-11-01T09:00:00.000Z' });
    expect(result.events[0]!.metadata).toMatchObject({ actor: { id: 'coordination-1', role: 'coordination' }, recordedAt: '2024-11-01T09:00:00.000Z' });
  });

  it('refuses a NIS outside the campaign or unknown, before anything is written', async () => {
    await expect(run('11001', { type: 'OpenCandidacy', data: { nis: '11001' } })).rejects.toMatchObject({ code: 'UNKNOWN_COMMUNE' });
    await expect(run('99999', { type: 'OpenCandidacy', data: { nis: '99999' } })).rejects.toMatchObject({ code: 'UNKNOWN_COMMUNE' });
    expect((await readCommune(store, '11001')).revision).toBe(-1n);
  });

  it('supplies the criteria set in force and the population to a dossier', async () => {
    await run('25005', { type: 'OpenCandidacy', data: { nis: '25005' } });
    const result = await run('25005', { type: 'SubmitDossier', data: { acknowledgeIncomplete: true } });
    expect(result.events[0]!.data).toMatchObject({ criteriaSetId: 'cdce-2022', population: expect.any(Number) });
    expect((result.events[0]!.data as { population: number }).population).toBeGreaterThan(1000);
  });

  it('appends nothing when the same command id comes again', async () => {
    const m = meta();
    await run('52011', { type: 'OpenCandidacy', data: { nis: '52011' } }, m);
    const again = await run('52011', { type: 'OpenCandidacy', data: { nis: '52011' } }, m);
    expect(again.alreadyHandled).toBe(true);
    expect((await readCommuneHistory(store, '52011')).events).toHaveLength(1);
  });

  it('reports a stale expected revision as a conflict carrying the current revision', async () => {
    await run('57081', { type: 'OpenCandidacy', data: { nis: '57081' } });
    await expect(
      run('57081', { type: 'AbandonCandidacy', data: {} }, { ...meta(), expectedRevision: 5n }),
    ).rejects.toMatchObject({ code: 'WRONG_EXPECTED_REVISION', actual: 0n });
  });

  it('records a merger on both streams, and completes the successor once even when the merger is retried', async () => {
    await run('82005', { type: 'OpenCandidacy', data: { nis: '82005' } });
    const m = meta();
    const merge: CommuneCommandInput = { type: 'MergeInto', data: { nis: '82005', successorNis: '82039', effectiveOn: '2024-12-02' } };
    await run('82005', merge, m);
    await run('82005', merge, m);
    const successor = await readCommuneHistory(store, '82039');
    expect(successor.events.map((e) => e.type)).toEqual(['PredecessorMerged']);
    expect(successor.events[0]!.data).toMatchObject({ predecessorNis: '82005', predecessorStatus: 'candidate' });
    expect((await readCommune(store, '82005')).state.status).toBe('merged');
  });

  it('refuses a merger into a commune outside the campaign', async () => {
    await run('82003', { type: 'OpenCandidacy', data: { nis: '82003' } });
    await expect(
      run('82003', { type: 'MergeInto', data: { nis: '82003', successorNis: '11001', effectiveOn: '2024-12-02' } }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_COMMUNE' });
  });

  it('asks the population of the time for a dossier of a commune dissolved since, and uses the registry otherwise', async () => {
    // 82003 Bastogne (dissolved 2024-12-02) is a candidate since the merger test above was refused.
    await expect(run('82003', { type: 'SubmitDossier', data: { acknowledgeIncomplete: true } })).rejects.toMatchObject({
      code: 'POPULATION_UNKNOWN',
    });
    const submitted = await run('82003', { type: 'SubmitDossier', data: { acknowledgeIncomplete: true, population: 16077 } });
    expect(submitted.events[0]!.data).toMatchObject({ population: 16077 });
    await run('93010', { type: 'OpenCandidacy', data: { nis: '93010' } });
    const current = await run('93010', { type: 'SubmitDossier', data: { acknowledgeIncomplete: true, population: 5 } });
    expect((current.events[0]!.data as { population: number }).population).not.toBe(5);
  });

  it("looks up the sponsor's status in the sponsor's own stream", async () => {
    const titled = async (nis: string) => {
      await run(nis, { type: 'OpenCandidacy', data: { nis } });
      await run(nis, { type: 'SubmitDossier', data: { acknowledgeIncomplete: true } });
      await run(nis, { type: 'StartReview', data: { reviewerId: 'reviewer-1' } });
      await run(nis, { type: 'ApproveDossier', data: {} });
    };
    await titled('63023');
    await run('63023', { type: 'RaiseMomentumAlert', data: { alertId: 'a-1', reasons: ['copil_inactive'] } });
    await run('63023', { type: 'OpenSupportPlan', data: { difficulties: ['COPIL vieillissant'], plannedActions: ['recrutement'] } });
    await expect(run('63023', { type: 'AssignSponsor', data: { sponsorNis: '92094' } })).rejects.toMatchObject({
      code: 'SPONSOR_NOT_TITLED',
    });
    await titled('62063');
    const assigned = await run('63023', { type: 'AssignSponsor', data: { sponsorNis: '62063' } });
    expect(assigned.events.map((e) => e.type)).toEqual(['SponsorAssigned']);
  });
});
