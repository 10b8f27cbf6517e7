import type { TopLevelSpec } from 'vega-lite';
import type { DescribeOptions } from '../describe/states.js';
import { OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import { tr } from '../i18n/index.js';
import type { GroupOptions } from './panels.js';
import { sequencePanels } from './panels.js';
import { distributionView, protectedDistribution } from './stateDistributionPlot.js';
import type { ChartOptions } from './theme.js';
import { chartTitle, stateScale, topLevel } from './theme.js';

/** Options of `channelDistributionPlot`. */
export interface ChannelPlotOptions extends ChartOptions, GroupOptions, DescribeOptions {
  /** Name of each channel (default `channel 1`, `channel 2`, ...): panel titles and legend titles. */
  names?: readonly string[];
  /** Show the N-at-risk row under each panel (default true). */
  nAtRisk?: boolean;
  /** Disclosure control as `stateDistributionPlot` (default 10; 1 turns it off). */
  minCell?: number;
}

/**
 * State distribution plots of multichannel sequences side by side, one column
 * per channel with its own states and colours (TraMineR's `seqplotMD(type =
 * "d")`), and with `groups` one row per group. Each panel is the
 * `stateDistributionPlot` of that channel (and group), disclosure control included.
 *
 * @param channels the channels: the same persons in the same row order
 * @param options names, groups, groupOrder, weighted, withMissing, minCell (10), lang, title, width, height, nAtRisk
 * @returns a Vega-Lite spec with inline data
 * @example
 * const spec = channelDistributionPlot([edu, work], { names: ['education', 'work'] });
 * await writeFigure(spec, 'figures', 'channels');
 */
export function channelDistributionPlot(channels: readonly StateSequences[], options: ChannelPlotOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  if (channels.length < 1 || channels.some((ch) => ch.n !== channels[0].n)) {
    throw new OptionsError('channels', 'give channels of the same persons (the same number of sequences each)');
  }
  const names = options.names ?? channels.map((_, c) => `${tr(lang, 'channel')} ${c + 1}`);
  if (names.length !== channels.length) throw new OptionsError('names', `needs one name per channel (${channels.length}); got ${names.length}`);
  const width = options.width ?? 300;
  const height = options.height ?? 200;
  const nAtRisk = options.nAtRisk !== false;
  const minCell = options.minCell ?? 10;
  const rows = channels.map((ch) => sequencePanels(ch, options));
  const views = rows[0].map((_, g) => ({
    hconcat: channels.map((ch, c) => {
      const panel = rows[c][g];
      const distribution = protectedDistribution(panel.seqs, options, minCell);
      const scale = stateScale(ch.alphabet, lang, distribution.states.length > ch.alphabet.codes.length);
      const name = panel.name ? `${names[c]}: ${panel.name}` : names[c];
      return distributionView(ch.alphabet, ch.timeLabels, { name, distribution }, { lang, scale, width, height, nAtRisk, minCell, legendTitle: names[c] });
    }),
    resolve: { scale: { color: 'independent', stroke: 'independent' }, legend: { color: 'independent' } },
  }));
  const body = views.length === 1 ? views[0] : { vconcat: views };
  return topLevel(lang, chartTitle(options, 'stateDistribution'), undefined, body);
}
