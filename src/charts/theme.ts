import type { TopLevelSpec } from 'vega-lite';
import type { Alphabet } from '../sequences/types.js';
import type { Lang, TextKey } from '../i18n/index.js';
import { tr } from '../i18n/index.js';

/** Vega-Lite top-level config object. */
export type ChartConfig = NonNullable<TopLevelSpec['config']>;

/** Options every chart builder takes. */
export interface ChartOptions {
  /** Language of titles and axis labels (default 'en'). */
  lang?: Lang;
  /** Chart title; `false` for none (default: a translated title per chart). */
  title?: string | false;
  /** Width of one panel in pixels. */
  width?: number;
  /** Height of one panel in pixels. */
  height?: number;
}

/** Colour of missing months (TraMineR draws them dark grey; light grey keeps states readable). */
export const MISSING_COLOR = '#D9D9D9';
/** Colour of shares not shown by disclosure control: lighter than missing. */
export const SUPPRESSED_COLOR = '#F0F0F0';

/** Colours for series that are not states (measures, events, groups): Okabe-Ito, starting where it contrasts most. */
export const SERIES_PALETTE: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999999'];

/**
 * Vega-Lite config shared by all charts: plain white look, no cell border,
 * and number formats of the chart language (decimal comma in Dutch).
 *
 * @example
 * chartConfig('nl').locale?.number?.decimal; // ','
 */
export function chartConfig(lang: Lang): ChartConfig {
  const config: ChartConfig = {
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 12, grid: false },
    legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
    header: { labelFontSize: 12, titleFontSize: 12 },
    title: { fontSize: 14, anchor: 'start', offset: 10 },
  };
  if (lang === 'nl') {
    config.locale = { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] } };
  }
  return config;
}

/** Text size and legend place of a chart for `applyLayout` (print: 8-point text, legends under the panels). */
export interface ChartLayout {
  readonly fontSize?: number;
  readonly legend?: 'right' | 'bottom';
}

// Legend labels over 20 characters break at the last space before their middle
// (a Vega expression, so it applies to labels the chart computes), so that under
// the panels a long cluster name does not make the figure wider than the print width.
const TWO_LINES = "length(datum.label) > 20 && lastindexof(substring(datum.label, 0, ceil(length(datum.label) / 2) + 2), ' ') > 0"
  + " ? [substring(datum.label, 0, lastindexof(substring(datum.label, 0, ceil(length(datum.label) / 2) + 2), ' ')),"
  + " substring(datum.label, lastindexof(substring(datum.label, 0, ceil(length(datum.label) / 2) + 2), ' ') + 1)]"
  + ' : datum.label';
const LEGEND_CHANNELS = new Set(['color', 'fill', 'stroke']);

/**
 * A chart for print: every font size of the spec set from the layout (titles
 * one point larger than labels, nothing below `fontSize`) and the legend
 * beside or under the panels. Builders draw at screen sizes; this one pass
 * makes any of them print-ready.
 *
 * @param spec a spec from a chart builder
 * @param layout font size (points) and legend place
 * @example
 * applyLayout(stateDistributionPlot(seqs, { width: 200 }), { fontSize: 8, legend: 'bottom' });
 */
export function applyLayout(spec: TopLevelSpec, layout: ChartLayout): TopLevelSpec {
  const fs = layout.fontSize ?? 11;
  const walk = (x: unknown, parent = ''): unknown => {
    if (Array.isArray(x)) return x.map((y) => walk(y));
    if (!x || typeof x !== 'object') return x;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (k === 'data' || k === 'values') out[k] = v;
      else if (layout.legend === 'bottom' && parent === 'encoding' && LEGEND_CHANNELS.has(k) && v && typeof v === 'object' && 'field' in v) {
        // (Vega-Lite takes labelExpr from a channel's legend, not from the legend config)
        const own = (v as { legend?: Record<string, unknown> | null }).legend;
        out[k] = own === null ? walk(v, k) : { ...(walk(v, k) as object), legend: { labelExpr: TWO_LINES, ...(walk(own ?? {}) as object) } };
      }
      else if (/^(fontSize|labelFontSize|titleFontSize)$/.test(k) && typeof v === 'number') out[k] = v >= 12 ? fs + 1 : fs;
      else out[k] = walk(v, k);
    }
    return out;
  };
  const config = (spec as { config?: ChartConfig }).config ?? {};
  const legend = layout.legend === 'bottom' ? { orient: 'bottom', direction: 'vertical', columns: 1, labelLimit: 0 } : {};
  return {
    ...(walk(spec) as TopLevelSpec),
    config: {
      ...config,
      axis: { ...config.axis, labelFontSize: fs, titleFontSize: fs + 1 },
      legend: { ...config.legend, labelFontSize: fs, titleFontSize: fs + 1, ...legend },
      header: { ...config.header, labelFontSize: fs + 1, titleFontSize: fs + 1 },
      title: { ...(typeof config.title === 'object' ? config.title : {}), fontSize: fs + 2 },
      text: { fontSize: fs },
    } as ChartConfig,
  };
}

