import { useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly data: T; readonly refreshing: boolean }
  | { readonly state: 'failed'; readonly error: unknown };

/**
 * Loads `load()` when `key` changes and offers `reload`. A newer load aborts the older one, so that a slow answer
 * for an old filter never replaces the answer for the current one. A reload keeps showing the data it refreshes;
 * a new key shows the loading state (never the previous commune's data under a new heading).
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadedKey = useRef<string | null>(null);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    const controller = new AbortController();
    const sameKey = loadedKey.current === key;
    setResource((previous) =>
      sameKey && previous.state === 'ready' ? { ...previous, refreshing: true } : { state: 'loading' },
    );
    loader.current(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        loadedKey.current = key;
        setResource({ state: 'ready', data, refreshing: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ state: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [resource, reload];
}
