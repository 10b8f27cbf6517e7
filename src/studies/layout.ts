import type { TopLevelSpec } from 'vega-lite';
import { applyLayout } from '../charts/theme.js';
import { POINTS_PER_CM } from '../report/render.js';

/**
 * How big the figures of a report are drawn: on screen (about 900 units
 * wide), or for print at a given width, in points (1 SVG unit = 1 pt, so
 * text of 8 units prints at 8 pt), with fewer panels side by side on a
 * one-column (8.5 cm) page.
 */
export interface FigureLayout {
  /** True for a print size. */
  readonly print: boolean;
  /** Total width of a figure in SVG units (points for print). */
  readonly width: number;
  /** Panels side by side at most. */
  readonly columns: number;
  /** Where legends go: beside the panels on wide figures, under them on narrow ones. */
  readonly legend: 'right' | 'bottom';
  /** Font size of tick labels, legend labels and notes in figures (titles are 1 larger). */
  readonly fontSize: number;
}

/**
 * The layout for a print width in cm (8.5: one column of a journal page; 17:
 * the full page), or the screen layout without one.
 *
 * @example
 * figureLayout(17).width; // 482 (points)
 * figureLayout().print;   // false
 */
export function figureLayout(widthCm?: number): FigureLayout {
  if (widthCm === undefined) return { print: false, width: 900, columns: 2, legend: 'right', fontSize: 11 };
  const width = Math.round(widthCm * POINTS_PER_CM);
  return { print: true, width, columns: widthCm < 12 ? 1 : 2, legend: 'bottom', fontSize: 8 };
}

/**
 * The width of one panel when `columns` panels share the figure's width,
 * leaving `reserve` units per panel for its axis and, on wide layouts, the
 * legend beside the last one.
 *
 * @example
 * panelWidth(figureLayout(17), 2, 60); // (482 - 2 x 60 - legend) / 2
 */
export function panelWidth(layout: FigureLayout, columns: number, reserve = 60): number {
  const n = Math.max(1, Math.min(columns, layout.columns));
  const legend = layout.legend === 'right' ? (layout.print ? 95 : 170) : 0;
  return Math.max(60, Math.floor((layout.width - legend - n * reserve) / n));
}

/**
 * A chart as the layout wants it: for print, every text at the layout's
 * font size and the legend in its place (`applyLayout`); on screen as built.
 *
 * @example
 * figure('clusters', fit(layout, clusterPanels(window, ids, { width: panelWidth(layout, 2) })), caption);
 */
export function fit(layout: FigureLayout, spec: TopLevelSpec): TopLevelSpec {
  return layout.print ? applyLayout(spec, layout) : spec;
}
