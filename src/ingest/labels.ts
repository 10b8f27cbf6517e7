import { InputError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import { readPersons } from './persons.js';

/** What `joinLabels` added. */
export interface JoinedLabels {
  /** The sequences with the label columns as covariates. */
  readonly sequences: StateSequences;
  /** The columns added (every column of the file but the id). */
  readonly columns: readonly string[];
  /** Rows of the file, and persons of the panel without a row (their labels are empty). */
  readonly rows: number;
  readonly unlabelled: number;
}

/**
 * Join a file of labels per person (e.g. `id,cluster` as `loopbaan cluster`
 * writes it, or any CSV with an id column) onto the sequences: every other
 * column becomes a person covariate, to group or profile by. Persons of the
 * panel without a row get empty labels (and are left out of groupings by
 * them); a row whose id is not a person of the panel, a duplicate id, or a
 * column that is already a covariate is an `InputError` naming the line or
 * column.
 *
 * @param seqs the sequences
 * @param file path of the CSV file
 * @param options `id`: the id column (default `id`)
 * @returns the sequences with the new covariates, and what was joined
 * @example
 * const { sequences } = await joinLabels(seqs, 'labels.csv');   // id,cluster
 * groupProfiles(sequences, { by: 'cluster', roles });
 */
export async function joinLabels(seqs: StateSequences, file: string, options: { id?: string } = {}): Promise<JoinedLabels> {
  const table = await readPersons(file, { id: options.id ?? 'id' });
  const panelIds = new Set(seqs.ids);
  table.ids.forEach((id, row) => {
    if (!panelIds.has(id)) throw new InputError(file, table.lines[row], table.idColumn, `person "${id}" is not in the panel; expected the ids of the input`);
  });
  const existing = seqs.covariates.columnNames();
  const columns = table.columns.filter((c) => c.name !== table.idColumn);
  for (const c of columns) {
    if (existing.includes(c.name)) throw new InputError(file, 1, c.name, `"${c.name}" is already a covariate of the panel; rename the column`);
  }
  const rows = Int32Array.from(seqs.ids, (id) => table.rowOf.get(id) ?? -1);
  const present = Int32Array.from(rows, (r) => Math.max(r, 0));
  const added = Object.fromEntries(columns.map((c) => {
    const values = Array.from(c.take(present) as ArrayLike<string | number | null>);
    return [c.name, values.map((v, i) => (rows[i] < 0 ? null : v))];
  }));
  return {
    sequences: { ...seqs, covariates: seqs.covariates.assign(added) },
    columns: columns.map((c) => c.name),
    rows: table.ids.length,
    unlabelled: rows.filter((r) => r < 0).length,
  };
}
