// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { chartCsv, chartSvg, csvField, exportFileName, xmlEscape } from './export.js';
import type { ChartSpec, ChartView } from './spec.js';

const SPEC: ChartSpec = {
  id: 'igf1-daily',
  title: 'IGF-1 <over> the days & "more"',
  x: [0, 1, 2, 3],
  xLabel: 'day',
  xFormat: 'day',
  yLabel: 'IGF-1 (ng/mL)',
  series: [
    { label: 'IGF-1, morning', values: [100, null, 120, 130], color: '#0072B2' },
    { label: 'upper', values: [200, 200, 200, 200], color: '#7a9a7a', dash: [5, 4] },
    { label: 'lower', values: [50, 50, 50, 50], color: '#7a9a7a' },
  ],
  bands: [{ upper: 1, lower: 2, fill: 'rgba(0,0,0,0.1)' }],
  markers: [{ x: 1.5, label: 'dose <1>', color: '#b23a48' }],
};
const VIEW: ChartView = { xMin: 0, xMax: 3, yMin: 0, yMax: 250 };

describe('csvField', () => {
  it('quotes fields with commas, quotes or line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('chartCsv', () => {
  it('writes a header and one row per x, empty fields for gaps, full precision', () => {
    const csv = chartCsv({
      ...SPEC,
      series: [{ ...SPEC.series[0], values: [100.123456789, null, 120, 130] }],
    });
    expect(csv).toBe('day,"IGF-1, morning"\n0,100.123456789\n1,\n2,120\n3,130\n');
  });

  it('writes category names for a timeline', () => {
    const csv = chartCsv({
      id: 'events',
      title: 'Events',
      x: [0.5, 1],
      xLabel: 'day',
      yLabel: '',
      categories: ['dose: sermorelin', 'alert'],
      series: [
        { label: 'dose: sermorelin', values: [1, null], color: '#000', style: 'points' },
        { label: 'alert', values: [null, 2], color: '#f00', style: 'points' },
      ],
    });
    expect(csv).toBe('day,dose: sermorelin,alert\n0.5,dose: sermorelin,\n1,,alert\n');
  });
});

/** Numbers of an SVG `points` attribute, as [x, y] pairs. */
function points(attribute: string): number[][] {
  return attribute.split(' ').map((pair) => pair.split(',').map(Number));
}

describe('chartSvg', () => {
  const svg = chartSvg(SPEC, VIEW);

  it('is one svg element with escaped text', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('IGF-1 &lt;over&gt; the days &amp; &quot;more&quot;');
    expect(svg).toContain('<title>dose &lt;1&gt;</title>');
    expect(svg).not.toContain('<over>');
  });

  it('splits a line at a gap and maps the view onto the plot frame', () => {
    const lines = [...svg.matchAll(/<polyline[^>]*stroke="#0072B2"[^>]*points="([^"]+)"/g)].map((m) =>
      points(m[1]),
    );
    // 100 at day 0 alone, then 120 and 130: two pieces.
    expect(lines.map((l) => l.length)).toEqual([1, 2]);
    // Frame: x from 72 to 836 px, y from 348 (value 0) up to 56 (value 250).
    expect(lines[0][0]).toEqual([72, 348 - (100 / 250) * 292]);
    expect(lines[1][1]).toEqual([836, Number((348 - (130 / 250) * 292).toFixed(1))]);
  });

  it('fills the band between its two series and draws dashes and markers', () => {
    const band = /<polygon fill="rgba\(0,0,0,0.1\)"[^>]*points="([^"]+)"/.exec(svg);
    expect(band).not.toBeNull();
    const corners = points(band?.[1] ?? '');
    expect(corners).toHaveLength(8); // 4 upper points, then 4 lower points backwards
    expect(corners[0]).toEqual([72, Number((348 - (200 / 250) * 292).toFixed(1))]);
    expect(corners[7]).toEqual([72, Number((348 - (50 / 250) * 292).toFixed(1))]);
    expect(svg).toContain('stroke-dasharray="5 4"');
    expect(svg).toContain(`x1="${(72 + 1.5 * (764 / 3)).toFixed(1)}"`);
  });

  it('leaves out markers outside the zoomed view', () => {
    expect(chartSvg(SPEC, { ...VIEW, xMin: 2 })).not.toContain('<title>dose');
  });

  it('labels category ticks by name', () => {
    const timeline = chartSvg(
      {
        id: 'events',
        title: 'Events',
        x: [0, 1],
        xLabel: 'day',
        yLabel: '',
        categories: ['dose: rhgh'],
        series: [{ label: 'dose: rhgh', values: [1, 1], color: '#000', style: 'points' }],
      },
      { xMin: 0, xMax: 1, yMin: 0.5, yMax: 1.5 },
    );
    expect(timeline).toContain('>dose: rhgh</text>');
    expect((timeline.match(/<circle /g) ?? []).length).toBe(2 + 1); // two points and one legend swatch
  });
});

describe('xmlEscape and exportFileName', () => {
  it('escape markup and make safe file names', () => {
    expect(xmlEscape('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(exportFileName('compare gh/profile', 'svg')).toBe('endotwin-compare-gh-profile.svg');
  });
});

describe('exports carry context', () => {
  it('writes a clock axis as the day and HH:MM', () => {
    const csv = chartCsv({ ...SPEC, xFormat: 'clock', clockOriginDay: 3, x: [12, 23.5, 24.25, 35.999] });
    expect(csv.split('\n').map((row) => row.split(',').slice(0, 2).join(','))).toEqual([
      'day,clock time (HH:MM)',
      '3,12:00',
      '3,23:30',
      '4,00:15',
      '4,12:00',
      '',
    ]);
  });

  it('names the run in file names and puts the caption in the SVG', () => {
    expect(exportFileName('igf1-daily', 'png', 'Sermorelin 300 mcg, 5 on/2 off 1a2b3c4d')).toBe(
      'endotwin-sermorelin-300-mcg-5-on-2-off-1a2b3c4d-igf1-daily.png',
    );
    const svg = chartSvg(SPEC, VIEW, { caption: 'run A · seed 42 · model m1', fileStem: 'a' });
    expect(svg).toContain('>run A · seed 42 · model m1</text>');
  });
});
