import type { CriteriaSet } from '../domain/criteria/criteria-set';

/** The criteria sets known to this deployment and the one in force for new dossiers. */
export interface CriteriaSets {
  current(): CriteriaSet;
  byId(id: string): CriteriaSet | undefined;
}

export function criteriaSetsOf(sets: readonly CriteriaSet[], currentId: string): CriteriaSets {
  const byId = new Map(sets.map((set) => [set.id, set]));
  const current = byId.get(currentId);
  if (!current) throw new Error(`Criteria set ${currentId} is not among ${[...byId.keys()].join(', ')}.`);
  return { current: () => current, byId: (id) => byId.get(id) };
}
