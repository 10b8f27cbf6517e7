// Worker-thread entry of the distance engine: an OM job, a share of the pairs
// of a TypeScript kernel, or a share of an expansion to N x N. Node cannot
// start a worker from a .ts file, so threads always run the compiled copy,
// dist/distance/engine/worker.js (pool.ts finds it both from dist/ and from
// the sources under vitest).
import { parentPort, workerData } from 'node:worker_threads';
import { runExpansion, type ExpansionTask } from './expand.js';
import { instantiateKernel, type WasmModule } from './kernel.js';
import { JobSession, PROTOCOL, runUnits, type JobSpec } from './job.js';
import { runPairs, type PairTask } from './pairs.js';

const data = workerData as { protocol: number; module?: WasmModule | null; job?: JobSpec; expansion?: ExpansionTask; pairs?: PairTask };
if (data.protocol !== PROTOCOL) {
  throw new Error(`Distance worker protocol ${PROTOCOL} differs from the caller's ${data.protocol}: rebuild with \`npm run build\`.`);
}
if (data.expansion) runExpansion(data.expansion);
else if (data.pairs) runPairs(data.pairs);
else runUnits(new JobSession(instantiateKernel(data.module ?? null), data.job!));
parentPort?.postMessage('done');
