// SPDX-License-Identifier: MIT
/**
 * Importing labs from a FHIR R4 Bundle of Observations (already parsed JSON; http://hl7.org/fhir/R4/bundle.html,
 * observation.html). Only the parts we need are read: `entry[i].resource` with `resourceType: "Observation"`,
 * `status`, `code.coding[]` (the LOINC coding, system http://loinc.org), `effectiveDateTime` (or
 * `effectivePeriod.start`, or `effectiveInstant`) and `valueQuantity` (`value`, and the unit from `code` when
 * `system` is UCUM, http://unitsofmeasure.org, else from `unit`).
 *
 * Entries that are not Observations (a Patient, say) are skipped, as are Observations whose status is
 * `entered-in-error` or `cancelled`. Everything else must import cleanly: any problem (a malformed bundle, an
 * unknown LOINC code, an unknown unit, an impossible value, a missing date) is reported with its path, all problems
 * in one `LabImportError`, and nothing is returned.
 */
import type { LabProblem, LabValue } from './labs-import.js';
import {
  LabImportError,
  labByLoinc,
  normaliseDate,
  sortLabs,
  supportedLoincList,
  toCanonical,
} from './labs-import.js';

export const LOINC_SYSTEM = 'http://loinc.org';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
/** Observation statuses whose values are not results. */
const SKIPPED_STATUSES = new Set(['entered-in-error', 'cancelled']);

/** Options of {@link labsFromFhirBundle}. */
export interface FhirImportOptions {
  /**
   * What to do with an Observation whose LOINC code is not one of the seven importable labs: `error` (default, the
   * all-or-nothing rule) or `skip` (for whole-record exports that hold many other tests).
   */
  readonly unknownCodes?: 'error' | 'skip';
}

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Where the result's time is, in order of preference. */
function effectiveDate(resource: Json, path: string): { date: string } | LabProblem {
  const period = isObject(resource.effectivePeriod) ? resource.effectivePeriod : undefined;
  const candidates: [string, unknown][] = [
    ['effectiveDateTime', resource.effectiveDateTime],
    ['effectivePeriod.start', period?.start],
    ['effectiveInstant', resource.effectiveInstant],
  ];
  const found = candidates.find(([, value]) => value !== undefined);
  if (!found) {
    return {
      path: `${path}.effectiveDateTime`,
      message: 'missing: give effectiveDateTime, effectivePeriod.start or effectiveInstant',
    };
  }
  const [field, value] = found;
  if (typeof value !== 'string')
    return { path: `${path}.${field}`, message: `must be a string, got ${typeof value}` };
  const parsed = normaliseDate(value);
  return 'message' in parsed ? { path: `${path}.${field}`, message: parsed.message } : parsed;
}

/** The LOINC coding's code and its path, or a problem. */
function loincCode(resource: Json, path: string): { code: string; path: string } | LabProblem {
  const code = isObject(resource.code) ? resource.code : undefined;
  if (!code || !Array.isArray(code.coding)) {
    return { path: `${path}.code.coding`, message: 'missing: an Observation needs code.coding[]' };
  }
  const index = code.coding.findIndex((c) => isObject(c) && c.system === LOINC_SYSTEM);
  if (index < 0) return { path: `${path}.code.coding`, message: `no LOINC coding (system ${LOINC_SYSTEM})` };
  const coding = code.coding[index] as Json;
  const codePath = `${path}.code.coding[${index}].code`;
  if (typeof coding.code !== 'string') return { path: codePath, message: 'missing LOINC code' };
  return { code: coding.code, path: codePath };
}

