import { dueAt, remindersOwed, withoutSuperseded } from './deadline-policy';
import type { Reminder } from './reminder';
import { DEFAULT_REMINDER_POLICY } from './reminder-policy';
import {
  candidate,
  changesRequested,
  copilMeetingHeld,
  dossierSubmitted,
  fairOMeterRequested,
  fairOMeterSubmitted,
  localElectionHeld,
  partnerRegistered,
  reminderSent,
  resolutionReconfirmed,
  reviewing,
  reviewStarted,
  subjectAfter,
  titled,
  titleRenewed,
  titleWithdrawn,
  underReview,
} from './testing/deadline.fixtures';

type Entry = Parameters<typeof subjectAfter>[0];

/** Given a history, then the commune owes exactly these reminders (kind, remind day, instant, audience). */
const given = (...history: Entry[]) => {
  const owed = (policy = DEFAULT_REMINDER_POLICY) => remindersOwed(subjectAfter(...history), policy);
  const summary = (reminders: Reminder[]) => reminders.map((r) => [r.kind, r.remindOn, r.dueAt, r.audience]);
  return {
    owed,
    thenOwes: (...expected: Array<[string, string, string, string]>) => expect(summary(owed())).toEqual(expected),
    thenOwesKinds: (...kinds: string[]) => expect(owed().map((r) => r.kind)).toEqual(kinds),
  };
};

