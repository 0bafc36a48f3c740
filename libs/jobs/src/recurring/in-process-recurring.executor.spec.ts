import { InProcessRecurringExecutor } from './in-process-recurring.executor';
import type { RecurringJob } from './recurring-job';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function everyFewMs(name: string, run: () => Promise<void>, ms = 30): RecurringJob {
  return {
    name,
    cron: { pattern: '* * * * *', tz: 'UTC' },
    nextRunAfter: (after) => new Date(after.getTime() + ms),
    run,
  };
}

describe('InProcessRecurringExecutor', () => {
  it('runs each job at its next run, again after each run, and not after stop', async () => {
    const executor = new InProcessRecurringExecutor({ now: () => new Date() });
    let runs = 0;
    await executor.start([everyFewMs('tick', async () => void runs++)]);
    expect((await executor.planned())[0]).toMatchObject({ name: 'tick' });
    await sleep(200);
    await executor.stop();
    const seen = runs;
    expect(seen).toBeGreaterThanOrEqual(2);
    await sleep(100);
    expect(runs).toBe(seen);
  });

  it('tries a failed run again after the retry delay, and reports the error', async () => {
    const errors: string[] = [];
    let attempts = 0;
    const executor = new InProcessRecurringExecutor({
      now: () => new Date(),
      retryAfterMs: 20,
      onError: (job, error) => errors.push(`${job}: ${(error as Error).message}`),
    });
    const job = everyFewMs(
      'flaky',
      async () => {
        if (++attempts === 1) throw new Error('SMTP down');
      },
      10,
    );
    await executor.start([
      { ...job, nextRunAfter: (after) => new Date(after.getTime() + (attempts === 0 ? 10 : 60_000)) },
    ]);
    await sleep(150);
    await executor.stop();
    expect(errors).toEqual(['flaky: SMTP down']);
    expect(attempts).toBe(2);
  });

  it('waits for a run in progress when stopped', async () => {
    const executor = new InProcessRecurringExecutor({ now: () => new Date() });
    let finished = false;
    await executor.start([
      everyFewMs(
        'slow',
        async () => {
          await sleep(80);
          finished = true;
        },
        5,
      ),
    ]);
    await sleep(30);
    await executor.stop();
    expect(finished).toBe(true);
  });
});
