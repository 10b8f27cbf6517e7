// CLARA on a large panel: 1,000,000 sequences x 48 months from a 4-group Markov
// chain (4 states: trial, work_jc, work, none), OM with TRATE costs and indel 1,
// k = 4. Target: under 5 minutes on 2 cores with peak memory under 4 GB.
//   node bench/clara.bench.js                   the full case
//   node bench/clara.bench.js --quick           100,000 sequences
//   node bench/clara.bench.js --n=250000 --samples=10 --threads=2
import { availableParallelism } from 'node:os';
import { clara, createSequences, makeAlphabet, seededRandom } from '../dist/index.js';

const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};
const n = arg('n', process.argv.includes('--quick') ? 100_000 : 1_000_000);
const t = 48;
const samples = arg('samples', undefined);
const threads = arg('threads', availableParallelism());

// Four groups with their own start distribution and monthly transition matrix
// (rows: from trial, work_jc, work, none).
const GROUPS = [
  { share: 0.25, start: [0.6, 0.3, 0.05, 0.05], move: [[0.6, 0.35, 0.02, 0.03], [0, 0.93, 0.06, 0.01], [0, 0.01, 0.98, 0.01], [0.02, 0.05, 0.05, 0.88]] },
  { share: 0.25, start: [0.6, 0.35, 0, 0.05], move: [[0.6, 0.37, 0, 0.03], [0, 0.985, 0.005, 0.01], [0, 0.1, 0.88, 0.02], [0.02, 0.15, 0, 0.83]] },
  { share: 0.25, start: [0.55, 0.4, 0, 0.05], move: [[0.55, 0.3, 0, 0.15], [0, 0.93, 0.01, 0.06], [0, 0.02, 0.9, 0.08], [0.005, 0.01, 0.005, 0.98]] },
  { share: 0.25, start: [0.5, 0.3, 0.1, 0.1], move: [[0.5, 0.3, 0.1, 0.1], [0, 0.8, 0.1, 0.1], [0, 0.1, 0.78, 0.12], [0.03, 0.12, 0.1, 0.75]] },
];

function draw(rnd, probs) {
  let u = rnd();
  for (let s = 0; s < probs.length - 1; s++) if ((u -= probs[s]) < 0) return s;
  return probs.length - 1;
}

function panel() {
  const rnd = seededRandom(2024);
  const codes = new Uint8Array(n * t);
  for (let i = 0; i < n; i++) {
    const g = GROUPS[draw(rnd, GROUPS.map((x) => x.share))];
    let s = draw(rnd, g.start);
    for (let j = 0; j < t; j++) {
      if (j > 0) s = draw(rnd, g.move[s]);
      codes[i * t + j] = s;
    }
  }
  return createSequences({ alphabet: makeAlphabet(['trial', 'work_jc', 'work', 'none']), n, t, codes });
}

const t0 = performance.now();
const seqs = panel();
const tGen = (performance.now() - t0) / 1000;
let last = '';
const progress = (task, done, total) => {
  const line = `${task} ${done}/${total}`;
  if (line !== last) process.stderr.write(`  ${((performance.now() - t1) / 1000).toFixed(1)} s  ${line}\n`);
  last = line;
};
const t1 = performance.now();
const { solutions, distinct } = await clara(seqs, 4, {
  distance: { method: 'OM', sm: 'TRATE', indel: 1 },
  samples,
  seed: 1,
  threads,
  progress,
});
const seconds = (performance.now() - t1) / 1000;
const s = solutions[0];
const sizes = [0, 0, 0, 0];
for (const c of s.labels) sizes[c - 1]++;
const peak = process.resourceUsage().maxRSS / 1024;
console.log(`CLARA k = 4, OM/TRATE indel 1, ${s.sampleMeanDistances.length} samples of ${40 + 2 * 4} draws, ${threads} thread(s) of ${availableParallelism()} cores.`);
console.log('Other processes share these cores: timings taken while others work are pessimistic.\n');
console.log('| sequences | months | distinct | seconds (clara) | peak RSS | target | mean distance | cluster sizes |');
console.log('|---:|---:|---:|---:|---:|---|---:|---|');
console.log(
  `| ${n.toLocaleString('en')} | ${t} | ${distinct.firstRow.length.toLocaleString('en')} | ${seconds.toFixed(1)} | ${peak.toFixed(0)} MB | ` +
    `${n >= 1_000_000 ? (seconds < 300 && peak < 4096 ? 'met (< 300 s, < 4 GB)' : 'missed (300 s, 4 GB)') : '-'} | ${s.meanDistance.toFixed(3)} | ${sizes.join(' / ')} |`,
);
console.log(`\n(generating the panel took ${tGen.toFixed(1)} s, not counted)`);
