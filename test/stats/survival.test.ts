import { describe, expect, it } from 'vitest';
import { aalenJohansen, kaplanMeier, normalQuantile, riskTable, stepValueAt } from '../../src/stats/index.js';
import { OptionsError } from '../../src/errors.js';

const z = normalQuantile(0.975);

describe('kaplanMeier', () => {
  // times 0 0 1+ 2 3 3+ 5 (+ = censored)
  const time = [0, 0, 1, 2, 3, 3, 5];
  const event = [1, 1, 0, 1, 1, 0, 1];

  it('matches the hand-worked product-limit estimate and Greenwood variance', () => {
    const km = kaplanMeier(time, event);
    expect(km.time).toEqual([0, 1, 2, 3, 5]);
    expect(km.atRisk).toEqual([7, 5, 4, 3, 1]);
    expect(km.events).toEqual([2, 0, 1, 1, 1]);
    expect(km.censored).toEqual([0, 1, 0, 1, 0]);
    const s = [5 / 7, 5 / 7, 15 / 28, 5 / 14, 0];
    km.survival.forEach((v, j) => expect(v).toBeCloseTo(s[j], 15));
    const gw = 2 / 35 + 1 / 12 + 1 / 6; // Σ d/(n(n-d)) up to t = 3
    expect(km.se[3]).toBeCloseTo((5 / 14) * Math.sqrt(gw), 15);
    // log-log band at t = 0: S^exp(±z sqrt(v)/|log S|)
    const a = (z * Math.sqrt(2 / 35)) / Math.abs(Math.log(5 / 7));
    expect(km.lower[0]).toBeCloseTo(Math.pow(5 / 7, Math.exp(a)), 14);
    expect(km.upper[0]).toBeCloseTo(Math.pow(5 / 7, Math.exp(-a)), 14);
    expect([km.lower[4], km.upper[4]]).toEqual([0, 0]);
  });

  it('plain and log bands', () => {
    const plain = kaplanMeier(time, event, { confType: 'plain' });
    const sd = (15 / 28) * Math.sqrt(2 / 35 + 1 / 12);
    expect(plain.lower[2]).toBeCloseTo(15 / 28 - z * sd, 14);
    expect(plain.upper[2]).toBeCloseTo(15 / 28 + z * sd, 14);
    const log = kaplanMeier(time, event, { confType: 'log', level: 0.9 });
    const z90 = normalQuantile(0.95);
    expect(log.lower[2]).toBeCloseTo((15 / 28) * Math.exp(-z90 * Math.sqrt(2 / 35 + 1 / 12)), 14);
  });

  it('a weight of 2 equals a duplicated observation', () => {
    const w = kaplanMeier([0, 1, 2, 3], [1, 0, 1, 1], { weights: [2, 1, 3, 1] });
    const d = kaplanMeier([0, 0, 1, 2, 2, 2, 3], [1, 1, 0, 1, 1, 1, 1]);
    expect(w.survival).toEqual(d.survival);
    expect(w.se).toEqual(d.se);
    expect(w.atRiskCount).toEqual([4, 3, 2, 1]);
  });

  it('reads the step function at any time', () => {
    const km = kaplanMeier(time, event);
    expect(stepValueAt(km.time, km.survival, -1, 1)).toBe(1);
    expect(stepValueAt(km.time, km.survival, 2.5, 1)).toBeCloseTo(15 / 28, 15);
    expect(stepValueAt(km.time, km.survival, 99, 1, true)).toBe(0);
    const censoredLast = kaplanMeier([1, 2], [1, 0]);
    expect(Number.isNaN(stepValueAt(censoredLast.time, censoredLast.survival, 3, 1))).toBe(true);
  });
});

describe('aalenJohansen', () => {
  // (time, cause): (0,1) (0,2) (1,1) (2,0) (2,1) (4,2)
  const time = [0, 0, 1, 2, 2, 4];
  const cause = [1, 2, 1, 0, 1, 2];

  it('matches the hand-worked cumulative incidence and delta-method variance', () => {
    const aj = aalenJohansen(time, cause, 2);
    expect(aj.time).toEqual([0, 1, 2, 4]);
    [1 / 6, 2 / 6, 3 / 6, 3 / 6].forEach((v, j) => expect(aj.incidence[0][j]).toBeCloseTo(v, 15));
    [1 / 6, 1 / 6, 1 / 6, 3 / 6].forEach((v, j) => expect(aj.incidence[1][j]).toBeCloseTo(v, 15));
    [4 / 6, 3 / 6, 2 / 6, 0].forEach((v, j) => expect(aj.survival[j]).toBeCloseTo(v, 15));
    // t = 0: binomial (1/6)(5/6)/6; t = 1: 1/432 + 5/216 - 1/108 + 1/48 = 1/27 (worked by hand)
    expect(aj.se[0][0] ** 2).toBeCloseTo(5 / 216, 15);
    expect(aj.se[0][1] ** 2).toBeCloseTo(1 / 27, 15);
    // at every time the incidences and the survival add to 1
    for (let j = 0; j < 4; j++) expect(aj.incidence[0][j] + aj.incidence[1][j] + aj.survival[j]).toBeCloseTo(1, 15);
  });

  it('with one cause equals 1 - Kaplan-Meier, its Greenwood error and its band', () => {
    const t = [0, 0, 1, 2, 3, 3, 5, 6];
    const e = [1, 1, 0, 1, 1, 0, 1, 0];
    const w = [1, 2, 1, 0.5, 1, 3, 1, 1];
    const km = kaplanMeier(t, e, { weights: w });
    const aj = aalenJohansen(t, e, 1, { weights: w });
    km.survival.forEach((s, j) => {
      expect(aj.incidence[0][j]).toBeCloseTo(1 - s, 14);
      expect(aj.se[0][j]).toBeCloseTo(km.se[j], 12);
      expect(aj.lower[0][j]).toBeCloseTo(1 - km.upper[j], 12);
      expect(aj.upper[0][j]).toBeCloseTo(1 - km.lower[j], 12);
    });
  });

  it('rejects unknown causes', () => {
    expect(() => riskTable([1, 2], [1, 3], 2)).toThrow(/expected 0 \(censored\) to 2/);
  });

  it('rejects negative, NaN and infinite times and weights, naming the observation (negative times were accepted before)', () => {
    for (const t of [-1, NaN, Infinity]) {
      expect(() => kaplanMeier([t, 2], [1, 1])).toThrow(OptionsError);
      expect(() => kaplanMeier([t, 2], [1, 1])).toThrow(new RegExp(`^time: observation 0 has time ${t}; expected a finite time >= 0$`));
      expect(() => aalenJohansen([2, t], [1, 2], 2)).toThrow(/^time: observation 1 has time/);
    }
    for (const w of [-1, NaN]) {
      expect(() => kaplanMeier([1, 2], [1, 1], { weights: [1, w] })).toThrow(new RegExp(`^weights: weight 2 is ${w}; expected a finite number >= 0$`));
    }
  });
});
