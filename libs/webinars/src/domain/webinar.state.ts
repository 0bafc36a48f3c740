/*
 * The state of one webinar, folded from its stream: a union on `status`, so that a webinar that was never scheduled
 * cannot have a date, and a cancelled one keeps what it was (for the cancellation notice) but accepts nothing more.
 */

export interface Registration {
  readonly nis: string;
  readonly personId: string;
  readonly registeredAt: string;
}

export interface WebinarDetails {
  readonly webinarId: string;
  readonly theme: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly organiserId: string;
  /** iCalendar SEQUENCE of the invitation in force. */
  readonly sequence: number;
  /** NIS codes of every commune invited so far, in invitation order. */
  readonly invited: readonly string[];
  readonly registrations: readonly Registration[];
  /** personIds who attended, by commune NIS. */
  readonly attendance: Readonly<Record<string, readonly string[]>>;
}

export interface Unscheduled {
  readonly status: 'unscheduled';
}

export interface Scheduled extends WebinarDetails {
  readonly status: 'scheduled';
}

export interface Cancelled extends WebinarDetails {
  readonly status: 'cancelled';
  readonly reason: string;
  readonly cancelledAt: string;
}

export type Webinar = Unscheduled | Scheduled | Cancelled;
export type WebinarStatus = Webinar['status'];
