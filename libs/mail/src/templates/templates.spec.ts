import { REMINDER_TEMPLATES, reminderAudience, renderReminder } from './reminder.templates';
import { renderWebinarMail } from './webinar.templates';

const LANGUAGES = ['fr', 'nl', 'de'] as const;

describe('Reminder templates', () => {
  it('writes the Fair-ô-mètre reminder as the campaign says it', () => {
    const mail = renderReminder(
      { kind: 'fair_o_meter_due', dueOn: '2026-03-15', nis: '92094', fairOMeterEdition: '2025' },
      'fr',
    );
    expect(mail.subject).toBe('Rappel : le Fair-ô-mètre 2025 de votre commune est attendu pour le 15 mars 2026');
    expect(mail.text).toMatch(/^Madame, Monsieur,\n\n/);
    expect(mail.text).toMatch(/La coordination de la campagne Communes du Commerce Équitable\n$/);
  });

  it('writes each person in their language, with the date in that language', () => {
    const context = {
      kind: 'fair_o_meter_due',
      dueOn: '2026-03-15',
      nis: '92094',
      communeName: 'Namur',
      recipientName: 'Anke',
    };
    expect(renderReminder(context, 'nl').subject).toBe(
      'Herinnering: de Fair-ô-mètre van Namur wordt verwacht tegen 15 maart 2026',
    );
    expect(renderReminder(context, 'de').subject).toBe(
      'Erinnerung: Das Fair-ô-mètre von Namur wird bis zum 15. März 2026 erwartet',
    );
    expect(renderReminder(context, 'nl').text).toMatch(/^Beste Anke,/);
  });

  it.each(Object.keys(REMINDER_TEMPLATES).flatMap((kind) => LANGUAGES.map((language) => [kind, language] as const)))(
    'has a %s text in %s that names the deadline',
    (kind, language) => {
      const mail = renderReminder({ kind, dueOn: '2026-10-10', nis: '92094' }, language);
      expect(mail.subject.length).toBeGreaterThan(20);
      expect(mail.text).toMatch(/10(\.)? (octobre|oktober|Oktober) 2026/);
    },
  );

  it('still writes a polite reminder for a kind it does not know', () =>
    expect(renderReminder({ kind: 'something_new', dueOn: '2026-01-05', nis: '92094' }, 'fr').subject).toBe(
      'Rappel : une échéance de la campagne Commerce Équitable de votre commune le 5 janvier 2026',
    ));

  it('speaks of the same deadline before and after it, for every kind the deadline policy sends', () => {
    const subject = (kind: string) => renderReminder({ kind, dueOn: '2026-03-15', nis: '92094', communeName: 'Namur' }, 'fr').subject;
    expect(subject('renewal_due_in_90d')).toBe(subject('renewal_due_in_7d'));
    expect(subject('renewal_due_in_30d')).toContain('arrive à échéance le 15 mars 2026');
    expect(subject('renewal_overdue')).toContain('est arrivé à échéance le 15 mars 2026');
    expect(subject('fair_o_meter_overdue')).toContain('Fair-ô-mètre');
    expect(subject('changes_due_soon')).toContain('compléments');
  });

  it('sends escalations and review delays to the coordination, the rest to the COPIL', () => {
    expect(reminderAudience('renewal_escalation')).toBe('coordination');
    expect(reminderAudience('renewal_overdue')).toBe('copil');
    expect(reminderAudience('resolution_reconfirmation_overdue')).toBe('coordination');
    expect(reminderAudience('review_waiting')).toBe('coordination');
    expect(reminderAudience('renewal_due_in_30d')).toBe('copil');
    expect(reminderAudience('review_pending')).toBe('coordination');
    expect(reminderAudience('anything_escalation')).toBe('coordination');
    expect(reminderAudience('fair_o_meter_due')).toBe('copil');
    expect(reminderAudience('unknown')).toBe('copil');
  });
});

describe('Webinar mails', () => {
  const context = {
    theme: 'Le COPIL et son fonctionnement',
    startsAt: '2026-04-14T10:30:00Z',
    endsAt: '2026-04-14T12:30:00Z',
  };

  it('gives the Brussels wall-clock time in each language', () => {
    expect(renderWebinarMail('invitation', context, 'fr').subject).toBe(
      'Invitation : webinaire CDCE « Le COPIL et son fonctionnement » le mardi 14 avril 2026 à 12:30',
    );
    expect(renderWebinarMail('invitation', context, 'fr').text).toContain('mardi 14 avril 2026 à 12:30 jusqu’à 14:30');
    expect(renderWebinarMail('invitation', context, 'nl').subject).toContain('dinsdag 14 april 2026 om 12:30');
    expect(renderWebinarMail('invitation', context, 'de').subject).toContain('Dienstag, 14. April 2026 um 12:30');
  });

  it('says why a webinar moved or was cancelled', () => {
    expect(renderWebinarMail('update', { ...context, reason: 'congé scolaire' }, 'fr').text).toContain(
      '(congé scolaire)',
    );
    const cancelled = renderWebinarMail('cancellation', { ...context, reason: 'intervenante malade' }, 'de');
    expect(cancelled.subject).toMatch(/^Absage:/);
    expect(cancelled.text).toContain(': intervenante malade');
  });
});
