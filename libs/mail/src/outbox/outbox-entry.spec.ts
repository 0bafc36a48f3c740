import type { RecordedEvent } from '@cdce/eventsourcing';
import { messageIdFor, outboxEntryOf } from './outbox-entry';

const recorded = (streamId: string, type: string, data: object): RecordedEvent => ({
  streamId,
  id: 'e-1',
  type,
  data,
  revision: 3n,
  position: 42n,
  metadata: {
    actor: { id: 'a', role: 'r' },
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    recordedAt: '2026-02-02T08:00:00.000Z',
    hash: 'h',
  },
});

describe('Outbox entries', () => {
  it('turns a ReminderSent of a commune into a reminder named by its reminder id', () =>
    expect(
      outboxEntryOf(
        recorded('commune-92094', 'ReminderSent', {
          reminderId: 'reminder-92094-x-2026-03-15',
          kind: 'x',
          dueOn: '2026-03-15',
        }),
      ),
    ).toMatchObject({
      id: 'reminder-92094-x-2026-03-15',
      kind: 'reminder',
      revision: 3n,
      position: 42n,
    }));

  it('names webinar mails by stream, invitation id or sequence', () => {
    expect(
      outboxEntryOf(recorded('webinar-2026-03', 'InvitationsSent', { invitationId: 'inv-1', communes: [] }))?.id,
    ).toBe('webinar-2026-03.invitation-inv-1');
    expect(outboxEntryOf(recorded('webinar-2026-03', 'WebinarRescheduled', { sequence: 1 }))?.kind).toBe(
      'webinar_update',
    );
    expect(outboxEntryOf(recorded('webinar-2026-03', 'WebinarCancelled', { sequence: 2 }))?.id).toBe(
      'webinar-2026-03.cancel-2',
    );
  });

  it('ignores other events, and reminder-like events on other streams', () => {
    expect(outboxEntryOf(recorded('commune-92094', 'CandidacyOpened', {}))).toBeUndefined();
    expect(outboxEntryOf(recorded('webinar-2026-03', 'ReminderSent', { reminderId: 'r' }))).toBeUndefined();
    expect(outboxEntryOf(recorded('webinar-2026-03', 'RegisteredForWebinar', {}))).toBeUndefined();
  });

  it('builds a Message-ID a mail header can carry', () =>
    expect(messageIdFor('reminder-1', 'person é/1')).toBe('<reminder-1.person---1@cdce>'));
});
