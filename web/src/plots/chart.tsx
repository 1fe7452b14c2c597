// SPDX-License-Identifier: MIT
/**
 * A chart on screen: uPlot (canvas, fast for long series) drawn from a {@link ChartSpec}, with drag-to-zoom on x,
 * double-click to reset, a live legend, dose markers, shaded ranges and bands, values in the reader's unit system
 * (conventional or SI), PNG / SVG / CSV exports that say which run they come from, and a one-sentence text
 * alternative with a link to the data.
 */
import { createContext, useContext, useEffect, useId, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartCsv, chartSvg, downloadBlob, exportFileName } from './export.js';
import type { ChartSpec, ChartView, ExportContext, MarkerSpec, SeriesSpec, ShadeSpec } from './spec.js';
import { shadeKinds, usesRightAxis } from './spec.js';
import { chartSummary } from './summary.js';
import { CLOCK_STEPS_H, formatNumber, formatX } from './ticks.js';
import { specInUnits } from '../units/convert.js';
import { useUnitSystem } from '../units/unit-system.js';

const DEFAULT_HEIGHT_PX = 280;

/** Where the charts below come from (a run), for their exports; none outside a run. */
export const ChartExportContext = createContext<ExportContext | undefined>(undefined);

/**
 * Y range fitted to the visible data with a margin, at least `minSpan` wide around the data's middle (for masses,
 * where 0 would flatten a 1–2 kg change and a bare fit would blow grams up).
 */
function fittedRange(minSpan: number): uPlot.Range.Function {
  return (_u, min, max) => {
    if (min === null || max === null) return [0, 1];
    const span = max - min;
    const pad = span > 0 ? span * 0.15 : Math.max(Math.abs(max) * 0.02, 0.5);
    const lo = min - pad;
    const hi = max + pad;
    if (hi - lo >= minSpan) return [lo, hi];
    const mid = (min + max) / 2;
    return [mid - minSpan / 2, mid + minSpan / 2];
  };
}

/** Y range from 0 (hormone levels are positive) to a little above the visible maximum. */
function positiveRange(_u: uPlot, min: number | null, max: number | null): [number, number] {
  if (min === null || max === null) return [0, 1];
  const lo = Math.min(0, min);
  const hi = max > lo ? max + (max - lo) * 0.08 : lo + 1;
  return [lo, hi];
}

function categoryAxis(categories: readonly string[]): uPlot.Axis {
  const longest = Math.max(...categories.map((c) => c.length));
  return {
    scale: 'y',
    // Wide enough for the longest row name (about 7 px per character at the axis font size).
    size: 24 + 7 * longest,
    splits: () => categories.map((_, i) => i + 1),
    values: (_u, splits) => splits.map((v) => categories[v - 1] ?? ''),
  };
}

function xAxis(spec: ChartSpec): uPlot.Axis {
  return {
    label: spec.xLabel,
    values: (_u, splits) => splits.map((v) => formatX(v, spec.xFormat)),
    // Whole days on a day axis; quarter hours at most on a clock axis.
    ...(spec.xFormat === 'day' ? { incrs: [1, 2, 5, 7, 14, 28, 56, 91, 182, 364] } : {}),
    ...(spec.xFormat === 'clock' ? { incrs: [...CLOCK_STEPS_H, 48, 96] } : {}),
  };
}

/** The largest value of the series on one side, or +∞ when there is none. */
function sideMax(spec: ChartSpec, side: 'left' | 'right'): number {
  const values = spec.series
    .filter((s) => (s.axis === 'right') === (side === 'right'))
    .flatMap((s) => s.values.filter((v): v is number => v !== null));
  return values.length > 0 ? Math.max(...values) : Infinity;
}

