import { Worker } from 'node:worker_threads';

/**
 * Runs in the checkpointer's thread, with its own connection to the file. A PASSIVE checkpoint copies the WAL's
 * committed pages into the database file without taking the write lock, so writers in the main thread go on; once
 * everything is copied, the next commit restarts the WAL from its beginning and it stays small.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointerOptions {
  /** How often the WAL is copied into the database file. Default 200 ms. */
  readonly intervalMs?: number;
}

/**
 * Checkpoints a SQLite file's write-ahead log from a background thread.
 *
 * Left to SQLite, the checkpoint runs inside the commit that crosses `wal_autocheckpoint` pages: that commit then
 * copies and syncs megabytes while the event loop waits, and a command answered at that moment takes tens of
 * milliseconds instead of one. In a thread the copy and the sync happen beside the event loop; the connection's own
 * autocheckpoint stays as a safety net for when the thread cannot keep up.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped: Promise<void> | undefined;
  private exited = false;
  private lastErrorMessage: string | undefined;

  constructor(path: string, options: WalCheckpointerOptions = {}) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), path, intervalMs: options.intervalMs ?? 200 },
    });
    this.worker.on('message', (message: { error?: string }) => (this.lastErrorMessage = message.error));
    this.worker.on('error', (error) => (this.lastErrorMessage = error.message));
    this.worker.once('exit', () => (this.exited = true));
    // Never the reason a process stays alive.
    this.worker.unref();
  }

  /** The last checkpoint failure, if any (the file is then checkpointed by its writers, as without this thread). */
  get lastError(): string | undefined {
    return this.lastErrorMessage;
  }

  /** Stops the thread and closes its connection; safe to call twice. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const timeout = setTimeout(() => void this.worker.terminate(), 2000).unref();
      this.worker.once('exit', () => {
        clearTimeout(timeout);
        resolve();
      });
      // Whoever awaits the stop must see it: with the thread unref'd, a process with nothing else to do would end
      // before the thread's exit is reported, and the code after `await stop()` (after `await store.close()`) would
      // never run. The thread exits as soon as it reads the message (or the timeout ends it).
      this.worker.ref();
      this.worker.postMessage('stop');
    });
    return this.stopped;
  }
}