/** The value and unit of `valueQuantity`, with the path of the unit field used, or problems. */
function quantity(
  resource: Json,
  path: string,
): { value: number; unit: string; unitPath: string } | LabProblem[] {
  const q = resource.valueQuantity;
  const qPath = `${path}.valueQuantity`;
  if (!isObject(q))
    return [{ path: qPath, message: 'missing: only numeric results (valueQuantity) can be imported' }];
  const problems: LabProblem[] = [];
  if (q.comparator !== undefined) {
    problems.push({
      path: `${qPath}.comparator`,
      message: `censored value (comparator ${JSON.stringify(q.comparator)}) cannot be imported as a number`,
    });
  }
  if (typeof q.value !== 'number' || !Number.isFinite(q.value)) {
    problems.push({
      path: `${qPath}.value`,
      message: `must be a finite number, got ${JSON.stringify(q.value)}`,
    });
  }
  const useCode = q.system === UCUM_SYSTEM && typeof q.code === 'string';
  const unit = useCode ? q.code : q.unit;
  const unitPath = `${qPath}.${useCode ? 'code' : 'unit'}`;
  if (typeof unit !== 'string') problems.push({ path: `${qPath}.unit`, message: 'missing unit' });
  if (problems.length > 0) return problems;
  return { value: q.value as number, unit: unit as string, unitPath };
}

/** One Observation into a lab value, null if it is skipped, or its problems. */
function observation(
  resource: Json,
  path: string,
  options: FhirImportOptions,
): LabValue | null | LabProblem[] {
  if (typeof resource.status === 'string' && SKIPPED_STATUSES.has(resource.status)) return null;
  const code = loincCode(resource, path);
  if ('message' in code) return [code];
  const definition = labByLoinc(code.code);
  if (!definition) {
    if (options.unknownCodes === 'skip') return null;
    return [
      { path: code.path, message: `unknown LOINC code '${code.code}'; supported: ${supportedLoincList()}` },
    ];
  }
  const problems: LabProblem[] = [];
  const date = effectiveDate(resource, path);
  if ('message' in date) problems.push(date);
  const q = quantity(resource, path);
  if (Array.isArray(q)) return [...problems, ...q];
  const converted = toCanonical(definition, q.value, q.unit);
  if ('message' in converted) {
    const fieldPath = converted.field === 'unit' ? q.unitPath : `${path}.valueQuantity.value`;
    return [...problems, { path: fieldPath, message: converted.message }];
  }
  if ('message' in date) return problems;
  return { date: date.date, lab: definition.lab, value: converted.value, unit: definition.unit };
}

/**
 * Reads the labs of a FHIR R4 Bundle (parsed JSON) into canonical units, sorted by date. Throws a `LabImportError`
 * listing every problem with its path, e.g. `entry[3].resource.valueQuantity.unit: unknown unit 'mg' for IGF-1
 * (2484-4); allowed: ng/mL, nmol/L`.
 * @example labsFromFhirBundle(JSON.parse(text)) // [{ date: '2024-03-05', lab: 'igf1', value: 108.4, unit: 'ng/mL' }]
 */
export function labsFromFhirBundle(bundle: unknown, options: FhirImportOptions = {}): LabValue[] {
  if (!isObject(bundle)) throw new LabImportError([{ path: '(root)', message: 'must be a JSON object' }]);
  if (bundle.resourceType !== 'Bundle') {
    throw new LabImportError([
      { path: 'resourceType', message: `must be 'Bundle', got ${JSON.stringify(bundle.resourceType)}` },
    ]);
  }
  if (bundle.entry === undefined) return [];
  if (!Array.isArray(bundle.entry))
    throw new LabImportError([{ path: 'entry', message: 'must be an array' }]);
  const values: LabValue[] = [];
  const problems: LabProblem[] = [];
  bundle.entry.forEach((entry: unknown, i) => {
    const path = `entry[${i}].resource`;
    const resource = isObject(entry) ? entry.resource : undefined;
    if (!isObject(resource)) {
      problems.push({ path, message: 'missing: every entry needs a resource' });
      return;
    }
    if (resource.resourceType !== 'Observation') return;
    const result = observation(resource, path, options);
    if (Array.isArray(result)) problems.push(...result);
    else if (result) values.push(result);
  });
  if (problems.length > 0) throw new LabImportError(problems);
  return sortLabs(values);
}
