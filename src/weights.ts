import { OptionsError } from './errors.js';

/** Options of {@link caseWeights}. */
export interface CaseWeightsOptions {
  /** The argument named in errors (default `weights`). */
  readonly option?: string;
  /** Refuse weights that are all 0 (clustering needs a positive total). */
  readonly positiveTotal?: boolean;
}

/**
 * Case weights, one per case, checked once for every part of the library:
 * each finite and >= 0, with a finite total (and a positive one with
 * `positiveTotal`); 1 each when absent. Returns a copy, so later checks and
 * kernels read one Float64Array.
 *
 * @param weights the caller's weights, or undefined for 1 each
 * @param n the number of cases
 * @returns the weights as a new Float64Array of length n
 * @example
 * caseWeights(undefined, 3); // Float64Array [1, 1, 1]
 * caseWeights([1, -1], 2); // OptionsError: weights: weight 2 is -1; expected a finite number >= 0
 * caseWeights([0, 0], 2, { positiveTotal: true }); // OptionsError: weights: every weight is 0; expected a positive total
 */
export function caseWeights(weights: ArrayLike<number> | undefined, n: number, options: CaseWeightsOptions = {}): Float64Array {
  const option = options.option ?? 'weights';
  if (weights === undefined) return new Float64Array(n).fill(1);
  if (weights.length !== n) throw new OptionsError(option, `${weights.length} weights for ${n} cases; expected one each`);
  const w = Float64Array.from(weights);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!(w[i] >= 0 && w[i] !== Infinity)) throw new OptionsError(option, `weight ${i + 1} is ${w[i]}; expected a finite number >= 0`);
    total += w[i];
  }
  if (total === Infinity) throw new OptionsError(option, 'the weights add up to more than the largest number; expected a finite total (scale them down)');
  if (options.positiveTotal && n > 0 && !(total > 0)) throw new OptionsError(option, 'every weight is 0; expected a positive total');
  return w;
}
