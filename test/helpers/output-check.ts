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
  /** Counts below minCell were rounded to multiples of this base instead of suppressed. */
  round?: number;
  /** Texts that must appear in no file: absolute input paths, ... */
  forbidden?: readonly string[];
  /**
   * Person ids: none may appear as a JSON string, a CSV cell or a word of a
   * page (ids that are plain numbers cannot be told from counts in CSV and
   * pages; they are looked for in JSON strings only).
   */
  ids?: ReadonlySet<string>;
  /**
   * Persons whose trajectory a sequence label such as `work_jc 7m -> work`
   * describes (the panel's own count): a label of 1..minCell-1 persons
   * describes (nearly) single persons.
   */
  personsWithLabel?: (label: string) => number;
  /** Relations a reader knows between published numbers, per file (see `Lines`). */
  relations?: (file: string, content: unknown) => Lines | undefined;
}

/**
 * Known sums among published numbers: each line says Σ a_i × cell_i = total,
 * where a cell is a name (a = 1) or [name, a], and total is a cell or a
 * known constant (100 for percentages). `values` holds every cell of the
 * lines, null where the file shows nothing.
 */
export interface Lines {
  readonly values: ReadonlyMap<string, number | null>;
  readonly lines: readonly Line[];
  /**
   * Published shares with a published base: value × base is the number of
   * persons behind the cell (or more than it, when base is an upper bound
   * of the share's base), so it must be 0 or at least minCell.
   */
  readonly counts?: readonly { readonly cell: string; readonly base: number }[];
}

/** One known sum (see `Lines`). */
export interface Line {
  readonly cells: readonly (string | readonly [string, number])[];
  readonly total: string | number;
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
  if (name.includes('%')) return false;
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

/**
 * Whether a published count is allowed: 0, or at least minCell (the
 * threshold rule); with rounding also a multiple of the base (a rounded 5
 * stands for 3 to 7 persons).
 */
function countAllowed(x: number, options: OutputCheckOptions): boolean {
  return x === 0 || x >= options.minCell || (options.round !== undefined && Number.isInteger(x / options.round));
}

/**
 * Scan every file under `dir` (JSON, CSV, HTML, SVG; figures' Vega-Lite
 * specs with their data) for what must not leave a secure environment:
 * - a count below `minCell` (fields and columns whose name is a count, at
 *   any depth; columns of a page's tables; "N persons" in a page's text);
 * - a drawn row of an index plot (data rows with `y`, `y2` and `state`)
 *   that stands for fewer than `minCell` sequences (its field `n`), or does not say how many;
 * - a column of person ids in a CSV table (`id`, `person_id`, `*_id`), and a person id (`ids`) anywhere;
 * - a sequence label (`state Nm -> state`) that describes 1..minCell-1 persons (`personsWithLabel`);
 * - a forbidden text (absolute input paths) anywhere, and an absolute path as a JSON string;
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
      if (isVegaSpec(content)) {
        for (const [where, rows] of vegaData(content)) walkJson(rows, [where], options, add);
        checkChronograms(content, 'spec', options, add);
      }
      else walkJson(content, [], options, add);
    } else if (file.endsWith('.csv')) {
      content = parse(text, { relax_column_count: true }) as string[][];
      checkCsv(content as string[][], options, add);
    } else if (/\.(html|svg)$/.test(file)) {
      checkPage(text, options, add);
    }
    const lines = content === undefined ? undefined : options.relations?.(file, content);
    if (lines) {
      for (const p of recoverable(lines)) add(p);
      for (const { cell, base } of lines.counts ?? []) {
        const x = lines.values.get(cell);
        const persons = x === null || x === undefined ? 0 : x * base;
        if (persons > 0.5 && persons < options.minCell - 0.5) add(`${cell} = ${x} of ${base}: ${persons.toFixed(1)} persons`);
      }
    }
  }
  return findings;
}

/** Spell labels as a report writes them: `state Nm -> state Nm -> state` (two spells or more). */
const LABEL = /(?:[\w.+-]+ \d+m -> )+[\w.+-]+/g;

/** Text checks shared by every kind of file: person ids and sequence labels. */
function checkText(where: string, text: string, options: OutputCheckOptions, add: (p: string) => void, words: boolean): void {
  if (options.ids) {
    const tokens = words ? text.match(/[\w-]+(?:\.[\w-]+)*/g) ?? [] : [text];
    for (const t of tokens) if (options.ids.has(t) && (!words || !/^[\d.]+$/.test(t))) add(`${where}: person id "${t}"`);
  }
  if (options.personsWithLabel) {
    for (const label of text.match(LABEL) ?? []) {
      const n = options.personsWithLabel(label);
      if (n > 0 && n < options.minCell) add(`${where}: the sequence "${label}" describes ${n} person${n === 1 ? '' : 's'}`);
    }
  }
}

/** Words that say a number counts persons in a page's text ("7 persons", "3 job endings"). */
const COUNTED = /(?<![\d.,])(\d[\d,.]*) (?:persons|people|person|sequences|job endings|endings|job starts|starts|personen|banen)\b/g;

/**
 * A page (HTML, SVG): its text without markup checked for person ids,
 * sequence labels and counted persons; its tables column by column as CSV.
 */
function checkPage(html: string, options: OutputCheckOptions, add: (p: string) => void): void {
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const plain = unescape(html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' '));
  checkText('page', plain, options, add, true);
  for (const m of plain.matchAll(COUNTED)) {
    const x = Number(m[1].replace(/,/g, ''));
    if (Number.isFinite(x) && !countAllowed(x, options)) add(`page: "${m[0]}": a count below ${options.minCell}`);
  }
  for (const table of html.match(/<table[\s\S]*?<\/table>/g) ?? []) {
    const rows = (table.match(/<tr[\s\S]*?<\/tr>/g) ?? []).map((tr) => (tr.match(/<t[hd][^>]*>[\s\S]*?<\/t[hd]>/g) ?? []).map((c) => unescape(c.replace(/<[^>]+>/g, '')).trim()));
    const [header = [], ...body] = rows;
    header.forEach((name, j) => {
      if (!isCountName(name)) return;
      body.forEach((row) => {
        const x = Number((row[j] ?? '').replace(/,/g, ''));
        if (row[j] && Number.isFinite(x) && !countAllowed(x, options)) add(`page table, column "${name}" = ${x}: a count below ${options.minCell}`);
      });
    });
  }
}

