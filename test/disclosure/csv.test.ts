import { describe, expect, it } from 'vitest';
import { csvColumns, csvText, disclosureCsv, neutraliseFormula } from '../../src/index.js';

describe('neutraliseFormula', () => {
  it('prefixes text a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+cmd', '-A1', '@SUM(A1)', '\tx', '\r=1', '-', '+', '=-1', '-1-1', '-1e5x']) {
      expect(neutraliseFormula(s)).toBe(`'${s}`);
    }
  });

  it('leaves numbers and other text alone', () => {
    for (const s of ['-3.5', '+2', '-.5', '1e-7', '-2E+3', 'work', 'a=b', ' =1', "'already", '']) expect(neutraliseFormula(s)).toBe(s);
  });
});

describe('csvText and csvColumns', () => {
  it('quotes, neutralises labels and ids from the input, writes suppressed numbers as empty', () => {
    expect(csvText([['id', 'label', 'n'], ['=HYPERLINK("http://x")', 'a,b', 12], ['-7', '@me', NaN], ['p"1', null, -3]])).toBe(
      'id,label,n\n"\'=HYPERLINK(""http://x"")","a,b",12\n-7,\'@me,\n"p""1",,-3\n',
    );
    expect(csvColumns({ benefit: ['Wajong', '+WGA'], persons: [120, null], ok: [true, false] })).toBe('benefit,persons,ok\nWajong,120,true\n\'+WGA,,false\n');
    expect(csvText([['x'], [1e-7], [0.1 + 0.2]])).toBe('x\n1e-7\n0.30000000000000004\n');
  });

  it('line breaks inside a cell are quoted; a leading carriage return is neutralised', () => {
    expect(csvText([['a\nb', '\rc']])).toBe('"a\nb","\'\rc"\n');
  });

  it('disclosureCsv: the output-check log', () => {
    expect(disclosureCsv([
      { table: 'retention', cell: 'same', kind: 'share', persons: 31, rule: 'none' },
      { table: 'retention', cell: 'none', kind: 'share', persons: '<10', rule: 'primary' },
    ])).toBe('table,cell,kind,persons,rule\nretention,same,share,31,none\nretention,none,share,<10,primary\n');
  });
});