describe('Deadline policy', () => {
  describe('given a titled commune (title valid until Friday 10 October 2025)', () => {
    it('owes the renewal notices at 90, 30 and 7 days, then overdue and the escalation, on business mornings', () =>
      given(...titled).thenOwes(
        ['renewal_due_in_90d', '2025-07-12', '2025-07-14T07:00:00.000Z', 'copil'], // Saturday → Monday
        ['renewal_due_in_30d', '2025-09-10', '2025-09-10T07:00:00.000Z', 'copil'],
        ['renewal_due_in_7d', '2025-10-03', '2025-10-03T07:00:00.000Z', 'copil'],
        ['renewal_escalation', '2025-10-11', '2025-10-13T07:00:00.000Z', 'coordination'],
        ['renewal_overdue', '2025-10-11', '2025-10-13T07:00:00.000Z', 'copil'],
        ['copil_inactive', '2026-02-03', '2026-02-03T08:00:00.000Z', 'copil'],
      ));

    it('names each reminder deterministically, never with ":" nor all digits (BullMQ job ids)', () => {
      const owed = given(...titled).owed();
      expect(owed[0]).toMatchObject({
        id: 'reminder-92094-renewal_due_in_90d-2025-07-12',
        nis: '92094',
        deadlineOn: '2025-10-10',
      });
      owed.forEach((r) => expect(r.id).toMatch(/^reminder-\d{5}-[a-z0-9_]+-\d{4}-\d{2}-\d{2}$/));
      owed.forEach((r) => expect(r.id).not.toMatch(/:|^\d+$/));
      expect(given(...titled).owed()).toEqual(owed);
    });

    it('does not owe a reminder already recorded on the stream again', () =>
      expect(
        given(
          ...titled,
          reminderSent(
            'reminder-92094-renewal_due_in_90d-2025-07-12',
            'renewal_due_in_90d',
            '2025-10-10',
            '2025-07-14',
          ),
        )
          .owed()
          .map((r) => r.kind),
      ).not.toContain('renewal_due_in_90d'));

    it('no longer owes the earlier notices of a series once a later one was recorded', () =>
      expect(
        given(
          ...titled,
          reminderSent(
            'reminder-92094-renewal_due_in_30d-2025-09-10',
            'renewal_due_in_30d',
            '2025-10-10',
            '2025-09-10',
          ),
        )
          .owed()
          .map((r) => r.kind),
      ).toEqual(['renewal_due_in_7d', 'renewal_escalation', 'renewal_overdue', 'copil_inactive']));

    it('follows the configured notice days', () =>
      expect(
        given(...titled)
          .owed({ ...DEFAULT_REMINDER_POLICY, renewalNoticeDays: [56] })
          .filter((r) => r.kind.startsWith('renewal_due'))
          .map((r) => [r.kind, r.remindOn]),
      ).toEqual([['renewal_due_in_56d', '2025-08-15']]));

    it('owes nothing once the title is withdrawn', () => given(...titled, titleWithdrawn('2025-03-01')).thenOwes());
  });

  describe('given the Fair-ô-mètre is requested for 30 June 2025', () => {
    const requested = [...titled, fairOMeterRequested('2025-06-30')];

    it('owes "due soon" 14 days before and "overdue" the day after', () =>
      expect(
        given(...requested)
          .owed()
          .filter((r) => r.kind.startsWith('fair_o_meter'))
          .map((r) => [r.kind, r.remindOn, r.dueAt, r.deadlineOn]),
      ).toEqual([
        ['fair_o_meter_due_soon', '2025-06-16', '2025-06-16T07:00:00.000Z', '2025-06-30'],
        ['fair_o_meter_overdue', '2025-07-01', '2025-07-01T07:00:00.000Z', '2025-06-30'],
      ]));

    it('drops the Fair-ô-mètre and renewal reminders once it is submitted (the COPIL did its part)', () =>
      given(...requested, fairOMeterSubmitted('2025-06-20')).thenOwesKinds('copil_inactive'));

    it('starts the next title period’s renewal notices once the title is renewed', () =>
      expect(
        given(...requested, fairOMeterSubmitted('2025-06-20'), titleRenewed('2025-10-11', '2027-10-10'))
          .owed()
          .map((r) => r.id),
      ).toEqual([
        'reminder-92094-copil_inactive-2026-02-03',
        'reminder-92094-renewal_due_in_90d-2027-07-12',
        'reminder-92094-renewal_due_in_30d-2027-09-10',
        'reminder-92094-renewal_due_in_7d-2027-10-03',
        'reminder-92094-renewal_escalation-2027-10-11',
        'reminder-92094-renewal_overdue-2027-10-11',
      ]));
  });

  describe('given a dossier waiting for review', () => {
    it('flags it to the coordination after the 30-day service level (Sunday 1 October → Monday 2)', () =>
      expect(
        given(...underReview)
          .owed()
          .find((r) => r.kind === 'review_waiting'),
      ).toMatchObject({
        remindOn: '2023-10-01',
        dueAt: '2023-10-02T07:00:00.000Z',
        audience: 'coordination',
      }));

    it('flags it to the reviewer once one is assigned', () =>
      expect(
        given(...reviewing)
          .owed()
          .find((r) => r.kind === 'review_waiting')?.audience,
      ).toBe('reviewer'));

    it('follows the coordination’s service level', () =>
      expect(
        given(...underReview)
          .owed({ ...DEFAULT_REMINDER_POLICY, reviewServiceLevelDays: 10 })
          .find((r) => r.kind === 'review_waiting')?.remindOn,
      ).toBe('2023-09-11'));
  });

  describe('given changes requested by 1 November 2023 (a holiday)', () => {
    const changes = [...reviewing, changesRequested('2023-11-01')];

    it('owes "due soon" a week before and "overdue" the day after', () =>
      expect(
        given(...changes)
          .owed()
          .filter((r) => r.kind.startsWith('changes'))
          .map((r) => [r.kind, r.dueAt]),
      ).toEqual([
        ['changes_due_soon', '2023-10-25T07:00:00.000Z'],
        ['changes_overdue', '2023-11-02T08:00:00.000Z'],
      ]));

    it('drops them when the dossier is submitted again; the review clock restarts', () =>
      expect(
        given(...changes, dossierSubmitted('2023-10-20T09:00:00.000Z', 2), reviewStarted('2023-10-21T09:00:00.000Z', 2))
          .owed()
          .filter((r) => r.kind !== 'copil_inactive')
          .map((r) => [r.kind, r.remindOn]),
      ).toEqual([['review_waiting', '2023-11-19']]));
  });

  describe('given a candidacy', () => {
    it('nudges the COPIL 12 months after the last evidence, and 12 months after it was formed without a meeting', () =>
      given(...candidate).thenOwes(
        ['copil_inactive', '2024-01-15', '2024-01-15T08:00:00.000Z', 'copil'],
        ['candidacy_idle', '2024-02-20', '2024-02-20T08:00:00.000Z', 'copil'],
      ));

    it('moves the idle deadline when new evidence is recorded', () =>
      expect(
        given(...candidate, partnerRegistered('shop-1', '2023-06-05'))
          .owed()
          .find((r) => r.kind === 'candidacy_idle')?.id,
      ).toBe('reminder-92094-candidacy_idle-2024-06-05'));

    it('moves the COPIL deadline when a meeting is held', () =>
      expect(
        given(...candidate, copilMeetingHeld('2023-05-04'))
          .owed()
          .find((r) => r.kind === 'copil_inactive')?.remindOn,
      ).toBe('2024-05-04'));
  });

  describe('given a local election after the council resolution', () => {
    const elected = [...titled, localElectionHeld('2024-10-13')];

    it('asks to re-confirm within 6 months, then escalates to the coordination', () =>
      expect(
        given(...elected)
          .owed()
          .filter((r) => r.kind.startsWith('resolution'))
          .map((r) => [r.kind, r.deadlineOn, r.dueAt, r.audience]),
      ).toEqual([
        ['resolution_reconfirmation_due', '2025-04-13', '2025-03-14T08:00:00.000Z', 'copil'],
        ['resolution_reconfirmation_overdue', '2025-04-13', '2025-04-14T07:00:00.000Z', 'coordination'],
      ]));

    it('drops them once the new council re-confirmed', () =>
      expect(
        given(...elected, resolutionReconfirmed('2025-01-20'))
          .owed()
          .filter((r) => r.kind.startsWith('resolution')),
      ).toEqual([]));
  });

  describe('when the worker comes back after a long downtime', () => {
    const owed = given(...titled).owed();

    it('sends only the latest due notice of a series, keeping the future ones', () =>
      expect(withoutSuperseded(owed, '2025-10-06T12:00:00.000Z').map((r) => r.kind)).toEqual([
        'renewal_due_in_7d',
        'renewal_escalation',
        'renewal_overdue',
        'copil_inactive',
      ]));

    it('never lets the escalation to the coordination be superseded by the COPIL’s series', () =>
      expect(dueAt(owed, '2025-12-01T12:00:00.000Z').map((r) => r.kind)).toEqual([
        'renewal_escalation',
        'renewal_overdue',
      ]));

    it('has nothing due before the first notice', () => expect(dueAt(owed, '2025-07-14T06:59:59.999Z')).toEqual([]));
  });
});
