import type { CommuneEvent } from './commune.events';
import { evolveGrowing } from './commune.evolve';
import type { Commune } from './commune.state';
import { initialCommune } from './commune.state';
import type { Append } from './evidence.evolve';

/**
 * Folds a stream into a commune: the same state as `fold(communeDecider, events, from)`, in time linear in the stream.
 *
 * The plain `evolve` copies a list to add one item to it, so folding n evidence events copies O(n²) items and leaves
 * as much garbage. Here a list is copied the first time this call adds to it and grown in place afterwards (the state
 * holding it is then kept as it is, not copied). Nobody can see the difference:
 * - only lists this call copied are grown, never those of `from` nor of the events;
 * - such a list is reachable only from states built by this call, each dropped as soon as the next event is folded
 *   but the last, which is returned; `evolveGrowing` holds each growing list in one place of the state, so growing
 *   it changes nothing else;
 * - the call is over when the caller gets the state: a later fold from it copies its lists again before growing them.
 * `commune.fold.spec.ts` checks it against the plain fold over fixture histories and random streams.
 */
export function foldCommune(events: Iterable<CommuneEvent>, from: Commune = initialCommune()): Commune {
  const copied = new Set<readonly unknown[]>();
  const append: Append = (list, item) => {
    if (copied.has(list)) {
      (list as unknown[]).push(item);
      return list;
    }
    const grown = [...list, item];
    copied.add(grown);
    return grown;
  };
  let state = from;
  for (const event of events) state = evolveGrowing(state, event, append);
  return state;
}
