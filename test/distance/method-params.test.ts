// Parameters of the newer methods (src/distance/method-params.ts): TraMineR's defaults and checks.
import { describe, expect, it } from 'vitest';
import { methodParams } from '../../src/distance/method-params.js';
import type { DistanceOptions } from '../../src/distance/types.js';
import { letters } from './helpers.js';

const seqs = letters(['AAB', 'ABB'], 'AB'); // t = 3
const states = ['A', 'B'];
const params = (options: DistanceOptions) => methodParams(seqs, options, states);
/** Options with a value outside their type, as a JavaScript caller may pass. */
const loose = (o: Record<string, unknown>): DistanceOptions => ({ method: 'OM', ...o }) as unknown as DistanceOptions;

describe('methodParams defaults', () => {
  it('as TraMineR: no otto, constant transindel, context 1 - 2 expcost, mean link, h 0.5, kweights 1', () => {
    const p = params({ method: 'OM' });
    expect(Number.isNaN(p.otto)).toBe(true);
    expect([p.previous, p.addColumn, p.transindel, p.context, p.link, p.h]).toEqual([false, true, 'constant', 0, 'mean', 0.5]);
    expect(Array.from(p.kweights)).toEqual([1, 1, 1]); // one per month
    expect([p.prox.length, p.rates.length]).toEqual([0, 0]);
    expect(params({ method: 'OMloc', expcost: 0.25 }).context).toBe(0.5); // 1 - 2 x 0.25
    expect(params({ method: 'OMloc', expcost: 0.75, context: 2 }).context).toBe(2);
    expect(params({ method: 'OM', expcost: 0.75 }).context).toBe(-0.5); // only OMloc checks it
  });

  it('SVRspell proximities default to the identity; NMS without prox counts exact matches', () => {
    expect(Array.from(params({ method: 'SVRspell' }).prox)).toEqual([1, 0, 0, 1]);
    expect(params({ method: 'NMS' }).prox.length).toBe(0);
    expect(Array.from(params({ method: 'NMS', prox: [[1, 0.5], [0.5, 1]] }).prox)).toEqual([1, 0.5, 0.5, 1]);
    expect(params({ method: 'OM', prox: [[1, 0.5], [0.5, 1]] }).prox.length).toBe(0); // not used by OM
  });

  it('kweights: a scalar is repeated, a vector cut or padded with 0 to t', () => {
    expect(Array.from(params({ method: 'NMS', kweights: 2 }).kweights)).toEqual([2, 2, 2]);
    expect(Array.from(params({ method: 'NMS', kweights: [1, 0.5] }).kweights)).toEqual([1, 0.5, 0]);
    expect(Array.from(params({ method: 'NMS', kweights: [1, 2, 3, 4] }).kweights)).toEqual([1, 2, 3]);
  });

  it('OMstran transindel prob: the weighted transition rates of the data', () => {
    // AAB, ABB: from A: A->A 1, A->B 2 (of 3); from B: B->B 1 (of 1)
    const p = params({ method: 'OMstran', otto: 0.5, transindel: 'prob' });
    expect(Array.from(p.rates)).toEqual([1 / 3, 2 / 3, 0, 1]);
    // weights 2, 1: from A: A->A 2, A->B 2 + 1 (of 5)
    const w = methodParams(letters(['AAB', 'ABB'], 'AB', [2, 1]), { method: 'OMstran', otto: 0.5, transindel: 'prob' }, states);
    expect(Array.from(w.rates)).toEqual([2 / 5, 3 / 5, 0, 1]);
    expect(params({ method: 'OMstran', otto: 0.5 }).rates.length).toBe(0); // constant: no rates
  });
});

describe('methodParams errors', () => {
  it('otto', () => {
    expect(() => params({ method: 'OMstran' })).toThrow('otto: OMstran needs otto, the weight of the state in a transition, in [0, 1]');
    expect(() => params({ method: 'OMstran', otto: 1.5 })).toThrow('otto: must be a number in [0, 1]; got 1.5');
    expect(() => params({ method: 'OMstran', otto: NaN })).toThrow('otto: must be a number in [0, 1]; got NaN');
    expect(params({ method: 'OMstran', otto: 0 }).otto).toBe(0);
  });

  it('transindel, link, h', () => {
    expect(() => params(loose({ transindel: 'x' }))).toThrow('transindel: must be constant, prob or subcost; got "x"');
    expect(() => params(loose({ link: 'max' }))).toThrow('link: must be mean or gmean; got "max"');
    expect(() => params({ method: 'OMslen', h: -1 })).toThrow('h: must be a number >= 0; got -1');
    expect(() => params({ method: 'OMslen', h: Infinity })).toThrow('h: must be a number >= 0; got Infinity');
  });

  it('OMloc: expcost and context', () => {
    expect(() => params({ method: 'OMloc', expcost: -1 })).toThrow('expcost: must be >= 0; got -1');
    expect(() => params({ method: 'OMloc', expcost: 0.75 })).toThrow(
      'context: defaults to 1 - 2 expcost, which is negative for expcost 0.75: give context or an expcost in [0, 0.5]',
    );
    expect(() => params({ method: 'OMloc', context: -1 })).toThrow('context: must be a number >= 0; got -1');
    expect(() => params({ method: 'OMloc', context: Infinity })).toThrow('context: must be a number >= 0; got Infinity');
  });

  it('sm, prox, kweights of the subsequence methods', () => {
    expect(() => params({ method: 'NMS', sm: [[0, 1], [1, 0]] })).toThrow('sm: NMS takes state proximities (prox), not substitution costs');
    expect(() => params({ method: 'SVRspell', sm: 'TRATE' })).toThrow('sm: SVRspell takes state proximities (prox), not substitution costs');
    expect(params({ method: 'NMSMST', sm: [[0, 1], [1, 0]] }).kweights.length).toBe(3); // NMSMST accepts sm
    expect(() => params({ method: 'NMS', prox: [[1]] })).toThrow('prox: must be 2 x 2 (states A, B)');
    expect(() => params({ method: 'SVRspell', prox: [[1, NaN], [0, 1]] })).toThrow('prox: proximities must be numbers; got NaN at [1, 2]');
    expect(() => params({ method: 'NMS', kweights: [1, -1] })).toThrow('kweights: must be finite numbers >= 0');
    expect(() => params({ method: 'NMS', kweights: Infinity })).toThrow('kweights: must be finite numbers >= 0');
  });
});
