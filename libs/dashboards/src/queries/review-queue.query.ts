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
import { DIRECTORY_TABLE, ensureDirectoryIndexes } from './directory-indexes';

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

/** Dossiers awaiting a decision, oldest first (the one waiting longest is the next to review). */
export function reviewQueue(
  readModels: SqliteReadModelStore,
  registry: MunicipalityRegistry,
  now: Date,
): { total: number; items: ReviewQueueItem[] } {
  ensureDirectoryIndexes(readModels);
  const docs = readModels.db
    .prepare(`SELECT doc FROM ${DIRECTORY_TABLE} WHERE status IN ('under_review', 'renewal_under_review')`)
    .pluck()
    .all() as string[];
  const today = brusselsDate(now.toISOString());
  const items = docs
    .map((json) => toItem(JSON.parse(json) as CommuneDirectoryDoc, registry, today))
    .filter((item): item is ReviewQueueItem => item !== null)
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.nis.localeCompare(b.nis));
  return { total: items.length, items };
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
