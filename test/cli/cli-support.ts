import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../apps/cli/src/cli';
import type { CliIo } from '../../apps/cli/src/cli-io';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), `${prefix}-`));
}

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `cdce …` in-process against the stores of `dataDir`. */
export async function cdce(dataDir: string, argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { CDCE_DATA_DIR: dataDir, ...env },
    now: () => new Date('2026-11-30T10:00:00Z'),
    interactive: false,
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
