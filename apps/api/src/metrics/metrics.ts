import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { EventStore } from '@cdce/eventsourcing';
import type { Projector } from '@cdce/projections';

/**
 * A Prometheus registry of this node: default process metrics and the projector's gauges, read when scraped.
 * One registry per application (not prom-client's global one), so that several apps in one process (tests) do not
 * collide.
 */
export function createMetricsRegistry(store: EventStore, projector: Projector): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let head = -1n;
  const status = () => projector.status();
  new Gauge({
    name: 'cdce_event_store_head',
    help: 'Global position of the last event in the log (-1 when empty).',
    registers: [registry],
    async collect() {
      head = await store.headPosition();
      this.set(Number(head));
    },
  });
  new Gauge({
    name: 'cdce_projection_position',
    help: 'Last global position applied by each projection.',
    labelNames: ['projection'],
    registers: [registry],
    collect() {
      for (const p of status().projections) this.set({ projection: p.name }, Number(p.position));
    },
  });
  new Gauge({
    name: 'cdce_projection_lag_events',
    help: 'Events of the log a projection has not applied yet (head - position).',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      const current = await store.headPosition();
      for (const p of status().projections)
        this.set({ projection: p.name }, Number(current > p.position ? current - p.position : 0n));
    },
  });
  new Gauge({
    name: 'cdce_projector_failed',
    help: '1 when the projector stopped on a failing projection (see /health), else 0.',
    registers: [registry],
    collect() {
      this.set(status().error === undefined ? 0 : 1);
    },
  });
  return registry;
}
