// The OM-type methods beside OM: OMstran (OM engine on transition tokens),
// OMloc and OMslen (the engine's variant kernel), distances() end to end
// (costs, distinct sequences, engine, normalisation, expansion to N x N), on
// mvad and on 5,000 Markov sequences x 48 months, against TraMineR 2.2-12's
// seqdist times measured on this machine (README, Performance).
//   node bench/om-variants.bench.js            both cases, all cores
//   node bench/om-variants.bench.js --quick    mvad only
//   node bench/om-variants.bench.js --threads=1
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distances } from '../dist/distance/index.js';
import { wasmModule } from '../dist/distance/engine/index.js';
import { readWide } from '../dist/ingest/index.js';
import { distinctSequences } from '../dist/sequences/index.js';
import { markovSequences } from './markov.js';

const here = dirname(fileURLToPath(import.meta.url));
const MVAD = resolve(here, '../../shared/fixtures/traminer/mvad.csv');
const threadsArg = process.argv.find((a) => a.startsWith('--threads='));
const threads = threadsArg ? Number(threadsArg.split('=')[1]) : availableParallelism();

// The parameters of the TraMineR fixtures (../shared/fixtures/traminer2), TRATE costs.
const METHODS = [
  { label: 'OM (indel 1)', options: { method: 'OM', sm: 'TRATE', indel: 1 } },
  { label: 'OMstran (otto 0.1, indel 1)', options: { method: 'OMstran', sm: 'TRATE', indel: 1, otto: 0.1 } },
  { label: 'OMloc (expcost 0.5, context 0)', options: { method: 'OMloc', sm: 'TRATE', expcost: 0.5, context: 0 } },
  { label: 'OMslen (mean, h 0.5, indel 1)', options: { method: 'OMslen', sm: 'TRATE', indel: 1, link: 'mean', h: 0.5 } },
];

// TraMineR 2.2-12 seqdist on one core, seconds measured with R on this machine (README; OM with its
// 2 cores free, the others as user CPU seconds of system.time under load, equal to elapsed on a free core).
const CASES = [
  { label: 'mvad (712 x 70)', traminer: { OM: 1.0 }, make: async () => (await readWide(MVAD, { cols: 'Sep.93..Jun.99', id: 'id' })).sequences, skip: !existsSync(MVAD) },
  { label: 'Markov 5,000 x 48, 4 states, stay 0.93', traminer: { OM: 42, OMstran: 242, OMloc: 259, OMslen: 108 }, make: async () => markovSequences(5000, 48, 4, 0.93, 1), skip: process.argv.includes('--quick') },
];

console.log(`OM-type methods, distances() end to end, ${threads} thread(s) of ${availableParallelism()} cores, ${wasmModule() ? 'WebAssembly SIMD' : 'TypeScript'} kernels.`);
console.log('Other processes share these cores: timings taken while others work are pessimistic.\n');
console.log('| case | method | distinct | seconds | CPU seconds | DP cells/s | TraMineR | speed-up |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const c of CASES.filter((x) => !x.skip)) {
  const seqs = await c.make();
  const d = distinctSequences(seqs).firstRow.length;
  const cells = ((d * (d - 1)) / 2) * seqs.t * seqs.t;
  for (const m of METHODS) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await distances(seqs, { ...m.options, threads });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const tm = c.traminer[m.options.method];
    console.log(
      `| ${c.label} | ${m.label} | ${d.toLocaleString('en')} | ${seconds.toFixed(2)} | ${((cpu.user + cpu.system) / 1e6).toFixed(2)} | ` +
        `${(cells / seconds).toExponential(2)} | ${tm ? `${tm} s` : '-'} | ${tm ? `${(tm / seconds).toFixed(1)}x` : '-'} |`,
    );
  }
}
console.log(`
DP cells/s: D(D-1)/2 pairs x t^2 cells of the plain DP per wall second (D distinct sequences; OMstran's
token sequences have the same length with add.column). The engine skips the rows that sorted neighbours
share (and, for OM and OMstran, the columns 16 sorted sequences share), so this is the rate of an
equivalent plain DP. speed-up: TraMineR / seconds.`);
