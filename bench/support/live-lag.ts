import { randomUUID } from 'node:crypto';
import type { EventStore } from '@cdce/eventsourcing';
import { type Projection, Projector, type SqliteReadModelStore } from '@cdce/projections';
import { nowMs, percentile, round } from './bench-kit';

export interface LiveLagOptions {
  /** Appends per second, evenly spaced whatever the answers (open loop). */
  readonly rate: number;
  readonly seconds: number;
  /** The k-th append: its stream and one event. */
  readonly append: (k: number) => { readonly streamId: string; readonly type: string; readonly data: object };
}

/**
 * The live projector's lag while the log grows at `rate` appends per second, in one process as in the API: for each
 * append, the time from its commit to the moment every projection has applied it (what a command's response waits
 * for, read-your-writes), and, sampled every 10 ms, how many events the read models are behind the log.
 */
export async function measureLiveLag(
  store: EventStore,
  readModels: SqliteReadModelStore,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- projections of different document types
  projections: readonly Projection<any>[],
  options: LiveLagOptions,
) {
  const projector = new Projector(store, readModels, projections);
  await projector.catchUp();
  projector.start();
  const total = Math.round(options.rate * options.seconds);
  const intervalMs = 1000 / options.rate;
  const run = randomUUID().slice(0, 8);
  const delays: number[] = [];
  const behind: number[] = [];
  let head = await store.headPosition();
  let late = 0;
  const sampler = setInterval(() => behind.push(Number(head - projector.position)), 10);
  const start = nowMs();
  const waits: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const wait = start + k * intervalMs - nowMs();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const { streamId, type, data } = options.append(k);
    waits.push(
      store
        .appendToStream(streamId, [{ id: `live-lag-${run}-${k}`, type, data }], {
          expectedRevision: 'any',
          context: {
            actor: { id: 'bench', role: 'coordination' },
            commandId: `live-lag-${run}-${k}`,
            correlationId: 'l',
            causationId: 'l',
          },
        })
        .then(async ({ position }) => {
          if (position > head) head = position;
          const committed = nowMs();
          if (!(await projector.waitFor(position, 10_000))) late++;
          delays.push(nowMs() - committed);
        }),
    );
  }
  await Promise.all(waits);
  const seconds = (nowMs() - start) / 1000;
  clearInterval(sampler);
  await projector.stop();
  delays.sort((a, b) => a - b);
  behind.sort((a, b) => a - b);
  return {
    rate: options.rate,
    appended: total,
    seconds: round(seconds, 2),
    appliedAfterCommitMs: {
      p50: round(percentile(delays, 50), 2),
      p99: round(percentile(delays, 99), 2),
      max: round(delays.at(-1)!, 2),
    },
    eventsBehind: { p50: percentile(behind, 50), p99: percentile(behind, 99), max: behind.at(-1)! },
    notAppliedWithin10s: late,
  };
}
