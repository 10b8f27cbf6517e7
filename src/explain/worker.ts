// Worker-thread entry of the permutation tests (src/explain): takes blocks of
// permutations of one test from a shared counter. Node cannot start a worker
// from a .ts file, so threads run the compiled copy, dist/explain/worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateAssociation, type AssociationSpec } from './association.js';
import { evaluateMultiFactor, type MultiFactorSpec } from './multifactor.js';
import { runPermutationJob, type PermutationJob } from './permutation.js';

const job = (workerData as { permutations: PermutationJob<AssociationSpec | MultiFactorSpec> }).permutations;
const spec = job.spec;
if (spec.kind === 'association') runPermutationJob(job as PermutationJob<AssociationSpec>, evaluateAssociation);
else runPermutationJob(job as PermutationJob<MultiFactorSpec>, evaluateMultiFactor);
parentPort?.postMessage('done');
