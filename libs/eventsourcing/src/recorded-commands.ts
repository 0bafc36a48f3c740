/** The revisions of the events one command recorded on a stream. */
export interface CommandSpan {
  readonly from: bigint;
  readonly to: bigint;
}

/**
 * Command id → the revisions its events hold on one stream, shared by every fold of that stream.
 *
 * Each entry is a fact about an append-only stream, added once its events were read or appended, so a fold never
 * needs a copy of its own: a fold at revision R sees exactly the entries that end at or before R (a command's events
 * are appended together, so none straddles R). Sharing spares a copy of the whole table per command, which grew with
 * the stream and kept the garbage collector busy.
 */
export class RecordedCommands {
  private readonly spans = new Map<string, CommandSpan>();

  /** Records that the command's events reach `revision` (events are folded in order; replaying one changes nothing). */
  record(commandId: string, revision: bigint): void {
    const known = this.spans.get(commandId);
    if (!known) this.spans.set(commandId, { from: revision, to: revision });
    else if (revision > known.to) this.spans.set(commandId, { from: known.from, to: revision });
  }

  /** Where the command's events are, as a fold at revision `asOf` knows them; undefined if it knows none. */
  find(commandId: string, asOf: bigint): CommandSpan | undefined {
    const span = this.spans.get(commandId);
    return span && span.to <= asOf ? span : undefined;
  }
}
