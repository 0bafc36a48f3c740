import type { RecordedEvent } from '@cdce/eventsourcing';
import type { Projection } from '@cdce/projections';
import { webinarDecider } from '../domain/webinar.decider';
import type { WebinarEvent } from '../domain/webinar.events';
import type { Webinar } from '../domain/webinar.state';
import { WEBINAR_STREAM_PREFIX } from '../domain/webinar-stream';

/** One row per webinar: its whole state, folded with the decider's own `evolve`. */
export interface WebinarCalendarDoc {
  readonly webinarId: string;
  readonly revision: string;
  readonly state: Webinar;
}

export const WEBINAR_CALENDAR_PROJECTION = 'webinar-calendar';

const known = new Set<string>(webinarDecider.eventTypes);

/**
 * The webinar calendar over `webinar-` streams: what COPILs see (upcoming webinars) and what the momentum check
 * reads (who attended which webinar). A dozen webinars a year: every document stays small.
 */
export const webinarCalendarProjection: Projection<WebinarCalendarDoc> = {
  name: WEBINAR_CALENDAR_PROJECTION,
  version: 1,
  filter: { streamPrefixes: [WEBINAR_STREAM_PREFIX] },
  documentIdOf: (event) => (known.has(event.type) ? event.streamId.slice(WEBINAR_STREAM_PREFIX.length) : undefined),
  evolve: (doc, event: RecordedEvent) => ({
    webinarId: event.streamId.slice(WEBINAR_STREAM_PREFIX.length),
    revision: event.revision.toString(),
    state: webinarDecider.evolve(doc?.state ?? webinarDecider.initialState(), event as unknown as WebinarEvent),
  }),
  columns: {
    status: { type: 'TEXT', value: (doc) => doc.state.status },
    starts_at: { type: 'TEXT', value: (doc) => ('startsAt' in doc.state ? doc.state.startsAt : null) },
    ends_at: { type: 'TEXT', value: (doc) => ('endsAt' in doc.state ? doc.state.endsAt : null) },
  },
  indexes: [['ends_at'], ['starts_at']],
};
