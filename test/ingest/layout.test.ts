import { describe, expect, it } from 'vitest';
import { formatMonth, MISSING, parseMonth, readLongPanel, readWide, VOID } from '../../src/index.js';
import { tmpFiles } from './helpers.js';

/** Small seeded generator (LCG) so the synthetic panel is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('grid layout on a synthetic panel (rows in random order)', () => {
  it('matches a direct construction, through growth in persons and in both month directions', async () => {
    const rnd = lcg(7);
    const states = ['a', 'b', 'c'];
    const n = 2000;
    const first = parseMonth('2010-01');
    const expected = new Map<string, { from: number; cells: Map<number, [string, number]> }>();
    const rows: string[] = [];
    for (let i = 0; i < n; i++) {
      const from = first + Math.floor(rnd() * 120);
      const len = 1 + Math.floor(rnd() * 30);
      const cells = new Map<number, [string, number]>();
      for (let m = from; m < from + len; m++) {
        if (rnd() < 0.1) continue; // gaps
        const state = states[Math.floor(rnd() * 3)];
        const hours = Math.floor(rnd() * 40);
        cells.set(m, [state, hours]);
        rows.push(`p${i},${formatMonth(m)},${state},${hours}`);
      }
      if (cells.size > 0) expected.set(`p${i}`, { from, cells });
    }
    for (let k = rows.length - 1; k > 0; k--) {
      const j = Math.floor(rnd() * (k + 1));
      [rows[k], rows[j]] = [rows[j], rows[k]];
    }
    const t = tmpFiles({ 'months.csv': 'person_id,month,state,hours_week\n' + rows.join('\n') + '\n' });
    const { sequences: s } = await readLongPanel(t.path('months.csv'), { states });
    expect(s.n).toBe(expected.size);
    const lo = Math.min(...[...expected.values()].flatMap((e) => [...e.cells.keys()]));
    const hi = Math.max(...[...expected.values()].flatMap((e) => [...e.cells.keys()]));
    expect(s.t).toBe(hi - lo + 1);
    expect(s.timeLabels[0]).toBe(formatMonth(lo));
    const hours = s.cellAttributes.hours_week.values;
    let mismatches = 0;
    for (let r = 0; r < s.n; r++) {
      const { cells } = expected.get(s.ids[r])!;
      const last = Math.max(...cells.keys());
      for (let j = 0; j < s.t; j++) {
        const m = lo + j;
        const cell = cells.get(m);
        const want = cell ? states.indexOf(cell[0]) : m > last ? VOID : MISSING;
        if (s.codes[r * s.t + j] !== want) mismatches++;
        if (cell && hours[r * s.t + j] !== cell[1]) mismatches++;
        if (!cell && !Number.isNaN(hours[r * s.t + j])) mismatches++;
      }
      if (s.lengths[r] !== last - lo + 1) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('reads a wide file with many rows (grid growth) back in input order', async () => {
    const rnd = lcg(3);
    const lines = ['id,m1,m2,m3'];
    const want: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const cells = [0, 1, 2].map(() => Math.floor(rnd() * 2));
      want.push(...cells);
      lines.push(`${i},${cells.map((c) => 'xy'[c]).join(',')}`);
    }
    const t = tmpFiles({ 'w.csv': lines.join('\n') });
    const { sequences: s } = await readWide(t.path('w.csv'), { cols: 'm1..m3' });
    expect(s.ids[4999]).toBe('4999');
    expect(Array.from(s.codes)).toEqual(want);
  });
});
