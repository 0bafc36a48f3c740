import type { RecordedCommands } from './recorded-commands';

/** What a stream looked like after folding its events up to `revision`. */
export interface CachedStream<State> {
  readonly revision: bigint;
  readonly position: bigint;
  readonly state: State;
  /**
   * The commands recorded on the stream, so that a repeated command is recognised without a full read; shared with
   * the stream's later folds: look up with `revision` (`commands.find(id, revision)`).
   */
  readonly commands: RecordedCommands;
}

/**
 * Folded states of recently used streams, least recently used evicted first.
 *
 * Streams are append-only, so a cached fold can only be behind, never wrong: `handleCommand` reads just the events
 * after the cached revision (usually none) instead of the whole stream. One cache belongs to one event store.
 */
export class StreamStateCache<State> {
  private readonly entries = new Map<string, CachedStream<State>>();

  constructor(private readonly capacity = 2000) {}

  get(streamId: string): CachedStream<State> | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  set(streamId: string, entry: CachedStream<State>): void {
    const current = this.entries.get(streamId);
    if (current && current.revision > entry.revision) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
