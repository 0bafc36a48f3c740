import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const FIXTURE = join(__dirname, 'fixtures', 'event-store-child.js');

/** A child process running fixtures/event-store-child.js, with its stdout read as JSON lines. */
export class StoreChild {
  readonly messages: Record<string, unknown>[] = [];
  readonly exited: Promise<number | null>;
  private readonly process: ChildProcess;
  private readonly waiters = new Set<() => void>();
  private stderr = '';

  constructor(...args: string[]) {
    this.process = spawn(process.execPath, [FIXTURE, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let pending = '';
    this.process.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      lines.filter(Boolean).forEach((line) => this.messages.push(JSON.parse(line) as Record<string, unknown>));
      this.waiters.forEach((wake) => wake());
    });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    void this.exited.then(() => this.waiters.forEach((wake) => wake()));
  }

  /** Resolves with the first message that satisfies `test`; fails after `timeoutMs` or if the child dies first. */
  async waitFor(
    test: (message: Record<string, unknown>) => boolean,
    timeoutMs = 30_000,
  ): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(test);
      if (found) return found;
      if (this.process.exitCode !== null || this.process.signalCode !== null) {
        throw new Error(
          `child exited (${this.process.exitCode ?? this.process.signalCode}) before the expected message: ${this.stderr}`,
        );
      }
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for the child; last messages ${JSON.stringify(this.messages.slice(-3))}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, 200);
        this.waiters.add(wake);
      });
    }
  }

  send(line: string): void {
    this.process.stdin!.write(`${line}\n`);
  }

  /** SIGKILL: no chance to finish a transaction or flush anything. */
  async kill(): Promise<void> {
    this.process.kill('SIGKILL');
    await this.exited;
  }

  async succeeded(): Promise<void> {
    const code = await this.exited;
    if (code !== 0) throw new Error(`child failed with ${code}: ${this.stderr}`);
  }
}
