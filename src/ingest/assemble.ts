import type { ColumnTable } from 'arquero';
import { createSequences } from '../sequences/create.js';
import type { StateSequences } from '../sequences/types.js';
import { MISSING, VOID } from '../sequences/types.js';
import { InputError } from '../errors.js';
import type { CellGrid } from './grid.js';
import { formatMonth } from './month.js';
import type { PanelOptions } from './options.js';
import type { FileCounts, ProblemLog } from './problems.js';
import { rejectedRows, type IngestReport, type StateCount } from './report.js';
import type { StateCoder } from './states.js';

/** Sequences with the report of how they were read. */
export interface LoadedPanel {
  readonly sequences: StateSequences;
  readonly report: IngestReport;
}

/** What a format reader collected: a grid of cells per person, before alignment and gap rules. */
export interface CollectedPanel {
  readonly format: IngestReport['format'];
  /** File of the state cells (for messages about the alignment state). */
  readonly file: string;
  readonly grid: CellGrid;
  readonly coder: StateCoder;
  /** Person id of each grid row. */
  readonly ids: readonly string[];
  /** The file whose rows define the persons, and each grid row's line in it. */
  readonly personFile: FileCounts;
  readonly personLines: ArrayLike<number>;
  /** 1 when a grid row received at least one month; undefined when every row did. */
  readonly hasMonths: Uint8Array | undefined;
  /** Weight of each grid row (default 1). */
  readonly weights: Float64Array | undefined;
  /** Start month of each grid row, for `time: {align: 'start'}`. */
  readonly starts: Int32Array | undefined;
  /** Person covariates of the given grid rows, in that order. */
  covariates(rows: Int32Array): ColumnTable;
  /** Calendar label of a grid month (`YYYY-MM`, or a wide header). */
  monthLabel(month: number): string;
}

/**
 * Turn collected cells into sequences: drop persons without months, place
 * month 0 of each person (calendar, start month or first month in a state),
 * apply the gap rules (leading and internal gaps missing, trailing gaps end the
 * sequence, as TraMineR's `seqdef`), fix the alphabet order, and count
 * everything for the report.
 */
export function assemblePanel(panel: CollectedPanel, options: PanelOptions, problems: ProblemLog): LoadedPanel {
  const { grid, coder } = panel;
  const time = options.time ?? { align: 'calendar' };
  const leadingDelete = options.gaps?.leading === 'delete';
  const trailingMissing = options.gaps?.trailing === 'missing';
  const lo = grid.n > 0 && grid.lo <= grid.hi ? grid.lo : 0;
  const hi = grid.n > 0 && grid.lo <= grid.hi ? grid.hi : -1;

  let alignCode = -1;
  if (time.align === 'state') {
    alignCode = coder.states.indexOf(time.state);
    if (alignCode < 0) {
      throw new InputError(panel.file, undefined, undefined, `cannot align on state "${time.state}": no month has it; states are ${coder.states.join(', ')}`);
    }
  }
  if (time.align === 'start' && !panel.starts) throw new Error(`align on start needs start months from column "${time.column}".`);

  const { keep: rows, origins, tProcess, excluded } = alignRows(panel, { time, leadingDelete, alignCode, lo, hi }, problems);
  const rejectedTotal = problems.files.reduce((sum, f) => sum + rejectedRows(f), 0);
  if (coder.states.length === 0) {
    throw new InputError(panel.file, undefined, undefined, `no month with a state was read${rejectedTotal ? ` (${rejectedTotal} rows rejected)` : ''}; expected at least one`);
  }
  if (rows.length === 0) {
    const why = [
      rejectedTotal ? `${rejectedTotal} rows rejected` : '',
      ...Object.entries(excluded).map(([what, k]) => `${k} ${what}`),
    ].filter(Boolean).join(', ');
    throw new InputError(panel.file, undefined, undefined, `no persons left${why ? ` (${why})` : ''}; expected at least one person with months`);
  }
  if (panel.weights) checkWeightTotal(panel, rows);
  // on the calendar axis, column j of the sequences is month lo + j: the gap rules count the observed months as they pass
  const calendar = time.align === 'calendar' && !leadingDelete;
  const counts = calendar ? new Float64Array(hi - lo + 1) : observedPerMonth(grid, rows, lo, hi);
  const t = calendar ? hi - lo + 1 : tProcess;
  const n = rows.length;
  const extracted = grid.extract(rows, origins, t);
  const { alphabet, recode } = coder.finish(options.labels);

  const out = extracted.codes;
  const lengths = new Int32Array(n);
  const cells = new Float64Array(alphabet.codes.length);
  const observedCells = applyGapRules(out, t, { lengths, cells, observed: calendar ? counts : undefined }, recode, trailingMissing);
  const missingCells = observedCells - cells.reduce((sum, k) => sum + k, 0);

  const process = time.align !== 'calendar' || leadingDelete;
  const timeLabels = Array.from({ length: t }, (_, j) => (process ? String(j) : panel.monthLabel(lo + j)));
  const sequences = createSequences(
    {
      alphabet,
      codes: out,
      n,
      t,
      lengths,
      ids: pickRows(panel.ids, rows),
      weights: panel.weights ? Float64Array.from(pickRows(panel.weights, rows)) : undefined,
      timeLabels,
      covariates: panel.covariates(rows),
      cellAttributes: extracted.cellAttributes,
      cellStore: extracted.cellStore,
    },
    // every reader keeps one grid row per id (a second row of an id is a rejected duplicate), and the gap rules made the codes
    { uniqueIds: false, codes: false },
  );

  const rejected: Partial<Record<string, number>> = {};
  for (const f of problems.files) for (const [reason, k] of Object.entries(f.rejected)) rejected[reason] = (rejected[reason] ?? 0) + (k ?? 0);
  const states: StateCount[] = alphabet.codes.map((state, k) => ({ state, label: alphabet.labels[k], cells: cells[k] }));
  const report: IngestReport = {
    format: panel.format,
    mode: problems.mode,
    files: problems.files,
    rejected,
    examples: problems.examples,
    excluded,
    persons: n,
    months: t,
    timeAxis: process ? 'process' : 'calendar',
    firstMonth: timeLabels[0] ?? '',
    lastMonth: timeLabels[t - 1] ?? '',
    states,
    missingCells,
    observedCells,
    warnings: panel.format === 'wide' ? [] : farMonthWarnings(counts, lo, panel.monthLabel),
  };
  return { sequences, report };
}