/**
 * Cells of `lines` a reader can compute: first line by line (a line with
 * exactly one unknown cell gives it; the cell is then known for the other
 * lines, repeated until nothing changes), then by solving the remaining
 * lines together (an unknown is fixed when its unit vector lies in the row
 * space of the lines' unknown part: Gauss-Jordan elimination).
 *
 * @returns one message per recoverable cell
 */
export function recoverable(lines: Lines): string[] {
  const known = new Set([...lines.values].filter(([, v]) => v !== null).map(([k]) => k));
  const terms = (l: Line): [string, number][] => l.cells.map((c) => (typeof c === 'string' ? [c, 1] : [c[0], c[1]]));
  const names = (l: Line) => terms(l).map(([c]) => c).join(' + ');
  for (const l of lines.lines) for (const c of [...terms(l).map(([x]) => x), l.total]) if (typeof c === 'string' && !lines.values.has(c)) throw new Error(`line names an unknown cell ${c}`);
  const out: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const l of lines.lines) {
      const unknown = [...terms(l).filter(([, a]) => a !== 0).map(([c]) => c), l.total].filter((c): c is string => typeof c === 'string' && !known.has(c));
      if (unknown.length !== 1) continue;
      known.add(unknown[0]);
      out.push(`suppressed ${unknown[0]} is recoverable from ${names(l)} = ${l.total}`);
      changed = true;
    }
  }
  for (const c of solvedTogether(lines.lines.map(terms).map((t, i) => {
    const total = lines.lines[i].total;
    return typeof total === 'string' ? [...t, [total, -1] as [string, number]] : t;
  }), known)) out.push(`suppressed ${c} is recoverable from several sums together`);
  return out;
}

/** Unknown cells fixed by the lines taken together (reduced row echelon form of their unknown part). */
function solvedTogether(rows: [string, number][][], known: ReadonlySet<string>): string[] {
  const columns = [...new Set(rows.flatMap((r) => r.map(([c]) => c)).filter((c) => !known.has(c)))];
  const at = new Map(columns.map((c, j) => [c, j]));
  const m = rows.map((r) => {
    const row = new Array<number>(columns.length).fill(0);
    for (const [c, a] of r) if (at.has(c)) row[at.get(c)!] += a;
    return row;
  }).filter((row) => row.some((x) => x !== 0));
  const tiny = 1e-9;
  let r = 0;
  for (let j = 0; j < columns.length && r < m.length; j++) {
    let best = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i][j]) > Math.abs(m[best][j])) best = i;
    if (Math.abs(m[best][j]) <= tiny) continue;
    [m[r], m[best]] = [m[best], m[r]];
    const p = m[r][j];
    m[r] = m[r].map((x) => x / p);
    for (let i = 0; i < m.length; i++) if (i !== r && m[i][j] !== 0) { const f = m[i][j]; m[i] = m[i].map((x, k) => x - f * m[r][k]); }
    r++;
  }
  return m.flatMap((row) => {
    const nonzero = row.flatMap((x, j) => (Math.abs(x) > tiny ? [j] : []));
    return nonzero.length === 1 ? [columns[nonzero[0]]] : [];
  });
}

