// SPDX-License-Identifier: MIT
/**
 * Importing a real patient's laboratory results: the seven labs the scenario's `patient.labs` can hold, their LOINC
 * codes, accepted units and conversions to one canonical unit each, the plausible range of each (the ranges of
 * `patient.labs` in src/scenario/schema.ts), a CSV reader, and `baselineLabs` to turn a history into
 * `patient.labs`. The FHIR reader is in `fhir.ts`. No I/O: callers pass text or parsed JSON.
 *
 * Import is all or nothing: every problem in the input is collected and reported in one {@link LabImportError},
 * each with the path of the bad field, and nothing is returned.
 */
import type { Patient } from '../scenario/schema.js';
import { CsvSyntaxError, readCsv } from '../scenario/csv.js';
import type { CsvRecord } from '../scenario/csv.js';
import { parseCsvNumber } from './pulses/csv.js';
import {
  GLUCOSE_MG_DL_PER_MMOL_L,
  IGF1_NMOL_L_PER_NG_ML,
  INSULIN_PMOL_L_PER_UU_ML,
  TESTOSTERONE_NG_DL_PER_NMOL_L,
} from './units.js';

/** The labs that can be imported (names as in the scenario's monitoring list). */
export const IMPORTED_LABS = [
  'igf1',
  'glucose_fasting',
  'insulin_fasting',
  'lh',
  'fsh',
  'testosterone_total',
  'hba1c',
] as const;
export type ImportedLab = (typeof IMPORTED_LABS)[number];

/** The baseline labs of a scenario patient (`patient.labs`). */
export type PatientLabs = Patient['labs'];

/** One accepted unit: how it is written and how to convert a value in it to the canonical unit. */
interface UnitRule {
  /** The spelling shown in messages. */
  readonly label: string;
  /** Spellings accepted, compared after {@link unitKey} (case, µ/μ/u, spaces and UCUM brackets ignored). */
  readonly spellings: readonly string[];
  readonly toCanonical: (value: number) => number;
}

/** Everything known about one lab. */
export interface LabDefinition {
  readonly lab: ImportedLab;
  /** LOINC code (https://loinc.org). */
  readonly loinc: string;
  /** Human name used in messages and accepted in CSV files. */
  readonly display: string;
  /** Canonical unit of the normalised output. */
  readonly unit: string;
  /** The field of `patient.labs` it fills. */
  readonly patientField: keyof PatientLabs;
  /** Plausible range in the canonical unit: the range of `patient.labs` in src/scenario/schema.ts. */
  readonly range: readonly [min: number, max: number];
  readonly units: readonly UnitRule[];
}

const same = (x: number): number => x;

// IGF-1, glucose, insulin and testosterone conversions use the factors of `units.ts` (with their sources).
const hba1cPercentFromIfcc = (mmolPerMol: number): number => 0.0915 * mmolPerMol + 2.15; // NGSP % from IFCC

const gonadotropinUnits: readonly UnitRule[] = [
  { label: 'IU/L', spellings: ['iu/l', 'u/l'], toCanonical: same },
  { label: 'mIU/mL', spellings: ['miu/ml', 'mu/ml'], toCanonical: same },
];

