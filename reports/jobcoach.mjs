// Study A (labour-market patterns after the start of jobcoaching) as a script to adapt.
//
//   npm run build                                        # once: the script imports the built package
//   node reports/jobcoach.mjs                            # synthetic panel, 25,000 persons
//   node reports/jobcoach.mjs persons.csv months.csv     # your own extract
//
// Writes reports/out/jobcoach-script/ (index.html, results.json, figures/, tables/)
// and prints the study's headline numbers next to the published ones.
import { compareWithPublished, runJobcoachStudy, stderrProgress, writeJobcoachReport } from 'loopbaan';

const [persons, months] = process.argv.slice(2);

const study = await runJobcoachStudy({
  persons, // person file: person_id, benefit, start_month, regime, sex, disability, ... (weight)
  months, // long months file: person_id, month, state, employer_id, hours_week, hourly_wage, permanent
  n: persons ? undefined : 25_000, // without files: the synthetic panel ...
  seed: persons ? undefined : 1, // ... and its seed
  panelDir: persons ? undefined : 'reports/out/jobcoach-script/data', // ... written as CSV there and read back like an extract
  window: 36, // months since the start that the typology clusters
  k: 4, // the four groups of the study
  refine: 'none', // or 'pam': weighted k-medoids from the Ward groups
  minCell: 10, // disclosure control: suppress cells of fewer than 10 persons
  progress: stderrProgress(),
});

const { index } = await writeJobcoachReport(study, { out: 'reports/out/jobcoach-script', lang: 'en' });

const r = study.results;
console.log(`${index}`);
console.log(`${r.n_persons} persons; groups: ${r.clusters.groups.map((g) => `${g.id} ${g.label} ${(100 * g.share_total).toFixed(0)}%`).join(', ')}`);
if (r.clusters.ari_vs_true_group !== null) console.log(`adjusted Rand index against the latent groups: ${r.clusters.ari_vs_true_group.toFixed(3)}`);
for (const f of compareWithPublished(r)) {
  console.log(`${f.figure.padEnd(72)} ${String(f.published).padStart(6)} ${f.value === null ? '     -' : f.value.toFixed(f.unit === 'EUR' ? 2 : 1).padStart(6)}`);
}
