/**
 * Polls `condition` every 25 ms until it holds or `timeoutMs` have passed, for specs of work done in the background
 * (a thread, a timer). Resolves with the condition's last answer, so that a spec can also show it never held.
 */
export async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return condition();
}
