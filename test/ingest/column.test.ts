import { describe, expect, it } from 'vitest';
import { ColumnSet, ValueColumn } from '../../src/ingest/column.js';

describe('ValueColumn', () => {
  it('stays numeric while every value is a number or absent', () => {
    const c = new ValueColumn('hours_week', 4, false);
    c.set(0, '24');
    c.set(1, '');
    c.set(2, '1e3');
    c.set(3, 'NA');
    expect(c.categories).toBeUndefined();
    expect(c.toCellAttribute().kind).toBe('number');
    expect(Array.from(c.numbers!)).toEqual([24, NaN, 1000, NaN]); // '1e3' = 1000
    expect(c.take(Int32Array.of(2, 0, 2))).toEqual(Float64Array.of(1000, 24, 1000));
  });

  it('switches to categories at the first non-number, earlier numbers becoming their decimal text', () => {
    const c = new ValueColumn('contract', 5, false);
    c.set(0, '1e3'); // 1000
    c.set(1, 'NA');
    c.set(2, '2.50'); // 2.5
    c.set(3, '12,5'); // not a number: switch
    expect(c.numbers).toBeUndefined();
    // levels in slot order: '1000' (slot 0), '2.5' (slot 2), then '12,5'; absent and unset slots -1
    expect(c.toCellAttribute()).toEqual({ kind: 'category', values: Int32Array.of(0, -1, 1, 2, -1), levels: ['1000', '2.5', '12,5'] });
    c.set(4, '1000.0'); // a number text now is a category; not the level '1000'
    c.set(1, '1000');
    c.set(0, '');
    expect(Array.from(c.categories!)).toEqual([-1, 0, 1, 2, 3]);
    expect(c.levels.values).toEqual(['1000', '2.5', '12,5', '1000.0']);
    expect(c.take(Int32Array.of(0, 1, 4))).toEqual([null, '1000', '1000.0']);
  });

  it('keeps every text as it is in a category column', () => {
    const c = new ValueColumn('employer_id', 4, true);
    expect(Array.from(c.categories!)).toEqual([-1, -1, -1, -1]);
    c.set(0, '7');
    c.set(1, '007');
    c.set(2, '7');
    c.set(3, 'NA');
    expect(c.toCellAttribute()).toEqual({ kind: 'category', values: Int32Array.of(0, 1, 0, -1), levels: ['7', '007'] });
  });

  it('resizes, keeping the first values and filling new slots with absent values', () => {
    const n = new ValueColumn('x', 2, false);
    n.set(0, '3');
    n.set(1, '4');
    n.resize(4);
    expect(Array.from(n.array)).toEqual([3, 4, NaN, NaN]);
    n.resize(1);
    expect(Array.from(n.array)).toEqual([3]);
    const c = new ValueColumn('id', 1, true);
    c.set(0, 'a');
    c.resize(3);
    expect(c.array).toEqual(Int32Array.of(0, -1, -1));
    expect(c.array).toBe(c.categories);
  });
});

describe('ColumnSet', () => {
  it('reads the selected fields of each record into one column each', () => {
    const set = new ColumnSet(['id', 'sex', 'birth_year'], [0, 1, 2], new Set([0]));
    set.append(['7', 'f', '1990']);
    set.append(['8', 'm', '']);
    set.append(['9', 'f', '1985']);
    expect(set.n).toBe(3);
    const [id, sex, birth] = set.finish();
    expect([id.name, sex.name, birth.name]).toEqual(['id', 'sex', 'birth_year']);
    expect(id.toCellAttribute()).toEqual({ kind: 'category', values: Int32Array.of(0, 1, 2), levels: ['7', '8', '9'] }); // categorical: ids stay texts
    expect(sex.toCellAttribute()).toEqual({ kind: 'category', values: Int32Array.of(0, 1, 0), levels: ['f', 'm'] });
    expect(Array.from(birth.numbers!)).toEqual([1990, NaN, 1985]);
  });

  it('keeps fields in the order given, categorical by header index', () => {
    const set = new ColumnSet(['a', 'b', 'c'], [2, 0], new Set([2]));
    set.append(['1', 'skipped', '3']);
    const [c, a] = set.finish();
    expect([c.name, a.name]).toEqual(['c', 'a']);
    expect(c.toCellAttribute()).toEqual({ kind: 'category', values: Int32Array.of(0), levels: ['3'] });
    expect(Array.from(a.numbers!)).toEqual([1]);
  });

  it('grows past its first 1024 rows and trims to the rows appended', () => {
    const set = new ColumnSet(['k', 'v'], [0, 1], new Set());
    for (let k = 0; k < 1500; k++) set.append([String(k), String(k * 2)]);
    set.append(['x', '3000']); // row 1500 turns k into categories
    const [k, v] = set.finish();
    expect(v.numbers!.length).toBe(1501);
    expect([v.numbers![1023], v.numbers![1024], v.numbers![1500]]).toEqual([2046, 2048, 3000]); // 2 * row
    // k: rows 0..1499 became levels '0'..'1499' in row order, so code = row; 'x' is code 1500
    expect(k.categories!.length).toBe(1501);
    expect([k.categories![0], k.categories![1024], k.categories![1500]]).toEqual([0, 1024, 1500]);
    expect(k.levels.values.slice(1023, 1026)).toEqual(['1023', '1024', '1025']);
  });
});
