// Optimal matching (OM, TRATE costs, indel 1): full matrices for mvad,
// 5,000 x 48 and 25,000 x 48 sequences, against TraMineR's measured times on
// this machine (../shared/fixtures/traminer/README.md). Each case runs in a
// child process so its peak memory (maxRSS) is its own.
//   node bench/om.bench.js            all cases, all cores
//   node bench/om.bench.js --quick    skip the 25,000 case
//   node bench/om.bench.js --threads=1
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distances, substitutionCosts } from '../dist/distance/index.js';
import { omCondensed, omToReferences, wasmModule } from '../dist/distance/engine/index.js';
import { expandInParallel } from '../dist/distance/engine/expand.js';
import { readWide } from '../dist/ingest/index.js';
import { distinctSequences } from '../dist/sequences/index.js';
import { simulateJobcoach } from '../dist/simulate/index.js';
import { markovSequences } from './markov.js';

const here = dirname(fileURLToPath(import.meta.url));
const MVAD = resolve(here, '../../shared/fixtures/traminer/mvad.csv');
const threadsArg = process.argv.find((a) => a.startsWith('--threads='));
const threads = threadsArg ? Number(threadsArg.split('=')[1]) : availableParallelism();

const CASES = {
  mvad: { label: 'mvad (712 x 70, 6 states)', traminer: 1.0, make: mvad },
  markov5k: { label: 'Markov 5,000 x 48, 4 states, stay 0.93', traminer: 42, make: () => markov(5000, 48, 4, 0.93, 1) },
  markov25k: { label: 'Markov 25,000 x 48, 4 states, long spells (stay 0.95)', traminer: undefined, make: () => markov(25000, 48, 4, 0.95, 2) },
  jobcoach: { label: 'jobcoach panel 25,000 (simulate, 84 months, censored), distances() end to end', traminer: undefined, api: true, make: () => ({ seqs: simulateJobcoach({ n: 25000, seed: 1 }) }) },
  refs1m: { label: 'to 4 references (CLARA): Markov 1,000,000 x 48, stay 0.95', traminer: undefined, refs: 4, make: () => markov(1000000, 48, 4, 0.95, 3) },
};

const caseArg = process.argv.find((a) => a.startsWith('--case='));
if (caseArg) {
  console.log(JSON.stringify(await runCase(caseArg.split('=')[1])));
} else {
  const big = ['markov25k', 'jobcoach', 'refs1m'];
  const names = Object.keys(CASES).filter((c) => !(c === 'mvad' && !existsSync(MVAD)) && !(big.includes(c) && process.argv.includes('--quick')));
  console.log(`OM/TRATE full matrices, ${threads} thread(s) of ${availableParallelism()} cores, ${wasmModule() ? 'WebAssembly SIMD' : 'TypeScript'} kernel.`);
  console.log('Other processes share these cores: timings taken while others work are pessimistic.\n');
  console.log('| case | sequences | distinct | seconds | CPU seconds | expand to N x N | DP cells/s | peak RSS | TraMineR | speed-up |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const name of names) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--case=${name}`, `--threads=${threads}`], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) {
      console.log(`| ${CASES[name].label} | failed: ${child.stderr.trim().split('\n').pop()} |`);
      continue;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop());
    const tm = CASES[name].traminer;
    console.log(
      `| ${CASES[name].label} | ${r.n.toLocaleString('en')} | ${r.d.toLocaleString('en')} | ${r.seconds.toFixed(2)} | ${r.cpuSeconds.toFixed(2)} | ${r.expandSeconds === undefined ? '-' : `${r.expandSeconds.toFixed(2)} s`} | ` +
        `${(r.cells / r.seconds).toExponential(2)} | ${(r.maxRssKb / 1024).toFixed(0)} MB | ${tm ? `${tm} s` : '-'} | ${tm ? `${(tm / (r.seconds + r.expandSeconds)).toFixed(1)}x` : '-'} |`,
    );
  }
  console.log(`
seconds: wall time of omCondensed on the distinct sequences (sorting, threads and kernel); CPU seconds: all threads,
a fairer figure when other processes compete for the cores. expand: copying the distinct matrix to all N x N pairs.
DP cells/s: D(D-1)/2 pairs x t^2 cells of the plain DP per wall second; the kernel skips the rows and columns that
sorted neighbours share, so this is the rate of an equivalent plain DP. speed-up: TraMineR / (seconds + expand).
The jobcoach row times distances() (costs, distinct sequences, engine and the N x N expansion, all in "seconds");
its DP cells are the sum of len(a) x len(b) over distinct pairs. The CLARA row times omToReferences: every distinct
sequence against 4 of them (D x 4 distances).`);
}

