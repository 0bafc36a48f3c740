import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, configureClient } from '../api/client';
import type { Session } from '../api/types';
import { forgetPerTokenAnswers } from './per-token-cache';

const STORAGE_KEY = 'cdce.token';

/**
 * The token is kept in sessionStorage: it survives a reload but not the closing of the tab, and is never written
 * to a cookie (so no request is authenticated unless the app itself adds the header).
 */
function storedToken(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export type SignOutReason = 'signed_out' | 'expired';

interface SessionContextValue {
  readonly session: Session | null;
  /** True while a stored token is being checked after a reload. */
  readonly restoring: boolean;
  readonly signOutReason: SignOutReason | null;
  /** Checks `token` with the server and keeps it; throws the server's refusal. */
  signIn(token: string): Promise<Session>;
  signOut(reason?: SignOutReason): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(() => storedToken() !== null);
  const [signOutReason, setSignOutReason] = useState<SignOutReason | null>(null);

  const signOut = useCallback((reason: SignOutReason = 'signed_out') => {
    window.sessionStorage.removeItem(STORAGE_KEY);
    forgetPerTokenAnswers();
    setSession(null);
    setSignOutReason(reason);
  }, []);

  useEffect(() => configureClient(storedToken, () => signOut('expired')), [signOut]);

  useEffect(() => {
    const token = storedToken();
    if (!token) return;
    api<Session>('GET', '/api/session', {}, token)
      .then(setSession)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) signOut('expired');
      })
      .finally(() => setRestoring(false));
  }, [signOut]);

  const signIn = useCallback(async (token: string) => {
    const found = await api<Session>('GET', '/api/session', {}, token);
    window.sessionStorage.setItem(STORAGE_KEY, token);
    setSignOutReason(null);
    setSession(found);
    return found;
  }, []);

  const value = useMemo(
    () => ({ session, restoring, signOutReason, signIn, signOut }),
    [session, restoring, signOutReason, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** What the signed-in token may do, for showing only what it can use (the server enforces it anyway). */
export function abilities(session: Session) {
  const has = (permission: string) => session.permissions.includes(permission);
  return {
    review: has('commune.review'),
    history: has('history.read'),
    /** Names and contacts from the people directory (auditors see people by id only). */
    contacts: has('people.read'),
    /** COPIL tokens are limited to their communes: no campaign-wide dashboard for them. */
    campaign: session.role !== 'copil',
  };
}