/**
 * The title a chart shows: the caller's, none, or the translated default.
 *
 * @example
 * chartTitle({ lang: 'nl' }, 'meanTime'); // 'Gemiddelde tijd per toestand'
 */
export function chartTitle(
  options: ChartOptions,
  key: TextKey,
  params: Readonly<Record<string, string | number>> = {},
): string | undefined {
  if (options.title === false) return undefined;
  return options.title ?? tr(options.lang ?? 'en', key, params);
}

/**
 * Colour scale of an alphabet for the `color` channel: state labels mapped to
 * `alphabet.colors` in alphabet order (so every chart of one alphabet uses the
 * same colours), plus a grey "missing" entry and a light grey "not shown
 * (< k persons)" entry for shares hidden by disclosure control when asked.
 *
 * @param alphabet the states
 * @param lang language of the "missing" label
 * @param withMissing add the missing entry
 * @param suppressedBelow add the "not shown" entry for this threshold
 * @example
 * stateScale(makeAlphabet(['a', 'b']), 'en', false); // { domain: ['a', 'b'], range: ['#E69F00', '#56B4E9'] }
 */
export function stateScale(alphabet: Alphabet, lang: Lang, withMissing: boolean, suppressedBelow?: number): { domain: string[]; range: string[] } {
  const domain = [...alphabet.labels];
  const range = [...alphabet.colors];
  if (withMissing) {
    domain.push(tr(lang, 'missing'));
    range.push(MISSING_COLOR);
  }
  if (suppressedBelow !== undefined) {
    domain.push(tr(lang, 'suppressed', { k: suppressedBelow }));
    range.push(SUPPRESSED_COLOR);
  }
  return { domain, range };
}

/**
 * Labels of state codes as the describe functions list them (`alphabet.codes`,
 * with `'*'` for missing): the alphabet label, or the translated "missing".
 *
 * @example
 * stateLabels(alphabet, ['work', '*'], 'nl'); // ['work', 'ontbrekend']
 */
export function stateLabels(alphabet: Alphabet, states: readonly string[], lang: Lang): string[] {
  return states.map((code) => {
    const s = alphabet.codes.indexOf(code);
    return s >= 0 ? alphabet.labels[s] : tr(lang, 'missing');
  });
}

/**
 * Axis label expression that shows `timeLabels[value]` for a month index, or
 * undefined when the labels are the indexes themselves (process time 0, 1, ...).
 *
 * @example
 * monthLabelExpr(['2013-01', '2013-02']); // '(["2013-01","2013-02"])[datum.value] || ""'
 */
export function monthLabelExpr(timeLabels: readonly string[]): string | undefined {
  if (timeLabels.every((label, j) => label === String(j))) return undefined;
  // JSON string literals are valid Vega expression literals.
  return `(${JSON.stringify(timeLabels)})[datum.value] || ""`;
}

/**
 * Wrap a spec body as a top-level Vega-Lite spec with the schema, the shared
 * config of `lang`, and the title (with an optional subtitle).
 * Builders assemble bodies as plain objects; this is the one place they are typed.
 *
 * @example
 * topLevel('en', 'Mean time', undefined, { data: { values: [] }, mark: 'bar' });
 */