function yAxes(spec: ChartSpec): uPlot.Axis[] {
  // On split axes each side labels only its own part: no negative levels on the left, nothing above the right's data.
  const split = spec.splitAxes === true && usesRightAxis(spec);
  const rightTop = sideMax(spec, 'right') * 1.1;
  const left: uPlot.Axis = spec.categories
    ? categoryAxis(spec.categories)
    : {
        label: spec.yLabel,
        scale: 'y',
        size: 64,
        values: (_u, splits) => splits.map((v) => (split && v < 0 ? '' : formatNumber(v))),
      };
  if (!usesRightAxis(spec)) return [left];
  const right: uPlot.Axis = {
    label: spec.y2Label ?? '',
    scale: 'y2',
    side: 1,
    size: 64,
    grid: { show: false },
    values: (_u, splits) => splits.map((v) => (split && v > rightTop ? '' : formatNumber(v))),
  };
  return [left, right];
}

function seriesOptions(s: SeriesSpec, categories: readonly string[] | undefined): uPlot.Series {
  const base: uPlot.Series = {
    label: s.label,
    stroke: s.color,
    width: s.width ?? 2,
    scale: s.axis === 'right' ? 'y2' : 'y',
    spanGaps: s.spanGaps ?? false,
    value: (_u, v) => (v === null ? '—' : categories ? (categories[v - 1] ?? '') : formatNumber(v)),
    ...(s.dash ? { dash: [...s.dash] } : {}),
  };
  if (s.style !== 'points') return { ...base, points: { show: false } };
  return { ...base, paths: () => null, points: { show: true, size: 8, fill: s.color, stroke: s.color } };
}

/** Draws a dashed vertical line and a small triangle at each marker (dose times). */
function markersPlugin(markers: readonly MarkerSpec[]): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u: uPlot) => {
          const { ctx } = u;
          const { left, top, width, height } = u.bbox;
          const dpr = uPlot.pxRatio;
          ctx.save();
          for (const m of markers) {
            const x = Math.round(u.valToPos(m.x, 'x', true));
            if (x < left || x > left + width) continue;
            ctx.strokeStyle = m.color;
            ctx.fillStyle = m.color;
            ctx.lineWidth = dpr;
            ctx.setLineDash([4 * dpr, 3 * dpr]);
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x, top + height);
            ctx.stroke();
            ctx.setLineDash([]);
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x - 5 * dpr, top - 9 * dpr);
            ctx.lineTo(x + 5 * dpr, top - 9 * dpr);
            ctx.closePath();
            ctx.fill();
          }
          ctx.restore();
        },
      ],
    },
  };
}

/** Fills each shaded x range behind the series (drawn right after the canvas is cleared). */
function shadingPlugin(shading: readonly ShadeSpec[]): uPlot.Plugin {
  return {
    hooks: {
      drawClear: [
        (u: uPlot) => {
          const { ctx } = u;
          const { left, top, width, height } = u.bbox;
          ctx.save();
          for (const s of shading) {
            const x0 = Math.max(u.valToPos(s.from, 'x', true), left);
            const x1 = Math.min(u.valToPos(s.to, 'x', true), left + width);
            if (x1 <= x0) continue;
            ctx.fillStyle = s.color;
            ctx.fillRect(x0, top, x1 - x0, height);
          }
          ctx.restore();
        },
      ],
    },
  };
}

/** A range that puts the data in the upper (`'upper'`) or lower part of the plot, about 55 % of its height. */
function splitRange(part: 'upper' | 'lower'): uPlot.Range.Function {
  return (u, min, max) => {
    const [lo, hi] = positiveRange(u, min, max);
    const span = hi - lo;
    return part === 'upper' ? [lo - span * 0.8, hi] : [lo, hi + span * 0.8];
  };
}

function scales(spec: ChartSpec): uPlot.Scales {
  const n = spec.categories?.length ?? 0;
  const split = spec.splitAxes === true && usesRightAxis(spec);
  const range = spec.yFromZero === false ? fittedRange(spec.yMinSpan ?? 0) : positiveRange;
  const y: uPlot.Scale = spec.categories
    ? { range: () => [0.5, n + 0.5] }
    : { range: split ? splitRange('upper') : range };
  return {
    x: { time: false },
    y,
    ...(usesRightAxis(spec) ? { y2: { range: split ? splitRange('lower') : range } } : {}),
  };
}

