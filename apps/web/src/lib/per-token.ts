import { useEffect, useState } from 'react';
import { loadOnce } from './per-token-cache';
import { useSession } from './session';

/**
 * `GET path`, asked once per token for the whole visit. Undefined until it arrives, when it failed, or when the
 * token lacks `permission` (pages then show what they can without it).
 */
export function usePerToken<T>(path: string, permission: string): T | undefined {
  const { session } = useSession();
  const tokenId = session?.tokenId;
  const allowed = session?.permissions.includes(permission) ?? false;
  const key = tokenId && allowed ? `${tokenId} ${path}` : null;
  // Kept with the key it answers, so that a page still mounted when the token changes never shows the previous one's.
  const [answer, setAnswer] = useState<{ readonly key: string; readonly value: T } | null>(null);
  useEffect(() => {
    if (!key || !tokenId) return;
    let current = true;
    loadOnce<T>(tokenId, path).then(
      (value) => current && setAnswer({ key, value }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [key, tokenId, path]);
  return answer && answer.key === key ? answer.value : undefined;
}
