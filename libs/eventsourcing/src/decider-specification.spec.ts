import type { Decider } from './decider';
import type { Command, DomainEvent } from './event';
import { DomainError } from './errors';
import { deciderSpecification } from './testing/decider-specification';

type Door = { status: 'closed'; opened: number } | { status: 'open'; opened: number };
type DoorCommand = Command<'Open', { by: string }> | Command<'Close', object> | Command<'Slam', object>;
type DoorEvent = DomainEvent<'Opened', { by: string }> | DomainEvent<'Closed', object>;

const door: Decider<Door, DoorCommand, DoorEvent> = {
  initialState: () => ({ status: 'closed', opened: 0 }),
  decide: (command, state) => {
    switch (command.type) {
      case 'Open':
        if (state.status === 'open') throw new DomainError('ALREADY_OPEN', 'The door is already open.');
        return [{ type: 'Opened', data: { by: command.data.by } }];
      case 'Close':
        return state.status === 'open' ? [{ type: 'Closed', data: {} }] : [];
      case 'Slam':
        // A bug on purpose: deciders must never mutate the state they are given.
        (state as { opened: number }).opened = -1;
        return [];
    }
  },
  evolve: (state, event) =>
    event.type === 'Opened' ? { status: 'open', opened: state.opened + 1 } : { status: 'closed', opened: state.opened },
  eventTypes: ['Opened', 'Closed'],
};

const { given } = deciderSpecification(door);
const now = '2025-01-01T00:00:00.000Z';
const open = (by: string): DoorCommand => ({ type: 'Open', data: { by }, now });
const close: DoorCommand = { type: 'Close', data: {}, now };
const opened = (by: string): DoorEvent => ({ type: 'Opened', data: { by } });
const closed: DoorEvent = { type: 'Closed', data: {} };

describe('deciderSpecification', () => {
  it('passes when the decided events are exactly the expected ones, and fails otherwise', () => {
    given().when(open('ana')).then(opened('ana'));
    expect(() => given().when(open('ana')).then(opened('bob'))).toThrow();
    expect(() => given().when(open('ana')).then(opened('ana'), closed)).toThrow();
  });

  it('matches partly known events with thenMatches', () => {
    given().when(open('ana')).thenMatches({ type: 'Opened' });
    given()
      .when(open('ana'))
      .thenMatches({ type: 'Opened', data: { by: 'ana' } });
    expect(() => given().when(open('ana')).thenMatches({ type: 'Closed' })).toThrow();
    expect(() =>
      given()
        .when(open('ana'))
        .thenMatches({ type: 'Opened', data: { by: 'bob' } }),
    ).toThrow();
  });

  it('expects no event with thenNothing', () => {
    given(opened('ana'), closed).when(close).thenNothing();
    expect(() => given(opened('ana')).when(close).thenNothing()).toThrow();
  });

  it('expects a domain error by code, and optionally by message', () => {
    given(opened('ana')).when(open('bob')).thenThrows('ALREADY_OPEN');
    given(opened('ana'))
      .when(open('bob'))
      .thenThrows('ALREADY_OPEN', /already open/);
    expect(() => given(opened('ana')).when(open('bob')).thenThrows('NOT_CLOSED')).toThrow();
    expect(() =>
      given(opened('ana'))
        .when(open('bob'))
        .thenThrows('ALREADY_OPEN', /locked/),
    ).toThrow();
    expect(() => given().when(open('bob')).thenThrows('ALREADY_OPEN')).toThrow(/got no error/);
  });

  it('folds the history into the state', () => {
    expect(given(opened('ana'), closed, opened('bob')).state()).toEqual({ status: 'open', opened: 2 });
  });

  it('makes a decider that mutates its state fail loudly', () => {
    expect(() => given(opened('ana')).when({ type: 'Slam', data: {}, now }).thenNothing()).toThrow(TypeError);
  });
});
