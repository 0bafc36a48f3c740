import { type FormEvent, useRef, useState } from 'react';
import { get, newId } from '../api/client';
import { CRITERIA, type CommuneStateResponse, type Criterion } from '../api/types';
import { describedBy, Field, focusFirstInvalid } from '../components/field';
import { Loading } from '../components/loading';
import { Notice } from '../components/notice';
import { ProblemMessage } from '../components/problem-message';
import { StatusBadge } from '../components/status-badge';
import { t } from '../i18n/i18n';
import { useLocalNames } from '../lib/local-names';
import { Link, usePageTitle } from '../lib/router';
import { useCommand } from '../lib/use-command';
import { useResource } from '../lib/use-resource';
import { ChecklistSection, ReviewSection } from './commune.page';
import { CommandError, type FormProps, ReasonsForm, TitlePeriodForm } from './review-forms';
import { RenewalReview } from './review-renewal';
import { criterionLabel } from './event-summary';

/** One dossier under review, with every decision the coordination can take on it. */
export function ReviewDossier({ nis }: { readonly nis: string }) {
  const [commune, reload] = useResource(`review-${nis}`, (signal) =>
    get<CommuneStateResponse>(`/api/communes/${nis}`, signal),
  );
  const names = useLocalNames();
  const [done, setDone] = useState<string | null>(null);
  // Forms start empty again after a recorded decision, but keep what was typed through a refusal or a reload.
  const [generation, setGeneration] = useState(0);
  usePageTitle(
    commune.state === 'ready'
      ? t('review.dossier.heading', { name: names.commune(nis, commune.data.name) })
      : t('review.title'),
  );

  const back = (
    <p className="back">
      <Link to="/revue">← {t('review.title')}</Link>
    </p>
  );
  if (commune.state === 'loading') return <Loading />;
  if (commune.state === 'failed')
    return (
      <>
        {back}
        <h1>{t('review.title')}</h1>
        <ProblemMessage error={commune.error} onRetry={reload} />
      </>
    );
  const { name, revision, state } = commune.data;
  const after = (message: string) => {
    setDone(message);
    setGeneration((g) => g + 1);
    reload();
  };
  const props = { nis, revision, onDone: after, onReload: reload };
  return (
    <>
      {back}
      <div className="page-heading page-heading--commune">
        <h1>{t('review.dossier.heading', { name: names.commune(nis, name) })}</h1>
        <StatusBadge status={state.status} />
        <p className="page-heading__meta">
          {t('review.dossier.revision', { revision })} ·{' '}
          <Link to={`/communes/${nis}`}>{t('commune.nis', { nis })}</Link>
        </p>
      </div>
      {done && <Notice kind="success">{done}</Notice>}
      {state.status === 'renewal_under_review' && <RenewalReview state={state} generation={generation} {...props} />}
      {state.status !== 'under_review' && state.status !== 'renewal_under_review' && (
        <p className="notice notice--info">
          {t('review.dossier.notReviewable', { status: t(`status.${state.status}`) })}
        </p>
      )}
      {state.status === 'under_review' && (
        <div className="review-layout">
          <div className="review-layout__dossier">
            <ChecklistSection state={state} />
            {state.review && <ReviewSection state={state} />}
          </div>
          <div className="review-layout__actions">
            {state.review ? (
              <>
                <TitlePeriodForm key={`approve-${generation}`} kind="approve" {...props} />
                <ChangesForm key={`changes-${generation}`} {...props} />
                <CommentForm key={`comment-${generation}`} {...props} />
                <ReasonsForm key={`reject-${generation}`} kind="reject" {...props} />
              </>
            ) : (
              <StartReviewForm {...props} />
            )}
          </div>
        </div>
      )}
    </>
  );
}

function StartReviewForm({ nis, revision, onDone, onReload }: FormProps) {
  const command = useCommand(nis, revision);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await command.send('dossier/review')) onDone(t('review.start.done'));
  };
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="start-heading">
      <h2 id="start-heading">{t('review.start.heading')}</h2>
      <p>{t('review.start.hint')}</p>
      <CommandError error={command.error} onReload={onReload} />
      <button type="submit" className="button" disabled={command.busy}>
        {command.busy ? t('review.sending') : t('review.start.submit')}
      </button>
    </form>
  );
}

