import { describe, expect, it } from 'vitest';
import { clusterPanels } from '../../src/charts/clusterPanels.js';
import { panelTitle, panelTitles, shownCount } from '../../src/charts/panels.js';
import { createSequences, makeAlphabet } from '../../src/index.js';

describe('panel titles', () => {
  it('a size below minCell is not shown; an unnamed panel has no title', () => {
    expect(panelTitle('Wajong', 23750, 'nl')).toBe('Wajong (n = 23.750)');
    expect(panelTitle('3', 7, 'en', 10)).toBe('3 (n < 10)');
    expect(panelTitle('', 40, 'en')).toBe('');
    expect([shownCount(0, 'en', 10), shownCount(9, 'en', 10), shownCount(1234, 'en', 10)]).toEqual(['= 0', '< 10', '= 1,234']);
  });

  it('no sizes at all when one group is below minCell: the others and the total would give it (40 + 25 of 68 leave 3)', () => {
    expect(panelTitles([{ name: 'a', n: 40 }, { name: 'b', n: 25 }], 'en')).toEqual(['a (n = 40)', 'b (n = 25)']);
    expect(panelTitles([{ name: 'a', n: 40 }, { name: 'b', n: 25 }, { name: 'c', n: 3 }], 'en')).toEqual(['a', 'b', 'c']);
    // an empty group discloses no one
    expect(panelTitles([{ name: 'a', n: 40 }, { name: 'b', n: 0 }], 'en')).toEqual(['a (n = 40)', 'b (n = 0)']);
  });

  it('clusterPanels: with a cluster below minCell, neither titles nor persons at risk show sizes', () => {
    // clusters of 20, 25 and 5 persons over 3 months
    const clusters = [...new Array<number>(20).fill(1), ...new Array<number>(25).fill(2), ...new Array<number>(5).fill(3)];
    const seqs = createSequences({ alphabet: makeAlphabet(['work', 'none']), n: 50, t: 3, codes: Uint8Array.from({ length: 150 }, (_, k) => (Math.floor(k / 3) % 2)) });
    const text = JSON.stringify(clusterPanels(seqs, clusters, { minCell: 10 }));
    expect(text).not.toMatch(/n = 20|n = 25|"n":\s*(20|25)\b/);
    expect(JSON.stringify(clusterPanels(seqs, clusters.map((c) => (c === 3 ? 2 : c)), { minCell: 10 }))).toMatch(/n = 20/);
  });
});
