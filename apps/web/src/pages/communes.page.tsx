import { useEffect, useState } from 'react';
import { get, query } from '../api/client';
import { COMMUNE_STATUSES, type CommuneList } from '../api/types';
import { Loading } from '../components/loading';
import { ProblemMessage } from '../components/problem-message';
import { StatusBadge } from '../components/status-badge';
import { currentLanguage, formatDate, formatNumber, reasonLabel, t } from '../i18n/i18n';
import { useLocalNames } from '../lib/local-names';
import { Link, navigate, usePageTitle, useLocation } from '../lib/router';
import { abilities, useSession } from '../lib/session';
import { useResource } from '../lib/use-resource';

/** The provinces of the campaign (Wallonia); Brussels' communes have no province and are found by region. */
const PROVINCES = ['Brabant wallon', 'Hainaut', 'Liège', 'Luxembourg', 'Namur'] as const;
const REGIONS = ['wallonia', 'brussels'] as const;
const SORTS = ['name', 'status', 'validUntil', 'population', 'updatedAt'] as const;
const FILTERS = ['status', 'province', 'region', 'q', 'sort'] as const;
type Filter = (typeof FILTERS)[number];

/** The French names given, in the order of the names the reader sees (« Henegouwen, Luik… » in Dutch). */
function byLocalName(french: readonly string[], local: (french: string) => string): string[] {
  const collator = new Intl.Collator(currentLanguage());
  return [...french].sort((a, b) => collator.compare(local(a), local(b)));
}

/** *Communes*: filter by status, province, region; search by name in French, Dutch or German; sort. */
export function CommunesPage() {
  const { session } = useSession();
  const campaign = session ? abilities(session).campaign : true;
  const title = campaign ? t('communes.title') : t('communes.titleCopil');
  const names = useLocalNames();
  usePageTitle(title);
  const { search } = useLocation();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, search.get(f) ?? ''])) as Record<Filter, string>;
  // Sorted by the names this reader sees: the API sorts by the names of the language it is given.
  const language = currentLanguage();
  const key = query({ ...filters, limit: 500, ...(language === 'fr' ? {} : { lang: language }) });
  const [list, reload] = useResource(key, (signal) => get<CommuneList>(`/api/communes${key}`, signal));
  const [text, setText] = useState(filters.q);

  // Read from the address bar at call time, not from this render: a search that fires after a pause must not undo
  // a filter chosen meanwhile.
  const setFilter = (name: Filter, value: string) => {
    const current = new URLSearchParams(window.location.search);
    const next = Object.fromEntries(FILTERS.map((f) => [f, current.get(f) ?? '']));
    navigate(`/communes${query({ ...next, [name]: value })}`, { replace: true });
  };

  // Searching as one types, but only once typing pauses: one request per word, not per letter.
  useEffect(() => {
    if (text === filters.q) return;
    const timer = window.setTimeout(() => setFilter('q', text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);

  const active = FILTERS.some((f) => f !== 'sort' && filters[f]);
  return (
    <>
      <div className="page-heading">
        <h1>{title}</h1>
      </div>
      <form
        className="filters"
        role="search"
        aria-label={t('communes.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          setFilter('q', text.trim());
        }}
      >
        <div className="field field--search">
          <label htmlFor="q">{t('communes.search')}</label>
          <input
            id="q"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="q-hint"
            autoComplete="off"
          />
          <p id="q-hint" className="field__hint">
            {t('communes.searchHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="status">{t('communes.status')}</label>
          <select id="status" value={filters.status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{t('communes.all')}</option>
            {COMMUNE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {campaign && (
          <>
            <div className="field">
              <label htmlFor="province">{t('communes.province')}</label>
              <select id="province" value={filters.province} onChange={(e) => setFilter('province', e.target.value)}>
                <option value="">{t('communes.allProvinces')}</option>
                {byLocalName(PROVINCES, names.province).map((p) => (
                  <option key={p} value={p}>
                    {names.province(p)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="region">{t('communes.region')}</label>
              <select id="region" value={filters.region} onChange={(e) => setFilter('region', e.target.value)}>
                <option value="">{t('communes.allRegions')}</option>
                {REGIONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`region.${r}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="sort">{t('communes.sort')}</label>
          <select
            id="sort"
            value={filters.sort || 'name'}
            onChange={(e) => setFilter('sort', e.target.value === 'name' ? '' : e.target.value)}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`communes.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {active && (
          <div className="filters__reset">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setText('');
                navigate(`/communes${query({ sort: filters.sort })}`, { replace: true });
              }}
            >
              {t('communes.reset')}
            </button>
          </div>
        )}
      </form>
      {list.state === 'loading' && <Loading />}
      {list.state === 'failed' && <ProblemMessage error={list.error} onRetry={reload} />}
      {list.state === 'ready' && <CommuneTable list={list.data} busy={list.refreshing} />}
    </>
  );
}

function CommuneTable({ list, busy }: { readonly list: CommuneList; readonly busy: boolean }) {
  const names = useLocalNames();
  // The reader's language first, the other national language beside it (« Luik / Liège »).
  const language = currentLanguage();
  const other = language === 'nl' ? 'fr' : 'nl';
  return (
    <section aria-busy={busy}>
      <p className="result-count" role="status">
        {t('communes.count', { count: formatNumber(list.total) })}
      </p>
      {list.items.length === 0 ? (
        <p className="empty">{t('communes.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('communes.tableCaption', { count: list.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('communes.col.name')}</th>
                <th scope="col">{t('communes.col.status')}</th>
                <th scope="col" className="hide-narrow">
                  {t('communes.col.province')}
                </th>
                <th scope="col">{t('communes.col.validUntil')}</th>
                <th scope="col" className="hide-narrow">
                  {t('communes.col.grade')}
                </th>
                <th scope="col" className="num hide-narrow">
                  {t('communes.col.population')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((c) => (
                <tr key={c.nis}>
                  <th scope="row">
                    <Link to={`/communes/${c.nis}`}>{c.names[language]}</Link>
                    {c.names[other] !== c.names[language] && (
                      <span className="muted" lang={other}>
                        {' '}
                        / {c.names[other]}
                      </span>
                    )}
                    {c.names.de && c.names.de !== c.names.fr && c.names.de !== c.names.nl && (
                      <span className="muted" lang="de">
                        {' '}
                        / {c.names.de}
                      </span>
                    )}
                  </th>
                  <td>
                    <StatusBadge status={c.status} />
                    {c.openAlertReasons.length > 0 && (
                      <span className="alert-reasons">{c.openAlertReasons.map(reasonLabel).join(', ')}</span>
                    )}
                  </td>
                  <td className="hide-narrow">
                    {c.province
                      ? names.province(c.province)
                      : t(`region.${c.region === 'brussels' ? 'brussels' : 'wallonia'}`)}
                  </td>
                  <td>{c.validUntil ? formatDate(c.validUntil) : t('app.unknown')}</td>
                  <td className="hide-narrow">{c.lastGrade ?? t('app.unknown')}</td>
                  <td className="num hide-narrow">{formatNumber(c.population)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
