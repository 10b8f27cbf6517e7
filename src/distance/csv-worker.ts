// Worker-thread entry of writeDistanceCsv: formats blocks of matrix rows as CSV
// text and posts them to the writer. Node cannot start a worker from a .ts
// file, so threads run the compiled copy, dist/distance/csv-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { runCsvTask, type CsvTask } from './csv.js';

runCsvTask((workerData as { csv: CsvTask }).csv, (block, length) => parentPort!.postMessage({ block, length }));
