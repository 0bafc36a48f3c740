import * as http from 'node:http';
import { nowMs, percentile, round } from './bench-kit';

export interface OpenLoopRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface OpenLoopOptions {
  /** e.g. http://127.0.0.1:3917 */
  readonly origin: string;
  /** Requests per second, evenly spaced. */
  readonly rate: number;
  readonly durationSeconds: number;
  /** Keep-alive connections at most; requests due while all are busy wait for one, and that wait is counted. */
  readonly maxConnections: number;
  /** The k-th request. */
  readonly request: (k: number) => OpenLoopRequest;
}

export interface OpenLoopResult {
  readonly offered: number;
  readonly answered: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly errors: number;
  readonly non2xx: number;
}

/**
 * Offers requests at a constant rate whatever the answers: request k is due at start + k / rate, and its latency is
 * counted from that moment. A slow answer delays no later request and hides no wait (no coordinated omission),
 * unlike a load generator whose connections each wait for their answer before sending again, or that sends each
 * second's quota in a burst (autocannon's `overallRate` does both).
 */
export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxConnections });
  const total = Math.round(options.rate * options.durationSeconds);
  const intervalMs = 1000 / options.rate;
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let settled = 0;
  const start = nowMs();
  await new Promise<void>((resolve) => {
    const settle = () => {
      settled += 1;
      if (settled === total) resolve();
    };
    const send = (k: number) => {
      const dueAt = start + k * intervalMs;
      const { method, path, headers, body } = options.request(k);
      const request = http.request(`${options.origin}${path}`, { method, headers, agent }, (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(nowMs() - dueAt);
          if (response.statusCode === undefined || response.statusCode >= 300) non2xx += 1;
          settle();
        });
      });
      request.on('error', () => {
        errors += 1;
        settle();
      });
      request.end(body);
    };
    let next = 0;
    // Timers fire about every millisecond: each tick sends every request that has fallen due since the last one.
    const tick = () => {
      const due = Math.min(total, Math.floor((nowMs() - start) / intervalMs) + 1);
      while (next < due) send(next++);
      if (next < total) setTimeout(tick, 1);
    };
    tick();
  });
  const seconds = (nowMs() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    offered: total,
    answered: latencies.length - non2xx,
    requestsPerSecond: round((latencies.length - non2xx) / seconds, 1),
    p50Ms: round(percentile(latencies, 50), 1),
    p99Ms: round(percentile(latencies, 99), 1),
    maxMs: round(latencies.at(-1) ?? NaN, 1),
    errors,
    non2xx,
  };
}
