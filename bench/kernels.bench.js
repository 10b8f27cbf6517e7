// The TypeScript distance kernels (every method but OM and LCS) on one thread
// and on all cores: distances() end to end on the first 24 months of the
// synthetic jobcoach panel (equal lengths, so every method applies).
//   node bench/kernels.bench.js             8,000 persons
//   node bench/kernels.bench.js --quick     2,000 persons
//   node bench/kernels.bench.js --n=4000
import { availableParallelism } from 'node:os';
import { distances, simulateJobcoach, subsetMonths } from '../dist/index.js';

const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};
const n = arg('n', process.argv.includes('--quick') ? 2_000 : 8_000);
const threads = arg('threads', availableParallelism());
const seqs = subsetMonths(simulateJobcoach({ n, seed: 2 }), 0, 23);

const METHODS = [
  { method: 'HAM' },
  { method: 'LCP' },
  { method: 'CHI2', step: 6 },
  { method: 'OMspell', sm: 'TRATE', indel: 1, expcost: 0.5 },
  { method: 'TWED', sm: 'CONSTANT', nu: 0.5, lambda: 0.5, indel: 1 },
];

async function seconds(options) {
  const t0 = performance.now();
  const m = await distances(seqs, options);
  return { seconds: (performance.now() - t0) / 1000, values: m.values };
}

console.log(`${n.toLocaleString('en')} persons x 24 months (synthetic jobcoach panel), distances() end to end, 1 vs ${threads} thread(s).\n`);
console.log(`| method | 1 thread (s) | ${threads} threads (s) | speed-up | identical |`);
console.log('|---|---:|---:|---:|---|');
for (const options of METHODS) {
  const one = await seconds({ ...options, threads: 1 });
  const all = await seconds({ ...options, threads });
  const identical = one.values.length === all.values.length && one.values.every((v, k) => Object.is(v, all.values[k]));
  console.log(`| ${options.method} | ${one.seconds.toFixed(2)} | ${all.seconds.toFixed(2)} | ${(one.seconds / all.seconds).toFixed(2)}x | ${identical ? 'yes' : 'NO'} |`);
}
