// SPDX-License-Identifier: MIT
/**
 * A chart as data: what to draw, independent of the library that draws it. The same spec feeds uPlot on screen and
 * the SVG and CSV exports, so an export always shows what the screen shows.
 */
import type { ConvertedQuantity } from '../../../src/scenario/vocabulary.js';

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
  /**
   * The lab quantity the values are (in its conventional unit), when it has an SI unit of its own: the unit toggle
   * converts these values and the unit in the label.
   */
  readonly quantity?: ConvertedQuantity;
}

/** A shaded band between two series (indices into `series`): a reference interval, a 5–95 % band. */
export interface BandSpec {
  readonly upper: number;
  readonly lower: number;
  readonly fill: string;
}

/** A vertical marker at one x, e.g. a dose time. */
export interface MarkerSpec {
  readonly x: number;
  readonly label: string;
  readonly color: string;
}

/** A shaded x range behind the series: sleep, a meal, exercise, an off day, an endpoint window. */
export interface ShadeSpec {
  readonly from: number;
  readonly to: number;
  /** What the shade means (one legend entry per distinct label). */
  readonly label: string;
  /** CSS colour, translucent. */
  readonly color: string;
}

/** What an export says about where it comes from: the run, its seed and the model version. */
export interface ExportContext {
  /** e.g. `Sermorelin 300 mcg nightly · seed 42 · model gh-axis 0.9 (engine 1.2.0)`. */
  readonly caption: string;
  /** Short text for file names (the run's name); made file-safe by the export. */
  readonly fileStem: string;
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
  /** On a clock axis, the day whose midnight is x = 0 (the CSV export writes the day of each row). */
  readonly clockOriginDay?: number;
  readonly yLabel: string;
  /** Label of the right axis, when a series uses it. */
  readonly y2Label?: string;
  readonly series: readonly SeriesSpec[];
  /** Shaded bands between pairs of series, e.g. a reference interval or an uncertainty band. */
  readonly bands?: readonly BandSpec[];
  readonly markers?: readonly MarkerSpec[];
  /** Shaded x ranges drawn behind the series. */
  readonly shading?: readonly ShadeSpec[];
  /**
   * With a right axis: keep the left series in the upper part of the plot and the right ones in the lower part,
   * so two quantities with similar shapes do not draw on top of each other.
   */
  readonly splitAxes?: boolean;
  /** `false` to fit the y axis to the data instead of starting at 0 (body mass: a 1–2 kg change shows). */
  readonly yFromZero?: boolean;
  /** With `yFromZero: false`, the smallest span the y axis shows (2 kg: a few grams of noise stays flat). */
  readonly yMinSpan?: number;
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

/** The distinct shade kinds of a spec (first colour of each label), for a legend. */
export function shadeKinds(spec: ChartSpec): { label: string; color: string }[] {
  const seen = new Map<string, string>();
  for (const s of spec.shading ?? []) if (!seen.has(s.label)) seen.set(s.label, s.color);
  return [...seen].map(([label, color]) => ({ label, color }));
}

/** `true` when any series of the spec is read against the right axis. */
export function usesRightAxis(spec: ChartSpec): boolean {
  return spec.series.some((s) => s.axis === 'right');
}
