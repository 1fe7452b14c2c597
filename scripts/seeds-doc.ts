// SPDX-License-Identifier: MIT
/**
 * Writes docs/seeds.md: the claims of the documents the project started from, each beside what the model
 * simulates for the same regimen, with figures (SVG under docs/figures/). Every number on the page comes from a
 * run of `simulate` made by this script, so the page shows the model as it stands.
 *
 * Usage: `npx tsx scripts/seeds-doc.ts`. `test/seeds-doc.test.ts` regenerates the page and fails when it differs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { parseScenario } from '../src/protocol/parse-scenario.js';
import { readDocument } from '../src/scenario/parse.js';
import type { DailyRow, Result } from '../src/scenario/result.js';
import { simulate } from '../src/simulate/index.js';

/** The page this script writes, and the folder of its figures. */
export const DOC = fileURLToPath(new URL('../docs/seeds.md', import.meta.url));
const FIGURES = join(dirname(DOC), 'figures');
const TYPICAL_PROTOCOL = fileURLToPath(new URL('../examples/typical-protocol.yaml', import.meta.url));

/** The man every long-term arm simulates: the seeds' typical candidate, 60 years old, overweight, untreated. */
const MAN_60 = { age_years: 60, sex: 'male', weight_kg: 90, height_cm: 178, body_fat_pct: 28 } as const;

