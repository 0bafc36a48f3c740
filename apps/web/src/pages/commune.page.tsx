import { useState } from 'react';
import { get } from '../api/client';
import {
  CRITERIA,
  type CommuneHistory,
  type CommunePartners,
  type Contact,
  type CommuneState,
  type CommuneStateResponse,
  type Criterion,
  type CriterionCheck,
  PARTNER_KINDS,
} from '../api/types';
import { Loading } from '../components/loading';
import { isMissingEndpoint, MissingEndpoint, ProblemMessage } from '../components/problem-message';
import { StatusBadge } from '../components/status-badge';
import { eventLabel, formatDate, formatDateTime, formatNumber, hasKey, reasonLabel, t } from '../i18n/i18n';
import { actorLine, useActors } from '../lib/actors';
import { useLocalNames } from '../lib/local-names';
import { Link, usePageTitle } from '../lib/router';
import { abilities, useSession } from '../lib/session';
import { type Resource, useResource } from '../lib/use-resource';
import { criterionLabel, eventSummary, label, partnerKindLabel } from './event-summary';

const DAY = 24 * 3600 * 1000;

/** *Fiche commune*: state and title, criteria with their evidence, COPIL, partners against thresholds, history. */
export function CommunePage({ nis }: { readonly nis: string }) {
  const { session } = useSession();
  const can = session ? abilities(session) : { review: false, history: false, contacts: false, campaign: false };
  const names = useLocalNames();
  const [commune, reload] = useResource(`state-${nis}`, (signal) =>
    get<CommuneStateResponse>(`/api/communes/${nis}`, signal),
  );
  const [history] = useResource(`history-${nis}-${commune.state === 'ready' ? commune.data.revision : ''}`, (signal) =>
    can.history ? get<CommuneHistory>(`/api/communes/${nis}/history`, signal) : Promise.resolve(null),
  );
  // Names live in the people directory, never in events; a token without people.read still sees the ids.
  const [people] = useResource(`people-${nis}`, (signal) =>
    can.contacts ? get<Contact[]>(`/api/communes/${nis}/people`, signal) : Promise.resolve(null),
  );
  const [partners] = useResource(
    `partners-${nis}-${commune.state === 'ready' ? commune.data.revision : ''}`,
    (signal) => get<CommunePartners>(`/api/communes/${nis}/partners`, signal),
  );
  usePageTitle(commune.state === 'ready' ? names.commune(nis, commune.data.name) : t('app.loading'));

  if (commune.state === 'loading') return <Loading />;
  if (commune.state === 'failed')
    return (
      <>
        <BackLink campaign={can.campaign} />
        <h1>{t('commune.nis', { nis })}</h1>
        <ProblemMessage error={commune.error} onRetry={reload} />
      </>
    );
  const { name, revision, asOf, state } = commune.data;
  const reviewable =
    can.review &&
    (state.status === 'under_review' ||
      state.status === 'changes_requested' ||
      state.status === 'renewal_under_review');
  return (
    <>
      <BackLink campaign={can.campaign} />
      <div className="page-heading page-heading--commune">
        <h1>{names.commune(nis, name)}</h1>
        <StatusBadge status={state.status} />
        <p className="page-heading__meta">
          {t('commune.nis', { nis })} · {t('commune.revision', { revision })}
          {asOf && <> · {t('commune.asOf', { date: formatDateTime(asOf) })}</>}
        </p>
        {reviewable && (
          <p>
            <Link className="button" to={`/revue/${nis}`}>
              {t('commune.review.open')}
            </Link>
          </p>
        )}
      </div>
      <div className="columns">
        <TitleSection state={state} />
        <MomentumSection state={state} />
      </div>
      <ChecklistSection state={state} />
      {(state.review || state.changeRequest) && <ReviewSection state={state} />}
      <div className="columns">
        <CopilSection state={state} people={people.state === 'ready' ? people.data : null} />
        <PartnersSection state={state} partners={partners} />
      </div>
      {can.history && <Timeline history={history} />}
    </>
  );
}

function BackLink({ campaign }: { readonly campaign: boolean }) {
  return (
    <p className="back">
      <Link to="/communes">← {campaign ? t('commune.back') : t('communes.titleCopil')}</Link>
    </p>
  );
}

