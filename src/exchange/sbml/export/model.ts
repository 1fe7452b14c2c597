// SPDX-License-Identifier: MIT
/** The untreated model as SBML: the core sub-models with their declared values. */
import { planModel } from '../../../engine/compile.js';
import { modelDefinition } from '../../../physiology/model.js';
import { writeSbml } from './document.js';

/** The SBML document of the untreated model (core sub-models, declared parameter values and initial states). */
export function untreatedModelSbml(): string {
  const plan = planModel(modelDefinition([], []));
  return writeSbml({
    plan,
    notes: [
      `${plan.name}: the untreated model of endotwin (core sub-models only), with its declared parameter values ` +
        'and initial states. Time is in minutes. Inputs (sleep, meals, exercise, stress) stay at their initial ' +
        'values unless events change them; export a scenario to get its timed inputs as events.',
    ],
  });
}
