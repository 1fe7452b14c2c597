// SPDX-License-Identifier: MIT
/**
 * A chart as data: what to draw, independent of the library that draws it. The same spec feeds uPlot on screen and
 * the SVG and CSV exports, so an export always shows what the screen shows.
 */

/** One plotted quantity. */
export interface SeriesSpec {
  /** Legend text, with the unit: `IGF-1 (ng/mL)`. */
  readonly label: string;
  /** One value per x; `null` is a gap. */
  readonly values: readonly (number | null)[];
  /** CSS colour. */
  readonly color: string;
  /** Which y axis the series is read against (default left). */
  readonly axis?: 'left' | 'right';
  /** Line style: a line (default), or markers only. */
  readonly style?: 'line' | 'points';
  /** Dash pattern in px, e.g. [6, 4]. */
  readonly dash?: readonly number[];
  /** Line width in px (default 2). */
  readonly width?: number;
  /** Draw a line across null gaps (for runs sampled on different grids). */
  readonly spanGaps?: boolean;
}

/** A vertical marker at one x, e.g. a dose time. */
export interface MarkerSpec {
  readonly x: number;
  readonly label: string;
  readonly color: string;
}

/** How tick labels of the x axis are written. */
export type XFormat = 'number' | 'clock' | 'day';

/** A whole chart. */
export interface ChartSpec {
  /** Stable id: test ids, file names (`igf1-daily`). */
  readonly id: string;
  readonly title: string;
  /** A line under the title: what the reader should know (source of a band, model caveats). */
  readonly subtitle?: string;
  /** Ascending x values shared by every series. */
  readonly x: readonly number[];
  readonly xLabel: string;
  readonly xFormat?: XFormat;
  readonly yLabel: string;
  /** Label of the right axis, when a series uses it. */
  readonly y2Label?: string;
  readonly series: readonly SeriesSpec[];
  /** A shaded band between two series (indices into `series`), e.g. a reference interval. */
  readonly band?: { readonly upper: number; readonly lower: number; readonly fill: string };
  readonly markers?: readonly MarkerSpec[];
  /** When set, y values are 1-based indices into these names (an event timeline). */
  readonly categories?: readonly string[];
  /** Height of the plot area on screen, px (default 280). */
  readonly height?: number;
}

/** The visible ranges of a chart, after any zoom. */
export interface ChartView {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
  readonly y2Min?: number;
  readonly y2Max?: number;
}

/** Colour-blind-safe palette (Okabe & Ito 2008), in the order series take it. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

/** The palette colour of the `i`-th series (cycling). */
export function paletteColor(i: number): string {
  return PALETTE[i % PALETTE.length];
}

/** `true` when the spec has at least one non-null value to draw. */
export function hasData(spec: ChartSpec): boolean {
  return spec.series.some((s) => s.values.some((v) => v !== null));
}

/** `true` when any series of the spec is read against the right axis. */
export function usesRightAxis(spec: ChartSpec): boolean {
  return spec.series.some((s) => s.axis === 'right');
}
