// SPDX-License-Identifier: MIT
/**
 * Exports of a chart: CSV of the plotted data, a standalone SVG drawn from the spec at the current zoom, and file
 * downloads. Pure string builders except {@link downloadBlob}.
 */
import type { BandSpec, ChartSpec, ChartView, ExportContext, SeriesSpec } from './spec.js';
import { shadeKinds, usesRightAxis } from './spec.js';
import { CLOCK_STEPS_H, clockLabel, formatNumber, formatX, niceTicks, ticksWithSteps } from './ticks.js';

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The plotted data as CSV: a header with the x label and each series label, then one row per x. Missing values
 * are empty fields; numbers keep full precision; category series (a timeline) write the category name. A clock
 * axis is written as HH:MM, with the day it falls on in a column before it.
 */
export function chartCsv(spec: ChartSpec): string {
  const clock = spec.xFormat === 'clock';
  const xHeader = clock ? ['day', 'clock time (HH:MM)'] : [spec.xLabel];
  const header = [...xHeader, ...spec.series.map((s) => s.label)].map(csvField).join(',');
  const cell = (v: number | null): string => {
    if (v === null) return '';
    return spec.categories ? csvField(spec.categories[v - 1] ?? String(v)) : String(v);
  };
  const xCells = (x: number): string[] => (clock ? [String(clockDay(spec, x)), clockLabel(x)] : [String(x)]);
  const rows = spec.x.map((x, i) =>
    [...xCells(x), ...spec.series.map((s) => cell(s.values[i] ?? null))].join(','),
  );
  return [header, ...rows].join('\n') + '\n';
}

/** The day a clock-axis x (hours from midnight of `clockOriginDay`) falls on. */
function clockDay(spec: ChartSpec, hours: number): number {
  return (spec.clockOriginDay ?? 0) + Math.floor(hours / 24 + 1e-9);
}

/** Escapes text for SVG content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Size and margins of the exported SVG, px. */
const SVG = { width: 860, height: 470, left: 72, right: 24, rightAxis: 72, top: 56, bottom: 122 } as const;

interface Frame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly view: ChartView;
}

/** Left margin: room for the y tick labels, more for the row names of a timeline (about 7 px a character). */
function leftMargin(spec: ChartSpec): number {
  if (!spec.categories || spec.categories.length === 0) return SVG.left;
  return Math.max(SVG.left, 16 + 7 * Math.max(...spec.categories.map((c) => c.length)));
}

function frameOf(spec: ChartSpec, view: ChartView): Frame {
  return {
    left: leftMargin(spec),
    right: SVG.width - (usesRightAxis(spec) ? SVG.rightAxis : SVG.right),
    top: SVG.top,
    bottom: SVG.height - SVG.bottom,
    view,
  };
}

function px(f: Frame, x: number): number {
  return f.left + ((x - f.view.xMin) / (f.view.xMax - f.view.xMin || 1)) * (f.right - f.left);
}

function py(f: Frame, y: number, axis: SeriesSpec['axis']): number {
  const [min, max] =
    axis === 'right'
      ? [f.view.y2Min ?? f.view.yMin, f.view.y2Max ?? f.view.yMax]
      : [f.view.yMin, f.view.yMax];
  return f.bottom - ((y - min) / (max - min || 1)) * (f.bottom - f.top);
}

const r1 = (v: number): string => v.toFixed(1);

/** Runs of consecutive non-null points, as "x,y" pairs in SVG coordinates. */
function polylineRuns(spec: ChartSpec, s: SeriesSpec, f: Frame): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  spec.x.forEach((x, i) => {
    const v = s.values[i];
    if (v === null || v === undefined) {
      if (!s.spanGaps && current.length > 0) {
        runs.push(current);
        current = [];
      }
      return;
    }
    current.push(`${r1(px(f, x))},${r1(py(f, v, s.axis))}`);
  });
  if (current.length > 0) runs.push(current);
  return runs;
}

function seriesSvg(spec: ChartSpec, s: SeriesSpec, f: Frame): string {
  const dash = s.dash && s.dash.length > 0 ? ` stroke-dasharray="${s.dash.join(' ')}"` : '';
  if (s.style === 'points') {
    return spec.x
      .map((x, i) => {
        const v = s.values[i];
        if (v === null || v === undefined) return '';
        return `<circle cx="${r1(px(f, x))}" cy="${r1(py(f, v, s.axis))}" r="3.5" fill="${s.color}"/>`;
      })
      .join('');
  }
  return polylineRuns(spec, s, f)
    .map(
      (run) =>
        `<polyline fill="none" stroke="${s.color}" stroke-width="${s.width ?? 2}"${dash} ` +
        `stroke-linejoin="round" points="${run.join(' ')}"/>`,
    )
    .join('');
}

