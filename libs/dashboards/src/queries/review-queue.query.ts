import {
  brusselsDate,
  type CommuneDirectoryDoc,
  type CriteriaChecklist,
  type FairOMeterBlocks,
  type Grade,
} from '@cdce/communes';
import type { SqliteReadModelStore } from '@cdce/projections';
import type { MunicipalityRegistry } from '@cdce/reference';
import { nameOf } from './dashboard.query';
import { daysBetween } from './days';
import { DIRECTORY_TABLE, ensureDirectoryIndexes, INDEX, IN_REVIEW, SUBMITTED_AT } from './directory-indexes';

export interface ReviewQueueItem {
  readonly nis: string;
  readonly name: string;
  /** A first title (dossier) or a renewal (Fair-ô-mètre). */
  readonly kind: 'candidacy' | 'renewal';
  readonly status: 'under_review' | 'renewal_under_review';
  readonly submittedAt: string;
  /** Null until a reviewer starts the review (candidacy) or scores the Fair-ô-mètre (renewal). */
  readonly reviewerId: string | null;
  /** Days since submission, in Belgian calendar days. */
  readonly daysWaiting: number;
  readonly revision: string;
  /** Candidacy only: the checklist recorded at submission, against `criteriaSetId`. */
  readonly dossier: {
    readonly number: number;
    readonly criteriaSetId: string;
    readonly checklist: CriteriaChecklist;
    readonly unmet: number;
    readonly acknowledgedIncomplete: boolean;
  } | null;
  /** Renewal only: the Fair-ô-mètre to score. */
  readonly fairOMeter: {
    readonly edition: string;
    readonly total: number;
    readonly blocks: FairOMeterBlocks;
    readonly grade: Grade | null;
  } | null;
}

export interface ReviewQueuePage {
  readonly limit?: number;
  readonly offset?: number;
}

export const REVIEW_QUEUE_MAX_LIMIT = 500;

/**
 * Dossiers awaiting a decision, oldest first (the one waiting longest is the next to review), a page at a time:
 * ordered and counted on an index, so only the documents of the page are read.
 */
export function reviewQueue(
  readModels: SqliteReadModelStore,
  registry: MunicipalityRegistry,
  now: Date,
  page: ReviewQueuePage = {},
): { total: number; items: ReviewQueueItem[] } {
  ensureDirectoryIndexes(readModels);
  const limit = Math.min(Math.max(1, page.limit ?? 100), REVIEW_QUEUE_MAX_LIMIT);
  const { db } = readModels;
  const total = db.prepare(`SELECT count(*) FROM ${DIRECTORY_TABLE} WHERE ${IN_REVIEW}`).pluck().get() as number;
  const docs = db
    .prepare(
      `SELECT doc FROM ${DIRECTORY_TABLE} INDEXED BY ${INDEX.reviewQueue} WHERE ${IN_REVIEW}
       ORDER BY ${SUBMITTED_AT}, id LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(limit, Math.max(0, page.offset ?? 0)) as string[];
  const today = brusselsDate(now.toISOString());
  const items = docs
    .map((json) => toItem(JSON.parse(json) as CommuneDirectoryDoc, registry, today))
    .filter((item): item is ReviewQueueItem => item !== null);
  return { total, items };
}

function toItem(doc: CommuneDirectoryDoc, registry: MunicipalityRegistry, today: string): ReviewQueueItem | null {
  const { state } = doc;
  const base = { nis: doc.nis, name: nameOf(registry, doc.nis), revision: doc.revision };
  if (state.status === 'under_review') {
    const { dossier } = state;
    return {
      ...base,
      kind: 'candidacy',
      status: state.status,
      submittedAt: dossier.submittedAt,
      reviewerId: state.review?.reviewerId ?? null,
      daysWaiting: daysBetween(brusselsDate(dossier.submittedAt), today),
      dossier: {
        number: dossier.number,
        criteriaSetId: dossier.criteriaSetId,
        checklist: dossier.checklist,
        unmet: dossier.checklist.filter((check) => !check.met).length,
        acknowledgedIncomplete: dossier.acknowledgedIncomplete,
      },
      fairOMeter: null,
    };
  }
  if (state.status === 'renewal_under_review') {
    const { fairOMeter } = state;
    return {
      ...base,
      kind: 'renewal',
      status: state.status,
      submittedAt: fairOMeter.submittedAt,
      reviewerId: fairOMeter.score?.reviewerId ?? null,
      daysWaiting: daysBetween(brusselsDate(fairOMeter.submittedAt), today),
      dossier: null,
      fairOMeter: {
        edition: fairOMeter.edition,
        total: fairOMeter.total,
        blocks: fairOMeter.blocks,
        grade: fairOMeter.score?.grade ?? null,
      },
    };
  }
  return null;
}
