// SPDX-License-Identifier: MIT
/**
 * A patient's dosing history from a NONMEM-style CSV: the EVID = 1 rows of one ID become dose records, then
 * regimen lines (the scenario's own `regimen` shape), so the history can be simulated or extended. Doses that
 * repeat at one clock time with a constant spacing of days become one line (`days: { every: k }`).
 */
import type { DrugName, Route } from '../../physiology/drug-catalog.js';
import { MIN_PER_DAY } from '../../protocol/clock.js';
import { Regimen, type DoseRecord } from '../../protocol/regimen.js';
import { ScenarioError } from '../../scenario/parse.js';
import type { RegimenLine } from '../../scenario/schema.js';
import { COMPARTMENTS, MISSING } from './columns.js';

/** Options of {@link dosingFromNonmem}. */
export interface DosingImportOptions {
  /** The subject to read; may be left out when the file holds one ID only. */
  readonly id?: number;
}

/** What a dosing history reads into. */
export interface DosingHistory {
  readonly id: number;
  /** The administrations, in time order (`line` is the index of the regimen line each became). */
  readonly doses: readonly DoseRecord[];
  /** The regimen lines, checked by `Regimen.of`. */
  readonly regimen: readonly RegimenLine[];
}

const REQUIRED = ['ID', 'TIME', 'EVID', 'AMT', 'CMT'] as const;

function fail(path: string, message: string): never {
  throw new ScenarioError([{ path, message }]);
}

/** The header's column positions (case-insensitive), checking the required ones. */
function columnIndex(header: readonly string[]): Map<string, number> {
  const index = new Map(header.map((name, i) => [name.trim().toUpperCase(), i]));
  for (const name of REQUIRED) {
    if (!index.has(name))
      fail('line 1', `the header has no ${name} column; required: ${REQUIRED.join(', ')}`);
  }
  return index;
}

/** A numeric cell; `.` reads as missing (null). */
function numberCell(cells: readonly string[], index: Map<string, number>, column: string, line: number) {
  const i = index.get(column);
  const raw = i === undefined ? MISSING : (cells[i] ?? '').trim();
  if (raw === MISSING || raw === '') return null;
  const value = Number(raw);
  if (!Number.isFinite(value)) fail(`line ${line}, ${column}`, `must be a number or ".", got "${raw}"`);
  return value;
}

/** Minutes from hours, whole minutes only (regimen clock times are whole minutes). */
function wholeMinutes(timeH: number, line: number): number {
  const minutes = timeH * 60;
  const rounded = Math.round(minutes);
  if (Math.abs(minutes - rounded) > 1e-6 || rounded < 0) {
    fail(`line ${line}, TIME`, `must be a whole minute at or after 0 (in hours), got ${timeH}`);
  }
  return rounded;
}

interface DoseRow {
  readonly line: number;
  readonly id: number;
  readonly t_min: number;
  readonly drug: DrugName;
  readonly route: Route;
  readonly amount_mcg: number;
  readonly over_min: number;
}

function doseRowOf(cells: readonly string[], index: Map<string, number>, line: number): DoseRow {
  const get = (column: string) => numberCell(cells, index, column, line);
  const id = get('ID');
  const time = get('TIME');
  const amount = get('AMT');
  const cmt = get('CMT');
  const rate = get('RATE') ?? 0;
  if (id === null) fail(`line ${line}, ID`, 'is missing');
  if (time === null) fail(`line ${line}, TIME`, 'is missing');
  if (amount === null || amount <= 0)
    fail(`line ${line}, AMT`, `must be a positive amount in mcg, got ${amount}`);
  const compartment = COMPARTMENTS.find((c) => c.cmt === cmt);
  if (compartment === undefined) {
    fail(
      `line ${line}, CMT`,
      `must be a compartment code 1–${COMPARTMENTS.length} (see the dictionary), got ${cmt}`,
    );
  }
  if (rate < 0) fail(`line ${line}, RATE`, `must be 0 (bolus) or a positive rate in mcg/h, got ${rate}`);
  const overMin = rate === 0 ? 0 : Math.round(((amount / rate) * 60 + Number.EPSILON) * 1e6) / 1e6;
  return {
    line,
    id,
    t_min: wholeMinutes(time, line),
    drug: compartment.drug,
    route: compartment.route,
    amount_mcg: amount,
    over_min: overMin,
  };
}