function daysFromToday(date: string): number {
  const today = new Date();
  const utcToday = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - utcToday) / DAY);
}

function TitleSection({ state }: { readonly state: CommuneState }) {
  const title = state.title;
  return (
    <section className="panel" aria-labelledby="title-heading">
      <h2 id="title-heading">{t('commune.title.heading')}</h2>
      {title ? (
        <>
          <p className="big">{t('commune.title.cycle', { cycle: title.cycle })}</p>
          <p>
            {t('commune.title.validity', { from: formatDate(title.validFrom), until: formatDate(title.validUntil) })}
          </p>
          <Remaining until={title.validUntil} />
        </>
      ) : (
        <p>{t('commune.title.none')}</p>
      )}
      {state.formerTitle && (
        <>
          <p>
            {t('commune.title.former', {
              cycle: state.formerTitle.cycle,
              until: formatDate(state.formerTitle.validUntil),
            })}
          </p>
          {state.reasons && state.reasons.length > 0 && (
            <p>
              {t('commune.title.endReasons')} : {state.reasons.join(' ; ')}
            </p>
          )}
        </>
      )}
      {state.status === 'merged' && state.successorNis && (
        <p>
          {t('commune.title.merged', { date: formatDate(state.effectiveOn), successor: state.successorNis })}{' '}
          <Link to={`/communes/${state.successorNis}`}>{state.successorNis}</Link>
        </p>
      )}
      <h3>{t('commune.fom.heading')}</h3>
      {state.fairOMeterRequest && (
        <p>
          {t('commune.fom.requested', {
            edition: state.fairOMeterRequest.edition,
            date: formatDate(state.fairOMeterRequest.dueOn),
          })}
        </p>
      )}
      {state.fairOMeters.length === 0 ? (
        <p className="muted">{t('commune.fom.none')}</p>
      ) : (
        <ul>
          {state.fairOMeters.map((f) => (
            <li key={f.edition}>
              {t('commune.fom.history', { edition: f.edition, total: f.total, grade: f.grade ?? t('app.unknown') })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Remaining({ until }: { readonly until: string }) {
  const days = daysFromToday(until);
  const tone = days < 0 ? 'late' : days <= 90 ? 'soon' : 'ok';
  return (
    <p className={`remaining remaining--${tone}`}>
      {days >= 0 ? t('commune.title.remaining', { days }) : t('commune.title.expired', { days: -days })}
    </p>
  );
}

function MomentumSection({ state }: { readonly state: CommuneState }) {
  const lastAlert = state.alerts.at(-1);
  if (state.status !== 'losing_momentum' && !state.momentum) {
    if (!lastAlert) return null;
  }
  const plan = state.momentum?.supportPlan ?? null;
  return (
    <section className="panel" aria-labelledby="momentum-heading">
      <h2 id="momentum-heading">{t('commune.momentum.heading')}</h2>
      {state.momentum && (
        <p className="notice notice--warning">
          {t('commune.momentum.since', { date: formatDate(state.momentum.since) })}
        </p>
      )}
      {lastAlert && (
        <p>
          {t('commune.momentum.lastAlert', {
            date: formatDate(lastAlert.raisedAt),
            reasons: lastAlert.reasons.map(reasonLabel).join(', '),
          })}
          {lastAlert.note && <> — {lastAlert.note}</>}
        </p>
      )}
      {state.momentum &&
        (plan ? (
          <>
            <h3>{t('commune.momentum.plan')}</h3>
            <p className="muted">{formatDate(plan.openedAt)}</p>
            {plan.difficulties.length > 0 && (
              <>
                <h4>{t('commune.momentum.difficulties')}</h4>
                <ul>
                  {plan.difficulties.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              </>
            )}
            {plan.plannedActions.length > 0 && (
              <>
                <h4>{t('commune.momentum.actions')}</h4>
                <ul>
                  {plan.plannedActions.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              </>
            )}
            {plan.sponsorNis && (
              <p>
                {t('commune.momentum.sponsor')} : <Link to={`/communes/${plan.sponsorNis}`}>{plan.sponsorNis}</Link>
              </p>
            )}
          </>
        ) : (
          <p>{t('commune.momentum.noPlan')}</p>
        ))}
    </section>
  );
}

/** Evidence of each criterion as recorded now, for communes without an open dossier (and beside the dossier's). */
function evidenceLine(state: CommuneState, criterion: Criterion): string {
  const e = state.evidence;
  switch (criterion) {
    case 1: {
      const latest = [...e.councilResolutions].sort((a, b) => a.votedOn.localeCompare(b.votedOn)).at(-1);
      if (!latest) return t('commune.evidence.noResolution');
      const election = e.localElections.at(-1);
      const reconfirm = election && election.reconfirmedOn === null && latest.votedOn < election.heldOn;
      return (
        t('commune.evidence.resolution', {
          date: formatDate(latest.votedOn),
          products: latest.fairTradeProducts.join(', '),
        }) + (reconfirm ? ' ' + t('commune.evidence.reconfirm', { date: formatDate(election.heldOn) }) : '')
      );
    }
    case 2:
      return t('commune.evidence.partners', {
        count: e.partners.filter((p) => p.kind === 'shop' || p.kind === 'horeca').length,
      });
    case 3:
      return t('commune.evidence.partners', {
        count: e.partners.filter((p) => p.kind !== 'shop' && p.kind !== 'horeca').length,
      });
    case 4:
      return t('commune.evidence.communication', { count: e.communicationActions.length });
    case 5:
      return t('commune.evidence.copil', {
        count: e.copilMembers.length,
        sectors: new Set(e.copilMembers.map((m) => m.sector)).size,
      });
    case 6:
      return t('commune.evidence.localProducts', { count: e.localProductActions.length });
  }
}

function evidenceKeyLabel(key: string): string {
  const dictionaryKey = `evidenceKey.${key}`;
  return hasKey(dictionaryKey) ? t(dictionaryKey) : key;
}

/** « horeca : 1 sur 2 exigé(s) » for each requirement, then the other figures the reviewer may want. */
function RequiredAgainstShown({ check }: { readonly check: CriterionCheck }) {
  const required = Object.entries(check.required);
  const others = Object.entries(check.evidence).filter(([key]) => !(key in check.required));
  return (
    <>
      <ul className="requirements">
        {required.map(([key, value]) => {
          const shown = check.evidence[key] ?? 0;
          return (
            <li key={key} className={shown >= value ? undefined : 'requirements__short'}>
              {t('commune.checklist.against', {
                label: evidenceKeyLabel(key),
                shown: formatNumber(shown),
                required: formatNumber(value),
              })}
            </li>
          );
        })}
      </ul>
      {others.length > 0 && (
        <p className="muted">
          {t('commune.checklist.also', {
            figures: others
              .map(([key, value]) =>
                t('commune.checklist.figure', { label: evidenceKeyLabel(key), value: formatNumber(value) }),
              )
              .join(', '),
          })}
        </p>
      )}
    </>
  );
}

export function ChecklistSection({ state }: { readonly state: CommuneState }) {
  const dossier = state.dossier;
  const checks = new Map<number, CriterionCheck>((dossier?.checklist ?? []).map((c) => [c.criterion, c]));
  return (
    <section className="panel" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">{t('commune.checklist.heading')}</h2>
      <p className="muted">
        {dossier
          ? t('commune.checklist.fromDossier', {
              number: dossier.number,
              date: formatDate(dossier.submittedAt),
              set: dossier.criteriaSetId,
              population: formatNumber(dossier.population),
            })
          : t('commune.checklist.noDossier')}
      </p>
      {dossier?.acknowledgedIncomplete && (
        <p className="notice notice--warning">{t('commune.checklist.acknowledged')}</p>
      )}
      <ol className="checklist">
        {CRITERIA.map((criterion) => {
          const check = checks.get(criterion);
          return (
            <li
              key={criterion}
              className={check ? (check.met ? 'checklist__item--met' : 'checklist__item--unmet') : undefined}
            >
              <div className="checklist__head">
                <span className="checklist__name">
                  {t('criterion.number', { n: criterion })} — {criterionLabel(criterion)}
                </span>
                {check && (
                  <span className={`tag ${check.met ? 'tag--ok' : 'tag--bad'}`}>
                    <span aria-hidden="true">{check.met ? '✓ ' : '✗ '}</span>
                    {check.met ? t('commune.checklist.met') : t('commune.checklist.unmet')}
                  </span>
                )}
              </div>
              <p>
                {t('commune.checklist.evidence')} : {evidenceLine(state, criterion)}
              </p>
              {check && Object.keys(check.required).length > 0 && <RequiredAgainstShown check={check} />}
              {check && check.missing.length > 0 && (
                <div className="checklist__missing">
                  <p>{t('commune.checklist.missing')} :</p>
                  <ul lang="en">
                    {check.missing.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function ReviewSection({ state }: { readonly state: CommuneState }) {
  const { session } = useSession();
  const actorOf = useActors();
  // Reviewers are recorded by token id: shown by the token's label, and « vous » to the person holding it.
  const reviewer = (id: string) => (id === session?.tokenId ? t('commune.review.you') : (actorOf(id)?.label ?? id));
  return (
    <section className="panel" aria-labelledby="review-heading">
      <h2 id="review-heading">{t('commune.review.heading')}</h2>
      {state.review ? (
        <p>
          {t('commune.review.reviewer', {
            id: reviewer(state.review.reviewerId),
            date: formatDate(state.review.startedAt),
          })}
        </p>
      ) : (
        <p>{t('commune.review.notStarted')}</p>
      )}
      {state.changeRequest && (
        <>
          <h3>{t('commune.review.changes', { date: formatDate(state.changeRequest.dueOn) })}</h3>
          <ul>
            {state.changeRequest.changes.map((c) => (
              <li key={c.criterion}>
                <strong>{t('criterion.number', { n: c.criterion })}</strong> — {c.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {state.review && state.review.comments.length > 0 && (
        <>
          <h3>{t('commune.review.comments')}</h3>
          <ul>
            {state.review.comments.map((c) => (
              <li key={c.commentId}>
                <strong>{t('criterion.number', { n: c.criterion })}</strong> ({formatDateTime(c.at)}) — {c.comment}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CopilSection({ state, people }: { readonly state: CommuneState; readonly people: readonly Contact[] | null }) {
  const { copilMembers, charter, meetings } = state.evidence;
  const lastMeeting = [...meetings].sort((a, b) => a.heldOn.localeCompare(b.heldOn)).at(-1);
  return (
    <section className="panel" aria-labelledby="copil-heading">
      <h2 id="copil-heading">{t('commune.copil.heading')}</h2>
      {copilMembers.length === 0 ? (
        <p>{t('commune.copil.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('commune.copil.person')}</th>
                <th scope="col">{t('commune.copil.role')}</th>
                <th scope="col">{t('commune.copil.sector')}</th>
                <th scope="col">{t('commune.copil.joined')}</th>
              </tr>
            </thead>
            <tbody>
              {copilMembers.map((m) => (
                <tr key={m.personId}>
                  <th scope="row">
                    <PersonName personId={m.personId} people={people} />
                  </th>
                  <td>{label('copilRole', m.role)}</td>
                  <td>{label('sector', m.sector)}</td>
                  <td>{formatDate(m.joinedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        {charter
          ? t('commune.copil.charter', {
              date: formatDate(charter.adoptedOn),
              sections: charter.sections.map((s) => label('charter', s)).join(', '),
            })
          : t('commune.copil.noCharter')}
      </p>
      <p>
        {lastMeeting
          ? t('commune.copil.lastMeeting', { date: formatDate(lastMeeting.heldOn) })
          : t('commune.copil.noMeeting')}
      </p>
    </section>
  );
}

const REQUIREMENT_KINDS = { shops: 'shop', horeca: 'horeca', organisations: 'business' } as const;

function PartnersSection({
  state,
  partners,
}: {
  readonly state: CommuneState;
  readonly partners: Resource<CommunePartners>;
}) {
  const missing = partners.state === 'failed' && isMissingEndpoint(partners.error);
  const registered = (kind: string) => state.evidence.partners.filter((p) => p.kind === kind).length;
  return (
    <section className="panel" aria-labelledby="partners-heading">
      <h2 id="partners-heading">{t('commune.partners.heading')}</h2>
      {partners.state === 'loading' && <Loading />}
      {partners.state === 'failed' && !missing && <ProblemMessage error={partners.error} />}
      {missing && <MissingEndpoint endpoint="GET /api/communes/:nis/partners" />}
      {partners.state === 'ready' && (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('commune.partners.kind')}</th>
                <th scope="col" className="num">
                  {t('commune.partners.count')}
                </th>
                <th scope="col" className="num">
                  {t('commune.partners.required')}
                </th>
              </tr>
            </thead>
            <tbody>
              {partners.data.requirements.map((r) => (
                <tr key={r.key} className={r.met ? undefined : 'row--unmet'}>
                  <th scope="row">
                    {r.key === 'organisations'
                      ? `${t('partnerKind.business')}, ${t('partnerKind.organisation').toLowerCase()}, ${t('partnerKind.school').toLowerCase()}`
                      : partnerKindLabel(REQUIREMENT_KINDS[r.key])}{' '}
                    <span className="muted">({t('criterion.number', { n: r.criterion })})</span>
                  </th>
                  <td className="num">{formatNumber(r.counted)}</td>
                  <td className="num">
                    {formatNumber(r.required)}{' '}
                    <span className={`tag ${r.met ? 'tag--ok' : 'tag--bad'}`}>
                      {r.met ? t('commune.checklist.met') : t('commune.checklist.unmet')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {missing && (
        <ul>
          {PARTNER_KINDS.map((kind) => (
            <li key={kind}>
              {partnerKindLabel(kind)} : {formatNumber(registered(kind))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const FIRST_PAGE = 25;

function Timeline({ history }: { readonly history: Resource<CommuneHistory | null> }) {
  const [showAll, setShowAll] = useState(false);
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('commune.timeline.heading')}</h2>
      {history.state === 'loading' && <Loading />}
      {history.state === 'failed' && <ProblemMessage error={history.error} />}
      {history.state === 'ready' && history.data && (
        <TimelineList history={history.data} showAll={showAll} onShowAll={() => setShowAll(true)} />
      )}
    </section>
  );
}

function TimelineList({
  history,
  showAll,
  onShowAll,
}: {
  readonly history: CommuneHistory;
  readonly showAll: boolean;
  readonly onShowAll: () => void;
}) {
  const actorOf = useActors();
  if (history.events.length === 0) return <p>{t('commune.timeline.none')}</p>;
  const newestFirst = [...history.events].reverse();
  const shown = showAll ? newestFirst : newestFirst.slice(0, FIRST_PAGE);
  return (
    <>
      <p className={history.integrity.verified ? 'integrity integrity--ok' : 'notice notice--error'}>
        {history.integrity.verified
          ? t('commune.timeline.integrityOk')
          : t('commune.timeline.integrityBad', { problem: history.integrity.problem ?? '' })}
      </p>
      <ol className="timeline" reversed start={history.events.length}>
        {shown.map((event) => {
          const summary = eventSummary(event.type, event.data);
          return (
            <li key={event.id}>
              <time dateTime={event.metadata.recordedAt}>{formatDateTime(event.metadata.recordedAt)}</time>
              <span className="timeline__label">{eventLabel(event.type)}</span>
              {summary && <span className="timeline__summary">{summary}</span>}
              {event.metadata.actor && (
                <span className="timeline__actor">
                  {actorLine(actorOf(event.metadata.actor.id)?.label, event.metadata.actor.role)}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {!showAll && newestFirst.length > FIRST_PAGE && (
        <button type="button" className="button button--secondary" onClick={onShowAll}>
          {t('commune.timeline.more', { count: newestFirst.length - FIRST_PAGE })}
        </button>
      )}
    </>
  );
}

/**
 * The contact's name from the directory; the bare id when this token may not read contacts (`people` null), and the
 * id with the reason when the directory does not have it (never registered, or erased).
 */
function PersonName({ personId, people }: { readonly personId: string; readonly people: readonly Contact[] | null }) {
  if (people === null) return <code>{personId}</code>;
  const person = people.find((p) => p.personId === personId);
  if (person) return <>{person.fullName}</>;
  return (
    <>
      <code>{personId}</code> <span className="muted">({t('commune.copil.notInDirectory')})</span>
    </>
  );
}
