import { get } from '../api/client';
import type { CommuneList, ReviewQueue, ReviewQueueItem } from '../api/types';
import { Loading } from '../components/loading';
import { isMissingEndpoint, ProblemMessage } from '../components/problem-message';
import { StatusBadge } from '../components/status-badge';
import { formatDate, formatNumber, t } from '../i18n/i18n';
import { useActors } from '../lib/actors';
import { useLocalNames } from '../lib/local-names';
import { Link, usePageTitle } from '../lib/router';
import { abilities, useSession } from '../lib/session';
import { useResource } from '../lib/use-resource';
import { ReviewDossier } from './review-dossier';

/** *File de revue*: dossiers waiting for the coordination, oldest first; `/revue/:nis` opens one. */
export function ReviewPage({ nis }: { readonly nis?: string }) {
  const { session } = useSession();
  const allowed = session ? abilities(session).review : false;
  usePageTitle(t('review.title'));
  if (!allowed)
    return (
      <>
        <h1>{t('review.title')}</h1>
        <p className="notice notice--info">{t('review.forbidden')}</p>
      </>
    );
  return nis ? <ReviewDossier nis={nis} /> : <Queue />;
}

interface QueueResult {
  readonly queue: ReviewQueue;
  /** True when the server has no review-queue endpoint and the list comes from the communes directory. */
  readonly fromDirectory: boolean;
}

/** The queue from `GET /api/review-queue`, or, on a server without it, from the directory filtered by status. */
async function loadQueue(signal: AbortSignal): Promise<QueueResult> {
  try {
    return { queue: await get<ReviewQueue>('/api/review-queue', signal), fromDirectory: false };
  } catch (error) {
    if (!isMissingEndpoint(error)) throw error;
  }
  const lists = await Promise.all(
    ['under_review', 'renewal_under_review'].map((status) =>
      get<CommuneList>(`/api/communes?status=${status}&sort=updatedAt&limit=500`, signal),
    ),
  );
  const items: ReviewQueueItem[] = lists
    .flatMap((list) => list.items)
    .map((c) => ({
      nis: c.nis,
      name: c.names.fr,
      kind: c.status === 'renewal_under_review' ? 'renewal' : 'candidacy',
      status: c.status,
      submittedAt: c.updatedAt,
      reviewerId: null,
      daysWaiting: null,
      revision: c.revision,
    }));
  return { queue: { total: items.length, items }, fromDirectory: true };
}

function Queue() {
  const [queue, reload] = useResource('review-queue', loadQueue);
  const actorOf = useActors();
  const names = useLocalNames();
  return (
    <>
      <div className="page-heading">
        <h1>{t('review.title')}</h1>
        <p className="page-heading__meta">{t('review.intro')}</p>
      </div>
      {queue.state === 'loading' && <Loading />}
      {queue.state === 'failed' && <ProblemMessage error={queue.error} onRetry={reload} />}
      {queue.state === 'ready' && (
        <>
          {queue.data.fromDirectory && <p className="muted">{t('review.source.directory')}</p>}
          {queue.data.queue.items.length === 0 ? (
            <p className="empty">{t('review.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">
                  {t('review.tableCaption', { count: queue.data.queue.total })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('review.col.commune')}</th>
                    <th scope="col">{t('review.col.status')}</th>
                    <th scope="col">{t('review.col.since')}</th>
                    <th scope="col" className="hide-narrow">
                      {t('review.col.reviewer')}
                    </th>
                    <th scope="col">{t('review.col.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.data.queue.items.map((item) => (
                    <tr key={item.nis}>
                      <th scope="row">
                        <Link to={`/communes/${item.nis}`}>{names.commune(item.nis, item.name)}</Link>
                        {item.dossier && item.dossier.unmet > 0 && (
                          <span className="muted block">{t('review.unmetNote', { count: item.dossier.unmet })}</span>
                        )}
                      </th>
                      <td>
                        <StatusBadge status={item.status} />
                      </td>
                      <td>
                        {formatDate(item.submittedAt)}
                        {item.daysWaiting !== null && (
                          <span className="muted block">
                            {t('review.daysWaiting', { days: formatNumber(item.daysWaiting) })}
                          </span>
                        )}
                      </td>
                      <td className="hide-narrow">
                        {item.reviewerId ? (
                          (actorOf(item.reviewerId)?.label ?? <code>{item.reviewerId}</code>)
                        ) : (
                          <span className="muted">{t('review.noReviewer')}</span>
                        )}
                      </td>
                      <td>
                        <Link
                          className="button button--small"
                          to={`/revue/${item.nis}`}
                          aria-label={`${t('review.open')} : ${names.commune(item.nis, item.name)}`}
                        >
                          {t('review.open')}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
