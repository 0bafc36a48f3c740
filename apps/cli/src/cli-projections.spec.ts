import { CLI_PROJECTIONS } from './cli-context';

/* `cdce projections rebuild` loads in worker threads the projections that have a `source`: each must name the
   module and the export the projection comes from, or it is rebuilt in the main thread instead. */
describe('the projections the CLI rebuilds', () => {
  it('name the module and export a thread loads each from', () => {
    const sourced = CLI_PROJECTIONS.filter((projection) => projection.source);
    expect(sourced.length).toBeGreaterThan(0);
    for (const projection of sourced) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module a thread requires, by path
      const loaded = require(projection.source!.module) as Record<string, unknown>;
      expect([projection.name, loaded[projection.source!.exportName] === projection]).toEqual([projection.name, true]);
    }
  });
});
