import type { ProjectorStatus } from '@cdce/projections';

export interface ProjectionHealth {
  readonly name: string;
  readonly version: number;
  /** Last global position applied. */
  readonly position: string;
  /** Events of the log not yet applied: head − position. */
  readonly lagEvents: number;
  /** Seconds since the projection last committed a batch (null before its first). Grows while the log is quiet. */
  readonly secondsSinceUpdate: number | null;
  /** Set on the projection that failed: the projector stopped at its last committed batch. */
  readonly error: string | null;
}

export interface ProjectorHealth {
  readonly status: 'ok' | 'catching_up' | 'failed';
  readonly eventStore: { readonly headPosition: string };
  readonly projector: { readonly running: boolean; readonly error: string | null };
  readonly projections: readonly ProjectionHealth[];
}

/** Pure: the projector's health as /health and /metrics show it, given the log's head and the time. */
export function projectorHealth(status: ProjectorStatus, head: bigint, now: Date): ProjectorHealth {
  const firstLine = status.error?.split('\n')[0] ?? null;
  const projections = status.projections.map((p) => ({
    name: p.name,
    version: p.version,
    position: p.position.toString(),
    lagEvents: Number(head > p.position ? head - p.position : 0n),
    secondsSinceUpdate: p.updatedAt ? Math.max(0, Math.round((now.getTime() - Date.parse(p.updatedAt)) / 1000)) : null,
    // Without a name, a failure is every projection's: they share one projector and stopped together.
    error:
      firstLine && (status.failedProjection === undefined || status.failedProjection === p.name) ? firstLine : null,
  }));
  const failed = status.error !== undefined;
  return {
    status: failed ? 'failed' : projections.some((p) => p.lagEvents > 0) ? 'catching_up' : 'ok',
    eventStore: { headPosition: head.toString() },
    projector: { running: status.running, error: firstLine },
    projections,
  };
}
