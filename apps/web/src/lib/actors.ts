import { useMemo } from 'react';
import type { Actor } from '../api/types';
import { roleLabel, t } from '../i18n/i18n';
import { usePerToken } from './per-token';

/**
 * The token labels events and reviews name by id (« Coordination — Anne »). Until they arrive, or when the token
 * may not read them, `actorOf` answers undefined and pages show what they showed before: the role, or the id.
 */
export function useActors(): (id: string) => Actor | undefined {
  const answer = usePerToken<{ actors: Actor[] }>('/api/actors', 'history.read');
  const byId = useMemo(() => new Map((answer?.actors ?? []).map((actor) => [actor.id, actor])), [answer]);
  return (id) => byId.get(id);
}

/** « par Coordination — Anne (coordination) », or « par coordination » when the token is not known to this reader. */
export function actorLine(label: string | undefined, role: string): string {
  return label
    ? t('commune.timeline.byNamed', { name: label, role: roleLabel(role) })
    : t('commune.timeline.by', { role: roleLabel(role) });
}
