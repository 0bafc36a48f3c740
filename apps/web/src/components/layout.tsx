import type { ReactNode } from 'react';
import { t } from '../i18n/i18n';
import { Link, useLocation } from '../lib/router';
import { abilities, useSession } from '../lib/session';
import { LanguageSwitch } from './language-switch';

/** The frame of every signed-in page: skip link, header with navigation and sign-out, and the main region. */
export function Layout({ children }: { readonly children: ReactNode }) {
  const { session, signOut } = useSession();
  const { path } = useLocation();
  if (!session)
    return (
      <main id="main">
        <div className="language-bar">
          <LanguageSwitch />
        </div>
        {children}
      </main>
    );
  const can = abilities(session);
  const links = [
    ...(can.campaign ? [{ to: '/', label: t('nav.dashboard'), active: path === '/' }] : []),
    {
      to: '/communes',
      label: can.campaign ? t('nav.communes') : t('nav.myCommunes'),
      active: path.startsWith('/communes'),
    },
    ...(can.review ? [{ to: '/revue', label: t('nav.review'), active: path.startsWith('/revue') }] : []),
  ];
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={can.campaign ? '/' : '/communes'} className="brand">
            <span className="brand__mark" aria-hidden="true">
              {t('app.brand')}
            </span>
            <span className="brand__text">
              {t('app.title')}
              <small>{t('app.subtitle')}</small>
            </span>
          </Link>
          <nav aria-label={t('nav.label')} className="site-nav">
            <ul>
              {links.map((link) => (
                <li key={link.to}>
                  <Link to={link.to} aria-current={link.active ? 'page' : undefined}>
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="site-user">
            <LanguageSwitch />
            <span className="site-user__label">
              {t('nav.signedInAs', { label: session.label, role: t(`role.${session.role}`) })}
            </span>
            <button type="button" className="button button--ghost" onClick={() => signOut()}>
              {t('nav.signOut')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
