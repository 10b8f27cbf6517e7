// An output checker as a remote-access desk would run it, written apart from
// src/disclosure on purpose: it reads only the files an analysis writes and
// shares no code with the suppression it checks.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';

/** What the checker is told about the output. */
export interface OutputCheckOptions {
  /** Smallest number of persons a published count may be (counts of 0 are allowed). */
  minCell: number;
  /** Counts were rounded to multiples of this base instead of suppressed. */
  round?: number;
  /** Texts that must appear in no file: person ids, absolute input paths. */
  forbidden?: readonly string[];
  /** Relations a reader knows between published numbers, per file (see `Lines`). */
  relations?: (file: string, content: unknown) => Lines | undefined;
}

/**
 * Known sums among published numbers: each line says Σ cells = total, where
 * total is a cell or a known constant (100 for percentages). `values` holds
 * every cell of the lines, null where the file shows nothing.
 */
export interface Lines {
  readonly values: ReadonlyMap<string, number | null>;
  readonly lines: readonly { readonly cells: readonly string[]; readonly total: string | number }[];
}

/** One problem the checker found: the file (relative to the folder checked) and what. */
export interface Finding {
  readonly file: string;
  readonly problem: string;
}

const COUNT_TOKENS = new Set(['n', 'count', 'counts', 'persons', 'starts', 'endings', 'excluded', 'censored', 'size', 'rows', 'kept', 'rejected', 'freq', 'frequency', 'cases', 'sequences']);
/** Words that make a name a rate or a share, not a count (endings_per_person, share_pct). */
const NOT_COUNT_TOKENS = new Set(['per', 'pct', 'share', 'mean', 'rate', 'ratio', 'avg']);

/**
 * Whether a field name names a count of persons or records: one of its
 * words (snake_case or camelCase) is n, count, persons, starts, endings, ...,
 * or it is an at-risk number, and none is per, pct, share, mean, rate.
 *
 * @example
 * isCountName('n_endings'); // true
 * isCountName('atRisk');    // true
 * isCountName('direct_pct'); // false
 */
export function isCountName(name: string): boolean {
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const words = snake.split(/[^a-z0-9]+/);
  if (words.some((w) => NOT_COUNT_TOKENS.has(w))) return false;
  return snake.includes('at_risk') || words.some((w) => COUNT_TOKENS.has(w));
}

/**
 * Whether the number at a path (keys from the root) is a count: decided by
 * the nearest key that names a rate or share (not a count) or a count, else
 * by any key above it (`at_risk.Wajong.36` is a count).
 *
 * @example
 * isCountPath(['at_risk', 'Wajong', '36']);            // true
 * isCountPath(['persons', 'rows', '0', 'share_pct']);  // false
 */
export function isCountPath(path: readonly string[]): boolean {
  for (let k = path.length - 1; k >= 0; k--) {
    const words = path[k].replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/);
    if (words.some((w) => NOT_COUNT_TOKENS.has(w))) return false;
    if (isCountName(path[k])) return true;
  }
  return false;
}

/** Whether a published count is allowed: 0, at least minCell, and a multiple of the rounding base when counts are rounded. */
function countAllowed(x: number, options: OutputCheckOptions): boolean {
  if (x === 0) return true;
  if (options.round !== undefined) return Number.isInteger(x / options.round);
  return x >= options.minCell;
}

/**
 * Scan every file under `dir` (JSON, CSV, HTML, SVG; figures' Vega-Lite
 * specs with their data) for what must not leave a secure environment:
 * - a count below `minCell` (fields and columns whose name is a count, at any depth);
 * - a drawn row of an index plot (data rows with `y`, `y2` and `state`)
 *   that stands for fewer than `minCell` sequences (its field `n`), or does not say how many;
 * - a column of person ids in a CSV table (`id`, `person_id`, `*_id`);
 * - a forbidden text (person ids, absolute input paths) anywhere, and an absolute path as a JSON string;
 * - a suppressed number a reader can compute from the published ones through
 *   the lines `relations` gives (repeatedly: a computed number helps compute the next).
 *
 * @returns the findings, empty when the folder is safe
 */
