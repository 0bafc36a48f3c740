import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { Notice } from '../components/notice';
import { ProblemMessage } from '../components/problem-message';
import { t } from '../i18n/i18n';
import { navigate, usePageTitle, useLocation } from '../lib/router';
import { abilities, useSession } from '../lib/session';

const TOKEN_SHAPE = /^cdce_[A-Za-z0-9_-]{43}$/;

/** *Connexion*: paste a bearer token; it is checked with the server before it is kept. */
export function LoginPage() {
  usePageTitle(t('login.title'));
  const { session, signIn, signOutReason } = useSession();
  const { search } = useLocation();
  const [token, setToken] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!session) return;
    const next = search.get('suite');
    // Only a path of this app: never an absolute URL handed in by a crafted link.
    const safe = next && next.startsWith('/') && !next.startsWith('//') ? next : null;
    navigate(safe ?? (abilities(session).campaign ? '/' : '/communes'), { replace: true });
  }, [session, search]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    setFailure(null);
    if (!value) return setFieldError(t('login.required'));
    if (!TOKEN_SHAPE.test(value)) return setFieldError(t('login.malformed'));
    setFieldError(null);
    setBusy(true);
    try {
      await signIn(value);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setFieldError(t('login.rejected'));
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="login">
      <p className="login__brand" aria-hidden="true">
        <span className="brand__mark">{t('app.brand')}</span>
      </p>
      <h1>{t('login.title')}</h1>
      <p className="login__app">{t('app.title')}</p>
      {signOutReason === 'signed_out' && <Notice kind="info">{t('login.signedOut')}</Notice>}
      {signOutReason === 'expired' && <Notice kind="warning">{t('login.expired')}</Notice>}
      <p>{t('login.intro')}</p>
      <form onSubmit={submit} noValidate className="form">
        <div className={`field${fieldError ? ' field--invalid' : ''}`}>
          <label htmlFor="token">{t('login.token')}</label>
          <p id="token-hint" className="field__hint">
            {t('login.tokenHint')}
          </p>
          <input
            id="token"
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-describedby={fieldError ? 'token-hint token-error' : 'token-hint'}
            aria-invalid={fieldError ? true : undefined}
            required
          />
          {fieldError && (
            <p id="token-error" className="field__error" role="alert">
              {fieldError}
            </p>
          )}
        </div>
        {failure !== null && <ProblemMessage error={failure} />}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('login.checking') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}
