/**
 * The multichannel options of `loopbaan dist` (TraMineR `seqMD`): several wide
 * files of the same persons (`--channels a.csv,b.csv`), or one long file with
 * a state column per channel (`--channel-columns state,contract`).
 *
 *   if (isMultichannel(values)) {
 *     const channels = await loadChannels(values);
 *     const matrix = await channelDistances(channels, channelDistanceOptions(values, channels));
 *   }
 */
import { readCostMatrix } from '../distance/cost-file.js';
import type { ChannelCost, ChannelDistanceOptions, ChannelMethod } from '../distance/multichannel.js';
import { costStates } from '../distance/setup.js';
import type { CostMethod } from '../distance/types.js';
import { InputError, OptionsError } from '../errors.js';
import type { StateSequences } from '../sequences/types.js';
import { stringOption, type OptionValues } from './args.js';
import { distanceOptions } from './distance-options.js';
import { loadInput } from './input-options.js';

/** `parseOptions` spec of the multichannel options (`--link` is in DISTANCE_OPTIONS, shared with OMslen). */
export const CHANNEL_OPTIONS = {
  channels: { type: 'string' },
  'channel-columns': { type: 'string' },
  cweight: { type: 'string' },
} as const;

/** Usage lines of the multichannel options. */
export const CHANNEL_USAGE = `multichannel sequences (TraMineR seqMD, CAT costs):
  --channels a.csv,b.csv    wide files (with --cols) of the same persons in the same row order, one per channel
  --channel-columns s,c     or: one long/spell file (--input) with one state column per channel
  --method M                OM (default), HAM, DHD or LCS
  --sm A,B                  one cost method (TRATE, CONSTANT, INDELS, INDELSLOG, FILE.csv) per channel, or one
                            for all (default CONSTANT; TRATE for DHD); a channel's gaps are a state of their own
  --indel X|X,Y|auto        one indel for all channels or one per channel (default auto: each channel's own)
  --cweight 1,1             channel weights (default 1 each)
  --link sum|mean           combine the channels' costs by their weighted sum (default) or mean
`;

const COSTS: readonly CostMethod[] = ['TRATE', 'CONSTANT', 'INDELS', 'INDELSLOG'];
const METHODS: readonly ChannelMethod[] = ['OM', 'HAM', 'DHD', 'LCS'];

/** True when the options ask for multichannel distances. */
export function isMultichannel(values: OptionValues): boolean {
  return values.channels !== undefined || values['channel-columns'] !== undefined;
}

/**
 * Load the channels the options name: each wide file of `--channels` with the
 * shared input options, or each column of `--channel-columns` from `--input`;
 * the channels must list the same persons in the same order over the same months.
 *
 * @example
 * const channels = await loadChannels({ channels: 'edu.csv,work.csv', cols: 'Sep.93..Jun.99', quiet: true });
 */
export async function loadChannels(values: OptionValues): Promise<StateSequences[]> {
  const files = list(values, 'channels');
  const columns = list(values, 'channel-columns');
  if (files && columns) throw new OptionsError(undefined, 'give --channels (wide files) or --channel-columns (columns of one file), not both');
  if (values.states !== undefined) throw new OptionsError('--states', 'does not apply to several channels (each channel has its own states)');
  if (files && values.input !== undefined) throw new OptionsError(undefined, 'with --channels the channel files are the input; leave out --input');
  const parts = files ?? columns!;
  if (parts.length < 2) throw new OptionsError(undefined, `multichannel distances need at least two channels; got ${parts.length}`);
  const channels: StateSequences[] = [];
  for (const part of parts) {
    const loaded = files
      ? await loadInput({ ...values, input: part, format: stringOption(values, 'format') ?? 'wide' })
      : await loadInput(values, { columns: { state: part } });
    channels.push(loaded.sequences);
  }
  const where = (k: number) => (files ? files[k] : `${stringOption(values, 'input')} (column ${parts[k]})`);
  channels.forEach((ch, k) => {
    const first = channels[0];
    const row = ch.ids.findIndex((id, i) => id !== first.ids[i]);
    if (ch.n !== first.n || row >= 0) {
      const what = row >= 0 ? `row ${row + 1} is person "${ch.ids[row]}" where ${where(0)} has "${first.ids[row]}"` : `${ch.n} persons where ${where(0)} has ${first.n}`;
      throw new InputError(where(k), undefined, undefined, `${what}; the channels need the same persons in the same order`);
    }
    if (ch.t !== first.t || ch.timeLabels.some((m, j) => m !== first.timeLabels[j])) {
      throw new InputError(where(k), undefined, undefined, `months ${ch.timeLabels[0]}..${ch.timeLabels[ch.t - 1]} differ from ${where(0)} (${first.timeLabels[0]}..${first.timeLabels[first.t - 1]}); the channels need the same months`);
    }
  });
  return channels;
}

