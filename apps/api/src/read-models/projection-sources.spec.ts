import { workerProjections } from '@cdce/jobs';
import type { Projection } from '@cdce/projections';
import { PROJECTIONS } from './read-models.module';

/* A catch-up thread loads a projection by its `source`: one that names the wrong module or export is caught up in the
   projector's own thread instead (with a warning), so every source is checked here. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- projections of different document types
function unresolvedSources(projections: readonly Projection<any>[]): string[] {
  return projections
    .filter(({ source }) => source !== undefined)
    .filter(({ source }, i, sourced) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module a thread requires, by path
      const exported = (require(source!.module) as Record<string, unknown>)[source!.exportName];
      return exported !== sourced[i];
    })
    .map(({ name }) => name);
}

describe('the sources of the projections', () => {
  it('name, for every projection the API keeps, the module and export a thread loads it from', () => {
    expect(PROJECTIONS.some((projection) => projection.source)).toBe(true);
    expect(unresolvedSources(PROJECTIONS)).toEqual([]);
  });

  it('name, for every projection the worker keeps, the module and export a thread loads it from', () => {
    expect(unresolvedSources(workerProjections())).toEqual([]);
  });
});