function walkJson(x: unknown, path: string[], options: OutputCheckOptions, add: (p: string) => void): void {
  if (Array.isArray(x)) {
    x.forEach((v, i) => walkJson(v, [...path, String(i)], options, add));
    return;
  }
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    // index-plot rows stack sequences (y in sequences); a chronogram's rows stack shares (y2 <= 1, no n)
    if ('y' in o && 'y2' in o && 'state' in o && ('n' in o || Number(o.y2) > 1 + 1e-9)) {
      const n = o.n;
      if (typeof n !== 'number') add(`${path.join('.')}: an index-plot row without the number of sequences it shows`);
      else if (n < options.minCell) add(`${path.join('.')}: an index-plot row of ${n} sequences`);
    }
    for (const [k, v] of Object.entries(o)) {
      if (options.ids?.has(k)) add(`${path.join('.')}: person id "${k}" as a key`);
      walkJson(v, [...path, k], options, add);
    }
    return;
  }
  if (typeof x === 'number' && isCountPath(path) && !countAllowed(x, options)) add(`${path.join('.')} = ${x}: a count below ${options.minCell}`);
  if (typeof x === 'string') {
    if (/^\/[^/\s]/.test(x) || /^[A-Za-z]:\\/.test(x)) add(`${path.join('.')}: an absolute path "${x}"`);
    // ids that are plain numbers are looked for only under a key that names an id
    if (!/^\d+$/.test(x) || /id$/i.test(path[path.length - 1] ?? '')) checkText(path.join('.'), x, options, add, false);
  }
}

/**
 * Chronograms (state distribution plots) in a spec: a view whose parts are
 * stacked shares per month ({x, x2, y, y2, state}, y2 <= 1) and the N at
 * risk below them ({x, n, row}). At a month with its N shown, a share of a
 * state times N is a count of persons: it must be 0 or at least minCell
 * (the band of states not shown, the sum of hidden cells, excepted).
 */
function checkChronograms(x: unknown, path: string, options: OutputCheckOptions, add: (p: string) => void): void {
  if (x === null || typeof x !== 'object') return;
  const o = x as Record<string, unknown>;
  const parts = Array.isArray(o.vconcat) ? (o.vconcat as Record<string, unknown>[]) : [];
  const rowsOf = (p: Record<string, unknown>) => ((p?.data as { values?: Record<string, unknown>[] } | undefined)?.values ?? []);
  const shares = parts.map(rowsOf).find((rows) => rows.length > 0 && rows.every((r) => 'y2' in r && 'state' in r && !('n' in r) && Number(r.y2) <= 1 + 1e-9));
  const atRisk = parts.map(rowsOf).find((rows) => rows.length > 0 && rows.every((r) => 'n' in r && 'row' in r));
  if (shares && atRisk) {
    const n = new Map(atRisk.map((r) => [Number(r.x), Number(r.n)]));
    for (const r of shares) {
      const month = (Number(r.x) + Number(r.x2)) / 2;
      const N = n.get(month);
      if (N === undefined || /not shown|niet getoond|^< ?\d+ person/.test(String(r.state))) continue;
      const persons = (Number(r.y2) - Number(r.y)) * N;
      if (persons > 0.5 && persons < options.minCell - 0.5) add(`${path}: chronogram, month ${month}, ${r.state}: ${persons.toFixed(1)} of ${N} persons`);
    }
  }
  for (const [k, v] of Object.entries(o)) if (v && typeof v === 'object') checkChronograms(v, `${path}.${k}`, options, add);
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
  body.forEach((row, i) => row.forEach((cell, j) => {
    if (!/^[\d.]+$/.test(cell)) checkText(`line ${i + 2}, column ${header[j] ?? j + 1}`, cell, options, add, false);
  }));
  header.forEach((name, j) => {
    // a column of ids, unless it numbers the rows 1, 2, ... (clusters, groups)
    if (/^(id|person_id|.+_id)$/i.test(name) && !body.every((row, i) => row[j] === String(i + 1))) add(`column ${name}: person ids`);
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
