// Public API of the webinars lib: the monthly thematic webinars (pure decider, programme, iCalendar).
export * from './domain/webinar.events';
export * from './domain/webinar.commands';
export * from './domain/webinar.state';
export * from './domain/webinar.errors';
export { webinarDecider } from './domain/webinar.decider';
export { WEBINAR_STREAM_PREFIX, isValidWebinarId, webinarStreamId } from './domain/webinar-stream';
export * from './domain/programme';
export * from './domain/attendance';
export { buildWebinarIcs, webinarUid, type IcsMethod, type WebinarIcsInput } from './calendar/webinar-ics';
