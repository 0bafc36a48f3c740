import { COMMUNE_STREAM_PREFIX, communeDecider } from '@cdce/communes';
import type { RecordedEvent } from '@cdce/eventsourcing';
import type { Projection } from '@cdce/projections';
import { remindersOwed } from '../domain/deadline-policy';
import { emptySubject, evolveSubject, type DeadlineSubject } from '../domain/deadline-subject';
import type { Reminder } from '../domain/reminder';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../domain/reminder-policy';

/** One document per commune: what the policy looks at, and every reminder the commune owes (most urgent first). */
export interface DeadlinesDoc {
  readonly nis: string;
  readonly subject: DeadlineSubject;
  readonly reminders: readonly Reminder[];
}

export const DEADLINES_PROJECTION = 'deadlines';

const known = new Set<string>(communeDecider.eventTypes);

/**
 * The deadlines read model over `commune-` streams. The state is folded by the commune decider's own `evolve`, and
 * the reminders are recomputed by the pure policy after each event: due instants, never "is due now" flags, so the
 * projection stays a pure function of the log and a rebuild gives the same rows.
 *
 * Columns `nis`, `due_at` and `kind` describe the commune's next reminder (null when it owes none).
 * Changing the policy changes every document: bump `version` so that the projector rebuilds the table.
 */
export function deadlinesProjection(
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
  version = 1,
): Projection<DeadlinesDoc> {
  return {
    name: DEADLINES_PROJECTION,
    version,
    filter: { streamPrefixes: [COMMUNE_STREAM_PREFIX] },
    documentIdOf: (event) => (known.has(event.type) ? event.streamId.slice(COMMUNE_STREAM_PREFIX.length) : undefined),
    evolve: (doc, event: RecordedEvent) => {
      const nis = event.streamId.slice(COMMUNE_STREAM_PREFIX.length);
      const subject = evolveSubject(doc?.subject ?? emptySubject(nis), event);
      return { nis, subject, reminders: remindersOwed(subject, policy) };
    },
    // The same fold over a commune's events of a batch: the subject folded event by event, the reminders (a function
    // of the subject alone, and the costly part: business days and time zones) derived once, from the last one.
    evolveMany: (doc, events: readonly RecordedEvent[]) => {
      const nis = events[0]!.streamId.slice(COMMUNE_STREAM_PREFIX.length);
      const subject = events.reduce(evolveSubject, doc?.subject ?? emptySubject(nis));
      return { nis, subject, reminders: remindersOwed(subject, policy) };
    },
    columns: {
      nis: { type: 'TEXT', value: (doc) => doc.nis },
      due_at: { type: 'TEXT', value: (doc) => doc.reminders[0]?.dueAt ?? null },
      kind: { type: 'TEXT', value: (doc) => doc.reminders[0]?.kind ?? null },
    },
    indexes: [['due_at'], ['kind']],
  };
}
