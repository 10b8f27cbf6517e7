import { describe, expect, it } from 'vitest';
import { simulateJobcoach } from '../../src/index.js';
import { formatFigures, studyAFigures, withinTolerance } from './study-a.js';

// Study A's published figures, computed on a 25,000-person panel by the
// library's analyses, for the default seed and two others.
describe('the synthetic jobcoach panel reproduces study A', () => {
  for (const seed of [1, 2, 3]) {
    it(`within the calibration tolerances (seed ${seed})`, () => {
      const figures = studyAFigures(simulateJobcoach({ n: 25_000, seed }));
      console.log(formatFigures(figures, `study A, n = 25,000, seed ${seed}: published target vs generated panel`));
      expect(figures.filter((f) => !withinTolerance(f)).map((f) => `${f.figure}: ${f.value.toFixed(2)} vs ${f.target}`)).toEqual([]);
    });
  }
});
