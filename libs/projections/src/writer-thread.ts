import { Worker } from 'node:worker_threads';

/** What one commit writes to one read-model table, as SQL and parameters (a worker thread cannot share statements). */
export interface TableWrites {
  /** Statement writing a document, and its number of parameters. */
  readonly upsert: string;
  readonly arity: number;
  /** Statement writing `rowsPerStatement` documents at once (see DocumentWriter.saveAll). */
  readonly upsertMany: string;
  readonly rowsPerStatement: number;
  /** The parameters of each document written, one after the other (one flat list costs less to send than rows). */
  readonly rows: readonly unknown[];
  /** Statement deleting a document by key; each key is its parameter. */
  readonly remove: string;
  readonly deletes: readonly unknown[];
  /** Parameters of the checkpoint update, written in the same transaction. */
  readonly checkpoint: readonly unknown[];
}

/**
 * The worker's code, plain JavaScript run with `eval` so that it needs no build step (ts-jest, ts-node, dist alike).
 * It applies each commit in ONE transaction, upserting rows several at a time with the statement it is sent (see
 * DocumentWriter.saveAll), and
 * answers with its sequence number, or the error that rolled it back.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
for (const pragma of workerData.pragmas) db.pragma(pragma);
const statements = new Map();
const statement = (sql) => {
  let prepared = statements.get(sql);
  if (!prepared) statements.set(sql, (prepared = db.prepare(sql)));
  return prepared;
};
const checkpoint = db.prepare(workerData.checkpoint);
const commit = db.transaction((writes) => {
  for (const table of writes) {
    const { arity, rows } = table;
    const upsertMany = statement(table.upsertMany);
    const parametersOfMany = new Array(table.rowsPerStatement * arity);
    let i = 0;
    for (; i + parametersOfMany.length <= rows.length; i += parametersOfMany.length) {
      for (let j = 0; j < parametersOfMany.length; j++) parametersOfMany[j] = rows[i + j];
      upsertMany.run(parametersOfMany);
    }
    const upsert = statement(table.upsert);
    const parameters = new Array(arity);
    for (; i < rows.length; i += arity) {
      for (let j = 0; j < arity; j++) parameters[j] = rows[i + j];
      upsert.run(parameters);
    }
    const remove = statement(table.remove);
    for (const key of table.deletes) remove.run(key);
    checkpoint.run(table.checkpoint);
  }
});
parentPort.on('message', ({ seq, writes }) => {
  if (writes === null) {
    db.close();
    parentPort.postMessage({ seq });
    return;
  }
  try {
    if (writes.length > 0) commit(writes);
    parentPort.postMessage({ seq });
  } catch (error) {
    parentPort.postMessage({ seq, error: { message: error.message, code: error.code, stack: error.stack } });
  }
});
`;

interface Waiting {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * A second connection to the read-model file, in a worker thread, that commits what the projector computed: during
 * a long catch-up SQLite's work (b-trees, JSON text, the WAL) then runs on another core while the projector reads
 * and folds the next batch. Commits are applied in the order they were sent, each in one transaction.
 */
export class WriterThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private sent = 0;
  private failure?: Error;

  private constructor(file: string, pragmas: readonly string[], checkpointSql: string) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3'),
        file,
        pragmas,
        checkpoint: checkpointSql,
      },
    });
    this.worker.on('message', ({ seq, error }: { seq: number; error?: { message: string; code?: string } }) => {
      const waiter = this.waiting.get(seq);
      this.waiting.delete(seq);
      if (error) waiter?.reject(Object.assign(new Error(error.message), { code: error.code }));
      else waiter?.resolve();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`The read-model writer thread stopped (exit code ${code}).`)));
  }

  /** Opens the file in a new worker thread, with these pragmas (busy timeout, synchronous…). */
  static start(file: string, pragmas: readonly string[], checkpointSql: string): WriterThread {
    return new WriterThread(file, pragmas, checkpointSql);
  }

  /** Sends one commit; resolves once it is durable in the file, rejects with the error that rolled it back. */
  commit(writes: readonly TableWrites[]): Promise<void> {
    return this.send(writes);
  }

  /** Closes the worker's connection once every commit sent before is applied. */
  async close(): Promise<void> {
    try {
      await this.send(null);
    } finally {
      this.waiting.clear();
      this.worker.removeAllListeners('exit');
      await this.worker.terminate();
    }
  }

  private send(writes: readonly TableWrites[] | null): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = ++this.sent;
    const done = new Promise<void>((resolve, reject) => this.waiting.set(seq, { resolve, reject }));
    this.worker.postMessage({ seq, writes });
    return done;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.waiting.forEach((waiter) => waiter.reject(error));
    this.waiting.clear();
  }
}
