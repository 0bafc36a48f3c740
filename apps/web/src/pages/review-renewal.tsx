import { type FormEvent, useState } from 'react';
import { type CommuneState, GRADES, type Grade } from '../api/types';
import { Field } from '../components/field';
import { formatDate, formatNumber, t } from '../i18n/i18n';
import { useCommand } from '../lib/use-command';
import { CommandError, type FormProps, ReasonsForm, TitlePeriodForm } from './review-forms';

const BLOCKS = ['communalPolicy', 'communication', 'events', 'steeringCommittee'] as const;

/** A renewal under review: the Fair-ô-mètre as submitted, its score, then renewal or refusal. */
export function RenewalReview({
  state,
  generation,
  ...props
}: FormProps & { readonly state: CommuneState; readonly generation: number }) {
  const fom = state.fairOMeter;
  if (!fom || !state.title) return null;
  return (
    <div className="review-layout">
      <section className="panel" aria-labelledby="fom-heading">
        <h2 id="fom-heading">{t('review.renewal.heading', { edition: fom.edition })}</h2>
        <p className="muted">
          {t('review.renewal.intro', {
            date: formatDate(fom.submittedAt),
            cycle: state.title.cycle,
            until: formatDate(state.title.validUntil),
          })}
        </p>
        <table className="data-table">
          <tbody>
            {BLOCKS.map((block) => (
              <tr key={block}>
                <th scope="row">{t(`review.renewal.block.${block}`)}</th>
                <td className="num">{t('review.renewal.points', { points: formatNumber(fom.blocks[block]) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="big">{t('review.renewal.total', { total: formatNumber(fom.total) })}</p>
        <p>
          {t('review.renewal.figures', {
            volunteers: formatNumber(fom.figures.volunteers),
            events: formatNumber(fom.figures.events),
            products: formatNumber(fom.figures.products),
          })}
        </p>
        <p>
          {fom.score
            ? t('review.renewal.scored', { grade: fom.score.grade, date: formatDate(fom.score.scoredAt) })
            : t('review.renewal.notScored')}
        </p>
      </section>
      <div className="review-layout__actions">
        {fom.score ? (
          <TitlePeriodForm key={`renew-${generation}`} kind="renew" {...props} />
        ) : (
          <>
            <ScoreForm key={`score-${generation}`} {...props} />
            <p className="notice notice--info">{t('review.renew.needsScore')}</p>
          </>
        )}
        <ReasonsForm key={`refuse-${generation}`} kind="refuse" {...props} />
      </div>
    </div>
  );
}

function ScoreForm({ nis, revision, onDone, onReload }: FormProps) {
  const command = useCommand(nis, revision);
  const [grade, setGrade] = useState<Grade | ''>('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await command.send('fair-o-meter/score', grade ? { grade } : {})) onDone(t('review.score.done'));
  };
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="score-heading">
      <h2 id="score-heading">{t('review.score.heading')}</h2>
      <Field id="score-grade" label={t('review.score.grade')}>
        <select id="score-grade" value={grade} onChange={(e) => setGrade(e.target.value as Grade | '')}>
          <option value="">{t('review.score.suggested')}</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </Field>
      <CommandError error={command.error} onReload={onReload} />
      <button type="submit" className="button" disabled={command.busy}>
        {command.busy ? t('review.sending') : t('review.score.submit')}
      </button>
    </form>
  );
}
