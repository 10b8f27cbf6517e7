// Worker-thread entry of the OM engine. Node cannot start a worker from a .ts
// file, so threads always run the compiled copy, dist/distance/engine/worker.js
// (pool.ts finds it both from dist/ and from the sources under vitest).
import { parentPort, workerData } from 'node:worker_threads';
import { instantiateKernel, type WasmModule } from './kernel.js';
import { JobSession, PROTOCOL, runUnits, type JobSpec } from './job.js';

const { protocol, module, job } = workerData as { protocol: number; module: WasmModule | null; job: JobSpec };
if (protocol !== PROTOCOL) {
  throw new Error(`OM worker protocol ${PROTOCOL} differs from the caller's ${protocol}: rebuild with \`npm run build\`.`);
}
runUnits(new JobSession(instantiateKernel(module), job));
parentPort?.postMessage('done');
