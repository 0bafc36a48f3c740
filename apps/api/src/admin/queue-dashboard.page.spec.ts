import { renderQueueDashboard } from './queue-dashboard.page';

describe('queue dashboard page', () => {
  it('lists BullMQ queues with their failed jobs, escaping what a job wrote, with a retry button', () => {
    const html = renderQueueDashboard({
      mode: 'bullmq',
      queues: [
        {
          name: 'reminders',
          counts: { delayed: 12, failed: 1 },
          failed: [
            {
              queue: 'reminders',
              id: 'reminder-92094-renewal_due_in_30d-2026-12-01',
              name: 'reminder',
              failedReason: '<script>alert(1)</script>',
              attemptsMade: 8,
              finishedAt: null,
            },
          ],
        },
      ],
      worker: null,
      outbox: null,
    });
    expect(html).toContain('<h2>File reminders</h2>');
    expect(html).toContain('delayed : <b>12</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain(
      'data-retry="/api/admin/queues/reminders/jobs/reminder-92094-renewal_due_in_30d-2026-12-01/retry"',
    );
  });

  it('says so when this process runs no job and no Redis is configured', () => {
    expect(renderQueueDashboard({ mode: 'none', queues: [], worker: null, outbox: null })).toContain(
      'ne fait tourner aucune tâche',
    );
  });
});