/**
 * Which grid rows become sequences, and the month each starts from: persons
 * without months and with a month before their start are rejected, persons
 * never in the aligned state excluded. Also the longest process time.
 */
function alignRows(
  panel: CollectedPanel,
  axis: { time: NonNullable<PanelOptions['time']>; leadingDelete: boolean; alignCode: number; lo: number; hi: number },
  problems: ProblemLog,
): { keep: Int32Array; origins: Int32Array; tProcess: number; excluded: Record<string, number> } {
  const { grid, personFile } = panel;
  const { codes, stride, base } = grid;
  const { time, leadingDelete, alignCode, lo, hi } = axis;
  const excluded: Record<string, number> = {};
  // typed arrays of every row, cut to the kept ones: no growing arrays (fresh memory is slow to touch)
  const keep = new Int32Array(grid.n);
  const origins = new Int32Array(grid.n);
  let kept = 0;
  let tProcess = 0;
  for (let i = 0; i < grid.n; i++) {
    if (panel.hasMonths && panel.hasMonths[i] === 0) {
      problems.reject(personFile, panel.personLines[i], undefined, 'person without months', `person "${panel.ids[i]}" has no months in ${panel.file}; expected at least one`);
      personFile.rowsKept--;
      continue;
    }
    const off = i * stride - base;
    const last = lo + observedLength(codes, off + lo, hi - lo + 1) - 1;
    let origin = lo;
    if (time.align === 'start') {
      origin = panel.starts![i];
      let early = lo;
      while (early < origin && early <= hi && codes[off + early] >= VOID) early++;
      if (early < origin && early <= hi) {
        problems.reject(personFile, panel.personLines[i], panel.monthLabel(early), 'month before start', `month ${panel.monthLabel(early)} is before the start month ${formatMonth(origin)}; expected months from the start on`);
        personFile.rowsKept--;
        continue;
      }
    } else if (time.align === 'state') {
      origin = lo;
      while (origin <= hi && codes[off + origin] !== alignCode) origin++;
      if (origin > hi) {
        excluded['persons never in the aligned state'] = (excluded['persons never in the aligned state'] ?? 0) + 1;
        continue;
      }
      let before = 0;
      for (let m = lo; m < origin; m++) if (codes[off + m] !== VOID) before++;
      if (before > 0) excluded['months before the aligned state'] = (excluded['months before the aligned state'] ?? 0) + before;
    }
    if (leadingDelete) {
      let first = Math.max(origin, lo);
      while (first <= last && codes[off + first] >= VOID) first++;
      if (first <= last) origin = first;
    }
    if (last - origin + 1 > tProcess) tProcess = last - origin + 1;
    keep[kept] = i;
    origins[kept++] = origin;
  }
  return { keep: keep.subarray(0, kept), origins: origins.subarray(0, kept), tProcess, excluded };
}

/** Observed cells per calendar month lo..hi of the grid rows `rows`, for the far-month warnings. */
function observedPerMonth(grid: CellGrid, rows: Int32Array, lo: number, hi: number): Float64Array {
  const { codes, stride, base } = grid;
  const counts = new Float64Array(hi - lo + 1);
  for (let k = 0; k < rows.length; k++) {
    const off = rows[k] * stride - base;
    for (let m = lo; m <= hi; m++) if (codes[off + m] < VOID) counts[m - lo]++;
  }
  return counts;
}