async function runCase(name) {
  const { seqs, sm } = await CASES[name].make();
  const distinct = distinctSequences(seqs);
  const d = distinct.firstRow.length;
  const { t } = seqs;
  if (CASES[name].api) {
    // The public path: TRATE costs, distinct sequences, engine, normalisation none, expansion to N x N.
    let sum = 0;
    let sumSq = 0;
    for (const r of distinct.firstRow) {
      sum += seqs.lengths[r];
      sumSq += seqs.lengths[r] ** 2;
    }
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const m = await distances(seqs, { method: 'OM', sm: 'TRATE', indel: 1, threads });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    if (m.values.length !== (seqs.n * (seqs.n - 1)) / 2) throw new Error('matrix has the wrong size');
    return { n: seqs.n, d, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, cells: (sum * sum - sumSq) / 2, maxRssKb: process.resourceUsage().maxRSS };
  }
  const codes = new Uint8Array(d * t);
  const lengths = new Int32Array(d);
  distinct.firstRow.forEach((r, q) => {
    codes.set(seqs.codes.subarray(r * t, (r + 1) * t), q * t);
    lengths[q] = seqs.lengths[r];
  });
  const nStates = Math.sqrt(sm.length);
  const problem = { codes, t, lengths, nStates, sm, indel: new Float64Array(nStates).fill(1) };
  const k = CASES[name].refs;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  if (k) {
    const step = Math.floor(d / k);
    const refs = { ...problem, codes: new Uint8Array(k * t), lengths: new Int32Array(k) };
    for (let m = 0; m < k; m++) {
      refs.codes.set(codes.subarray(m * step * t, (m * step + 1) * t), m * t);
      refs.lengths[m] = lengths[m * step];
    }
    await omToReferences(problem, refs, { threads });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return { n: seqs.n, d, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, cells: d * k * t * t, maxRssKb: process.resourceUsage().maxRSS };
  }
  const values = await omCondensed(problem, { threads });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const t1 = performance.now();
  const full = await expandInParallel({ n: d, values }, distinct.rowToDistinct, { threads });
  const expandSeconds = (performance.now() - t1) / 1000;
  if (full.values.length !== (seqs.n * (seqs.n - 1)) / 2) throw new Error('expanded matrix has the wrong size');
  return { n: seqs.n, d, seconds, cpuSeconds, expandSeconds, cells: ((d * (d - 1)) / 2) * t * t, maxRssKb: process.resourceUsage().maxRSS };
}

/** Markov-chain sequences (./markov.js) with their TRATE costs. */
function markov(n, t, nStates, stay, seed) {
  return withTrate(markovSequences(n, t, nStates, stay, seed));
}

/** mvad as the TraMineR references use it: Sep.93 .. Jun.99, states in alphabetical order. */
async function mvad() {
  const { sequences } = await readWide(MVAD, { cols: 'Sep.93..Jun.99', id: 'id' });
  return withTrate(sequences);
}

/** The sequences with their TRATE substitution costs (the library's `substitutionCosts`). */
function withTrate(seqs) {
  return { seqs, sm: substitutionCosts(seqs, { method: 'TRATE' }).sm };
}
