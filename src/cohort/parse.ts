// SPDX-License-Identifier: MIT
/**
 * Parsing a trial document (YAML or JSON text, or an object) into a normalised {@link Trial}, with errors that name
 * the field path, the value and what is allowed. Each arm is checked once as a scenario for a typical patient of
 * the population ({@link prepareScenario}), so a bad regimen line is reported as `arms[1].regimen[0].route`, not halfway through a run.
 */
import { issuesFromZod, readDocument, ScenarioError } from '../scenario/parse.js';
import { prepareScenario } from '../simulate/prepare.js';
import type { ScenarioIssue } from '../scenario/parse.js';
import { patientScenario } from './patient-scenario.js';
import type { CohortRow } from './population.js';
import { trialSchema } from './schema.js';
import type { Trial } from './schema.js';

/** A typical patient of the population: the middle age, the mean BMI, a man of mean height. */
export function typicalPatient(trial: Trial): CohortRow {
  const { age_years: age, bmi, height_cm: height } = trial.population;
  const heightCm = height.male.mean;
  const weight = Number((bmi.mean * (heightCm / 100) ** 2).toFixed(1));
  return {
    patient: 0,
    arm: null,
    candidate: 0,
    seed: trial.seed,
    sex: trial.population.sex.female >= 1 ? 'female' : 'male',
    age_years: age.mean ?? (age.min + age.max) / 2,
    height_cm: heightCm,
    weight_kg: weight,
    bmi: bmi.mean,
    body_fat_pct: 25,
    visceral_fat_cm2: 100,
    igf1_ng_ml: null,
    igf1_sds: null,
  };
}

function checkArmNames(trial: Trial, issues: ScenarioIssue[]): void {
  const seen = new Set<string>();
  trial.arms.forEach((arm, i) => {
    if (seen.has(arm.name)) {
      issues.push({ path: `arms[${i}].name`, message: `arm names must be unique, got '${arm.name}' twice` });
    }
    seen.add(arm.name);
  });
}

function checkIgf1Criteria(trial: Trial, issues: ScenarioIssue[]): void {
  if (trial.population.igf1 !== 'model') return;
  for (const part of ['inclusion', 'exclusion'] as const) {
    for (const field of ['igf1_ng_ml', 'igf1_sds'] as const) {
      if (trial[part][field] !== undefined) {
        issues.push({
          path: `${part}.${field}`,
          message:
            'IGF-1 criteria need a sampled baseline IGF-1 (population.igf1: { sds: { mean, sd } }); with ' +
            'population.igf1: model it is known only after simulating',
        });
      }
    }
  }
}

/** Maps a scenario path to the trial document's: `regimen[0]…` and `titration…` live under the arm. */
function armPath(path: string, armIndex: number): string {
  if (path.startsWith('regimen') || path.startsWith('titration')) return `arms[${armIndex}].${path}`;
  if (path.startsWith('patient')) return `population (${path})`;
  return path;
}

function checkArmScenarios(trial: Trial, issues: ScenarioIssue[]): void {
  const patient = typicalPatient(trial);
  trial.arms.forEach((_, i) => {
    try {
      prepareScenario({ scenario: patientScenario(trial, patient, i) });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      for (const issue of error.issues) {
        issues.push({ path: armPath(issue.path, i), message: `${issue.message} (for a typical patient)` });
      }
    }
  });
}

function checkPublished(trial: Trial, issues: ScenarioIssue[]): void {
  const names = trial.arms.map((a) => a.name);
  trial.published?.figures.forEach((figure, i) => {
    const path = `published.figures[${i}]`;
    const armIndex = names.indexOf(figure.arm);
    if (armIndex < 0) {
      issues.push({
        path: `${path}.arm`,
        message: `no arm named '${figure.arm}'; arms: ${names.join(', ')}`,
      });
    } else if (figure.compare === 'difference' && armIndex === 0) {
      issues.push({
        path: `${path}.compare`,
        message: `'${figure.arm}' is the first arm, the reference of every difference`,
      });
    }
    if (!trial.endpoints.includes(figure.endpoint)) {
      issues.push({
        path: `${path}.endpoint`,
        message: `'${figure.endpoint}' is not among the trial's endpoints (${trial.endpoints.join(', ')})`,
      });
    }
    if (figure.range && figure.range[0] > figure.range[1]) {
      issues.push({
        path: `${path}.range`,
        message: `must be [low, high], got [${figure.range.join(', ')}]`,
      });
    }
  });
}

/**
 * Validates a trial document (already read from YAML or JSON) and returns it with every default filled in.
 * @throws ScenarioError listing every problem with its field path.
 */
export function parseTrial(doc: unknown): Trial {
  const parsed = trialSchema.safeParse(doc);
  if (!parsed.success) throw new ScenarioError(issuesFromZod(parsed.error, doc));
  const trial = parsed.data;
  const issues: ScenarioIssue[] = [];
  checkArmNames(trial, issues);
  checkIgf1Criteria(trial, issues);
  checkPublished(trial, issues);
  if (issues.length === 0) checkArmScenarios(trial, issues);
  if (issues.length > 0) throw new ScenarioError(issues);
  return trial;
}

/** Reads and validates trial text (YAML or JSON). */
export function parseTrialText(text: string): Trial {
  return parseTrial(readDocument(text));
}
