import { MISSING_LABEL } from '../describe/states.js';
import { OptionsError } from '../errors.js';
import type { FeatureType, StateFeature, StateFeatures } from './types.js';

/**
 * Gower's distance between states described by features (Gower 1971, Biometrics
 * 27(4); R's `cluster::daisy(metric = "gower")`, which TraMineR's FEATURES costs use):
 *
 *   d(a, b) = sum_f w_f delta_abf d_abf / sum_f w_f delta_abf
 *
 * - interval: d = |x_a - x_b| / range(x); logratio: the same on log10(x);
 *   ordratio: the same on the ranks of the distinct values;
 * - nominal and symm (binary 0/1): d = 0 when equal, else 1;
 * - asymm (binary 0/1): as symm, but a pair where both are 0 does not count (delta = 0);
 * - a feature unknown (null) for a or b does not count. A range of 0 counts as 1.
 * Ranges are taken over `states`; a row for the missing state `*` is ignored when
 * `states` lacks it (costs without missing months).
 *
 * Unlike daisy, a pair whose counted weights sum to 0.5 or less still gets a
 * distance (daisy returns NA); a pair with no feature in common is an error.
 *
 * @param features values per state and the type and weight of each feature
 * @param states the states of the result, in matrix order (each must be described)
 * @returns S x S distances, row-major, in the order of `states`
 * @throws OptionsError (`stateFeatures`) for a state not described, a value that does not fit its type, a pair with nothing to compare
 * @example
 * const d = gowerDistances({ states: ['a', 'b', 'c'], features: [{ name: 'hours', values: [0, 20, 40] }] }, ['a', 'b', 'c']);
 * d[0 * 3 + 2]; // 1
 */
export function gowerDistances(features: StateFeatures, states: readonly string[]): Float64Array {
  const s = states.length;
  const rowOf = states.map((state) => {
    const r = features.states.indexOf(state);
    if (r < 0) throw new OptionsError('stateFeatures', `state "${state}" is not described; expected a row for each of ${states.join(', ')}`);
    return r;
  });
  const extra = features.states.find((state) => !states.includes(state) && state !== MISSING_LABEL);
  if (extra !== undefined) throw new OptionsError('stateFeatures', `"${extra}" is not a state of the data; expected rows for ${states.join(', ')}`);
  if (features.features.length === 0) throw new OptionsError('stateFeatures', 'needs at least one feature');
  const columns = features.features.map((f) => prepareFeature(f, features.states.length, rowOf));
  const out = new Float64Array(s * s);
  for (let a = 0; a < s; a++) {
    for (let b = a + 1; b < s; b++) {
      let sum = 0;
      let weight = 0;
      for (const c of columns) {
        const x = c.values[a];
        const y = c.values[b];
        if (Number.isNaN(x) || Number.isNaN(y) || (c.type === 'asymm' && x === 0 && y === 0)) continue;
        weight += c.weight;
        // d_abf: 0/1 for categories, the range-scaled difference otherwise
        sum += c.weight * (c.categorical ? (x === y ? 0 : 1) : Math.abs(x - y));
      }
      if (!(weight > 0)) throw new OptionsError('stateFeatures', `states "${states[a]}" and "${states[b]}" have no feature with a value (and a positive weight) in common`);
      out[a * s + b] = out[b * s + a] = sum / weight;
    }
  }
  return out;
}

interface PreparedFeature {
  readonly type: FeatureType;
  readonly weight: number;
  readonly categorical: boolean;
  /** Value per state of the result (NaN when unknown): range-scaled numbers, or category codes. */
  readonly values: Float64Array;
}

function prepareFeature(f: StateFeature, rows: number, rowOf: readonly number[]): PreparedFeature {
  const where = `feature "${f.name}"`;
  if (f.values.length !== rows) throw new OptionsError('stateFeatures', `${where} has ${f.values.length} values; expected one per state (${rows})`);
  const weight = f.weight ?? 1;
  if (!(weight >= 0) || weight === Infinity) throw new OptionsError('stateFeatures', `${where}: weight must be a finite number >= 0; got ${weight}`);
  const text = f.values.some((v) => typeof v === 'string');
  const type: FeatureType = f.type ?? (text ? 'nominal' : 'interval');
  const picked = rowOf.map((r) => f.values[r]);
  if (type === 'nominal') {
    const codes = new Map<string, number>();
    const values = Float64Array.from(picked, (v) => {
      if (v === null) return NaN;
      const key = String(v);
      if (!codes.has(key)) codes.set(key, codes.size);
      return codes.get(key)!;
    });
    return { type, weight, categorical: true, values };
  }
  const numbers = picked.map((v) => {
    if (v === null) return NaN;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new OptionsError('stateFeatures', `${where} is ${type} and needs numbers; got "${String(v)}"`);
    return v;
  });
  if (type === 'asymm' || type === 'symm') {
    if (numbers.some((x) => !Number.isNaN(x) && x !== 0 && x !== 1)) throw new OptionsError('stateFeatures', `${where} is binary (${type}) and needs values 0 or 1`);
    return { type, weight, categorical: true, values: Float64Array.from(numbers) };
  }
  let x = numbers;
  if (type === 'logratio') {
    if (x.some((v) => v <= 0)) throw new OptionsError('stateFeatures', `${where} is logratio and needs positive numbers`);
    x = x.map((v) => Math.log10(v));
  } else if (type === 'ordratio') {
    const distinct = [...new Set(x.filter((v) => !Number.isNaN(v)))].sort((p, q) => p - q);
    x = x.map((v) => (Number.isNaN(v) ? NaN : distinct.indexOf(v) + 1));
  } else if (type !== 'interval') {
    throw new OptionsError('stateFeatures', `${where}: unknown type "${String(type)}"; expected interval, nominal, ordratio, logratio, asymm or symm`);
  }
  const known = x.filter((v) => !Number.isNaN(v));
  const min = Math.min(...known);
  const range = Math.max(...known) - min || 1;
  return { type, weight, categorical: false, values: Float64Array.from(x, (v) => (v - min) / range) };
}