/**
 * Turn the parsed options into `channelDistances` options: `--sm` and
 * `--indel` per channel or one for all, `--cweight`, `--link`, and the shared
 * `--norm`, `--unweighted`, `--threads`, `--memory-budget`.
 *
 * @example
 * channelDistanceOptions({ method: 'OM', sm: 'TRATE,CONSTANT', cweight: '1,2' }, channels);
 */
export function channelDistanceOptions(values: OptionValues, channels: readonly StateSequences[]): ChannelDistanceOptions {
  const C = channels.length;
  const method = (stringOption(values, 'method') ?? 'OM') as ChannelMethod;
  if (!METHODS.includes(method)) throw new OptionsError('--method', `must be one of ${METHODS.join(', ')} for several channels; got "${method}"`);
  const shared = distanceOptions({ ...values, method, sm: undefined, indel: undefined, link: undefined }, channels[0]);
  const perChannel = (name: string): string[] | undefined => {
    const items = list(values, name);
    if (items && items.length !== 1 && items.length !== C) throw new OptionsError(`--${name}`, `needs one value for all channels or one per channel (${C}); got ${items.length}`);
    return items && items.length === 1 ? new Array<string>(C).fill(items[0]) : items;
  };
  const sm = perChannel('sm')?.map((text, c): ChannelCost => {
    if ((COSTS as readonly string[]).includes(text)) return text as CostMethod;
    if (/\.csv$/i.test(text)) return readCostMatrix(text, costStates(channels[c], true));
    throw new OptionsError('--sm', `must be ${COSTS.join(', ')} or a .csv cost matrix per channel; got "${text}"`);
  });
  const indelText = perChannel('indel');
  let indel: ChannelDistanceOptions['indel'] = 'auto';
  if (indelText && indelText[0] !== 'auto') {
    const numbers = indelText.map(Number);
    if (numbers.some((x) => !(x > 0) || !Number.isFinite(x))) throw new OptionsError('--indel', `must be auto, or positive numbers (one for all channels or one per channel); got "${indelText.join(',')}"`);
    indel = numbers;
  }
  const cweightText = list(values, 'cweight');
  const cweight = cweightText?.map(Number);
  if (cweight && (cweight.length !== C || cweight.some((w) => !(w >= 0) || !Number.isFinite(w)))) {
    throw new OptionsError('--cweight', `needs one non-negative number per channel (${C}); got "${cweightText!.join(',')}"`);
  }
  const link = stringOption(values, 'link') ?? 'sum';
  if (link !== 'sum' && link !== 'mean') throw new OptionsError('--link', `must be sum or mean for several channels; got "${link}"`);
  return {
    method, sm, indel, cweight, link, norm: shared.norm, weighted: shared.weighted,
    threads: shared.threads, memoryBudgetBytes: shared.memoryBudgetBytes,
  };
}

function list(values: OptionValues, name: string): string[] | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new OptionsError(`--${name}`, `needs a comma-separated list; got "${text}"`);
  return items;
}
