import type { TopLevelSpec } from 'vega-lite';
import { renderPng, type PngOptions } from './render.js';
import { topLevel } from './theme.js';

/** Options of `chartMimeBundle`. */
export interface ChartMimeOptions extends PngOptions {
  /** Add the PNG fallback (default true); without it the bundle holds the spec and a text line only. */
  png?: boolean;
}

/** A Jupyter `display_data` content: MIME type -> representation, and per-type metadata. */
export interface ChartMimeBundle {
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

/**
 * A chart as a Jupyter MIME bundle, so a notebook frontend draws it
 * interactively where it can and shows a picture elsewhere (Jupyter messaging
 * protocol, `display_data`: the frontend picks the richest type it renders).
 *
 * - `application/vnd.vegalite.vN+json`: the spec itself, N the Vega-Lite
 *   major version of its `$schema` (6 for the chart builders' specs);
 * - `image/png`: base64 of `renderPng(spec, options)`, with its size in CSS
 *   pixels in `metadata['image/png']` (the PNG has `scale` pixels per unit, 2 by default);
 * - `text/plain`: one line naming the chart, for text-only frontends.
 *
 * @param spec a Vega-Lite spec (as the chart builders return)
 * @param options `png` (default true) and the options of `renderPng` (`scale` 2, `background`, `fontFiles`)
 * @returns `{ data, metadata }`, ready to send as a `display_data` message
 * @example
 * const { data, metadata } = await chartMimeBundle(stateDistributionPlot(seqs));
 * Object.keys(data); // ['application/vnd.vegalite.v6+json', 'text/plain', 'image/png']
 * metadata['image/png']; // { width: 520, height: 333 }
 */
export async function chartMimeBundle(spec: TopLevelSpec, options: ChartMimeOptions = {}): Promise<ChartMimeBundle> {
  const { png = true, ...pngOptions } = options;
  const data: Record<string, unknown> = {
    [`application/vnd.vegalite.v${schemaVersion(spec)}+json`]: spec,
    'text/plain': `<Vega-Lite chart${chartName(spec)}>`,
  };
  const metadata: Record<string, unknown> = {};
  if (png) {
    const bytes = await renderPng(spec, pngOptions);
    const scale = pngOptions.scale ?? 2;
    data['image/png'] = bytes.toString('base64');
    // PNG header: width and height are big-endian 32-bit integers at bytes 16 and 20 (IHDR)
    metadata['image/png'] = { width: Math.round(bytes.readUInt32BE(16) / scale), height: Math.round(bytes.readUInt32BE(20) / scale) };
  }
  return { data, metadata };
}

/** Vega-Lite major version named by the spec's `$schema`, else the one the chart builders write. */
function schemaVersion(spec: TopLevelSpec): number {
  const match = /vega-lite\/v(\d+)/.exec(spec.$schema ?? '') ?? /vega-lite\/v(\d+)/.exec(topLevel('en', undefined, undefined, {}).$schema ?? '');
  return Number(match?.[1]);
}

/** ": <title>" when the spec has a title. */
function chartName(spec: TopLevelSpec): string {
  const title = spec.title;
  const text = title && typeof title === 'object' && !Array.isArray(title) ? title.text : title;
  const line = typeof text === 'string' ? text : Array.isArray(text) ? text.join(' ') : '';
  return line ? `: ${line}` : '';
}