/** uPlot options for a spec at a width (px). */
function optionsFor(spec: ChartSpec, width: number): uPlot.Options {
  const hasMarkers = (spec.markers?.length ?? 0) > 0;
  return {
    width,
    height: spec.height ?? DEFAULT_HEIGHT_PX,
    scales: scales(spec),
    axes: [xAxis(spec), ...yAxes(spec)],
    series: [
      { label: spec.xLabel, value: (_u, v) => (v === null ? '—' : formatX(v, spec.xFormat)) },
      ...spec.series.map((s) => seriesOptions(s, spec.categories)),
    ],
    ...(spec.bands && spec.bands.length > 0
      ? { bands: spec.bands.map((b) => ({ series: [b.upper + 1, b.lower + 1], fill: b.fill })) }
      : {}),
    plugins: [
      ...(spec.shading && spec.shading.length > 0 ? [shadingPlugin(spec.shading)] : []),
      ...(hasMarkers ? [markersPlugin(spec.markers ?? [])] : []),
    ],
    // Room above the plot for the marker triangles, and on the right for the last x tick label.
    padding: [hasMarkers ? 16 : 8, usesRightAxis(spec) ? 8 : 24, 0, 0],
    cursor: { drag: { x: true, y: false, setScale: true } },
    legend: { live: true },
  };
}

function alignedData(spec: ChartSpec): uPlot.AlignedData {
  return [spec.x as number[], ...spec.series.map((s) => s.values as (number | null)[])];
}

/** The current (possibly zoomed) ranges of a plot. */
function viewOf(u: uPlot): ChartView {
  const { x, y, y2 } = u.scales;
  return {
    xMin: x.min ?? 0,
    xMax: x.max ?? 1,
    yMin: y.min ?? 0,
    yMax: y.max ?? 1,
    ...(y2 && y2.min != null && y2.max != null ? { y2Min: y2.min, y2Max: y2.max } : {}),
  };
}

/**
 * The plot canvas with a white background, the title above, a legend below and, when given, the line saying which
 * run it comes from, as a PNG blob.
 */