function bandSvg(spec: ChartSpec, band: BandSpec, f: Frame): string {
  const upper = spec.series[band.upper];
  const lower = spec.series[band.lower];
  if (!upper || !lower) return '';
  const top: string[] = [];
  const bottom: string[] = [];
  spec.x.forEach((x, i) => {
    const u = upper.values[i];
    const l = lower.values[i];
    if (u === null || l === null || u === undefined || l === undefined) return;
    top.push(`${r1(px(f, x))},${r1(py(f, u, upper.axis))}`);
    bottom.unshift(`${r1(px(f, x))},${r1(py(f, l, lower.axis))}`);
  });
  if (top.length === 0) return '';
  return `<polygon fill="${band.fill}" stroke="none" points="${[...top, ...bottom].join(' ')}"/>`;
}

function bandsSvg(spec: ChartSpec, f: Frame): string {
  return (spec.bands ?? []).map((band) => bandSvg(spec, band, f)).join('');
}

function shadingSvg(spec: ChartSpec, f: Frame): string {
  return (spec.shading ?? [])
    .filter((s) => s.to > f.view.xMin && s.from < f.view.xMax)
    .map((s) => {
      const x0 = px(f, Math.max(s.from, f.view.xMin));
      const x1 = px(f, Math.min(s.to, f.view.xMax));
      return `<rect x="${r1(x0)}" y="${f.top}" width="${r1(x1 - x0)}" height="${f.bottom - f.top}" fill="${s.color}"><title>${xmlEscape(s.label)}</title></rect>`;
    })
    .join('');
}

function yTickLabel(spec: ChartSpec, v: number): string {
  if (spec.categories) return spec.categories[v - 1] ?? '';
  return formatNumber(v);
}

function axesSvg(spec: ChartSpec, f: Frame): string {
  const { view } = f;
  const parts: string[] = [];
  const xTicks =
    spec.xFormat === 'clock'
      ? ticksWithSteps(view.xMin, view.xMax, 8, CLOCK_STEPS_H)
      : niceTicks(view.xMin, view.xMax, 8, spec.xFormat === 'day' ? 1 : 0);
  for (const t of xTicks) {
    const x = r1(px(f, t));
    parts.push(`<line x1="${x}" x2="${x}" y1="${f.top}" y2="${f.bottom}" stroke="#e3e3e3"/>`);
    parts.push(
      `<text x="${x}" y="${f.bottom + 18}" text-anchor="middle">${xmlEscape(formatX(t, spec.xFormat))}</text>`,
    );
  }
  const yTicks = spec.categories ? spec.categories.map((_, i) => i + 1) : niceTicks(view.yMin, view.yMax, 6);
  for (const t of yTicks) {
    const y = r1(py(f, t, 'left'));
    parts.push(`<line x1="${f.left}" x2="${f.right}" y1="${y}" y2="${y}" stroke="#e3e3e3"/>`);
    parts.push(
      `<text x="${f.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${xmlEscape(yTickLabel(spec, t))}</text>`,
    );
  }
  if (usesRightAxis(spec) && view.y2Min !== undefined && view.y2Max !== undefined) {
    for (const t of niceTicks(view.y2Min, view.y2Max, 6)) {
      const y = r1(py(f, t, 'right'));
      parts.push(
        `<text x="${f.right + 8}" y="${y}" dominant-baseline="middle">${xmlEscape(formatNumber(t))}</text>`,
      );
    }
  }
  parts.push(
    `<rect x="${f.left}" y="${f.top}" width="${f.right - f.left}" height="${f.bottom - f.top}" fill="none" stroke="#888"/>`,
  );
  const midY = (f.top + f.bottom) / 2;
  parts.push(
    `<text x="${(f.left + f.right) / 2}" y="${f.bottom + 40}" text-anchor="middle">${xmlEscape(spec.xLabel)}</text>`,
    `<text transform="translate(16 ${midY}) rotate(-90)" text-anchor="middle">${xmlEscape(spec.yLabel)}</text>`,
  );
  if (spec.y2Label && usesRightAxis(spec)) {
    parts.push(
      `<text transform="translate(${SVG.width - 12} ${midY}) rotate(90)" text-anchor="middle">${xmlEscape(spec.y2Label)}</text>`,
    );
  }
  return parts.join('');
}