/** The seven importable labs. Ranges must equal `patient.labs` in src/scenario/schema.ts (a test checks this). */
export const LAB_DEFINITIONS: Readonly<Record<ImportedLab, LabDefinition>> = {
  igf1: {
    lab: 'igf1',
    loinc: '2484-4',
    display: 'IGF-1',
    unit: 'ng/mL',
    patientField: 'igf1_ng_ml',
    range: [10, 1500],
    units: [
      { label: 'ng/mL', spellings: ['ng/ml', 'ug/l'], toCanonical: same },
      { label: 'nmol/L', spellings: ['nmol/l'], toCanonical: (x) => x / IGF1_NMOL_L_PER_NG_ML },
    ],
  },
  glucose_fasting: {
    lab: 'glucose_fasting',
    loinc: '1558-6',
    display: 'Fasting glucose',
    unit: 'mg/dL',
    patientField: 'glucose_fasting_mg_dl',
    range: [40, 500],
    units: [
      { label: 'mg/dL', spellings: ['mg/dl'], toCanonical: same },
      { label: 'mmol/L', spellings: ['mmol/l'], toCanonical: (x) => x * GLUCOSE_MG_DL_PER_MMOL_L },
    ],
  },
  insulin_fasting: {
    lab: 'insulin_fasting',
    loinc: '20448-7',
    display: 'Fasting insulin',
    unit: 'uU/mL',
    patientField: 'insulin_fasting_uU_ml',
    range: [0.5, 300],
    units: [
      { label: 'µU/mL', spellings: ['uu/ml', 'uiu/ml', 'mu/l', 'miu/l'], toCanonical: same },
      { label: 'pmol/L', spellings: ['pmol/l'], toCanonical: (x) => x / INSULIN_PMOL_L_PER_UU_ML },
    ],
  },
  lh: {
    lab: 'lh',
    loinc: '10501-5',
    display: 'LH',
    unit: 'IU/L',
    patientField: 'lh_iu_l',
    range: [0, 200],
    units: gonadotropinUnits,
  },
  fsh: {
    lab: 'fsh',
    loinc: '15067-2',
    display: 'FSH',
    unit: 'IU/L',
    patientField: 'fsh_iu_l',
    range: [0, 200],
    units: gonadotropinUnits,
  },
  testosterone_total: {
    lab: 'testosterone_total',
    loinc: '2986-8',
    display: 'Total testosterone',
    unit: 'ng/dL',
    patientField: 'testosterone_total_ng_dl',
    range: [5, 3000],
    units: [
      { label: 'ng/dL', spellings: ['ng/dl'], toCanonical: same },
      { label: 'nmol/L', spellings: ['nmol/l'], toCanonical: (x) => x * TESTOSTERONE_NG_DL_PER_NMOL_L },
      { label: 'ng/mL', spellings: ['ng/ml', 'ug/l'], toCanonical: (x) => x * 100 },
    ],
  },
  hba1c: {
    lab: 'hba1c',
    loinc: '4548-4',
    display: 'HbA1c',
    unit: '%',
    patientField: 'hba1c_pct',
    range: [3, 20],
    units: [
      { label: '%', spellings: ['%'], toCanonical: same },
      { label: 'mmol/mol', spellings: ['mmol/mol'], toCanonical: hba1cPercentFromIfcc },
    ],
  },
};

/** One imported result, in the canonical unit of its lab. */
export interface LabValue {
  /** ISO 8601: `YYYY-MM-DD`, or a UTC timestamp `YYYY-MM-DDTHH:MM:SS.sssZ` when a time was given. */
  readonly date: string;
  readonly lab: ImportedLab;
  readonly value: number;
  /** Canonical unit: ng/mL, mg/dL, uU/mL, IU/L, ng/dL or %. */
  readonly unit: string;
}

/** One problem in the input: the path of the bad field and what is wrong. */
export interface LabProblem {
  readonly path: string;
  readonly message: string;
}

