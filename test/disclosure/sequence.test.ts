import { describe, expect, it } from 'vitest';
import { disclosableSequence, spellLabel } from '../../src/index.js';
import { seqsOf } from './helpers.js';

describe('disclosableSequence', () => {
  it('shows a sequence shared by minCell persons as it is', () => {
    const s = seqsOf([...Array(10).fill('wwnn'), 'nnnn']);
    const shown = disclosableSequence(s, 3, new Float64Array(11), 10)!;
    expect(shown.kind).toBe('exact');
    expect(shown.persons).toBe(10);
    expect(spellLabel(shown.sequence, 0, { minSpell: 1 })).toBe('work 2m -> none');
  });

  it('shows the modal state per month of the nearest minCell sequences instead of a rare one', () => {
    // the typical sequence (row 0) is unique; its 3 nearest neighbours are given by the distances
    const s = seqsOf(['wwwn', 'wwnn', 'wnnn', 'wwn.', 'nnnn', 'nnnn']);
    const distances = [0, 1, 2, 1, 9, 8];
    const shown = disclosableSequence(s, 0, distances, 4)!;
    expect(shown.kind).toBe('aggregate');
    expect(shown.persons).toBe(4);
    // rows 0, 1, 3, 2: month 0 w w w w; month 1 w w w n; month 2 w n n n; month 3 n n . n
    expect(Array.from(shown.sequence.codes)).toEqual([0, 0, 1, 1]);
    expect(shown.sequence.lengths[0]).toBe(4);
  });

  it('nothing to show when there are fewer than minCell sequences', () => {
    expect(disclosableSequence(seqsOf(['wn', 'nn']), 0, [0, 1], 10)).toBeNull();
  });
});
