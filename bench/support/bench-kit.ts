import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Helpers shared by the benchmarks: timing, percentiles, scratch folders, result files. */

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs `fn` `count` times and returns the rate per second. */
export async function rate(count: number, fn: (i: number) => unknown): Promise<number> {
  const start = nowMs();
  for (let i = 0; i < count; i++) await fn(i);
  return count / ((nowMs() - start) / 1000);
}

export function scratchDir(name: string): string {
  const base = path.resolve('var', 'bench');
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, `${name}-`));
}

export function machine(): Record<string, unknown> {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function writeResults(file: string, results: object): string {
  const target = path.resolve('bench', 'results', file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${JSON.stringify(results, null, 2)}\n`);
  return target;
}

export function printTable(rows: ReadonlyArray<Record<string, string | number>>): void {
  console.table(rows);
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
