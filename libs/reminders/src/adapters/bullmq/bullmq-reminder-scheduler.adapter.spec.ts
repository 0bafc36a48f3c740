import { randomUUID } from 'node:crypto';
import { requireRedisOrSkip } from '../../../../../test/support/require-redis';
import { describeReminderSchedulerContract } from '../../testing/reminder-scheduler.contract';
import { BullMqReminderScheduler } from './bullmq-reminder-scheduler.adapter';

const redis = requireRedisOrSkip('BullMqReminderScheduler contract');

describeReminderSchedulerContract(
  'BullMqReminderScheduler',
  () => {
    // A prefix of its own per test: runs (and other engineers' suites on the same Redis) never see each other's jobs.
    const prefix = `cdce-test-${process.pid}-${randomUUID().slice(0, 8)}`;
    const opened: BullMqReminderScheduler[] = [];
    return {
      open: (retry = {}) => {
        const scheduler = new BullMqReminderScheduler({ redisUrl: redis.url, prefix, ...retry });
        opened.push(scheduler);
        return scheduler;
      },
      cleanup: async () => {
        const cleaner = new BullMqReminderScheduler({ redisUrl: redis.url, prefix });
        await Promise.all(opened.map((s) => s.stop()));
        await cleaner.obliterate();
        await cleaner.stop();
      },
    };
  },
  redis.describe,
);
