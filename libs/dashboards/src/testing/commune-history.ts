import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CDCE_2022,
  communeDirectoryProjection,
  communeStreamId,
  type CommuneEvent,
  EMPTY_EVIDENCE,
  evaluateCriteria,
  type MomentumReason,
  type PartnerKind,
} from '@cdce/communes';
import { type EventStore, type RecordedEvent, SqliteEventStore } from '@cdce/eventsourcing';
import { type Projection, Projector, SqliteReadModelStore } from '@cdce/projections';
import { DASHBOARD_PROJECTIONS } from '../index';

/*
 * Test support: commune histories written as the decider would write them, appended to a real SQLite store at
 * chosen instants, and projected into a real read-model file.
 */

type E = Omit<CommuneEvent, 'data'> & { data: object };

export const ev = {
  opened: (nis: string, at: string, candidacy = 1): E => ({
    type: 'CandidacyOpened',
    data: { nis, candidacy, openedAt: at },
  }),
  partner: (partnerId: string, kind: PartnerKind, products = ['café', 'thé']): E => ({
    type: 'PartnerRegistered',
    data: { partnerId, kind, fairTradeProducts: products, registeredOn: '2025-01-15' },
  }),
  partnerWithdrawn: (partnerId: string): E => ({
    type: 'PartnerWithdrawn',
    data: { partnerId, withdrawnOn: '2025-02-01', reason: null },
  }),
  submitted: (at: string, dossier = 1, population = 10_000): E => {
    const checklist = evaluateCriteria(EMPTY_EVIDENCE, CDCE_2022, population);
    return {
      type: 'DossierSubmitted',
      data: {
        dossier,
        criteriaSetId: CDCE_2022.id,
        population,
        checklist,
        unmetCriteria: checklist.filter((c) => !c.met).map((c) => c.criterion),
        acknowledgedIncomplete: true,
        submittedAt: at,
      },
    };
  },
  reviewStarted: (reviewerId: string, at: string, dossier = 1): E => ({
    type: 'DossierReviewStarted',
    data: { dossier, reviewerId, startedAt: at },
  }),
  approved: (at: string, dossier = 1): E => ({
    type: 'DossierApproved',
    data: { dossier, reviewerId: 'rev', approvedAt: at },
  }),
  awarded: (validFrom: string, validUntil: string, cycle = 1): E => ({
    type: 'TitleAwarded',
    data: { cycle, validFrom, validUntil },
  }),
  fomSubmitted: (at: string, edition = '2026', total = 70): E => ({
    type: 'FairOMeterSubmitted',
    data: {
      edition,
      blocks: { communalPolicy: 20, communication: 20, events: 15, steeringCommittee: 15 },
      figures: { volunteers: 10, events: 3, products: 12 },
      total,
      submittedAt: at,
    },
  }),
  scored: (at: string, edition = '2026', reviewerId = 'rev'): E => ({
    type: 'FairOMeterScored',
    data: { edition, total: 70, grade: 'B', suggestedGrade: 'B', reviewerId, scoredAt: at },
  }),
  renewed: (at: string, validFrom: string, validUntil: string, cycle = 2): E => ({
    type: 'TitleRenewed',
    data: { cycle, validFrom, validUntil, edition: '2026', grade: 'B', renewedAt: at },
  }),
  alert: (at: string, reasons: MomentumReason[], alertId = `alert-${at}`): E => ({
    type: 'MomentumAlertRaised',
    data: { alertId, reasons, note: null, raisedAt: at },
  }),
  supportPlan: (at: string): E => ({
    type: 'SupportPlanOpened',
    data: { difficulties: ['x'], plannedActions: ['y'], openedAt: at },
  }),
  sponsor: (sponsorNis: string, at: string): E => ({ type: 'SponsorAssigned', data: { sponsorNis, assignedAt: at } }),
  lapsed: (at: string, cycle = 1, validUntil = '2025-01-01'): E => ({
    type: 'TitleLapsed',
    data: { cycle, validUntil, reasons: ['not renewed'], lapsedAt: at },
  }),
  withdrawn: (at: string, cycle = 1): E => ({
    type: 'TitleWithdrawn',
    data: { cycle, reasons: ['x'], withdrawnAt: at },
  }),
  relinquished: (at: string, cycle = 1): E => ({
    type: 'TitleRelinquished',
    data: { cycle, reasons: ['x'], relinquishedAt: at },
  }),
};

let sequence = 0;

/** A RecordedEvent for pure projection specs. */
export function recorded(
  nis: string,
  event: E,
  position: number,
  at = '2026-01-01T10:00:00.000Z',
  role = 'coordination',
): RecordedEvent {
  return {
    streamId: communeStreamId(nis),
    id: `event-${position}`,
    type: event.type,
    data: event.data,
    revision: BigInt(position),
    position: BigInt(position),
    metadata: {
      actor: { id: `actor-${role}`, role },
      commandId: `c-${position}`,
      correlationId: `c-${position}`,
      causationId: `c-${position}`,
      recordedAt: at,
      hash: 'h',
    },
  };
}

/** A real event store and read-model file in a fresh folder; `at` sets the store's clock for the next appends. */
export class TestLog {
  readonly dir: string;
  readonly store: SqliteEventStore;
  readonly readModels: SqliteReadModelStore;
  private now = new Date('2026-01-01T10:00:00.000Z');

  constructor() {
    this.dir = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'dashboards-'));
    this.store = SqliteEventStore.open({ path: path.join(this.dir, 'events.sqlite'), clock: () => this.now });
    this.readModels = SqliteReadModelStore.open(path.join(this.dir, 'read-models.sqlite'));
  }

  async append(nis: string, at: string, role: string, ...events: E[]): Promise<bigint> {
    this.now = new Date(at);
    const result = await this.store.appendToStream(
      communeStreamId(nis),
      events.map((event) => ({ id: `e-${++sequence}`, type: event.type, data: event.data })),
      {
        expectedRevision: 'any',
        context: {
          actor: { id: `actor-${role}`, role },
          commandId: `c-${sequence}`,
          correlationId: 'c',
          causationId: 'c',
        },
      },
    );
    return result.position;
  }

  async project(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- projections of different document types
    projections: readonly Projection<any>[] = [communeDirectoryProjection, ...DASHBOARD_PROJECTIONS],
  ): Promise<void> {
    await new Projector(this.store as EventStore, this.readModels, projections).catchUp();
  }

  async close(): Promise<void> {
    this.readModels.close();
    await this.store.close();
  }
}
