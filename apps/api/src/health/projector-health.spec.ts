import { projectorHealth } from './projector-health';

const now = new Date('2026-03-02T09:00:10.000Z');
const projections = [
  { name: 'commune-directory', version: 1, position: 90n, updatedAt: '2026-03-02T09:00:00.000Z' },
  { name: 'activity-feed', version: 1, position: 100n, updatedAt: null },
];

describe('projectorHealth', () => {
  it('gives each projection its lag behind the head and the seconds since its last batch', () => {
    const health = projectorHealth({ running: true, projections }, 100n, now);
    expect(health).toEqual({
      status: 'catching_up',
      eventStore: { headPosition: '100' },
      projector: { running: true, error: null },
      projections: [
        { name: 'commune-directory', version: 1, position: '90', lagEvents: 10, secondsSinceUpdate: 10, error: null },
        { name: 'activity-feed', version: 1, position: '100', lagEvents: 0, secondsSinceUpdate: null, error: null },
      ],
    });
    expect(projectorHealth({ running: true, projections }, 90n, now).status).toBe('ok');
    expect(projectorHealth({ running: true, projections: projections.slice(1) }, 100n, now).status).toBe('ok');
  });

  it('is failed, with the error on the projection that threw (first line only)', () => {
    const health = projectorHealth(
      {
        running: false,
        error: 'ProjectionFailedError: boom\n    at evolve',
        failedProjection: 'activity-feed',
        projections,
      },
      100n,
      now,
    );
    expect(health.status).toBe('failed');
    expect(health.projector.error).toBe('ProjectionFailedError: boom');
    expect(health.projections.map((p) => p.error)).toEqual([null, 'ProjectionFailedError: boom']);
  });
});
