// The standard mvad typology of TraMineR (OM/TRATE, indel 1, Ward, k = 4) as a script to adapt.
//
//   npm run build                            # once: the script imports the built package
//   node reports/mvad.mjs path/to/mvad.csv   # mvad in wide format (id, weight, ..., Jul.93 .. Jun.99)
//
// Writes reports/out/mvad-script/ and prints the cluster sizes and the quality table.
import { runMvadStudy, stderrProgress, writeMvadReport } from 'loopbaan';

const input = process.argv[2];
if (!input) {
  console.error('usage: node reports/mvad.mjs mvad.csv');
  process.exit(2);
}

const study = await runMvadStudy({
  input,
  cols: 'Sep.93..Jun.99', // the 70 months of the standard example
  id: 'id',
  k: 4,
  kRange: [2, 8],
  progress: stderrProgress(),
});
const { index } = await writeMvadReport(study, { out: 'reports/out/mvad-script' });

console.log(index);
for (const c of study.results.clusters) console.log(`cluster ${c.id}: n = ${c.n}, medoid ${c.medoid_id} (${c.medoid})`);
console.table(study.results.cluster_quality);
