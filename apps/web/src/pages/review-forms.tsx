import { type FormEvent, useRef, useState } from 'react';
import { describedBy, Field, focusFirstInvalid } from '../components/field';
import { ProblemMessage } from '../components/problem-message';
import { type MessageKey, t } from '../i18n/i18n';
import { useCommand } from '../lib/use-command';

/** What every decision form of the review page receives. */
export interface FormProps {
  readonly nis: string;
  /** The revision shown to the reviewer: sent as If-Match. */
  readonly revision: string;
  readonly onDone: (message: string) => void;
  readonly onReload: () => void;
}

/** A command's refusal; a 409 offers to reload the dossier at its latest revision. */
export function CommandError({ error, onReload }: { readonly error: unknown; readonly onReload: () => void }) {
  if (!error) return null;
  const conflict = (error as { status?: number }).status === 409;
  return <ProblemMessage error={error} {...(conflict ? { onRetry: onReload, retryLabel: t('app.reload') } : {})} />;
}

interface TitlePeriodFormProps extends FormProps {
  /** `approve` (first title) or `renew` (next cycle): ids, texts and endpoint. */
  readonly kind: 'approve' | 'renew';
}

const TITLE_PERIOD = {
  approve: {
    path: 'dossier/approval',
    heading: 'review.approve.heading',
    hint: null,
    validFrom: 'review.approve.validFrom',
    submit: 'review.approve.submit',
    done: 'review.approve.done',
  },
  renew: {
    path: 'title/renewal',
    heading: 'review.renew.heading',
    hint: 'review.renew.hint',
    validFrom: 'review.renew.validFrom',
    submit: 'review.renew.submit',
    done: 'review.renew.done',
  },
} as const satisfies Record<string, Record<string, MessageKey | string | null>>;

/** Awards (approval) or renews the title: an optional start date and a validity in months. */
export function TitlePeriodForm({ kind, nis, revision, onDone, onReload }: TitlePeriodFormProps) {
  const text = TITLE_PERIOD[kind];
  const command = useCommand(nis, revision);
  const form = useRef<HTMLFormElement>(null);
  const [validFrom, setValidFrom] = useState('');
  const [months, setMonths] = useState('24');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const validityMonths = Number(months);
    if (!Number.isInteger(validityMonths) || validityMonths < 1 || validityMonths > 120) {
      setError(t('review.approve.monthsInvalid'));
      return focusFirstInvalid(form.current);
    }
    setError(null);
    const body = { validityMonths, ...(validFrom ? { validFrom } : {}) };
    if (await command.send(text.path, body)) onDone(t(text.done));
  };
  return (
    <form
      ref={form}
      className="panel form form--approve"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${kind}-heading`}
    >
      <h2 id={`${kind}-heading`}>{t(text.heading)}</h2>
      {text.hint && <p className="field__hint">{t(text.hint)}</p>}
      <Field id={`${kind}-from`} label={t(text.validFrom)}>
        <input id={`${kind}-from`} type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
      </Field>
      <Field id={`${kind}-months`} label={t('review.approve.months')} error={error} required>
        <input
          id={`${kind}-months`}
          type="number"
          inputMode="numeric"
          min={1}
          max={120}
          step={1}
          value={months}
          onChange={(e) => setMonths(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${kind}-months`, false, error)}
          required
        />
      </Field>
      <CommandError error={command.error} onReload={onReload} />
      <button type="submit" className="button" disabled={command.busy}>
        {command.busy ? t('review.sending') : t(text.submit)}
      </button>
    </form>
  );
}

interface ReasonsFormProps extends FormProps {
  /** `reject` (the dossier) or `refuse` (the renewal). */
  readonly kind: 'reject' | 'refuse';
}

const REASONS = {
  reject: {
    path: 'dossier/rejection',
    heading: 'review.reject.heading',
    hint: null,
    submit: 'review.reject.submit',
    done: 'review.reject.done',
  },
  refuse: {
    path: 'title/renewal-refusal',
    heading: 'review.refuse.heading',
    hint: 'review.refuse.hint',
    submit: 'review.refuse.submit',
    done: 'review.refuse.done',
  },
} as const satisfies Record<string, Record<string, MessageKey | string | null>>;

/** A refusal with its reasons, one per line (at least one). */
export function ReasonsForm({ kind, nis, revision, onDone, onReload }: ReasonsFormProps) {
  const text = REASONS[kind];
  const command = useCommand(nis, revision);
  const form = useRef<HTMLFormElement>(null);
  const [reasonsText, setReasonsText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `${kind}-reasons`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reasons = reasonsText
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (reasons.length === 0) {
      setError(t('review.reject.required'));
      return focusFirstInvalid(form.current);
    }
    setError(null);
    if (await command.send(text.path, { reasons })) onDone(t(text.done));
  };
  return (
    <form
      ref={form}
      className="panel form form--danger"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${kind}-heading`}
    >
      <h2 id={`${kind}-heading`}>{t(text.heading)}</h2>
      {text.hint && <p className="field__hint">{t(text.hint)}</p>}
      <Field id={id} label={t('review.reject.reasons')} error={error} required>
        <textarea
          id={id}
          rows={3}
          value={reasonsText}
          onChange={(e) => setReasonsText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, false, error)}
          required
        />
      </Field>
      <CommandError error={command.error} onReload={onReload} />
      <button type="submit" className="button button--danger" disabled={command.busy}>
        {command.busy ? t('review.sending') : t(text.submit)}
      </button>
    </form>
  );
}
