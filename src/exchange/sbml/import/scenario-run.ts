// SPDX-License-Identifier: MIT
/**
 * An endotwin scenario run on an imported SBML model. The scenario document is an ordinary one plus an `sbml`
 * block that maps it onto the model: which species each drug's doses go into (and how much per mcg), which model
 * parameters to override, which series to report, and how long the model's time unit is. The regimen is expanded
 * exactly as for endotwin's own model (bedtime, on/off days, per-kg doses); each dose becomes an injection into its
 * species at its time. Model time 0 is 00:00 of day 0.
 */
import { z } from 'zod';
import { DRUG_NAMES } from '../../../physiology/drug-catalog.js';
import { expandRegimen } from '../../../protocol/regimen.js';
import { parseScenario } from '../../../protocol/parse-scenario.js';
import { formatPath, ScenarioError, type ScenarioIssue } from '../../../scenario/parse.js';
import type { Scenario } from '../../../scenario/schema.js';
import { MIN_PER_DAY } from '../../../engine/time.js';
import type { CompiledSbml } from './plan.js';
import { simulateImported, type ImportedDose } from './scenario.js';

const doseMappingSchema = z.strictObject({
  /** The species the dose is added to. */
  species: z.string().min(1),
  /** Amount added to the species per mcg given, in the species' substance unit (default 1). */
  amount_per_mcg: z.number().positive().finite().default(1),
});

/** The `sbml` block of a scenario run on an imported model. */
const sbmlBlockSchema = z.strictObject({
  /** The SBML file, relative to the scenario file (the command line may give it instead). */
  model: z.string().min(1).optional(),
  /** Minutes in one unit of the model's time (default 1: the model counts minutes). */
  minutes_per_time_unit: z.number().positive().finite().default(1),
  doses: z.partialRecord(z.enum(DRUG_NAMES), doseMappingSchema).default({}),
  /** Start values of model parameters or compartments, by id, in the model's units. */
  parameters: z.record(z.string(), z.number().finite()).default({}),
  /** Model symbols to report, by id. */
  series: z.array(z.string().min(1)).min(1),
});

/** A scenario's mapping onto an SBML model. */
export type SbmlScenarioMapping = z.output<typeof sbmlBlockSchema>;

/** The scenario and its mapping, read from one document. */
export interface SbmlScenario {
  readonly scenario: Scenario;
  readonly mapping: SbmlScenarioMapping;
}

/** The run: sample times (min from 00:00 of day 0) and one array per series. */
export interface SbmlScenarioResult {
  readonly t_min: number[];
  readonly series: Record<string, number[]>;
  /** The doses injected: time (min), drug, amount (mcg) and species. */
  readonly doses: { t_min: number; drug: string; amount_mcg: number; species: string }[];
}

/**
 * Splits a scenario document into the scenario (checked as usual) and its `sbml` block.
 * @throws ScenarioError naming the field: a missing or malformed `sbml` block, and anything `parseScenario` rejects.
 */
export function readSbmlScenario(doc: unknown): SbmlScenario {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new ScenarioError([{ path: '', message: 'a scenario must be a mapping' }]);
  }
  const { sbml, ...rest } = doc as Record<string, unknown>;
  if (sbml === undefined) {
    throw new ScenarioError([
      { path: 'sbml', message: 'required: the mapping of the scenario onto the model' },
    ]);
  }
  const parsed = sbmlBlockSchema.safeParse(sbml);
  if (!parsed.success) {
    throw new ScenarioError(
      parsed.error.issues.map((i) => ({ path: formatPath(['sbml', ...i.path]), message: i.message })),
    );
  }
  return { scenario: parseScenario(rest), mapping: parsed.data };
}

