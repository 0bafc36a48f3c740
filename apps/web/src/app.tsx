import { useEffect } from 'react';
import { Layout } from './components/layout';
import { Loading } from './components/loading';
import { t } from './i18n/i18n';
import { Link, match, navigate, usePageTitle, useLocation } from './lib/router';
import { abilities, useSession } from './lib/session';
import { CommunePage } from './pages/commune.page';
import { CommunesPage } from './pages/communes.page';
import { DashboardPage } from './pages/dashboard.page';
import { LoginPage } from './pages/login.page';
import { ReviewPage } from './pages/review.page';

/** Picks the page for the current URL; every page but the sign-in needs a session. */
export function App() {
  const { session, restoring } = useSession();
  const { path, search } = useLocation();
  const query = search.toString();

  useEffect(() => {
    if (restoring) return;
    if (!session && path !== '/connexion') {
      const here = path + (query ? `?${query}` : '');
      navigate(path === '/' ? '/connexion' : `/connexion?suite=${encodeURIComponent(here)}`, { replace: true });
    }
    if (session && path === '/' && !abilities(session).campaign) navigate('/communes', { replace: true });
  }, [session, restoring, path, query]);

  if (restoring) return <Loading />;
  return <Layout>{session ? <Page path={path} /> : <LoginPage />}</Layout>;
}

function Page({ path }: { readonly path: string }) {
  if (path === '/') return <DashboardPage />;
  if (path === '/communes') return <CommunesPage />;
  const commune = match('/communes/:nis', path);
  if (commune) return <CommunePage nis={commune.nis!} />;
  if (path === '/revue') return <ReviewPage />;
  const review = match('/revue/:nis', path);
  if (review) return <ReviewPage nis={review.nis!} />;
  if (path === '/connexion') return <LoginPage />;
  return <NotFound />;
}

function NotFound() {
  usePageTitle(t('app.notFound.title'));
  return (
    <section>
      <h1>{t('app.notFound.title')}</h1>
      <p>{t('app.notFound.body')}</p>
      <p>
        <Link to="/">{t('app.notFound.back')}</Link>
      </p>
    </section>
  );
}
