import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { representativePlot, type RepresentativePanel } from '../../charts/representativePlot.js';
import { csvText } from '../../disclosure/csv.js';
import { distinctDistances } from '../../distance/compute.js';
import { InputError, OptionsError } from '../../errors.js';
import type { DisclosureLogRow } from '../../disclosure/control.js';
import { controlRepresentatives, sequenceLog } from '../../explain/disclosure.js';
import { isMissingValue } from '../../explain/factor.js';
import { sequenceRepresentatives, type RepresentativeCriterion } from '../../explain/representatives.js';
import { spellFormat } from '../../explain/tree-print.js';
import { defaultStateOrder } from '../../ingest/states.js';
import { selectRows } from '../../sequences/select.js';
import type { StateSequences } from '../../sequences/types.js';
import { integerOption, numberOption, parseOptions, stringOption } from '../args.js';
import { DISCLOSURE_OPTIONS, disclosureOptions, writeDisclosureLog } from '../disclosure-options.js';
import { DISTANCE_USAGE, distanceOptions } from '../distance-options.js';
import { EXPLAIN_OPTIONS, EXPLAIN_USAGE, covariateValues, loadExplainInput, writeChart, writeResult } from '../explain-options.js';
import { INPUT_USAGE } from '../input-options.js';
import type { Command } from '../main.js';

const CRITERIA: readonly RepresentativeCriterion[] = ['density', 'freq', 'dist', 'mscore', 'prob'];

const SPEC = {
  ...EXPLAIN_OPTIONS,
  criterion: { type: 'string' },
  coverage: { type: 'string' },
  nrep: { type: 'string' },
  pradius: { type: 'string' },
  groups: { type: 'string' },
  by: { type: 'string' },
  ...DISCLOSURE_OPTIONS,
  figure: { type: 'string' },
  lang: { type: 'string' },
} as const;

