/** Where the CLI writes and what it reads from its surroundings; tests pass their own. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** The wall clock (token dates, the demo's default end). */
  readonly now: () => Date;
  /** Draw progress bars (only on a terminal). */
  readonly interactive: boolean;
}

export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    now: () => new Date(),
    interactive: Boolean(process.stderr.isTTY),
  };
}

/** A failure the user can fix: printed as is, exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