/** The dose rows (EVID = 1) of the file, all IDs. */
function doseRows(text: string): DoseRow[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const index = columnIndex(header);
  const rows: DoseRow[] = [];
  lines.slice(1).forEach((raw, k) => {
    const line = k + 2;
    if (raw.trim() === '') return;
    const cells = raw.split(',');
    const evid = numberCell(cells, index, 'EVID', line);
    if (evid === 1) rows.push(doseRowOf(cells, index, line));
  });
  return rows;
}

const clock = (minuteOfDay: number): string =>
  `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;

/** Splits sorted days into runs with one spacing: [0,1,2,3,7,14] → [0..3 every 1], [7,14 every 7]. */
function runsOf(days: readonly number[]): { start: number; every: number; count: number }[] {
  const runs: { start: number; every: number; count: number }[] = [];
  let i = 0;
  while (i < days.length) {
    const every = i + 1 < days.length ? days[i + 1] - days[i] : 1;
    let count = 1;
    while (i + count < days.length && days[i + count] - days[i + count - 1] === every) count++;
    runs.push({ start: days[i], every, count });
    i += count;
  }
  return runs;
}

/** Regimen lines reproducing a list of administrations (each repeated dose pattern one line). */
export function regimenFromDoses(doses: readonly Omit<DoseRecord, 'line'>[]): RegimenLine[] {
  const groups = new Map<string, { dose: Omit<DoseRecord, 'line'>; days: number[] }>();
  for (const dose of doses) {
    const minute = dose.t_min % MIN_PER_DAY;
    const key = [dose.drug, dose.route, dose.amount_mcg, dose.over_min, minute].join('|');
    const group = groups.get(key) ?? { dose, days: [] };
    group.days.push(Math.floor(dose.t_min / MIN_PER_DAY));
    groups.set(key, group);
  }
  const lines: RegimenLine[] = [];
  for (const { dose, days } of groups.values()) {
    for (const run of runsOf([...new Set(days)].sort((a, b) => a - b))) {
      lines.push({
        drug: dose.drug,
        dose: { amount: dose.amount_mcg, unit: 'mcg' },
        over_min: dose.over_min,
        route: dose.route,
        at: clock(dose.t_min % MIN_PER_DAY),
        days: { every: run.every },
        start_day: run.start,
        end_day: run.start + (run.count - 1) * run.every + 1,
      });
    }
  }
  return lines.sort((a, b) => a.start_day - b.start_day || String(a.at).localeCompare(String(b.at)));
}

/**
 * The dosing history of one subject of a NONMEM-style CSV (header with at least ID, TIME in hours, EVID, AMT in
 * mcg and CMT coded as in endotwin's dictionary; RATE in mcg/h when there are infusions).
 * @throws ScenarioError naming the line and column of a bad cell, or `id` when it is missing or ambiguous.
 */
export function dosingFromNonmem(text: string, options: DosingImportOptions = {}): DosingHistory {
  const rows = doseRows(text);
  const ids = [...new Set(rows.map((r) => r.id))];
  let id = options.id;
  if (id === undefined) {
    if (ids.length !== 1) {
      fail(
        'id',
        `the file has dose rows for ${ids.length} IDs (${ids.slice(0, 10).join(', ')}…); choose one`,
      );
    }
    id = ids[0];
  } else if (!ids.includes(id)) {
    fail('id', `no dose rows (EVID = 1) for ID ${id}; IDs with doses: ${ids.slice(0, 20).join(', ')}`);
  }
  const mine = rows.filter((r) => r.id === id).sort((a, b) => a.t_min - b.t_min);
  const regimen = Regimen.of(regimenFromDoses(mine)).lines;
  const durationDays = Math.floor(Math.max(...mine.map((d) => d.t_min)) / MIN_PER_DAY) + 1;
  const doses = Regimen.of(regimen).expand({
    durationDays,
    bedtime: '23:00',
    startWeekday: 'mon',
    weightKg: 70,
  });
  return { id, doses, regimen };
}
