// Multichannel state distribution plots (seqplotMD type "d"): one column per channel, own colours, rendered.
import { describe, expect, it } from 'vitest';
import { channelDistributionPlot, renderSvg } from '../../src/charts/index.js';
import { createSequences, makeAlphabet, VOID } from '../../src/index.js';
import { syntheticSequences } from './data.js';
import { colorEncodings, strings, walk } from './helpers.js';

const { seqs, groups } = syntheticSequences(120, 30, 3);
// a second channel of the same persons: paid (work, work_jc) or not
const paid = createSequences({
  alphabet: makeAlphabet(['paid', 'unpaid']), n: seqs.n, t: seqs.t,
  codes: seqs.codes.map((c) => (c === VOID ? VOID : c === 1 || c === 2 ? 0 : 1)),
  timeLabels: seqs.timeLabels,
});

describe('channelDistributionPlot', () => {
  it('puts the channels side by side, each with its own states, colours and legend title', () => {
    const spec = channelDistributionPlot([seqs, paid], { names: ['state', 'pay'], minCell: 1 });
    const domains = colorEncodings(spec).map((c) => c.scale?.domain);
    expect(domains).toContainEqual([...seqs.alphabet.labels]);
    expect(domains).toContainEqual(['paid', 'unpaid']);
    expect(walk(spec).some((o) => (o.resolve as { scale?: { color?: string } } | undefined)?.scale?.color === 'independent')).toBe(true);
    expect(strings(spec)).toContain('pay');
  });

  it('one row per group, named by channel and group', () => {
    const spec = channelDistributionPlot([seqs, paid], { names: ['state', 'pay'], groups });
    const rows = (spec as unknown as { vconcat: unknown[] }).vconcat;
    expect(rows.length).toBe(new Set(groups).size);
    expect(strings(spec).some((s) => s.startsWith('pay: '))).toBe(true);
  });

  it('renders to SVG; refuses channels of different sizes and a wrong number of names', async () => {
    const svg = await renderSvg(channelDistributionPlot([seqs, paid]));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(() => channelDistributionPlot([seqs, paid], { names: ['one'] })).toThrow(/names/);
    expect(() => channelDistributionPlot([seqs, createSequences({ alphabet: makeAlphabet(['a']), n: 1, t: 1, codes: Uint8Array.of(0) })])).toThrow(/channels/);
  });
});
