import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';

/**
 * Font files tried, in order, for text in PNGs. Debian's `fonts-dejavu-core`
 * (on the project's machines) provides the first pair.
 */
const FONT_CANDIDATES: readonly (readonly string[])[] = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
  ['/usr/share/fonts/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf'],
  ['/Library/Fonts/Arial.ttf', '/Library/Fonts/Arial Bold.ttf'],
  ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'],
];

/** The font a PNG is drawn with. */
export interface ChartFont {
  /** Font files given to the PNG renderer (empty: the system's fonts are searched). */
  readonly files: readonly string[];
  /** Family that SVG `sans-serif` text maps to, or undefined for the renderer's default. */
  readonly family: string | undefined;
}

/**
 * Find the font used for text in PNGs: DejaVu Sans (Debian `fonts-dejavu-core`)
 * or Liberation Sans when installed, else whatever the system provides.
 *
 * @returns files and family; `files` is empty when none of the known fonts exists
 * @example
 * chartFont(); // { files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', ...], family: 'DejaVu Sans' }
 */
export function chartFont(): ChartFont {
  for (const files of FONT_CANDIDATES) {
    if (!existsSync(files[0])) continue;
    const present = files.filter((f) => existsSync(f));
    const family = files[0].includes('DejaVu') ? 'DejaVu Sans' : files[0].includes('Liberation') ? 'Liberation Sans' : 'Arial';
    return { files: present, family };
  }
  return { files: [], family: undefined };
}

/**
 * Render a Vega-Lite spec to an SVG string, headless (Vega's `renderer: 'none'`
 * view and its `toSVG()`; no canvas or browser needed). Text in the SVG is
 * escaped by Vega, so labels from user data cannot inject markup.
 *
 * @param spec a Vega-Lite spec with inline data (as the chart builders return)
 * @returns the SVG document as a string
 * @example
 * const svg = await renderSvg(stateDistributionPlot(dist)); // '<svg ...>...</svg>'
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // Loaded on first use: vega's top-level await would stop CommonJS loaders
  // (tslab notebooks, require('loopbaan')) from loading the library at all.
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const vgSpec = compile(spec).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  try {
    // adjacent rectangles (monthly bars, index-plot rows) drawn without anti-aliased seams between them
    return (await view.toSVG()).replace(/<g class="mark-rect role-mark/g, '<g shape-rendering="crispEdges" class="mark-rect role-mark');
  } finally {
    view.finalize();
  }
}

/** Options of `renderPng`. */
export interface PngOptions {
  /** Pixels per SVG unit (default 2: sharp on high-density screens and in print). */
  scale?: number;
  /** Background colour (default white; charts have a transparent background otherwise). */
  background?: string;
  /** Font files to use instead of `chartFont()`. */
  fontFiles?: readonly string[];
}

/**
 * Render a Vega-Lite spec to PNG: the SVG of `renderSvg` rasterised with resvg.
 * Text uses `chartFont()` (DejaVu Sans on Debian) unless `fontFiles` is given.
 *
 * @param spec a Vega-Lite spec
 * @param options scale (default 2), background (default white), fontFiles
 * @returns the PNG file contents
 * @example
 * await writeFile('chart.png', await renderPng(spec, { scale: 2 }));
 */
export async function renderPng(spec: TopLevelSpec, options: PngOptions = {}): Promise<Buffer> {
  return svgToPng(await renderSvg(spec), options);
}

/**
 * Rasterise an SVG string (for example from `renderSvg`) to PNG with resvg.
 *
 * @param svg an SVG document
 * @param options scale (default 2), background (default white), fontFiles
 * @returns the PNG file contents
 * @example
 * const png = svgToPng(svg, { scale: 1 });
 */
export function svgToPng(svg: string, options: PngOptions = {}): Buffer {
  return new Resvg(svg, pngRenderOptions(options)).render().asPng();
}

/**
 * The resvg options `svgToPng` uses: zoom by `scale`, the background, and the
 * font of `chartFont()` (or `fontFiles`) standing in for `sans-serif`.
 *
 * @example
 * new Resvg(svg, pngRenderOptions({ scale: 1 })).render().pixels; // RGBA bytes
 */
export function pngRenderOptions(options: PngOptions = {}): ResvgRenderOptions {
  const { scale = 2, background = 'white' } = options;
  const font = options.fontFiles ? { files: options.fontFiles, family: undefined } : chartFont();
  return {
    fitTo: { mode: 'zoom', value: scale },
    background,
    font: {
      // Scanning every system font is slow; only do it when no known font was found.
      loadSystemFonts: font.files.length === 0,
      fontFiles: [...font.files],
      ...(font.family ? { defaultFontFamily: font.family, sansSerifFamily: font.family } : {}),
    },
  };
}

/**
 * Write a chart as `<dir>/<name>.svg` and `<dir>/<name>.png` (the directory is created).
 *
 * @param spec a Vega-Lite spec
 * @param dir output directory
 * @param name file name without extension
 * @param options PNG options (scale, background, fontFiles)
 * @returns the paths written and the SVG text (for inlining in a report)
 * @example
 * await writeFigure(indexPlot(seqs), 'reports/out/jobcoach/figures', 'index-plot');
 */
export async function writeFigure(
  spec: TopLevelSpec,
  dir: string,
  name: string,
  options: PngOptions = {},
): Promise<{ svgPath: string; pngPath: string; svg: string }> {
  const svg = await renderSvg(spec);
  await mkdir(dir, { recursive: true });
  const svgPath = join(dir, `${name}.svg`);
  const pngPath = join(dir, `${name}.png`);
  await writeFile(svgPath, svg);
  await writeFile(pngPath, svgToPng(svg, options));
  return { svgPath, pngPath, svg };
}