export function checkOutputDir(dir: string, options: OutputCheckOptions): Finding[] {
  const findings: Finding[] = [];
  for (const path of listFiles(dir)) {
    const file = relative(dir, path);
    if (!/\.(json|csv|html|svg|txt)$/.test(file)) continue;
    const text = readFileSync(path, 'utf8');
    const add = (problem: string) => findings.push({ file, problem });
    for (const s of options.forbidden ?? []) if (s && text.includes(s)) add(`contains "${s}"`);
    let content: unknown;
    if (file.endsWith('.json')) {
      content = JSON.parse(text);
      // a figure's Vega-Lite spec: only its data is published content (its config has font sizes, not counts)
      if (isVegaSpec(content)) for (const [where, rows] of vegaData(content)) walkJson(rows, [where], options, add);
      else walkJson(content, [], options, add);
    } else if (file.endsWith('.csv')) {
      content = parse(text, { relax_column_count: true }) as string[][];
      checkCsv(content as string[][], options, add);
    }
    const lines = content === undefined ? undefined : options.relations?.(file, content);
    if (lines) for (const p of recoverable(lines)) add(p);
  }
  return findings;
}

/**
 * Cells of `lines` a reader can compute: a line with exactly one unknown
 * cell gives it; the cell is then known for the other lines (repeated until
 * nothing changes).
 *
 * @returns one message per recoverable cell
 */
export function recoverable(lines: Lines): string[] {
  const known = new Set([...lines.values].filter(([, v]) => v !== null).map(([k]) => k));
  for (const l of lines.lines) for (const c of [...l.cells, l.total]) if (typeof c === 'string' && !lines.values.has(c)) throw new Error(`line names an unknown cell ${c}`);
  const out: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const l of lines.lines) {
      const unknown = [...l.cells, l.total].filter((c): c is string => typeof c === 'string' && !known.has(c));
      if (unknown.length !== 1) continue;
      known.add(unknown[0]);
      out.push(`suppressed ${unknown[0]} is recoverable from ${l.cells.join(' + ')} = ${l.total}`);
      changed = true;
    }
  }
  return out;
}

function walkJson(x: unknown, path: string[], options: OutputCheckOptions, add: (p: string) => void): void {
  if (Array.isArray(x)) {
    x.forEach((v, i) => walkJson(v, [...path, String(i)], options, add));
    return;
  }
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if ('y' in o && 'y2' in o && 'state' in o) {
      const n = o.n;
      if (typeof n !== 'number') add(`${path.join('.')}: an index-plot row without the number of sequences it shows`);
      else if (n < options.minCell) add(`${path.join('.')}: an index-plot row of ${n} sequences`);
    }
    for (const [k, v] of Object.entries(o)) walkJson(v, [...path, k], options, add);
    return;
  }
  if (typeof x === 'number' && isCountPath(path) && !countAllowed(x, options)) add(`${path.join('.')} = ${x}: a count below ${options.minCell}`);
  if (typeof x === 'string' && (/^\/[^/\s]/.test(x) || /^[A-Za-z]:\\/.test(x))) add(`${path.join('.')}: an absolute path "${x}"`);
}

function isVegaSpec(x: unknown): boolean {
  return x !== null && typeof x === 'object' && /vega/.test(String((x as { $schema?: unknown }).$schema));
}

/** Inline data of a Vega-Lite spec: every `data.values` and `datasets` entry, at any depth. */
function vegaData(x: unknown, path = 'spec'): [string, unknown][] {
  if (x === null || typeof x !== 'object') return [];
  const o = x as Record<string, unknown>;
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k === 'data' && v && typeof v === 'object' && 'values' in v) out.push([`${path}.data`, (v as { values: unknown }).values]);
    else if (k === 'datasets' && v && typeof v === 'object') out.push([`${path}.datasets`, v]);
    else out.push(...vegaData(v, `${path}.${k}`));
  }
  return out;
}

function checkCsv(rows: string[][], options: OutputCheckOptions, add: (p: string) => void): void {
  const [header = [], ...body] = rows;
  header.forEach((name, j) => {
    if (/^(id|person_id|.+_id)$/i.test(name)) add(`column ${name}: person ids`);
    if (!isCountName(name)) return;
    body.forEach((row, i) => {
      const cell = row[j] ?? '';
      const x = Number(cell);
      if (cell.trim() !== '' && Number.isFinite(x) && !countAllowed(x, options)) add(`line ${i + 2}, column ${name} = ${x}: a count below ${options.minCell}`);
    });
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