interface Line {
  label: string;
  x: number[];
  y: (number | null)[];
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#17becf', '#7f7f7f'];

/** A small line chart as SVG text: axes with five ticks each, one polyline per line, a legend. */
function lineChart(title: string, xLabel: string, yLabel: string, lines: Line[]): string {
  const width = 640;
  const height = 360;
  const left = 64;
  const right = 170;
  const top = 36;
  const bottom = 48;
  const xs = lines.flatMap((l) => l.x);
  const ys = lines.flatMap((l) => l.y.filter((v): v is number => v !== null));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const pad = (Math.max(...ys) - Math.min(...ys)) * 0.05 || 1;
  const [y0, y1] = [Math.min(...ys) - pad, Math.max(...ys) + pad];
  const px = (x: number): number => left + ((x - x0) / (x1 - x0 || 1)) * (width - left - right);
  const py = (y: number): number => height - bottom - ((y - y0) / (y1 - y0)) * (height - top - bottom);
  const ticks = (a: number, b: number): number[] => [0, 1, 2, 3, 4].map((i) => a + ((b - a) * i) / 4);
  const label = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="20" font-size="14">${title}</text>`,
    `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="black"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="black"/>`,
    ...ticks(x0, x1).map(
      (v) =>
        `<text x="${px(v).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${label(v)}</text>`,
    ),
    ...ticks(y0, y1).map(
      (v) => `<text x="${left - 6}" y="${(py(v) + 4).toFixed(1)}" text-anchor="end">${label(v)}</text>`,
    ),
    `<text x="${(left + width - right) / 2}" y="${height - 10}" text-anchor="middle">${xLabel}</text>`,
    `<text x="14" y="${(top + height - bottom) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(top + height - bottom) / 2})">${yLabel}</text>`,
  ];
  lines.forEach((line, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = line.x
      .map((x, k) => (line.y[k] === null ? null : `${px(x).toFixed(1)},${py(line.y[k]).toFixed(1)}`))
      .filter((p): p is string => p !== null)
      .join(' ');
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="1.5" points="${points}"/>`);
    const ly = top + 14 + i * 18;
    parts.push(
      `<line x1="${width - right + 10}" y1="${ly - 4}" x2="${width - right + 28}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"/>`,
    );
    parts.push(`<text x="${width - right + 32}" y="${ly}">${line.label}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

const figures = new Map<string, string>();

/** Records a figure to write and returns the Markdown that shows it. */
function figure(file: string, alt: string, svg: string): string {
  figures.set(file, svg);
  return `![${alt}](figures/${file})`;
}

/** Runs one scenario document through the whole simulation. */
function run(doc: Record<string, unknown>): Result {
  return simulate(parseScenario({ schema: 'endotwin/scenario/v1', seed: 11, ...doc }));
}

const fmt = (v: number | null | undefined, digits = 1): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
const signed = (v: number | null | undefined, digits = 1): string =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '—'
    : `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;
const dailyLine = (label: string, result: Result, field: keyof DailyRow, everyDays = 1): Line => {
  const rows = result.daily.filter((r) => r.day % everyDays === 0);
  return { label, x: rows.map((r) => r.day), y: rows.map((r) => (r[field] as number | null) ?? null) };
};

/** Seeds claim 1: sermorelin 200–500 mcg nightly, five days on and two off against every night. */
function sermorelinSection(): string {
  const arms: { dose: number; days?: { on: number; off: number } }[] = [];
  for (const dose of [200, 300, 500]) {
    arms.push({ dose, days: { on: 5, off: 2 } });
    arms.push({ dose });
  }
  const results = arms.map((arm) =>
    run({
      name: `sermorelin ${arm.dose} mcg`,
      duration_days: 182,
      patient: MAN_60,
      regimen: [
        {
          drug: 'sermorelin',
          dose: { amount: arm.dose, unit: 'mcg' },
          route: 'sc',
          at: 'bedtime',
          ...(arm.days ? { days: arm.days } : {}),
        },
      ],
    }),
  );
  const name = (i: number): string => `${arms[i].dose} mcg ${arms[i].days ? '5-on/2-off' : 'daily'}`;
  const rows = results.map((r, i) => {
    const e = r.endpoints;
    return `| ${name(i)} | ${signed(e.gh_mean_change_pct)} | ${signed(e.igf1_change_pct)} | ${fmt(r.daily.at(-1)?.igf1_sds, 2)} | ${signed(e.lean_mass_change_kg, 2)} | ${signed(e.fat_mass_change_kg, 2)} | ${signed(e.homa_ir_change_pct)} |`;
  });
  const chart = figure(
    'seeds-sermorelin-igf1.svg',
    'IGF-1 by day under sermorelin 200, 300 and 500 mcg at bedtime, daily and 5-on/2-off',
    lineChart(
      'IGF-1 under nightly sermorelin, 60-year-old man',
      'day',
      'IGF-1 (ng/mL, morning draw)',
      results.map((r, i) => dailyLine(name(i), r, 'igf1_ng_ml', 7)),
    ),
  );
  return [
    '## Sermorelin 200–500 mcg at bedtime: five days on and two off, or every night',
    '',
    'The seeds: sermorelin 200–500 mcg a day by subcutaneous injection at bedtime, titrated on IGF-1, often given',
    'five days on and two days off so that the pituitary keeps its response; GH and IGF-1 rise, lean mass grows',
    'and fat falls over months.',
    '',
    `The model, for a 60-year-old man (${MAN_60.weight_kg} kg, ${MAN_60.height_cm} cm, ${MAN_60.body_fat_pct} % body fat) over 26 weeks;`,
    'changes are against his untreated week before the first dose (the endpoints of SCENARIO.md):',
    '',
    '| regimen | mean GH (%) | IGF-1 (%) | IGF-1 SDS at the end | lean mass (kg) | fat mass (kg) | HOMA-IR (%) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    chart,
    '',
  ].join('\n');
}

/** Seeds claim 2: three metabolic phases (mobilisation, body-composition shift, metabolic stabilisation). */
function phasesSection(): string {
  // The regimen text form (SCENARIO.md) keeps each arm to one line.
  const regimens: { label: string; line: string[] }[] = [
    { label: 'rhGH 0.4 mg daily', line: ['rhgh 0.4 mg sc at 21:00 daily'] },
    { label: 'sermorelin 300 mcg 5/2', line: ['sermorelin 300 mcg sc at bedtime 5on2off'] },
    { label: 'tesamorelin 2 mg daily', line: ['tesamorelin 2 mg sc at 21:00 daily'] },
    {
      label: 'CJC-1295 + ipamorelin 5/2',
      line: ['cjc1295_nodac 100 mcg sc at bedtime 5on2off', 'ipamorelin 200 mcg sc at bedtime 5on2off'],
    },
  ];
  const patient = { ...MAN_60, weight_kg: 102, body_fat_pct: 33, visceral_fat_cm2: 210 };
  const results = regimens.map((r) => run({ name: r.label, duration_days: 364, patient, regimen: r.line }));
  // An untreated twin run is the control: its own drift (the untreated state is not exactly steady at day 0)
  // cancels, as a placebo arm's does in a trial.
  const control = run({ name: 'untreated', duration_days: 364, patient, regimen: [] });
  const at = (r: Result, day: number, field: keyof DailyRow): number | null =>
    r.daily.find((row) => row.day === day)?.[field] ?? null;
  const pct = (r: Result, day: number, field: keyof DailyRow): number | null => {
    const base = at(control, day, field);
    const now = at(r, day, field);
    return base === null || now === null || base === 0 ? null : (100 * (now - base)) / base;
  };
  const rows = results.map((r, i) => {
    const phase = [7, 28, 91, 182, 363].map((d) => signed(pct(r, d, 'insulin_sensitivity_si'))).join(' | ');
    return `| ${regimens[i].label} | ${phase} | ${signed(pct(r, 363, 'visceral_fat_cm2'))} | ${signed(pct(r, 91, 'ffa_mean_mmol_l'))} |`;
  });
  const si = (r: Result, day: number): number => pct(r, day, 'insulin_sensitivity_si') ?? Number.NaN;
  const phases = results.map((r, i) => {
    const first = Math.min(si(r, 7), si(r, 28)) < 0;
    const third = si(r, 363) > 0;
    const shape =
      first && third
        ? 'all three phases'
        : first
          ? 'the first phase only'
          : third
            ? 'no first phase (insulin sensitivity is better from the first week)'
            : 'neither phase';
    return `${regimens[i].label}: ${shape}`;
  });
  const chart = figure(
    'seeds-phases-si.svg',
    'Insulin sensitivity over a year under four regimens',
    lineChart(
      'Insulin sensitivity S_I, 60-year-old man with abdominal obesity',
      'day',
      'S_I (10⁻⁴ min⁻¹ per µU/mL)',
      results.map((r, i) => dailyLine(regimens[i].label, r, 'insulin_sensitivity_si', 7)),
    ),
  );
  return [
    '## The three metabolic phases',
    '',
    'The seeds: weeks 1–4 mobilise fat (more lipolysis and fatty acids, insulin sensitivity worse), months 2–6',
    'shift body composition, and after 6 months insulin sensitivity ends better than before as visceral fat',
    'falls. Published trials support the first phase strongly (Bramnert 2003; Møller and Jørgensen 2009) and the',
    'third only for some regimens (Arafat 2010: low-dose GH in GH deficiency improved clamp insulin sensitivity at',
    '24 and 48 weeks; most trials of usual doses find none).',
    '',
    'The model, for a 60-year-old man with abdominal obesity (102 kg, 33 % fat, visceral fat 210 cm²): insulin',
    'sensitivity S_I, visceral fat at the end of the year and mean fatty acids at day 91, each against the same',
    'man left untreated on the same day:',
    '',
    '| regimen | S_I day 7 (%) | day 28 | day 91 | day 182 | day 363 | visceral fat (%) | FFA day 91 (%) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'What the model shows (first phase: insulin sensitivity below the untreated man’s at day 7 or 28; third',
    'phase: above it at the end of the year):',
    '',
    ...phases.map((p) => `- ${p}.`),
    '',
    'Where the model and the seeds differ, validation/REPORT.md holds the published cases that test it (Bramnert',
    '2003 for the first phase, Arafat 2010 for the third).',
    '',
    chart,
    '',
  ].join('\n');
}

/** Seeds claim 3: a GHRH analogue and a GH secretagogue together release more GH than the sum of each. */
function synergySection(): string {
  const young = { age_years: 25, sex: 'male', weight_kg: 75, height_cm: 180 };
  const bolus = (drug: string): Record<string, unknown> => ({
    drug,
    dose: { amount: 1, unit: 'mcg_per_kg' },
    route: 'iv',
    at: '08:00',
    start_day: 1,
    end_day: 2,
  });
  const arms: { label: string; regimen: Record<string, unknown>[] }[] = [
    { label: 'none', regimen: [] },
    { label: 'GHRH (sermorelin) 1 µg/kg', regimen: [bolus('sermorelin')] },
    { label: 'GHRP-6 1 µg/kg', regimen: [bolus('ghrp6')] },
    { label: 'both together', regimen: [bolus('sermorelin'), bolus('ghrp6')] },
  ];
  const from = 1440 + 8 * 60;
  const to = from + 180;
  const results = arms.map((a) =>
    run({
      name: a.label,
      duration_days: 2,
      patient: young,
      regimen: a.regimen,
      output: { sample_every_min: 2, series: ['gh_ug_l'], window_days: [1, 2] },
    }),
  );
  const auc = (r: Result): number => {
    const t = r.series.t_min;
    const gh = r.series.gh_ug_l;
    let sum = 0;
    for (let i = 1; i < t.length; i++) {
      if (t[i - 1] >= from && t[i] <= to) sum += ((gh[i] + gh[i - 1]) / 2) * (t[i] - t[i - 1]);
    }
    return sum / 60;
  };
  const peak = (r: Result): number =>
    Math.max(...r.series.gh_ug_l.filter((_, i) => r.series.t_min[i] >= from && r.series.t_min[i] <= to));
  const base = auc(results[0]);
  const excess = results.map((r) => auc(r) - base);
  const ratio = excess[3] / (excess[1] + excess[2]);
  const rows = results.map(
    (r, i) => `| ${arms[i].label} | ${fmt(peak(r))} | ${fmt(auc(r))} | ${fmt(excess[i])} |`,
  );
  const chart = figure(
    'seeds-synergy.svg',
    'GH after GHRH, GHRP-6 and both, young man',
    lineChart(
      'GH after IV boluses at 08:00, 25-year-old man',
      'minutes after 08:00',
      'GH (µg/L)',
      results.map((r, i) => {
        const keep = r.series.t_min.map((t) => t >= from - 30 && t <= to);
        return {
          label: arms[i].label,
          x: r.series.t_min.filter((_, k) => keep[k]).map((t) => t - from),
          y: r.series.gh_ug_l.filter((_, k) => keep[k]),
        };
      }),
    ),
  );
  return [
    '## GHRH with a GH secretagogue: synergy',
    '',
    'The seeds: CJC-1295 with ipamorelin is a synergistic pair. Human studies of GHRH with GHRP-6 or hexarelin',
    '(Bowers 1990; Arvat 1995 and later) find the GH released by both together well above the sum of each alone.',
    '',
    'The model, for a 25-year-old man given IV boluses at 08:00 (3-hour window after the bolus; excess over the',
    'untreated day):',
    '',
    '| arm | GH peak (µg/L) | GH AUC (µg·h/L) | excess AUC (µg·h/L) |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `Both together against the sum of each alone: ${fmt(ratio, 2)}× (above 1 is synergy; the published studies find about 2× or more).`,
    '',
    chart,
    '',
  ].join('\n');
}

/** Seeds claim 4: titration on IGF-1 from 200 to 500 mcg. */
function titrationSection(): string {
  const example = readDocument(readFileSync(TYPICAL_PROTOCOL, 'utf8')) as Record<string, unknown>;
  const result = run({ ...example, seed: 11 });
  const steps = result.events.filter((e) => e.kind === 'titration');
  const rows = steps.map((e) =>
    e.kind === 'titration'
      ? `| ${fmt(e.t_min / 1440, 0)} | ${e.from_mcg} → ${e.to_mcg} mcg | ${e.reason} |`
      : '',
  );
  const chart = figure(
    'seeds-titration-sds.svg',
    'IGF-1 SDS under IGF-1-guided sermorelin titration',
    lineChart('IGF-1 SDS, titrated sermorelin (target 0 to +1)', 'day', 'IGF-1 SDS', [
      dailyLine('IGF-1 SDS', result, 'igf1_sds'),
    ]),
  );
  const last = result.daily.at(-1);
  return [
    '## IGF-1-guided titration',
    '',
    'The seeds: start at 200 mcg and titrate on IGF-1 towards the upper-middle of the age band, up to 500 mcg.',
    '',
    'The model runs `examples/typical-protocol.yaml` as it is (a 60-year-old man whose IGF-1 starts at 95 ng/mL;',
    'every 28 days, by 100 mcg, towards IGF-1 SDS 0 to +1, 200–500 mcg). Dose steps:',
    '',
    '| day | dose | reason |',
    '| --- | --- | --- |',
    ...(rows.length > 0 ? rows : ['| — | no step | — |']),
    '',
    `At the end: IGF-1 ${fmt(last?.igf1_ng_ml, 0)} ng/mL, SDS ${fmt(last?.igf1_sds, 2)}.`,
    '',
    chart,
    '',
  ].join('\n');
}

/** Builds the whole page. */
export async function seedsDoc(): Promise<{ page: string; figures: Map<string, string> }> {
  figures.clear();
  const body = [
    '# The seeds’ claims beside the model',
    '',
    '<!-- Generated by scripts/seeds-doc.ts from runs of the model; do not edit by hand. -->',
    '',
    'The project began from five documents about GH peptide therapy (`shared/seeds/` of the design folder). This',
    'page puts their main claims beside what endotwin simulates for the same regimens, so a reader can see where',
    'the model agrees, where it does not, and where the claims rest on weak evidence. It is regenerated from the',
    'model by `npx tsx scripts/seeds-doc.ts`. A simulation of virtual patients for research and education; no dose',
    'here is advice.',
    '',
    sermorelinSection(),
    phasesSection(),
    synergySection(),
    titrationSection(),
  ].join('\n');
  const options = (await resolveConfig(DOC)) ?? {};
  return { page: await format(body, { ...options, parser: 'markdown' }), figures: new Map(figures) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { page, figures: svgs } = await seedsDoc();
  mkdirSync(FIGURES, { recursive: true });
  for (const [file, svg] of svgs) writeFileSync(join(FIGURES, file), svg);
  writeFileSync(DOC, page);
  console.error(`seeds-doc: wrote ${DOC} and ${svgs.size} figures`);
}
