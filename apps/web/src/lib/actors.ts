import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Actor } from '../api/types';
import { useSession } from './session';

/** Asked once per signed-in token: tokens are few and rarely change during a visit. */
const loaded = new Map<string, Promise<ReadonlyMap<string, Actor>>>();

function actorsFor(tokenId: string): Promise<ReadonlyMap<string, Actor>> {
  let actors = loaded.get(tokenId);
  if (!actors) {
    actors = api<{ actors: Actor[] }>('GET', '/api/actors').then(
      (body) => new Map(body.actors.map((actor) => [actor.id, actor])),
    );
    // A failed lookup is asked again on the next page rather than remembered.
    actors.catch(() => loaded.delete(tokenId));
    loaded.set(tokenId, actors);
  }
  return actors;
}

/**
 * The token labels events and reviews name by id (« Coordination — Anne »). Until they arrive, or when the token
 * may not read them, `actorOf` answers undefined and pages show what they showed before: the role, or the id.
 */
export function useActors(): (id: string) => Actor | undefined {
  const { session } = useSession();
  const [actors, setActors] = useState<ReadonlyMap<string, Actor>>(new Map());
  const tokenId = session?.tokenId;
  const allowed = session?.permissions.includes('history.read') ?? false;
  useEffect(() => {
    if (!tokenId || !allowed) return;
    let current = true;
    actorsFor(tokenId).then(
      (found) => current && setActors(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [tokenId, allowed]);
  return (id) => actors.get(id);
}