function CommentForm({ nis, revision, onDone, onReload }: FormProps) {
  const command = useCommand(nis, revision);
  const form = useRef<HTMLFormElement>(null);
  const [criterion, setCriterion] = useState<Criterion>(1);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) {
      setError(t('review.comment.required'));
      return focusFirstInvalid(form.current);
    }
    setError(null);
    if (await command.send('dossier/comments', { commentId: newId(), criterion, comment: comment.trim() }))
      onDone(t('review.comment.done'));
  };
  return (
    <form ref={form} className="panel form" onSubmit={submit} noValidate aria-labelledby="comment-heading">
      <h2 id="comment-heading">{t('review.comment.heading')}</h2>
      <Field id="comment-criterion" label={t('review.comment.criterion')}>
        <select
          id="comment-criterion"
          value={criterion}
          onChange={(e) => setCriterion(Number(e.target.value) as Criterion)}
        >
          {CRITERIA.map((c) => (
            <option key={c} value={c}>
              {c}. {criterionLabel(c)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="comment-text" label={t('review.comment.text')} error={error} required>
        <textarea
          id="comment-text"
          rows={3}
          maxLength={4000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy('comment-text', false, error)}
          required
        />
      </Field>
      <CommandError error={command.error} onReload={onReload} />
      <button type="submit" className="button button--secondary" disabled={command.busy}>
        {command.busy ? t('review.sending') : t('review.comment.submit')}
      </button>
    </form>
  );
}

/** Tomorrow and later, as `YYYY-MM-DD` in the browser's calendar (the server checks against its own clock too). */
function isAfterToday(date: string): boolean {
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return date > today;
}

function ChangesForm({ nis, revision, onDone, onReload }: FormProps) {
  const command = useCommand(nis, revision);
  const form = useRef<HTMLFormElement>(null);
  const [checked, setChecked] = useState<Partial<Record<Criterion, boolean>>>({});
  const [reasons, setReasons] = useState<Partial<Record<Criterion, string>>>({});
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<{
    criteria?: string;
    reasons?: Partial<Record<Criterion, string>>;
    dueOn?: string;
  }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const selected = CRITERIA.filter((c) => checked[c]);
    const next: typeof errors = {};
    if (selected.length === 0) next.criteria = t('review.changes.noneChecked');
    const missingReasons = selected.filter((c) => !reasons[c]?.trim());
    if (missingReasons.length)
      next.reasons = Object.fromEntries(missingReasons.map((c) => [c, t('review.changes.reasonRequired')]));
    if (!dueOn) next.dueOn = t('review.changes.dueRequired');
    else if (!isAfterToday(dueOn)) next.dueOn = t('review.changes.duePast');
    setErrors(next);
    if (Object.keys(next).length) return focusFirstInvalid(form.current);
    const changes = selected.map((criterion) => ({ criterion, reason: reasons[criterion]!.trim() }));
    if (await command.send('dossier/changes-requested', { changes, dueOn })) onDone(t('review.changes.done'));
  };

  return (
    <form ref={form} className="panel form" onSubmit={submit} noValidate aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('review.changes.heading')}</h2>
      <fieldset aria-describedby={errors.criteria ? 'changes-hint changes-criteria-error' : 'changes-hint'}>
        <legend>{t('review.changes.heading')}</legend>
        <p id="changes-hint" className="field__hint">
          {t('review.changes.hint')}
        </p>
        {CRITERIA.map((c) => (
          <div key={c} className="criterion-change">
            <div className="checkbox">
              <input
                type="checkbox"
                id={`change-${c}`}
                checked={!!checked[c]}
                onChange={(e) => setChecked({ ...checked, [c]: e.target.checked })}
                aria-invalid={errors.criteria && c === 1 ? true : undefined}
              />
              <label htmlFor={`change-${c}`}>
                {c}. {criterionLabel(c)}
              </label>
            </div>
            {checked[c] && (
              <Field
                id={`change-reason-${c}`}
                label={t('review.changes.reason', { n: c })}
                error={errors.reasons?.[c] ?? null}
                required
              >
                <textarea
                  id={`change-reason-${c}`}
                  rows={2}
                  maxLength={2000}
                  value={reasons[c] ?? ''}
                  onChange={(e) => setReasons({ ...reasons, [c]: e.target.value })}
                  aria-invalid={errors.reasons?.[c] ? true : undefined}
                  aria-describedby={describedBy(`change-reason-${c}`, false, errors.reasons?.[c])}
                  required
                />
              </Field>
            )}
          </div>
        ))}
        {errors.criteria && (
          <p id="changes-criteria-error" className="field__error">
            {errors.criteria}
          </p>
        )}
      </fieldset>
      <Field id="changes-due" label={t('review.changes.dueOn')} error={errors.dueOn ?? null} required>
        <input
          id="changes-due"
          type="date"
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          aria-invalid={errors.dueOn ? true : undefined}
          aria-describedby={describedBy('changes-due', false, errors.dueOn)}
          required
        />
      </Field>
      <CommandError error={command.error} onReload={onReload} />
      <button type="submit" className="button button--secondary" disabled={command.busy}>
        {command.busy ? t('review.sending') : t('review.changes.submit')}
      </button>
    </form>
  );
}