export const command: Command = {
  summary: 'representative sequences with their quality statistics, per group (TraMineR seqrep, seqrplot)',
  usage: `usage: loopbaan representatives --input FILE [input and distance options] [--criterion density]
                                [--coverage 0.25 | --nrep N] [--pradius 0.1] [--groups labels.csv | --by COV]
                                [--min-cell 10] [--figure reps.svg|reps.png] [--json] [--out FILE]

Chooses representative sequences as TraMineR's seqrep and writes, per group, one CSV row per
representative and a total row: group,rank,sequence,persons,shown,na,na_pct,nb,nb_pct,SD,MD,DC,V,Q
(na: weight of the cases nearest to it; nb: of those within the radius; SD/MD: sum/mean distance to
it; DC: distance to the group's centre; V: their discrepancy; Q = (DC - SD) / DC in %).
Disclosure control: a representative's sequence (SPS form) is shown only when at least --min-cell
persons share exactly that sequence (shown = true); otherwise the sequence is left empty.

  --criterion C             density (default), freq, dist, mscore, prob
  --coverage X              stop when this share of the weight is within the radius (default 0.25)
  --nrep N                  or: choose N representatives
  --pradius X               neighbourhood radius as a share of the largest distance (default 0.1)
  --groups FILE.csv         a group per person: first column the id, second the group
                            (e.g. the output of loopbaan cluster)
  --by COV                  or: a person covariate as the group
  --min-cell N              disclosure threshold (default 10): statistics resting on fewer persons are empty
  --round N                 na and nb rounded to a multiple of N instead of suppressed
  --log FILE                the output-check log (table,cell,kind,persons,rule); default FILE.disclosure.csv
                            beside --out
  --figure FILE             the representative sequence plot (.svg or .png)
  --lang en|nl              language of the figure

${EXPLAIN_USAGE}
${DISTANCE_USAGE}
${INPUT_USAGE}
examples:
  loopbaan representatives --input mvad.csv --cols Sep.93..Jun.99 --indel 1 --criterion density --coverage 0.25
  loopbaan cluster --input mvad.csv --cols Sep.93..Jun.99 --indel 1 --algo ward.D --k 4 --out labels.csv
  loopbaan representatives --input mvad.csv --cols Sep.93..Jun.99 --indel 1 --groups labels.csv --figure reps.png
`,
  async run(args) {
    const values = parseOptions(args, SPEC, ['input']);
    const criterion = (stringOption(values, 'criterion') ?? 'density') as RepresentativeCriterion;
    if (!CRITERIA.includes(criterion)) throw new OptionsError('--criterion', `must be one of ${CRITERIA.join(', ')}; got "${criterion}"`);
    if (values.groups !== undefined && values.by !== undefined) throw new OptionsError(undefined, 'give --groups FILE or --by COV, not both');
    const nrep = values.nrep === undefined ? undefined : integerOption(values, 'nrep', 1, 1);
    const options = {
      criterion, nrep,
      coverage: numberOption(values, 'coverage', 0.25),
      pradius: numberOption(values, 'pradius', 0.1),
      minCell: disclosureOptions(values).minCell,
    };
    const { round } = disclosureOptions(values);
    const { seqs, diss } = await loadExplainInput(values);
    const groupFile = stringOption(values, 'groups');
    const by = stringOption(values, 'by');
    const labels = groupFile ? await readGroups(groupFile, seqs) : by ? covariateValues(seqs, by, '--by') : undefined;
    const panels: RepresentativePanel[] = [];
    if (!labels) panels.push({ name: '', seqs, result: sequenceRepresentatives(seqs, diss, options) });
    else {
      const levels = defaultStateOrder([...new Set(labels.filter((v) => !isMissingValue(v)).map(String))]);
      for (const level of levels) {
        // each group is a sequence set of its own, with its own distances (as seqrep on a subset)
        const rows = labels.flatMap((v, i) => (String(v) === level && !isMissingValue(v) ? [i] : []));
        const sub = selectRows(seqs, rows);
        const subDiss = stringOption(values, 'dist') ? subMatrix(diss as { n: number; values: Float64Array }, rows) : await distinctDistances(sub, distanceOptions(values, seqs));
        panels.push({ name: level, seqs: sub, result: sequenceRepresentatives(sub, subDiss, options) });
      }
    }
    const rowsOut: string[][] = [['group', 'rank', 'sequence', 'persons', 'shown', 'na', 'na_pct', 'nb', 'nb_pct', 'SD', 'MD', 'DC', 'V', 'Q']];
    const STATS = ['na', 'naPct', 'nb', 'nbPct', 'SD', 'MD', 'DC', 'V', 'Q'] as const;
    const log: DisclosureLogRow[] = [];
    // disclosure control of the statistics: cells resting on fewer than --min-cell persons are null
    const controls = panels.map(({ result }) => controlRepresentatives(result, options.minCell, round));
    const json = panels.map(({ name, seqs: s, result }, k) => {
      const control = controls[k];
      const safe = control.values;
      const table = name ? `representatives ${name}` : 'representatives';
      log.push(...control.control.log.map((l) => ({ ...l, table })), ...result.shown.map((rep, r) => sequenceLog(table, `r${r + 1}.sequence`, rep.persons, options.minCell)));
      // the published values (rounded counts with --round), shares of the published counts
      const shown = (id: string): number | null => safe.get(id) ?? null;
      const published = (id: string) => Object.fromEntries(STATS.map((st) => {
        const count = st === 'naPct' ? 'na' : st === 'nbPct' ? 'nb' : undefined;
        const v = shown(`${id}.${count ?? st}`);
        return [st, v === null ? null : count ? (100 * v) / result.n : v];
      })) as Record<(typeof STATS)[number], number | null>;
      // the group's size, coverage (total nb / na) and quality (total Q / 100) only with the cells they derive from
      const n = shown('total.na');
      const coverage = n === null || shown('total.nb') === null ? null : result.coverage;
      const quality = shown('total.Q') === null ? null : result.quality;
      return {
        group: name || null,
        criterion: result.criterion, dmax: result.dmax, radius: result.radius, coverage, quality, n,
        representatives: result.shown.map((rep, r) => ({
          rank: r + 1, sequence: rep.disclosable ? spellFormat(s, rep.row) : null, persons: rep.persons >= options.minCell ? rep.persons : null, shown: rep.disclosable, ...published(`r${r + 1}`),
        })),
        total: published('total'),
      };
    });
    for (const g of json) {
      const stat = (st: (typeof g)['total']) => STATS.map((k) => (st[k] === null ? '' : String(st[k])));
      for (const rep of g.representatives) rowsOut.push([g.group ?? '', String(rep.rank), rep.sequence ?? '', rep.persons === null ? '' : String(rep.persons), String(rep.shown), ...stat(rep)]);
      rowsOut.push([g.group ?? '', 'total', '', '', '', ...stat(g.total)]);
    }
    await writeResult(values, { min_cell: options.minCell, groups: json }, () => csvText(rowsOut));
    await writeDisclosureLog(values, log);
    const figure = stringOption(values, 'figure');
    const shownPanels = panels.map((panel, k) => ({ ...panel, published: controls[k].values }));
    if (figure) await writeChart(representativePlot(shownPanels, { lang: stringOption(values, 'lang') === 'nl' ? 'nl' : 'en' }), figure);
    return 0;
  },
};

/** A group per person from a CSV whose first column is the id and second the group. */
async function readGroups(file: string, seqs: StateSequences): Promise<unknown[]> {
  const text = await readFile(file, 'utf8').catch((err: Error) => {
    throw new InputError(file, undefined, undefined, `cannot read the file (${err.message})`);
  });
  const [header, ...rows] = parse(text) as string[][];
  if (!header || header.length < 2) throw new InputError(file, 1, undefined, 'expected a header with two columns: id, group');
  const byId = new Map<string, string>();
  rows.forEach((r, k) => {
    if (r.length < 2) throw new InputError(file, k + 2, undefined, 'expected two fields: id, group');
    byId.set(r[0], r[1]);
  });
  return seqs.ids.map((id) => {
    const g = byId.get(id);
    if (g === undefined) throw new InputError(file, undefined, header[0], `no group for person "${id}"; expected a row for every person of --input`);
    return g;
  });
}

/** The rows' part of an N x N matrix. */
function subMatrix(m: { n: number; values: Float64Array }, rows: number[]): { n: number; values: Float64Array } {
  const k = rows.length;
  const values = new Float64Array((k * (k - 1)) / 2);
  let p = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const [i, j] = rows[a] < rows[b] ? [rows[a], rows[b]] : [rows[b], rows[a]];
      values[p++] = m.values[m.n * i - (i * (i + 1)) / 2 + j - i - 1];
    }
  }
  return { n: k, values };
}