function pngOf(u: uPlot, spec: ChartSpec, context: ExportContext | undefined): Promise<Blob | null> {
  const source = u.ctx.canvas;
  const dpr = uPlot.pxRatio;
  const titleHeight = 34 * dpr;
  const legendHeight = (context ? 52 : 30) * dpr;
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height + titleHeight + legendHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.resolve(null);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#222';
  ctx.font = `600 ${15 * dpr}px system-ui, sans-serif`;
  ctx.fillText(spec.title, 12 * dpr, 23 * dpr);
  ctx.drawImage(source, 0, titleHeight);
  ctx.font = `${12 * dpr}px system-ui, sans-serif`;
  let x = 12 * dpr;
  const y = titleHeight + source.height + 18 * dpr;
  for (const s of spec.series) {
    ctx.strokeStyle = s.color;
    ctx.lineWidth = 3 * dpr;
    ctx.setLineDash((s.dash ?? []).map((d) => d * dpr));
    ctx.beginPath();
    ctx.moveTo(x, y - 4 * dpr);
    ctx.lineTo(x + 18 * dpr, y - 4 * dpr);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#222';
    ctx.fillText(s.label, x + 22 * dpr, y);
    x += 22 * dpr + ctx.measureText(s.label).width + 18 * dpr;
  }
  for (const k of shadeKinds(spec)) {
    ctx.fillStyle = k.color;
    ctx.fillRect(x, y - 10 * dpr, 18 * dpr, 12 * dpr);
    ctx.fillStyle = '#222';
    ctx.fillText(k.label, x + 22 * dpr, y);
    x += 22 * dpr + ctx.measureText(k.label).width + 18 * dpr;
  }
  if (context) {
    ctx.fillStyle = '#555';
    ctx.font = `${11 * dpr}px system-ui, sans-serif`;
    ctx.fillText(context.caption, 12 * dpr, y + 22 * dpr);
  }
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

function MarkerCaption({ markers }: { markers: readonly MarkerSpec[] }): ReactNode {
  if (markers.length === 0) return null;
  const shown = markers.slice(0, 8);
  return (
    <p className="chart-markers">
      <span aria-hidden="true">▼</span> {shown.map((m) => m.label).join(' · ')}
      {markers.length > shown.length ? ` · and ${markers.length - shown.length} more` : ''}
    </p>
  );
}

function ShadeLegend({ spec }: { spec: ChartSpec }): ReactNode {
  const kinds = shadeKinds(spec);
  if (kinds.length === 0) return null;
  return (
    <p className="chart-shades">
      {kinds.map((k) => (
        <span key={k.label} className="chart-shade">
          <span className="chart-shade-swatch" style={{ background: k.color }} aria-hidden="true" />
          {k.label}
        </span>
      ))}
    </p>
  );
}

/** The text alternative: the chart in one sentence, and a link to the plotted data as CSV. */
function ChartText({ spec, id, fileName }: { spec: ChartSpec; id: string; fileName: string }): ReactNode {
  const href = useMemo(() => URL.createObjectURL(new Blob([chartCsv(spec)], { type: 'text/csv' })), [spec]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <p className="chart-summary" id={id}>
      {chartSummary(spec)}{' '}
      <a href={href} download={fileName}>
        Data (CSV)
      </a>
    </p>
  );
}

/** One chart with its title, toolbar (reset zoom, PNG, SVG, CSV), legend and text alternative. */
export function Chart({ spec: source }: { spec: ChartSpec }): ReactNode {
  // In the reader's unit system: axes, tooltips, legend and every export read this spec.
  const [units] = useUnitSystem();
  const spec = useMemo(() => specInUnits(source, units), [source, units]);
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const context = useContext(ChartExportContext);
  const summaryId = useId();
  const fileName = (extension: string): string => exportFileName(spec.id, extension, context?.fileStem);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const u = new uPlot(optionsFor(spec, Math.max(element.clientWidth, 320)), alignedData(spec), element);
    plot.current = u;
    const resize = new ResizeObserver(() =>
      u.setSize({ width: Math.max(element.clientWidth, 320), height: spec.height ?? DEFAULT_HEIGHT_PX }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [spec]);

  const resetZoom = (): void => {
    const u = plot.current;
    if (u && spec.x.length > 0) u.setScale('x', { min: spec.x[0], max: spec.x[spec.x.length - 1] });
  };
  const exportPng = (): void => {
    const u = plot.current;
    if (!u) return;
    void pngOf(u, spec, context).then((blob) => blob && downloadBlob(blob, fileName('png')));
  };
  const exportSvg = (): void => {
    const u = plot.current;
    if (!u) return;
    downloadBlob(new Blob([chartSvg(spec, viewOf(u), context)], { type: 'image/svg+xml' }), fileName('svg'));
  };
  const exportCsv = (): void => {
    downloadBlob(new Blob([chartCsv(spec)], { type: 'text/csv' }), fileName('csv'));
  };

  return (
    <figure className="chart" data-testid={`chart-${spec.id}`} aria-describedby={summaryId}>
      <figcaption className="chart-head">
        <div>
          <h3>{spec.title}</h3>
          {spec.subtitle ? <p className="chart-subtitle">{spec.subtitle}</p> : null}
        </div>
        <div className="chart-tools" role="toolbar" aria-label={`${spec.title}: zoom and export`}>
          <button type="button" onClick={resetZoom} title="Show the whole range (or double-click the plot)">
            Reset zoom
          </button>
          <button type="button" onClick={exportPng} title="Download the chart as a PNG image">
            PNG
          </button>
          <button type="button" onClick={exportSvg} title="Download the chart as an SVG vector image">
            SVG
          </button>
          <button type="button" onClick={exportCsv} title="Download the plotted data as CSV">
            CSV
          </button>
        </div>
      </figcaption>
      <div className="chart-canvas" ref={holder} aria-hidden="true" />
      <ShadeLegend spec={spec} />
      <MarkerCaption markers={spec.markers ?? []} />
      <ChartText spec={spec} id={summaryId} fileName={fileName('csv')} />
    </figure>
  );
}
