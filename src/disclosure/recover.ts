/** A relation over cells numbered 0..n-1: Σ coefficients[k] × value(cells[k]) = constant. */
export interface IndexedRelation {
  readonly cells: Int32Array;
  readonly coefficients: Float64Array;
}

/** Entries below this (after each row is scaled to a largest entry of 1) count as zero. */
const EPS = 1e-9;

/**
 * The relations between the cells of one or more tables, for asking which
 * hidden cells a reader can compute exactly from the shown ones.
 *
 * A hidden cell is determined when the relations, with the shown cells'
 * values filled in, leave it only one possible value: when its unit vector
 * lies in the row space of the relations restricted to the hidden cells
 * (equivalently, every solution of the homogeneous system is 0 there). Cells
 * are grouped into components (hidden cells linked through shared
 * relations); each component is brought to reduced row echelon form by
 * Gauss-Jordan elimination with partial pivoting, and a hidden cell is
 * determined when its column is a pivot column whose row has no other
 * non-zero entry. Only exact, linear recovery is considered: bounds a reader
 * gets from non-negativity (a hidden count lies between 0 and the row
 * total) are not.
 *
 * @example
 * const g = new RelationGraph(3, [{ cells: Int32Array.of(0, 1, 2), coefficients: Float64Array.of(1, 1, -1) }]);
 * g.determined(Uint8Array.of(1, 0, 0)); // [1, 0, 0]: a + b = c with b and c shown gives a
 * g.determined(Uint8Array.of(1, 1, 0)); // [0, 0, 0]: two unknowns in one relation
 */
export class RelationGraph {
  readonly n: number;
  readonly relations: readonly IndexedRelation[];
  /** Relations each cell takes part in. */
  private readonly relationsOf: number[][];

  constructor(n: number, relations: readonly IndexedRelation[]) {
    this.n = n;
    this.relations = relations;
    this.relationsOf = Array.from({ length: n }, () => []);
    relations.forEach((r, k) => r.cells.forEach((c) => this.relationsOf[c].push(k)));
  }

  /** Relations cell `c` takes part in. */
  relationsOfCell(c: number): readonly number[] {
    return this.relationsOf[c];
  }

  /**
   * Which hidden cells a reader can compute exactly.
   * @param hidden hidden[c] = 1 when cell c is not shown (suppressed, rounded or not published)
   * @returns determined[c] = 1 for hidden cells with only one possible value
   */
  determined(hidden: Uint8Array): Uint8Array {
    const out = new Uint8Array(this.n);
    const seen = new Uint8Array(this.n);
    for (let c = 0; c < this.n; c++) {
      if (!hidden[c] || seen[c]) continue;
      const comp = this.component(c, hidden);
      for (const x of comp.cells) seen[x] = 1;
      const det = this.determinedIn(comp, hidden);
      comp.cells.forEach((x, k) => (out[x] = det[k]));
    }
    return out;
  }

  /**
   * Whether one hidden cell can be computed exactly (solves only its component).
   * @param target a hidden cell
   * @param hidden as in `determined`
   */
  isDetermined(target: number, hidden: Uint8Array): boolean {
    const comp = this.component(target, hidden);
    return this.determinedIn(comp, hidden)[comp.cells.indexOf(target)] === 1;
  }

  /** Hidden cells linked to `start` through relations, and those relations. */
  component(start: number, hidden: Uint8Array): { cells: number[]; relations: number[] } {
    const cells = [start];
    const relations: number[] = [];
    const inCells = new Set([start]);
    const inRelations = new Set<number>();
    for (let k = 0; k < cells.length; k++) {
      for (const r of this.relationsOf[cells[k]]) {
        if (inRelations.has(r)) continue;
        inRelations.add(r);
        relations.push(r);
        for (const x of this.relations[r].cells) {
          if (hidden[x] && !inCells.has(x)) {
            inCells.add(x);
            cells.push(x);
          }
        }
      }
    }
    return { cells, relations };
  }

  /**
   * Which cells of a component (from `component`) a reader can compute exactly.
   * @returns one flag per entry of `comp.cells`
   */
  determinedIn(comp: { cells: number[]; relations: number[] }, hidden: Uint8Array): Uint8Array {
    const u = comp.cells.length;
    const m = comp.relations.length;
    const col = new Map(comp.cells.map((c, k) => [c, k]));
    const a = new Float64Array(m * u);
    comp.relations.forEach((r, i) => {
      const { cells, coefficients } = this.relations[r];
      cells.forEach((c, k) => {
        if (hidden[c]) a[i * u + col.get(c)!] += coefficients[k];
      });
      scaleRow(a, i, u);
    });
    const pivotOfRow = reduce(a, m, u);
    const det = new Uint8Array(u);
    pivotOfRow.forEach((p, i) => {
      if (p < 0) return;
      let alone = true;
      for (let j = 0; j < u && alone; j++) if (j !== p && Math.abs(a[i * u + j]) > EPS) alone = false;
      if (alone) det[p] = 1;
    });
    return det;
  }
}

/** Divide row i by its largest absolute entry (rows of zeros stay). */
function scaleRow(a: Float64Array, i: number, u: number): void {
  let max = 0;
  for (let j = 0; j < u; j++) max = Math.max(max, Math.abs(a[i * u + j]));
  if (max > 0) for (let j = 0; j < u; j++) a[i * u + j] /= max;
}

/**
 * Gauss-Jordan elimination in place to reduced row echelon form, with
 * partial pivoting (the largest entry of the column becomes the pivot).
 * Returns the pivot column of each row (-1 for rows that became zero).
 */
function reduce(a: Float64Array, m: number, u: number): Int32Array {
  const pivotOfRow = new Int32Array(m).fill(-1);
  let row = 0;
  for (let j = 0; j < u && row < m; j++) {
    let best = row;
    for (let i = row + 1; i < m; i++) if (Math.abs(a[i * u + j]) > Math.abs(a[best * u + j])) best = i;
    if (Math.abs(a[best * u + j]) <= EPS) continue;
    if (best !== row) {
      for (let k = 0; k < u; k++) {
        const x = a[row * u + k];
        a[row * u + k] = a[best * u + k];
        a[best * u + k] = x;
      }
    }
    const p = a[row * u + j];
    for (let k = 0; k < u; k++) a[row * u + k] /= p;
    // a[i, :] -= a[i, j] × a[row, :] for every other row i
    for (let i = 0; i < m; i++) {
      if (i === row) continue;
      const f = a[i * u + j];
      if (f === 0) continue;
      for (let k = 0; k < u; k++) a[i * u + k] -= f * a[row * u + k];
      a[i * u + j] = 0;
    }
    pivotOfRow[row] = j;
    row++;
  }
  // round-off below EPS is zero
  for (let k = 0; k < m * u; k++) if (Math.abs(a[k]) <= EPS) a[k] = 0;
  return pivotOfRow;
}