/** Everything in the scenario the imported model cannot honour, and mapping entries the model lacks. */
function issuesOf(model: CompiledSbml, { scenario, mapping }: SbmlScenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (scenario.titration !== undefined) {
    issues.push({
      path: 'titration',
      message:
        'a titrated scenario cannot run on an imported model: titration reads endotwin’s IGF-1, which the ' +
        'model need not have; set the doses without titration',
    });
  }
  if (scenario.parameters !== undefined) {
    issues.push({
      path: 'parameters',
      message:
        'endotwin’s parameters do not apply to an imported model; set model parameters in sbml.parameters',
    });
  }
  for (const [id] of Object.entries(mapping.parameters)) {
    const s = model.symbols.get(id);
    if (!s || (s.kind !== 'parameter' && s.kind !== 'compartment') || model.assignmentRuleTargets.has(id)) {
      issues.push({
        path: `sbml.parameters.${id}`,
        message: `not a parameter or compartment of model ${model.modelId} that a rule does not set`,
      });
    }
  }
  for (const [drug, dose] of Object.entries(mapping.doses)) {
    const s = model.symbols.get(dose.species);
    if (!s || s.kind !== 'species' || s.constant || model.assignmentRuleTargets.has(dose.species)) {
      issues.push({
        path: `sbml.doses.${drug}.species`,
        message: `'${dose.species}' is not a species of model ${model.modelId} that doses can change`,
      });
    }
  }
  mapping.series.forEach((name, i) => {
    if (!model.symbols.has(name)) {
      issues.push({
        path: `sbml.series[${i}]`,
        message: `'${name}' is not a symbol of model ${model.modelId}`,
      });
    }
  });
  scenario.regimen.forEach((line, i) => {
    if (mapping.doses[line.drug] === undefined) {
      issues.push({
        path: `regimen[${i}].drug`,
        message: `${line.drug} has no species to go into: add sbml.doses.${line.drug}`,
      });
    }
  });
  return issues;
}

/**
 * Checks that an imported model can run a scenario, as `endotwin check` and {@link runSbmlScenario} do, and
 * returns the scenario's dose records.
 * @throws ScenarioError naming the field for what the model cannot honour (titration, endotwin parameters, an
 *   infusion, a drug without a species, an id the model lacks).
 */
export function checkSbmlScenario(
  model: CompiledSbml,
  input: SbmlScenario,
): ReturnType<typeof expandRegimen> {
  const issues = issuesOf(model, input);
  const records = expandRegimen(input.scenario);
  const infusion = records.find((d) => d.over_min > 0);
  if (infusion) {
    issues.push({
      path: `regimen[${infusion.line}]`,
      message: 'an infusion cannot be injected as a bolus into a species; give it as doses',
    });
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return records;
}

/**
 * Runs a scenario on an imported model: the regimen's doses injected into their species, the model parameters set,
 * the series sampled every `output.sample_every_min` over `output.window_days`.
 * @throws ScenarioError naming the field for what the model cannot honour (titration, endotwin parameters, an
 *   infusion, a drug without a species, an id the model lacks).
 */
export function runSbmlScenario(model: CompiledSbml, input: SbmlScenario): SbmlScenarioResult {
  const { scenario, mapping } = input;
  const records = checkSbmlScenario(model, input);
  const perUnit = mapping.minutes_per_time_unit;
  const [w0, w1] = scenario.output.window_days.map((d) => d * MIN_PER_DAY);
  const every = scenario.output.sample_every_min;
  const count = Math.max(1, Math.ceil((w1 - w0) / every - 1e-9));
  const last = w0 + (count - 1) * every;
  const given = records.filter((d) => d.t_min <= last);
  const doses: ImportedDose[] = given.map((d) => {
    const to = mapping.doses[d.drug];
    if (!to) throw new Error(`unreachable: ${d.drug} was checked to have a species`);
    return { species: to.species, time: d.t_min / perUnit, amount: d.amount_mcg * to.amount_per_mcg };
  });
  const run = simulateImported(model, {
    overrides: mapping.parameters,
    doses,
    series: mapping.series,
    start: w0 / perUnit,
    // One sample needs a grid of one interval: ask for two and keep the first.
    duration: (Math.max(count - 1, 1) * every) / perUnit,
    steps: Math.max(count - 1, 1),
  });
  const series: Record<string, number[]> = {};
  for (const name of mapping.series) series[name] = Array.from(run.series[name].subarray(0, count));
  return {
    t_min: Array.from({ length: count }, (_, k) => w0 + k * every),
    series,
    doses: given.map((d) => ({
      t_min: d.t_min,
      drug: d.drug,
      amount_mcg: d.amount_mcg,
      species: mapping.doses[d.drug]?.species ?? '',
    })),
  };
}
