import { type EventStore, fold, StreamNotFoundError } from '@cdce/eventsourcing';
import { webinarDecider } from '../domain/webinar.decider';
import type { WebinarEvent } from '../domain/webinar.events';
import type { Webinar } from '../domain/webinar.state';
import { webinarStreamId } from '../domain/webinar-stream';

/** A webinar folded from its stream, with its revision (-1n and `unscheduled` when the stream does not exist). */
export async function readWebinar(store: EventStore, webinarId: string): Promise<{ state: Webinar; revision: bigint }> {
  try {
    const events = await store.readStream<WebinarEvent>(webinarStreamId(webinarId));
    return {
      state: fold(webinarDecider, events as unknown as WebinarEvent[]),
      revision: events.at(-1)?.revision ?? -1n,
    };
  } catch (error) {
    if (error instanceof StreamNotFoundError) return { state: webinarDecider.initialState(), revision: -1n };
    throw error;
  }
}
