import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useSession } from './session';

/** Answers asked once per signed-in token and path: lists that rarely change during a visit. */
const loaded = new Map<string, Promise<unknown>>();

function loadOnce<T>(tokenId: string, path: string): Promise<T> {
  const key = `${tokenId} ${path}`;
  let answer = loaded.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = api<T>('GET', path);
    // A failed request is asked again by the next page rather than remembered.
    answer.catch(() => loaded.delete(key));
    loaded.set(key, answer);
  }
  return answer;
}

/**
 * `GET path`, asked once per token for the whole visit. Undefined until it arrives, when it failed, or when the
 * token lacks `permission` (pages then show what they can without it).
 */
export function usePerToken<T>(path: string, permission: string): T | undefined {
  const { session } = useSession();
  const [answer, setAnswer] = useState<T | undefined>(undefined);
  const tokenId = session?.tokenId;
  const allowed = session?.permissions.includes(permission) ?? false;
  useEffect(() => {
    if (!tokenId || !allowed) return;
    let current = true;
    loadOnce<T>(tokenId, path).then(
      (found) => current && setAnswer(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [tokenId, allowed, path]);
  return answer;
}
