import { get } from '../api/client';
import type { ActivityPage, CommuneStatus, DashboardFigures, StatusCounts } from '../api/types';
import { type ChartSeries, StackedBarChart } from '../components/bar-chart';
import { Loading } from '../components/loading';
import { isMissingEndpoint, MissingEndpoint, ProblemMessage } from '../components/problem-message';
import { StatusBadge } from '../components/status-badge';
import { eventLabel, formatDate, formatDateTime, formatNumber, formatPercent, type MessageKey, t } from '../i18n/i18n';
import { actorLine, useActors } from '../lib/actors';
import { useLocalNames } from '../lib/local-names';
import { Link, usePageTitle } from '../lib/router';
import { abilities, useSession } from '../lib/session';
import { type Resource, useResource } from '../lib/use-resource';

/** Status groups of the province chart: what the coordination reads at a glance. */
const GROUPS: readonly {
  readonly key: string;
  readonly label: MessageKey;
  readonly tone: string;
  readonly statuses: readonly CommuneStatus[];
}[] = [
  {
    key: 'holding',
    label: 'group.holding',
    tone: 'tone-holding',
    statuses: ['titled', 'renewed', 'renewal_under_review'],
  },
  { key: 'losing', label: 'group.losing', tone: 'tone-losing', statuses: ['losing_momentum'] },
  {
    key: 'candidate',
    label: 'group.candidate',
    tone: 'tone-candidate',
    statuses: ['candidate', 'under_review', 'changes_requested'],
  },
  { key: 'ended', label: 'group.ended', tone: 'tone-ended', statuses: ['lapsed', 'relinquished', 'withdrawn'] },
];

/*
 * Automatic reminders are most of the feed on a busy night and say nothing a coordinator acts on: the feed asks for
 * more events than it shows and leaves the reminders out (each commune's history still lists them).
 */
const ACTIVITY_FETCHED = 80;
const ACTIVITY_SHOWN = 12;
const QUIET_EVENTS: ReadonlySet<string> = new Set(['ReminderSent']);

/** *Tableau de bord*: the page a coordinator opens each morning. */
export function DashboardPage() {
  usePageTitle(t('dashboard.title'));
  const { session } = useSession();
  const [figures, reload] = useResource('dashboard', (signal) => get<DashboardFigures>('/api/dashboard', signal));
  const [activity] = useResource('activity', (signal) =>
    get<ActivityPage>(`/api/activity?limit=${ACTIVITY_FETCHED}`, signal),
  );
  const canReview = session ? abilities(session).review : false;

  return (
    <>
      <div className="page-heading">
        <h1>{t('dashboard.title')}</h1>
        {figures.state === 'ready' && (
          <p className="page-heading__meta">{t('dashboard.intro', { date: formatDate(figures.data.today) })}</p>
        )}
      </div>
      <Figures resource={figures} reload={reload} canReview={canReview} />
      <div className="columns">
        <section className="panel" aria-labelledby="momentum-title">
          <h2 id="momentum-title">{t('dashboard.momentum.title')}</h2>
          {figures.state === 'ready' && <MomentumList figures={figures.data} />}
          {figures.state !== 'ready' && <Placeholder resource={figures} endpoint="GET /api/dashboard" />}
        </section>
        <section className="panel" aria-labelledby="deadlines-title">
          <h2 id="deadlines-title">{t('dashboard.deadlines.title')}</h2>
          {figures.state === 'ready' && <Deadlines figures={figures.data} />}
          {figures.state !== 'ready' && <Placeholder resource={figures} endpoint="GET /api/dashboard" />}
        </section>
      </div>
      {figures.state === 'ready' && <Charts figures={figures.data} />}
      <section className="panel" aria-labelledby="activity-title">
        <h2 id="activity-title">{t('dashboard.activity.title')}</h2>
        <Activity resource={activity} />
      </section>
    </>
  );
}

function Placeholder({ resource, endpoint }: { readonly resource: Resource<unknown>; readonly endpoint: string }) {
  if (resource.state === 'loading') return <Loading />;
  if (resource.state === 'failed' && isMissingEndpoint(resource.error)) return <MissingEndpoint endpoint={endpoint} />;
  return null;
}

