import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ThreadReaderRecipe } from '@cdce/eventsourcing';
import { ProjectionFailedError } from './projection-slot';
import type { StreamRange } from './stream-order-fold';

/** What a worker thread needs to catch projections up: all of it survives a structured clone. */
export interface ThreadCatchUp {
  readonly store: ThreadReaderRecipe;
  /** The read-model file. */
  readonly readModels: string;
  readonly projections: readonly { readonly module: string; readonly exportName: string }[];
  /** Each projection of a few event types reads the log through its filter (see ProjectorOptions.readThroughFilter). */
  readonly readThroughFilter: boolean;
  /** Where the catch-up stops: the head the projector that starts the thread read. */
  readonly head: bigint;
  readonly batchSize: number;
  readonly cachedDocuments: number;
  /** The projector's clock minus the system clock, so that checkpoints carry the projector's time. */
  readonly clockOffsetMs: number;
  /** Then (or only), ranges of streams to fold in stream order, shared with the other threads (see `StreamOrderJob`). */
  readonly streamOrder?: StreamOrderJob;
}

/**
 * Projections rebuilt stream by stream (`documentPerStream`) by several threads at once: each thread takes the next
 * range not yet taken (an atomic counter in shared memory) until none is left, and writes its documents.
 */
export interface StreamOrderJob {
  readonly projections: readonly { readonly module: string; readonly exportName: string }[];
  readonly ranges: readonly StreamRange[];
  /** One Int32: the number of ranges taken so far, by every thread. */
  readonly taken: SharedArrayBuffer;
}

/**
 * The young generation of a catch-up thread's heap. A catch-up allocates fast (rows, events, documents) and keeps a
 * batch alive while it folds it: with the default (16 MB semi-spaces), most of each batch survives a scavenge and is
 * copied to the old generation before it dies. A larger one lets it die young: less time in the garbage collector.
 */
const YOUNG_GENERATION_MB = 160;

/**
 * How a catch-up thread ended without an error: the events it read, or why it could not load the projections (or the
 * store) and did nothing (`notLoaded`: the error's stack).
 */
export type ThreadOutcome = { readonly applied: number } | { readonly notLoaded: string };

/**
 * The worker's entry, plain JavaScript run with `eval`. It requires the module running the catch-up
 * (catch-up-worker, beside this file) and answers `loaded`, `batch` after each commit, then `done` or `error`.
 * From a build every module is JavaScript; from TypeScript sources (ts-jest, ts-node) it first lets `require` compile
 * `.ts` files with the project's compiler options and resolve the project's path aliases, as the build does.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.tsconfig) {
  const path = require('node:path');
  const fs = require('node:fs');
  const Module = require('node:module');
  const ts = require(workerData.typescript);
  const parsed = ts.getParsedCommandLineOfConfigFile(workerData.tsconfig, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => { throw new Error(String(diagnostic.messageText)); },
  });
  const compilerOptions = { ...parsed.options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: false,
    inlineSources: false, declaration: false, noEmit: false };
  const paths = parsed.options.paths || {};
  const base = parsed.options.baseUrl || path.dirname(workerData.tsconfig);
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    const target = Object.prototype.hasOwnProperty.call(paths, request) ? path.resolve(base, paths[request][0]) : request;
    return resolveFilename.call(this, target, ...rest);
  };
  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    module._compile(ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText, filename);
  };
}
const post = (message) => parentPort.postMessage(message);
let loaded = false;
const failed = (error) => post(loaded
  ? { error: { message: error.message, stack: error.stack, code: error.code, projection: error.projection,
      position: error.position === undefined ? undefined : String(error.position), eventType: error.eventType,
      cause: error.cause && error.cause.message } }
  : { notLoaded: String((error && error.stack) || error) });
try {
  require(workerData.runner).catchUpInThisThread(workerData.job, {
    loaded: () => { loaded = true; },
    batch: (position, count) => post({ batch: [String(position), count] }),
    folded: (count) => post({ folded: count }),
  }).then((applied) => post({ done: applied }), failed);
} catch (error) {
  failed(error);
}
`;

interface WorkerAnswer {
  readonly batch?: [string, number];
  readonly folded?: number;
  readonly done?: number;
  readonly notLoaded?: string;
  readonly error?: {
    message: string;
    stack?: string;
    code?: string;
    projection?: string;
    position?: string;
    eventType?: string;
    cause?: string;
  };
}

/**
 * Catches projections up in a new worker thread (see `catchUpInThisThread`), calling `onBatch` after each commit.
 * Resolves with the number of events read, or with why the thread could not load the projections or the store (it
 * then did nothing); rejects with the error that stopped the catch-up (a ProjectionFailedError when the projection
 * threw), each read model being left at its last checkpoint.
 */
export function catchUpInThread(
  job: ThreadCatchUp & {
    readonly onBatch: (position: bigint, count: number) => void;
    /** Events read by each batch of the stream-order ranges. */
    readonly onFolded?: (count: number) => void;
  },
): Promise<ThreadOutcome> {
  const { onBatch, onFolded, ...data } = job;
  const modules = [...data.projections, ...(data.streamOrder?.projections ?? [])].map((p) => p.module);
  const typescript = [...modules, data.store.module, __filename].some((file) => file.endsWith('.ts'));
  const compiler = typescript ? typescriptCompiler() : undefined;
  if (typescript && !compiler) {
    return Promise.resolve({
      notLoaded:
        'Its modules are TypeScript sources and no TypeScript compiler (or tsconfig.json) was found to load them.',
    });
  }
  const runner = path.join(__dirname, `catch-up-worker${path.extname(__filename)}`);
  return new Promise<ThreadOutcome>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { runner, job: data, ...compiler },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.on('message', (answer: WorkerAnswer) => {
      if (answer.batch) onBatch(BigInt(answer.batch[0]), answer.batch[1]);
      else if (answer.folded !== undefined) onFolded?.(answer.folded);
      else if (answer.done !== undefined) settle(() => resolve({ applied: answer.done! }));
      else if (answer.notLoaded !== undefined) settle(() => resolve({ notLoaded: answer.notLoaded! }));
      else if (answer.error) settle(() => reject(errorOf(answer.error!)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() =>
        reject(
          new Error(
            `The catch-up thread of ${[...data.projections, ...(data.streamOrder?.projections ?? [])].map((p) => p.exportName).join(', ')} stopped (exit code ${code}).`,
          ),
        ),
      ),
    );
  });
}

function errorOf(error: NonNullable<WorkerAnswer['error']>): Error {
  const rebuilt =
    error.projection !== undefined && error.position !== undefined && error.eventType !== undefined
      ? new ProjectionFailedError(error.projection, BigInt(error.position), error.eventType, new Error(error.cause))
      : Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}

/** The TypeScript compiler and the project's tsconfig.json, for a thread started from sources; undefined without. */
function typescriptCompiler(): { typescript: string; tsconfig: string } | undefined {
  let typescript: string;
  try {
    typescript = require.resolve('typescript');
  } catch {
    return undefined;
  }
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const tsconfig = path.join(dir, 'tsconfig.json');
    if (fs.existsSync(tsconfig)) return { typescript, tsconfig };
    if (path.dirname(dir) === dir) return undefined;
  }
}
