import { ApiError, NetworkError } from '../api/client';
import { hasKey, t } from '../i18n/i18n';

/** The French text for an error code, when the dictionary has one. */
export function codeLabel(code: string | undefined): string | null {
  if (!code) return null;
  const key = `errorCode.${code}`;
  return hasKey(key) ? t(key) : null;
}

/** The headline to show for an error: a 409 says the commune changed meanwhile, whatever its detail. */
export function errorHeadline(error: unknown): string {
  if (error instanceof NetworkError) return t('error.network');
  if (!(error instanceof ApiError)) return t('error.server');
  if (error.status === 409) return t('error.conflict');
  if (error.status === 401) return t('error.unauthenticated');
  if (error.status === 403) return t('error.forbidden');
  if (error.status >= 500) return t('error.server');
  if (error.status === 400 && error.problem.errors?.length) return t('error.invalid');
  return codeLabel(error.code) ?? error.problem.title ?? t('error.title');
}

interface Props {
  readonly error: unknown;
  readonly onRetry?: () => void;
  readonly retryLabel?: string;
}

/**
 * An error as a person can act on it: the French headline, the server's `detail` and field errors, and the stable
 * code (to quote when asking for help). Announced by screen readers (role="alert").
 */
export function ProblemMessage({ error, onRetry, retryLabel }: Props) {
  const problem = error instanceof ApiError ? error.problem : null;
  const headline = errorHeadline(error);
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__headline">{headline}</p>
      {problem?.detail && problem.detail !== headline && <p className="notice__detail">{problem.detail}</p>}
      {problem?.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code> : {e.messages.join(' ; ')}
            </li>
          ))}
        </ul>
      )}
      {problem?.code && <p className="notice__code">{t('error.code', { code: problem.code })}</p>}
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {retryLabel ?? t('app.retry')}
        </button>
      )}
    </div>
  );
}

/** Whether an error means "this server does not offer that endpoint yet" (a 404 on a collection route). */
export function isMissingEndpoint(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && (error.code === 'NOT_FOUND' || error.code === undefined);
}

/** Shown in place of a part of a page whose endpoint the server does not offer. */
export function MissingEndpoint({ endpoint }: { readonly endpoint: string }) {
  return (
    <div className="notice notice--info" role="status">
      <p>{t('error.missingEndpoint', { endpoint })}</p>
    </div>
  );
}
