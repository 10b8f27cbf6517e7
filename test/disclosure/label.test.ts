import { describe, expect, it } from 'vitest';
import { disclosableLabel } from '../../src/index.js';
import { seqsOf } from './helpers.js';

describe('disclosableLabel', () => {
  it('gives the sequence\'s own label when minCell persons have that label', () => {
    // 'wwnn' and 'wwn.' both read "work 2m -> none"
    const s = seqsOf(['wwnn', 'wwn.', 'wwnn', 'nnnn']);
    expect(disclosableLabel(s, 0, [0, 1, 0, 4], 3, { minSpell: 1 })).toEqual({ kind: 'exact', label: 'work 2m -> none' });
  });

  it('otherwise the aggregate of the nearest, with fewer spells until no person or minCell persons have it', () => {
    // row 0 "work 3m -> none" is one person's; its 3 nearest (rows 0, 1, 3) have the modal sequence w w n n,
    // "work 2m -> none" is 2 persons' (rows 1 and 3); with one spell it is "work", 3 persons' (rows 0, 1, 3)
    const s = seqsOf(['wwwn', 'wwnn', 'wnnn', 'wwn.', 'nnnn', 'nnnn']);
    expect(disclosableLabel(s, 0, [0, 1, 2, 1, 9, 8], 3, { minSpell: 1 })).toEqual({ kind: 'aggregate', label: 'work' });
  });

  it('an aggregate label that no person has may be shown', () => {
    // the 2 nearest of row 0 (rows 0 and 1) give w w w w (ties go to the first state): "work", nobody's label
    const s = seqsOf(['wwnn', 'nnww', 'nnnn', 'nnnn']);
    expect(disclosableLabel(s, 0, [0, 1, 5, 5], 2, { minSpell: 1 })).toEqual({ kind: 'aggregate', label: 'work' });
  });

  it('null when nothing may be shown, and the own label without disclosure control', () => {
    const s = seqsOf(['wwwn', 'wwnn', 'wnnn', 'wwn.', 'nnnn', 'nnnn']);
    expect(disclosableLabel(s, 0, [0, 1, 2, 1, 9, 8], 4, { minSpell: 1 })).toBeNull();
    expect(disclosableLabel(s, 0, [0, 1, 2, 1, 9, 8], 10)).toBeNull();
    expect(disclosableLabel(s, 0, [0, 1, 2, 1, 9, 8], 1, { minSpell: 1 })).toEqual({ kind: 'exact', label: 'work 3m -> none' });
  });
});