function Figures({
  resource,
  reload,
  canReview,
}: {
  readonly resource: Resource<DashboardFigures>;
  readonly reload: () => void;
  readonly canReview: boolean;
}) {
  if (resource.state === 'loading') return <Loading />;
  if (resource.state === 'failed') {
    if (isMissingEndpoint(resource.error)) return <MissingEndpoint endpoint="GET /api/dashboard" />;
    return <ProblemMessage error={resource.error} onRetry={reload} />;
  }
  const f = resource.data;
  const count = (...statuses: CommuneStatus[]) => statuses.reduce((sum, s) => sum + (f.byStatus[s] ?? 0), 0);
  const pending = count('under_review', 'renewal_under_review');
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title" className="visually-hidden">
        {t('dashboard.figures')}
      </h2>
      <ul className="figures">
        <li className="figure figure--holding">
          <span className="figure__label">{t('dashboard.titled')}</span>
          <span className="figure__value">{formatNumber(f.titled.holders)}</span>
          <span className="figure__hint">
            {t('dashboard.titledOf', { total: formatNumber(f.campaignCommunes), share: formatPercent(f.titled.share) })}
          </span>
        </li>
        <li className="figure figure--candidate">
          <span className="figure__label">{t('dashboard.candidates')}</span>
          <span className="figure__value">{formatNumber(count('candidate', 'under_review', 'changes_requested'))}</span>
          <span className="figure__hint">
            {t('dashboard.candidatesHint', { count: formatNumber(count('changes_requested')) })}
          </span>
        </li>
        <li className="figure figure--losing">
          <span className="figure__label">{t('dashboard.losingMomentum')}</span>
          <span className="figure__value">{formatNumber(f.losingMomentum.total)}</span>
          <span className="figure__hint">{t('dashboard.losingMomentumHint')}</span>
        </li>
        <li className="figure">
          <span className="figure__label">{t('dashboard.renewals30')}</span>
          <span className="figure__value">{formatNumber(f.renewalsDue.within30Days)}</span>
          <span className="figure__hint">
            {t('dashboard.renewals90')} : {formatNumber(f.renewalsDue.within90Days)}
          </span>
        </li>
        <li className="figure figure--pending">
          <span className="figure__label">{t('dashboard.pending')}</span>
          <span className="figure__value">{formatNumber(pending)}</span>
          <span className="figure__hint">
            {canReview ? <Link to="/revue">{t('dashboard.openQueue')}</Link> : t('dashboard.pendingHint')}
          </span>
        </li>
      </ul>
      {f.renewalsDue.overdue > 0 && (
        <p className="notice notice--warning">
          {t('dashboard.overdue', { count: formatNumber(f.renewalsDue.overdue) })}
        </p>
      )}
    </section>
  );
}

function MomentumList({ figures }: { readonly figures: DashboardFigures }) {
  const names = useLocalNames();
  const { communes, total } = figures.losingMomentum;
  if (total === 0) return <p className="empty">{t('dashboard.momentum.none')}</p>;
  const shown = communes.slice(0, 8);
  return (
    <>
      <ul className="item-list">
        {shown.map((c) => (
          <li key={c.nis}>
            <Link to={`/communes/${c.nis}`} className="item-list__title">
              {names.commune(c.nis, c.name)}
            </Link>
            {c.since && (
              <span className="item-list__meta"> {t('dashboard.momentum.since', { date: formatDate(c.since) })}</span>
            )}
            <ul className="tags" aria-label={t('dashboard.momentum.reasons')}>
              {c.reasons.map((reason) => (
                <li key={reason} className="tag">
                  {t(`reason.${reason}`)}
                </li>
              ))}
              <li className={`tag ${c.supportPlan ? 'tag--ok' : 'tag--warn'}`}>
                {c.supportPlan ? t('dashboard.momentum.plan') : t('dashboard.momentum.noPlan')}
              </li>
            </ul>
          </li>
        ))}
      </ul>
      {total > shown.length && (
        <p>
          <Link to="/communes?status=losing_momentum">
            {t('dashboard.momentum.more', { count: total - shown.length })}
          </Link>
        </p>
      )}
    </>
  );
}

