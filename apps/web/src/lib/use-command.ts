import { useCallback, useRef, useState } from 'react';
import { api, newId } from '../api/client';
import type { CommandResponse } from '../api/types';

export interface CommandState {
  readonly busy: boolean;
  readonly error: unknown;
}

/**
 * Sends one command to a commune with the revision the person saw (If-Match) and an Idempotency-Key that stays
 * the same until the command succeeds: pressing the button again after a lost answer does not record it twice.
 */
export function useCommand(nis: string, revision: string) {
  const [state, setState] = useState<CommandState>({ busy: false, error: null });
  const key = useRef(newId());
  const send = useCallback(
    async (path: string, body: unknown = {}): Promise<CommandResponse | null> => {
      setState({ busy: true, error: null });
      try {
        const result = await api<CommandResponse>('POST', `/api/communes/${nis}/${path}`, {
          body,
          ifMatch: revision,
          idempotencyKey: key.current,
        });
        key.current = newId();
        setState({ busy: false, error: null });
        return result;
      } catch (error) {
        setState({ busy: false, error });
        return null;
      }
    },
    [nis, revision],
  );
  return { ...state, send };
}
