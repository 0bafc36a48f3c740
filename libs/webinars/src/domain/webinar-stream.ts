/** Prefix shared by every webinar stream, for `$all` filters and the outbox. */
export const WEBINAR_STREAM_PREFIX = 'webinar-';

const WEBINAR_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** True when `value` can name a webinar (lowercase letters, digits and dashes, e.g. `2026-03`). */
export function isValidWebinarId(value: unknown): value is string {
  return typeof value === 'string' && WEBINAR_ID.test(value);
}

/** The event stream of one webinar: `webinar-<id>`. */
export function webinarStreamId(webinarId: string): string {
  if (!isValidWebinarId(webinarId))
    throw new RangeError(
      `${JSON.stringify(webinarId)} cannot name a webinar: use lowercase letters, digits and dashes.`,
    );
  return `${WEBINAR_STREAM_PREFIX}${webinarId}`;
}
