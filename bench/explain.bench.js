// Discrepancy analysis and cluster validation at scale (issue 18).
//   node bench/explain.bench.js              dissassoc (1,000 permutations) on 2,000 and 5,000 persons,
//                                            seqnullcqi on 25,000 persons (CLARA, 20 null sets, k = 2..6)
//   node bench/explain.bench.js --quick      smaller cases
//   node bench/explain.bench.js --threads=1  one thread
// Data: the synthetic jobcoach panel, its first 36 months since the start, OM with TRATE costs, indel 1.
import { availableParallelism } from 'node:os';
import { discrepancyAssociation, distinctDistances, nullModelQuality, simulateJobcoach, subsetMonths } from '../dist/index.js';

const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};
const quick = process.argv.includes('--quick');
const threads = arg('threads', availableParallelism());
const distance = { method: 'OM', sm: 'TRATE', indel: 1 };
const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(2);

for (const n of quick ? [1000] : [2000, 5000]) {
  const seqs = subsetMonths(simulateJobcoach({ n, seed: 1 }), 0, 35);
  let t0 = performance.now();
  const diss = await distinctDistances(seqs, { ...distance, threads });
  const tDist = seconds(t0);
  const regime = Array.from(seqs.covariates.array('regime'));
  t0 = performance.now();
  const a = await discrepancyAssociation(diss, regime, { permutations: 1000, seed: 1, threads });
  const tPerm = seconds(t0);
  const r2 = a.statistics[2];
  console.log(`dissassoc by regime (4 levels), ${n} persons (${diss.matrix.n} distinct), 1,000 permutations, ${threads} threads: ` +
    `${tPerm} s (distances ${tDist} s); pseudo R2 ${r2.value.toFixed(4)}, p ${r2.pValue}`);
}

const n = arg('n', quick ? 5000 : 25000);
const replicates = arg('replicates', quick ? 5 : 20);
const seqs = subsetMonths(simulateJobcoach({ n, seed: 1 }), 0, 35);
const t0 = performance.now();
const v = await nullModelQuality(seqs, { distance, model: 'combined', replicates, kmax: 6, clustering: 'clara', qualitySample: 2000, seed: 1, threads });
const c = v.ks.indexOf(4);
console.log(`seqnullcqi (combined null model, CLARA, quality on 2,000 distinct sequences), ${n} persons, ${replicates} null sets, k = 2..6, ` +
  `${threads} threads: ${seconds(t0)} s; standardised ASW at k = 4: ${v.standardized.ASW[c].toFixed(1)} (max-T ${v.maxT.ASW.map((x) => x.toFixed(2)).join('..')})`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
