// The standard mvad typology of TraMineR (OM/TRATE, indel 1, Ward, k = 4) as a script to adapt.
//
//   npm run build                            # once: the script imports the built package
//   node reports/mvad.mjs path/to/mvad.csv   # mvad in wide format (id, weight, ..., Jul.93 .. Jun.99)
//
// Writes reports/out/mvad-script/ and prints the cluster sizes and the quality table.
import { builtinStudy, stderrProgress, studyReport } from 'loopbaan';

const input = process.argv[2];
if (!input) {
  console.error('usage: node reports/mvad.mjs mvad.csv');
  process.exit(2);
}

const study = await builtinStudy('mvad'); // studies/mvad.json
const { computation, written } = await studyReport({
  study,
  input,
  format: 'wide',
  cols: 'Sep.93..Jun.99', // the 70 months of the standard example
  id: 'id',
  weight: null, // unweighted, as the standard example
  out: 'reports/out/mvad-script',
  progress: stderrProgress(),
});

const r = computation.results;
console.log(written.index);
for (const g of r.clusters.groups) console.log(`cluster ${g.id}: n = ${g.n}, medoid ${g.medoid_id} (${g.medoid})`);
console.table(r.cluster_quality);
