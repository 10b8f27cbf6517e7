import { controlTables, publishedValues } from '../../disclosure/control.js';
import { csvText } from '../../disclosure/csv.js';
import type { DisclosureCell } from '../../disclosure/model.js';
import { controlAssociation } from '../../explain/disclosure.js';
import { isMissingValue, toFactor } from '../../explain/factor.js';
import { discrepancyAssociation } from '../../explain/association.js';
import { multiFactorDiscrepancy } from '../../explain/multifactor.js';
import { integerOption, listOption, parseOptions } from '../args.js';
import { DISCLOSURE_OPTIONS, DISCLOSURE_USAGE, disclosureOptions, writeDisclosureLog } from '../disclosure-options.js';
import { DISTANCE_USAGE } from '../distance-options.js';
import {
  EXPLAIN_OPTIONS, EXPLAIN_USAGE, covariateValues, loadExplainInput, permutationOptions, writeResult,
} from '../explain-options.js';
import { INPUT_USAGE } from '../input-options.js';
import type { Command } from '../main.js';

const SPEC = {
  ...EXPLAIN_OPTIONS,
  by: { type: 'string' },
  permutations: { type: 'string' },
  seed: { type: 'string' },
  squared: { type: 'boolean' },
  ...DISCLOSURE_OPTIONS,
} as const;

export const command: Command = {
  summary: 'discrepancy analysis: how much of the sequences\' dissimilarity covariates explain (TraMineR dissassoc, dissmfacw)',
  usage: `usage: loopbaan discrepancy --input FILE [input and distance options] --by COV[,COV...]
                            [--permutations R] [--seed S] [--squared] [--json] [--out FILE]

One covariate (--by gcse5eq): TraMineR's dissassoc. CSV columns table,name,n,value,p_value:
the statistics (Pseudo F, Pseudo Fbf, Pseudo R2, Bartlett, Levene) with permutation p-values,
then the discrepancy and weight of each level and the total.
Several covariates (--by male,funemp,gcse5eq): TraMineR's dissmfacw. CSV columns
variable,pseudo_f,pseudo_r2,p_value: each covariate given the others, then Total.
Case weights (--weight) are used throughout; cases with a missing covariate are left out.
Disclosure control: a level's weight and discrepancy resting on fewer than --min-cell persons are
empty, and so is another level's that would give them away (the weights add up to the total, the
discrepancies pool into the residual sum of squares); the output-check log goes to --log or beside --out.

  --by COV[,COV...]         person covariates (person file or wide-file columns)
  --permutations R          permutations for the p-values, the observed one included (default 1000; 1: none)
  --seed S                  seed of the permutations (default 1); the same seed gives the same p-values
  --squared                 use squared dissimilarities
${DISCLOSURE_USAGE}
${EXPLAIN_USAGE}
${DISTANCE_USAGE}
${INPUT_USAGE}
examples:
  loopbaan discrepancy --input mvad.csv --cols Sep.93..Jun.99 --indel 1 --by gcse5eq --permutations 1000 --seed 1
  loopbaan discrepancy --input mvad.csv --cols Sep.93..Jun.99 --indel 1 --by male,funemp,gcse5eq,Grammar,fmpr --json
`,
  async run(args) {
    const values = parseOptions(args, SPEC, ['input', 'by']);
    const by = listOption(values, 'by')!;
    const { permutations, seed } = permutationOptions(values);
    const { seqs, diss, progress } = await loadExplainInput(values);
    const threads = values.threads === undefined ? undefined : integerOption(values, 'threads', 1, 1);
    const common = { weights: seqs.weights, squared: values.squared === true, permutations, seed, threads, progress };
    const { minCell, round } = disclosureOptions(values);
    const shown = (x: number | null | undefined) => (x === null || x === undefined ? null : x);
    if (by.length === 1) {
      const covariate = covariateValues(seqs, by[0], '--by');
      const a = await discrepancyAssociation(diss, covariate, { ...common, name: by[0] });
      const safe = controlAssociation(a, toFactor(covariate, by[0]), minCell, round);
      const groups = a.groups.map((g) => ({ level: g.level, n: shown(safe.values.get(`${g.level}.n`)), discrepancy: shown(safe.values.get(`${g.level}.discrepancy`)) }));
      // Fbf, Bartlett and Levene weigh each level by its size and spread: with a level's numbers suppressed,
      // together they can give them back (solving for n_g and s²_g), so they are shown only with every level's
      const whole = groups.every((g) => g.n !== null && g.discrepancy !== null);
      const statistics = a.statistics.map((st) => (whole || st.name === 'Pseudo F' || st.name === 'Pseudo R2' ? st : { ...st, value: null, pValue: null }));
      const { distribution: _distribution, ...json } = a;
      await writeResult(values, { covariate: by[0], ...json, statistics, groups, excluded: shown(safe.values.get('excluded')) }, () =>
        csvText([
          ['table', 'name', 'n', 'value', 'p_value'],
          ...statistics.map((st) => ['statistic', st.name, '', st.value === null ? '' : String(st.value), st.pValue === null || Number.isNaN(st.pValue) ? '' : String(st.pValue)]),
          ...groups.map((g) => ['discrepancy', g.level, g.n ?? '', g.discrepancy ?? '', '']),
        ]),
      );
      await writeDisclosureLog(values, safe.control.log);
      return 0;
    }
    const covariates = Object.fromEntries(by.map((name) => [name, covariateValues(seqs, name, '--by')]));
    const mf = await multiFactorDiscrepancy(diss, covariates, common);
    // each statistic rests on the persons with every covariate
    const kept = seqs.ids.filter((_, i) => by.every((name) => !isMissingValue(covariates[name][i]))).length;
    const cells = mf.rows.flatMap((r) => (['pseudoF', 'pseudoR2'] as const).map((stat): DisclosureCell => ({ id: `${r.variable}.${stat}`, value: r[stat], persons: kept, kind: 'mean' })));
    // the persons left out for a missing covariate are a count of persons like any other
    cells.push({ id: 'excluded', value: mf.excluded, persons: seqs.n - kept, kind: 'count' });
    const safe = controlTables([{ name: 'discrepancy', cells, relations: [] }], { minCell, round });
    const published = publishedValues(safe, 'discrepancy');
    const rows = mf.rows.map((r) => ({ ...r, pseudoF: shown(published.get(`${r.variable}.pseudoF`)), pseudoR2: shown(published.get(`${r.variable}.pseudoR2`)) }));
    await writeResult(values, { ...mf, rows, excluded: shown(published.get('excluded')) }, () =>
      csvText([
        ['variable', 'pseudo_f', 'pseudo_r2', 'p_value'],
        ...rows.map((r) => [r.variable, r.pseudoF ?? '', r.pseudoR2 ?? '', Number.isNaN(r.pValue) ? '' : String(r.pValue)]),
      ]),
    );
    await writeDisclosureLog(values, safe.log);
    return 0;
  },
};