/** Thrown when an import finds any problem; lists them all, one per line. */
export class LabImportError extends Error {
  override readonly name = 'LabImportError';
  constructor(readonly problems: readonly LabProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the lab import; nothing was imported:\n` +
        problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'),
    );
  }
}

/** Units compared without case, spaces or UCUM brackets, with µ (micro sign or Greek mu) written u. */
export function unitKey(unit: string): string {
  return unit
    .trim()
    .replace(/[\u00B5\u03BC]/g, 'u')
    .replace(/[[\]\s]/g, '')
    .toLowerCase();
}

const BY_LOINC = new Map(IMPORTED_LABS.map((lab) => [LAB_DEFINITIONS[lab].loinc, LAB_DEFINITIONS[lab]]));
const BY_NAME = new Map(
  IMPORTED_LABS.flatMap((lab) => [
    [lab, LAB_DEFINITIONS[lab]],
    [LAB_DEFINITIONS[lab].display.toLowerCase(), LAB_DEFINITIONS[lab]],
  ]),
);

/** The lab with this LOINC code, or undefined. */
export function labByLoinc(code: string): LabDefinition | undefined {
  return BY_LOINC.get(code.trim());
}

/** The lab named by a LOINC code, our name (`igf1`) or its display name (`IGF-1`), case-insensitive. */
export function labByCodeOrName(codeOrName: string): LabDefinition | undefined {
  return labByLoinc(codeOrName) ?? BY_NAME.get(codeOrName.trim().toLowerCase());
}

/** "2484-4 (IGF-1), 1558-6 (Fasting glucose), …": the supported codes, for messages. */
export function supportedLoincList(): string {
  return IMPORTED_LABS.map((lab) => `${LAB_DEFINITIONS[lab].loinc} (${LAB_DEFINITIONS[lab].display})`).join(
    ', ',
  );
}

/** The message for a unit a lab does not accept. */
export function unknownUnitMessage(unit: string, definition: LabDefinition): string {
  const allowed = definition.units.map((u) => u.label).join(', ');
  return `unknown unit '${unit}' for ${definition.display} (${definition.loinc}); allowed: ${allowed}`;
}

/**
 * Converts a value to the lab's canonical unit and checks it against the plausible range. Returns the canonical
 * value, or a problem message for `unit` or `value` (the field at fault).
 */
export function toCanonical(
  definition: LabDefinition,
  value: number,
  unit: string,
): { value: number } | { field: 'unit' | 'value'; message: string } {
  const rule = definition.units.find((u) => u.spellings.includes(unitKey(unit)));
  if (!rule) return { field: 'unit', message: unknownUnitMessage(unit, definition) };
  if (!Number.isFinite(value)) return { field: 'value', message: `${String(value)} is not a finite number` };
  const canonical = rule.toCanonical(value);
  const [min, max] = definition.range;
  if (canonical < min || canonical > max) {
    const shown = rule.toCanonical === same ? '' : ` (= ${+canonical.toPrecision(6)} ${definition.unit})`;
    return {
      field: 'value',
      message:
        `${value} ${rule.label}${shown} is outside the possible range for ${definition.display} ` +
        `(${definition.loinc}): ${min}–${max} ${definition.unit}`,
    };
  }
  return { value: canonical };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** True if year-month-day is a real calendar date. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Normalises an ISO 8601 date (`2024-03-05`) or date-time with a time zone (`2024-03-05T08:30:00+01:00`): a date
 * stays as it is, a date-time becomes UTC (`2024-03-05T07:30:00.000Z`). Returns an error message otherwise.
 */
export function normaliseDate(text: string): { date: string } | { message: string } {
  const trimmed = text.trim();
  const dateOnly = DATE_RE.exec(trimmed);
  const dateTime = DATE_TIME_RE.exec(trimmed);
  const parts = dateOnly ?? dateTime;
  if (!parts) {
    return { message: `'${text}' is not an ISO 8601 date (YYYY-MM-DD) or date-time with a time zone` };
  }
  if (!isCalendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))) {
    return { message: `'${text}' is not a calendar date` };
  }
  if (dateOnly) return { date: trimmed };
  const ms = Date.parse(trimmed);
  if (Number.isNaN(ms) || Number(dateTime![4]) > 23 || Number(dateTime![5]) > 59) {
    return { message: `'${text}' is not a valid time` };
  }
  return { date: new Date(ms).toISOString() };
}

/** Sorts by date (a date-only value sorts before timed values of the same day), then by lab, stably. */
export function sortLabs(list: readonly LabValue[]): LabValue[] {
  return [...list].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : IMPORTED_LABS.indexOf(a.lab) - IMPORTED_LABS.indexOf(b.lab),
  );
}

/** The four columns of a lab CSV file, by the names accepted in its header. */
const CSV_COLUMNS = {
  date: ['date'],
  lab: ['lab', 'loinc', 'code', 'name'],
  value: ['value'],
  unit: ['unit'],
} as const;
type CsvColumn = keyof typeof CSV_COLUMNS;

function csvColumnIndices(header: readonly string[]): Record<CsvColumn, number> | LabProblem {
  const lower = header.map((h) => h.toLowerCase());
  const indices = {} as Record<CsvColumn, number>;
  for (const column of Object.keys(CSV_COLUMNS) as CsvColumn[]) {
    const index = lower.findIndex((h) => (CSV_COLUMNS[column] as readonly string[]).includes(h));
    if (index < 0) {
      return {
        path: 'line 1',
        message: `the header must name the columns date, lab (or loinc, code, name), value and unit; got '${header.join(',')}'`,
      };
    }
    indices[column] = index;
  }
  return indices;
}

/** One CSV row into a lab value, or its problems. */
function csvRow(
  line: number,
  fields: readonly string[],
  columns: Record<CsvColumn, number>,
): LabValue | LabProblem[] {
  const problems: LabProblem[] = [];
  const at = (column: CsvColumn): string => fields[columns[column]] ?? '';
  const date = normaliseDate(at('date'));
  if ('message' in date) problems.push({ path: `line ${line}, date`, message: date.message });
  const definition = labByCodeOrName(at('lab'));
  if (!definition) {
    problems.push({
      path: `line ${line}, lab`,
      message: `unknown lab '${at('lab')}'; use a LOINC code or name: ${supportedLoincList()}, or ${IMPORTED_LABS.join(', ')}`,
    });
  }
  const value = parseCsvNumber(at('value'));
  if (value === null)
    problems.push({ path: `line ${line}, value`, message: `'${at('value')}' is not a number` });
  if (!definition || value === null || problems.length > 0) return problems;
  const converted = toCanonical(definition, value, at('unit'));
  if ('message' in converted)
    return [{ path: `line ${line}, ${converted.field}`, message: converted.message }];
  return {
    date: (date as { date: string }).date,
    lab: definition.lab,
    value: converted.value,
    unit: definition.unit,
  };
}

/**
 * Reads labs from CSV text with a header naming four columns, in any order: `date` (ISO 8601 date, or date-time
 * with time zone), `lab` (also headed `loinc`, `code` or `name`: a LOINC code such as 2484-4, our name such as
 * igf1, or a display name such as IGF-1), `value` (a plain number) and `unit` (e.g. ng/mL or nmol/L). Returns the
 * values in canonical units sorted by date, or throws a {@link LabImportError} listing every bad line and column.
 * @example parseLabsCsv('date,lab,value,unit\n2024-03-05,2484-4,14.2,nmol/L') // IGF-1 108.4 ng/mL
 */
export function parseLabsCsv(text: string): LabValue[] {
  let records: CsvRecord[];
  try {
    records = readCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new LabImportError([{ path: `line ${error.line}`, message: error.message }]);
  }
  const header = records[0]?.fields;
  if (!header) throw new LabImportError([{ path: 'line 1', message: 'missing or unreadable header' }]);
  const columns = csvColumnIndices(header);
  if ('message' in columns) throw new LabImportError([columns]);
  const values: LabValue[] = [];
  const problems: LabProblem[] = [];
  for (const { line, fields } of records.slice(1)) {
    if (fields.length !== header.length) {
      problems.push({
        path: `line ${line}`,
        message: `expected ${header.length} fields, got '${fields.join(',')}'`,
      });
      continue;
    }
    const row = csvRow(line, fields, columns);
    if (Array.isArray(row)) problems.push(...row);
    else values.push(row);
  }
  if (problems.length > 0) throw new LabImportError(problems);
  return sortLabs(values);
}

/** True if a lab dated `date` was drawn on or before `cutoff` (a date-only cutoff includes its whole day). */
function onOrBefore(date: string, cutoff: string): boolean {
  if (cutoff.length === 10 || date.length === 10) return date.slice(0, 10) <= cutoff.slice(0, 10);
  return date <= cutoff;
}

/**
 * The latest value of each lab drawn on or before `cutoff` (ISO date or date-time; default: no cutoff), in the
 * shape of the scenario's `patient.labs`. Labs with no value by then are left out.
 * @example baselineLabs(parseLabsCsv(text), '2024-06-30') // { igf1_ng_ml: 108.4, glucose_fasting_mg_dl: 97 }
 */
export function baselineLabs(list: readonly LabValue[], cutoff?: string): PatientLabs {
  let normalisedCutoff: string | undefined;
  if (cutoff !== undefined) {
    const parsed = normaliseDate(cutoff);
    if ('message' in parsed) throw new RangeError(`cutoff: ${parsed.message}`);
    normalisedCutoff = parsed.date;
  }
  const labs: { -readonly [K in keyof PatientLabs]: PatientLabs[K] } = {};
  for (const entry of sortLabs(list)) {
    if (normalisedCutoff !== undefined && !onOrBefore(entry.date, normalisedCutoff)) continue;
    labs[LAB_DEFINITIONS[entry.lab].patientField] = entry.value;
  }
  return labs;
}
