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

// Application layer (NestJS adapters around the pure domain) and the read model the API and the worker share.
export * from './application/execute-webinar-command';
export { ExecuteWebinarCommandHandler } from './application/execute-webinar-command.handler';
export { WebinarsModule } from './application/webinars.module';
export { readWebinar } from './application/read-webinar';
export {
  webinarCalendarProjection,
  WEBINAR_CALENDAR_PROJECTION,
  type WebinarCalendarDoc,
} from './application/webinar-calendar.projection';
export { WebinarCalendar } from './application/webinar-calendar';
export { invitedCommunes, titledCommunes, INVITED_STATUSES } from './application/invited-communes';
