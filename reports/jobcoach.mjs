// Study A (labour-market patterns after the start of jobcoaching) as a script to adapt.
//
//   npm run build                                        # once: the script imports the built package
//   node reports/jobcoach.mjs                            # synthetic panel, 25,000 persons
//   node reports/jobcoach.mjs persons.csv months.csv     # your own extract
//
// Writes reports/out/jobcoach-script/ (index.html, results.json, figures/, tables/)
// and prints the study's published figures next to this panel's.
import { builtinStudy, comparePublished, stderrProgress, studyReport } from 'loopbaan';

const [persons, months] = process.argv.slice(2);
const out = 'reports/out/jobcoach-script';

// studies/jobcoach.json: states and roles, time axis, groups, covariates, typology, analyses, published figures
const study = await builtinStudy('jobcoach');
const { computation, written } = await studyReport({
  study: { ...study, disclosure: { minCell: 10 } }, // change any key of the study file here
  persons, // person file: person_id, benefit, start_month, regime, sex, disability, ... (weight)
  months, // long months file: person_id, month, state, employer_id, hours_week, hourly_wage, permanent
  simulate: persons ? undefined : { n: 25_000, seed: 1, dir: `${out}/data` }, // without files: the synthetic panel
  out,
  lang: 'en',
  progress: stderrProgress(),
});

const r = computation.results;
console.log(written.index);
console.log(`${r.n_persons} persons; groups: ${r.clusters.groups.map((g) => `${g.id} ${g.label} ${(100 * g.share_total).toFixed(0)}%`).join(', ')}`);
console.table(comparePublished(study.published.figures, r).map((f) => ({ figure: f.key, published: f.published, panel: f.reproduced?.toFixed(1) })));
