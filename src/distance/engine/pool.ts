import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OptionsError } from '../../errors.js';
import type { ProgressReporter } from '../../progress.js';
import { instantiateKernel, type WasmModule } from './kernel.js';
import { JobSession, PROTOCOL, jobPairs, jobUnits, runUnits, type JobSpec } from './job.js';

/**
 * Below this many DP cells (pairs x t^2, before the kernel's shortcuts; about
 * 0.3 s on one thread) a job runs in the calling thread unless threads are
 * asked for: starting a worker and copying the inputs costs ~50-100 ms.
 */
const MIN_PARALLEL_CELLS = 2e9;
const PROGRESS_MS = 200;
const TASK = 'OM distances';

/**
 * Path of a compiled worker script, given relative to `dist/` (e.g.
 * `explain/worker.js`), or null before the first build. Node cannot start a
 * worker from a .ts file, so the sources under vitest use the built copy too.
 *
 * @example
 * compiledScript('distance/engine/worker.js'); // '/.../dist/distance/engine/worker.js'
 */
export function compiledScript(relative: string): string | null {
  const candidates = [
    new URL(`../../${relative}`, import.meta.url), // running from dist/distance/engine
    new URL(`../../../dist/${relative}`, import.meta.url), // running the sources (vitest)
  ];
  for (const url of candidates) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  return null;
}

/** Path of the compiled distance worker script, or null before the first build. */
export function workerScript(): string | null {
  return compiledScript('distance/engine/worker.js');
}

/**
 * Number of threads a job will use: `threads` when given (capped by the work
 * units), else all cores for jobs above 2e9 DP cells; 1 without a compiled worker.
 */
export function planThreads(requested: number | undefined, units: number, cells: number): number {
  if (requested !== undefined && (!Number.isInteger(requested) || requested < 1)) {
    throw new OptionsError('threads', `must be a whole number >= 1; got ${requested}`);
  }
  if (workerScript() === null) return 1;
  if (requested === undefined) return cells < MIN_PARALLEL_CELLS ? 1 : Math.min(availableParallelism(), units);
  return Math.max(1, Math.min(requested, units));
}

/**
 * Run a job on `threads` threads: 1 computes here; more start that many
 * workers on the job's shared memory while this thread reports progress.
 */
export async function runJob(
  job: JobSpec,
  opts: { threads: number; module: WasmModule | null; progress?: ProgressReporter },
): Promise<void> {
  const { threads, module, progress } = opts;
  const total = jobPairs(job.kind, job.a.order.length, job.b.order.length);
  const report = () => progress?.(TASK, Number(Atomics.load(job.done, 0)), total);
  if (threads <= 1 || jobUnits(job.kind, job.a.order.length) <= 1) {
    let last = Date.now();
    runUnits(new JobSession(instantiateKernel(module), job), () => {
      if (Date.now() - last < PROGRESS_MS) return;
      last = Date.now();
      report();
    });
    progress?.(TASK, total, total);
    return;
  }
  await runWorkers(threads, () => ({ module, job }), progress && report);
  progress?.(TASK, total, total);
}

/**
 * Start `threads` workers of a worker script (default the engine's), worker k
 * with `data(k)` (plus the protocol version), and wait until all are done,
 * calling `tick` (to report progress) every 200 ms meanwhile.
 */
export async function runWorkers(
  threads: number,
  data: (part: number) => Record<string, unknown>,
  tick?: () => void,
  script: string | null = workerScript(),
): Promise<void> {
  if (script === null) throw new Error('No compiled worker script: run `npm run build`.');
  const workers: Worker[] = [];
  const timer = tick ? setInterval(tick, PROGRESS_MS) : undefined;
  try {
    await Promise.all(
      Array.from({ length: threads }, (_, part) => new Promise<void>((resolve, reject) => {
        const worker = new Worker(script, { workerData: { protocol: PROTOCOL, ...data(part) } });
        workers.push(worker);
        worker.once('message', () => resolve());
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Worker ${script} exited with code ${code}.`))));
      })),
    );
  } finally {
    clearInterval(timer);
    for (const worker of workers) void worker.terminate();
  }
}
