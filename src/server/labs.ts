// SPDX-License-Identifier: MIT
/**
 * Imported labs as the API takes them (`{ drawn_at, analyte, value, unit }`) checked and converted to canonical
 * units: when a patient is stored, and again when a twin is fitted to labs sent with the request.
 */
import { LAB_DEFINITIONS, labByCodeOrName, normaliseDate, toCanonical } from '../analysis/labs-import.js';
import type { LabDefinition, LabValue } from '../analysis/labs-import.js';
import type { ScenarioIssue } from '../scenario/index.js';
import type { ImportedLab } from '../store/index.js';
import { RequestValidationError } from './errors.js';

/** The lab an analyte names: a contract field (`igf1_ng_ml`), a lab name or a LOINC code. */
function labOfAnalyte(analyte: string): LabDefinition | undefined {
  return Object.values(LAB_DEFINITIONS).find((d) => d.patientField === analyte) ?? labByCodeOrName(analyte);
}

/**
 * Stored or sent labs in canonical units; every problem named by `labs[i].field` (i counts from 0).
 * @throws RequestValidationError (400) listing every unknown analyte, unit and date.
 */
export function labValues(labs: readonly ImportedLab[]): LabValue[] {
  const issues: ScenarioIssue[] = [];
  const values = labs.flatMap((l, i): LabValue[] => {
    const definition = labOfAnalyte(l.analyte);
    if (!definition) {
      issues.push({
        path: `labs[${i}].analyte`,
        message: `unknown analyte '${l.analyte}'; e.g. igf1_ng_ml, glucose_fasting_mg_dl or a LOINC code`,
      });
      return [];
    }
    const converted = toCanonical(definition, l.value, l.unit);
    const date = normaliseDate(l.drawn_at);
    if ('message' in converted)
      issues.push({ path: `labs[${i}].${converted.field}`, message: converted.message });
    if ('message' in date) issues.push({ path: `labs[${i}].drawn_at`, message: date.message });
    if ('message' in converted || 'message' in date) return [];
    return [{ date: date.date, lab: definition.lab, value: converted.value, unit: definition.unit }];
  });
  if (issues.length > 0) throw new RequestValidationError('INVALID_REQUEST', issues);
  return values;
}