function Deadlines({ figures }: { readonly figures: DashboardFigures }) {
  const names = useLocalNames();
  const due = figures.renewalsDue.communes.slice(0, 10);
  if (due.length === 0) return <p className="empty">{t('dashboard.deadlines.none')}</p>;
  return (
    <ul className="item-list">
      {due.map((c) => (
        <li key={c.nis} className={c.daysLeft < 0 ? 'item-list__item--late' : undefined}>
          <Link to={`/communes/${c.nis}`} className="item-list__title">
            {names.commune(c.nis, c.name)}
          </Link>{' '}
          <StatusBadge status={c.status} />
          <span className="item-list__meta">
            {t('dashboard.deadlines.titleEnds')} : {formatDate(c.validUntil)} —{' '}
            <strong>
              {c.daysLeft > 0
                ? t('dashboard.deadlines.inDays', { days: c.daysLeft })
                : c.daysLeft === 0
                  ? t('dashboard.deadlines.today')
                  : t('dashboard.deadlines.overdue', { days: -c.daysLeft })}
            </strong>
          </span>
        </li>
      ))}
    </ul>
  );
}

function groupCounts(byStatus: StatusCounts): Record<string, number> {
  return Object.fromEntries(GROUPS.map((g) => [g.key, g.statuses.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0)]));
}

function Charts({ figures }: { readonly figures: DashboardFigures }) {
  const names = useLocalNames();
  const groupSeries: ChartSeries[] = GROUPS.map((g) => ({ key: g.key, label: t(g.label), tone: g.tone }));
  const provinces = figures.byProvince.map((p) => ({
    label: p.province ? names.province(p.province) : t('dashboard.province.none'),
    values: groupCounts(p.byStatus),
  }));
  const engaged = provinces.some((p) => Object.values(p.values).some((v) => v > 0));
  const yearSeries: ChartSeries[] = [
    { key: 'awarded', label: t('dashboard.byYear.awarded'), tone: 'tone-holding' },
    { key: 'renewed', label: t('dashboard.byYear.renewed'), tone: 'tone-renewed' },
    { key: 'lost', label: t('dashboard.byYear.lost'), tone: 'tone-ended' },
  ];
  const years = figures.titlesPerYear.map((y) => ({
    label: String(y.year),
    values: { awarded: y.awarded, renewed: y.renewed, lost: y.lost },
  }));
  const median = figures.timeToFirstTitle;
  return (
    <div className="columns">
      <section className="panel" aria-labelledby="provinces-title">
        <h2 id="provinces-title">{t('dashboard.byProvince.title')}</h2>
        {engaged ? (
          <StackedBarChart
            title={t('dashboard.byProvince.caption')}
            caption={t('dashboard.byProvince.caption')}
            series={groupSeries}
            rows={provinces}
            orientation="horizontal"
            rowHeader={t('dashboard.table.province')}
          />
        ) : (
          <p className="empty">{t('dashboard.byProvince.none')}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="years-title">
        <h2 id="years-title">{t('dashboard.byYear.title')}</h2>
        {years.length > 0 ? (
          <StackedBarChart
            title={t('dashboard.byYear.caption')}
            caption={t('dashboard.byYear.caption')}
            series={yearSeries}
            rows={years}
            orientation="vertical"
            rowHeader={t('dashboard.table.year')}
          />
        ) : (
          <p className="empty">{t('dashboard.byYear.none')}</p>
        )}
        {median && median.medianMonths !== null && (
          <p className="panel__note">
            {t('dashboard.medianTime', { months: formatNumber(median.medianMonths), count: median.communes })}
          </p>
        )}
      </section>
    </div>
  );
}

function Activity({ resource }: { readonly resource: Resource<ActivityPage> }) {
  const names = useLocalNames();
  const actorOf = useActors();
  if (resource.state === 'loading') return <Loading />;
  if (resource.state === 'failed') {
    if (isMissingEndpoint(resource.error)) return <MissingEndpoint endpoint="GET /api/activity" />;
    return <ProblemMessage error={resource.error} />;
  }
  const items = resource.data.items.filter((item) => !QUIET_EVENTS.has(item.type)).slice(0, ACTIVITY_SHOWN);
  if (items.length === 0) return <p className="empty">{t('dashboard.activity.none')}</p>;
  return (
    <>
      <ol className="activity">
        {items.map((item) => (
          <li key={item.position}>
            <time dateTime={item.recordedAt}>{formatDateTime(item.recordedAt)}</time>
            <span>
              <Link to={`/communes/${item.nis}`}>{names.commune(item.nis, item.name)}</Link> — {eventLabel(item.type)}{' '}
              <span className="muted">({actorLine(actorOf(item.actorId)?.label, item.actorRole)})</span>
            </span>
          </li>
        ))}
      </ol>
      <p className="panel__note">{t('dashboard.activity.hint')}</p>
    </>
  );
}