function markersSvg(spec: ChartSpec, f: Frame): string {
  return (spec.markers ?? [])
    .filter((m) => m.x >= f.view.xMin && m.x <= f.view.xMax)
    .map((m) => {
      const x = r1(px(f, m.x));
      return (
        `<line x1="${x}" x2="${x}" y1="${f.top}" y2="${f.bottom}" stroke="${m.color}" stroke-dasharray="4 3"/>` +
        `<path d="M${x} ${f.top} l-5 -8 h10 z" fill="${m.color}"><title>${xmlEscape(m.label)}</title></path>`
      );
    })
    .join('');
}

function legendSvg(spec: ChartSpec): string {
  let x = SVG.left;
  const y = SVG.height - 52;
  const shades = shadeKinds(spec).map((k) => {
    const item =
      `<rect x="${x}" y="${y - 6}" width="18" height="12" fill="${k.color}" stroke="#bbb"/>` +
      `<text x="${x + 24}" y="${y}" dominant-baseline="middle">${xmlEscape(k.label)}</text>`;
    x += 34 + k.label.length * 7;
    return item;
  });
  return spec.series
    .map((s) => {
      const swatch =
        s.style === 'points'
          ? `<circle cx="${x + 9}" cy="${y}" r="4" fill="${s.color}"/>`
          : `<line x1="${x}" x2="${x + 18}" y1="${y}" y2="${y}" stroke="${s.color}" stroke-width="3"${
              s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : ''
            }/>`;
      const item = `${swatch}<text x="${x + 24}" y="${y}" dominant-baseline="middle">${xmlEscape(s.label)}</text>`;
      x += 34 + s.label.length * 7;
      return item;
    })
    .concat(shades)
    .join('');
}

function contextSvg(context: ExportContext | undefined): string {
  if (!context) return '';
  return `<text x="${SVG.left}" y="${SVG.height - 16}" fill="#555" font-size="11">${xmlEscape(context.caption)}</text>`;
}

/**
 * The chart as a standalone SVG document at the given view (the on-screen zoom): title, grid, ticks, axis
 * labels, the shading, the band, each series (gaps kept), the markers, a legend and, when given, the line saying
 * which run it comes from. Vector, so it scales for print.
 */
export function chartSvg(spec: ChartSpec, view: ChartView, context?: ExportContext): string {
  const f = frameOf(spec, view);
  const clipId = `clip-${spec.id}`;
  const subtitle = spec.subtitle
    ? `<text x="${SVG.left}" y="42" fill="#555" font-size="11">${xmlEscape(spec.subtitle)}</text>`
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SVG.width}" height="${SVG.height}" `,
    `viewBox="0 0 ${SVG.width} ${SVG.height}" font-family="system-ui, sans-serif" font-size="12" fill="#222">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${SVG.left}" y="24" font-size="16" font-weight="600">${xmlEscape(spec.title)}</text>`,
    subtitle,
    `<clipPath id="${clipId}"><rect x="${f.left}" y="${f.top}" width="${f.right - f.left}" height="${f.bottom - f.top}"/></clipPath>`,
    axesSvg(spec, f),
    `<g clip-path="url(#${clipId})">`,
    shadingSvg(spec, f),
    bandsSvg(spec, f),
    ...spec.series.map((s) => seriesSvg(spec, s, f)),
    `</g>`,
    markersSvg(spec, f),
    legendSvg(spec),
    contextSvg(context),
    `</svg>`,
  ].join('');
}

function fileSafe(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * A file name from a chart id, an extension and, when given, what it comes from (a run's name):
 * `endotwin-igf1-daily.png`, `endotwin-sermorelin-300-mcg-nightly-igf1-daily.png`.
 */
export function exportFileName(id: string, extension: string, stem?: string): string {
  const from = stem ? fileSafe(stem) : '';
  return `endotwin-${from ? `${from}-` : ''}${id.replace(/[^a-z0-9-]+/gi, '-')}.${extension}`;
}

/** Makes the browser download `blob` as `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
