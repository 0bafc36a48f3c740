import type { DomainEvent, RecordedEvent } from '../../event';
import type { FoldableEvent } from '../../event-store.port';

/** What a fold needs of a recorded event: for the stores that read whole events anyway. */
export function foldableOf<E extends DomainEvent>(event: RecordedEvent<E>): FoldableEvent<E> {
  const { type, data, revision } = event;
  return { type, data, revision, recordedAt: event.metadata.recordedAt } as FoldableEvent<E>;
}