export function topLevel(
  lang: Lang,
  title: string | undefined,
  subtitle: string | undefined,
  body: Record<string, unknown>,
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(title ? { title: subtitle ? { text: title, subtitle } : title } : {}),
    config: chartConfig(lang),
    ...body,
  } as unknown as TopLevelSpec;
}

/**
 * The step between labelled months, one convention for every figure: a year
 * (12) for spans of 2 to 10 years, 6 months for up to 2 years, 3 for up to a
 * year, 24 beyond 10 years; wider only when labels would come closer than
 * `pixelsPerLabel`.
 *
 * @example
 * monthStep(60, 300); // 12
 * monthStep(36, 150); // 12
 */
export function monthStep(t: number, width: number, pixelsPerLabel = 22): number {
  const steps = [1, 3, 6, 12, 24, 60, 120];
  let k = t <= 6 ? 0 : t <= 12 ? 1 : t <= 24 ? 2 : t <= 120 ? 3 : 4;
  while (k < steps.length - 1 && (width * steps[k]) / t < pixelsPerLabel) k++;
  return steps[k];
}

/**
 * The title of a month axis: "Months since start" in process time (labels
 * 0, 1, 2, ...), "Month" in calendar time.
 *
 * @example
 * monthAxisTitle('en', ['0', '1']); // 'Months since start'
 */
function monthAxisTitle(lang: Lang, timeLabels: readonly string[]): string {
  return tr(lang, monthLabelExpr(timeLabels) === undefined ? 'monthsSince' : 'month');
}

/**
 * The `x` encoding of a month axis: month j drawn over [j - 0.5, j + 0.5] so
 * the tick of month j sits in the middle of its bar; ticks every `step`
 * months show `timeLabels`. Data rows carry the month start in `field`.
 *
 * @param lang axis title language
 * @param timeLabels one label per month
 * @param step months between ticks (default: `monthStep` for a 300-pixel axis)
 * @example
 * monthX('en', ['0', '1', '2']); // { field: 'x', type: 'quantitative', scale: { domain: [-0.5, 2.5], ... }, ... }
 */
export function monthX(lang: Lang, timeLabels: readonly string[], step?: number, field = 'x'): Record<string, unknown> {
  const t = timeLabels.length;
  const every = step ?? monthStep(t, 300);
  const labelExpr = monthLabelExpr(timeLabels);
  return {
    field,
    type: 'quantitative',
    title: monthAxisTitle(lang, timeLabels),
    scale: { domain: [-0.5, t - 0.5], nice: false, zero: false },
    axis: { values: Array.from({ length: Math.ceil(t / every) }, (_, k) => k * every), ...(labelExpr ? { labelExpr } : {}) },
  };
}

/**
 * Round for inline chart data: fewer digits keep specs small; 6 decimals is far below a pixel.
 *
 * @example
 * roundTo(0.123456789); // 0.123457
 */
export function roundTo(v: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/**
 * A unit chart over inline data, faceted into one panel per value of the
 * `panel` field when `panels` is given (in that order, `columns` per line).
 *
 * @param lang chart language
 * @param title title (undefined for none)
 * @param subtitle subtitle (optional)
 * @param values inline data rows
 * @param unit the unit spec (mark, encoding, size) without data
 * @param facet panel names in order, panels per line, and whether each panel gets its own y scale
 * @example
 * panelSpec('en', 'Mean time', undefined, values, unit, { panels: ['1', '2'], columns: 2 });
 */
export function panelSpec(
  lang: Lang,
  title: string | undefined,
  subtitle: string | undefined,
  values: readonly Record<string, unknown>[],
  unit: Record<string, unknown>,
  facet?: { panels: readonly string[]; columns?: number; independentY?: boolean },
): TopLevelSpec {
  const data = { values };
  if (!facet) return topLevel(lang, title, subtitle, { data, ...unit });
  return topLevel(lang, title, subtitle, {
    data,
    facet: { field: 'panel', type: 'nominal', sort: [...facet.panels], header: { title: null, labelFontWeight: 'bold' } },
    columns: facet.columns ?? 2,
    spec: unit,
    ...(facet.independentY ? { resolve: { scale: { y: 'independent' } } } : {}),
  });
}