/**
 * The gap rules on n x t codes, in place: cells before a row's last state are
 * MISSING when not observed; after it VOID (or MISSING up to t with
 * `trailingMissing`). Recodes provisional state codes (`recode`), sets each
 * row's length, counts the cells of each state and (when given) the observed
 * cells of each column; returns the cells within the lengths. The codes are
 * then states, MISSING, and VOID from each length on.
 */
function applyGapRules(
  out: Uint8Array,
  t: number,
  into: { lengths: Int32Array; cells: Float64Array; observed: Float64Array | undefined },
  recode: Uint8Array | undefined,
  trailingMissing: boolean,
): number {
  const { lengths, cells } = into;
  // each grid code's final code: VOID (and MISSING) within the length is MISSING, a state its place in the alphabet
  const final = new Uint8Array(256).fill(MISSING);
  for (let c = 0; c < VOID; c++) final[c] = recode ? recode[c] : c;
  const perCode = new Float64Array(256);
  // observed runs as +1 at their first column and -1 after their last: one add a run, not one a cell
  const runStarts = new Float64Array(t + 1);
  let total = 0;
  for (let r = 0; r < lengths.length; r++) {
    const off = r * t;
    const len = trailingMissing ? t : observedLength(out, off, t);
    // a run of equal codes at a time: spells are long
    for (let j = 0; j < len; ) {
      const raw = out[off + j];
      const c = final[raw];
      let k = j;
      for (; k < len && out[off + k] === raw; k++) out[off + k] = c;
      perCode[c] += k - j;
      if (raw < VOID) {
        runStarts[j]++;
        runStarts[k]--;
      }
      j = k;
    }
    out.fill(VOID, off + len, off + t); // a trailing MISSING (an observed month without a state) included
    lengths[r] = len;
    total += len;
  }
  let open = 0;
  for (let j = 0; j < t && into.observed; j++) {
    open += runStarts[j];
    into.observed[j] += open;
  }
  for (let c = 0; c < cells.length; c++) cells[c] = perCode[c];
  return total;
}

/** Months up to and including the last observed one (a state) of the row of `t` codes from `off`. */
function observedLength(codes: Uint8Array, off: number, t: number): number {
  let last = t - 1;
  while (last >= 0 && codes[off + last] >= VOID) last--;
  return last + 1;
}

/**
 * `values[rows[k]]` for each k (a copy of the values when `rows` is 0..n-1):
 * a plain loop, as `Array.from(rows, f)` on a typed array is slow.
 *
 * @example
 * pickRows(['a', 'b', 'c'], Int32Array.of(2, 0)); // ['c', 'a']
 */
export function pickRows<T>(values: ArrayLike<T>, rows: Int32Array): T[] {
  const out = new Array<T>(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]];
  return out;
}

/** The weights of the kept persons must add up to a finite, positive total (1e308 + 1e308 does not). */
function checkWeightTotal(panel: CollectedPanel, keep: Int32Array): void {
  let total = 0;
  for (const i of keep) {
    total += panel.weights![i];
    if (!Number.isFinite(total)) {
      throw new InputError(panel.personFile.file, panel.personLines[i], undefined, `the weights add up to more than the largest number (${panel.weights![i]} here); expected weights whose total is finite, e.g. scaled to persons`);
    }
  }
  if (total === 0) throw new InputError(panel.personFile.file, undefined, undefined, `every weight of the ${keep.length} persons is 0; expected a positive weight for some`);
}

/** Months more than this far from every other observed month stand apart (a typo such as 2103-05). */
const FAR_MONTHS = 60;

/**
 * Warnings for observed months that lie apart from the bulk of the panel:
 * the observed months are split where more than FAR_MONTHS months in a row
 * have no observation, and every group but the largest is reported.
 *
 * @param counts observed cells per grid month, from month `lo` on
 */
function farMonthWarnings(counts: Float64Array, lo: number, label: (month: number) => string): string[] {
  const groups: { from: number; to: number; cells: number }[] = [];
  let gap = Infinity;
  for (let m = 0; m < counts.length; m++) {
    if (counts[m] === 0) {
      gap++;
      continue;
    }
    if (gap > FAR_MONTHS) groups.push({ from: m, to: m, cells: 0 });
    const g = groups[groups.length - 1];
    g.to = m;
    g.cells += counts[m];
    gap = 0;
  }
  if (groups.length < 2) return [];
  const main = groups.reduce((a, b) => (b.cells > a.cells ? b : a));
  return groups
    .filter((g) => g !== main)
    .map((g) => `${g.cells} person-months in ${label(lo + g.from)}${g.to > g.from ? ` .. ${label(lo + g.to)}` : ''} lie more than ${FAR_MONTHS} months from the rest (${label(lo + main.from)} .. ${label(lo + main.to)}); check the month column`);
}
