import { api } from '../api/client';

/** Answers asked once per signed-in token and path: lists that rarely change during a visit. */
const loaded = new Map<string, Promise<unknown>>();

/** Forgets every answer (on sign-out: another person may sign in on this tab, or the same one later). */
export function forgetPerTokenAnswers(): void {
  loaded.clear();
}

/** `GET path` for this token: the first call asks the server, later ones share its answer. */
export function loadOnce<T>(tokenId: string, path: string): Promise<T> {
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
