import { randomUUID } from 'node:crypto';

/** The application layer's source of time; deciders receive `now` from it through commands. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol.for('cdce.Clock');

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests and the demo history move by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function newId(): string {
  return randomUUID();
}
