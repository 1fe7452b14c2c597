// SPDX-License-Identifier: MIT
/**
 * endotwin's own numerical settings for running an exported scenario: the solver and tolerances of
 * `endotwin simulate`, the integrator's steps independent of the output grid, and a fresh start at the series
 * window's edges, where `simulate` starts a new segment. With them, the import reproduces `simulate`'s series.
 */
import type { Scenario } from '../../../scenario/schema.js';
import { runEndMin } from '../../../simulate/prepare.js';
import { FINE_ATOL, MIN_PER_DAY, SOLVER, TOLERANCES } from '../../../simulate/settings.js';
import type { SbmlRunOptions } from './simulate.js';
import { childNamed, parseXml } from './xml.js';

/** Namespace of endotwin's annotations in exported documents. */
const ENDOTWIN_ANNOTATION_NS = 'urn:endotwin:sbml:annotation:1';

/** Run options that integrate an exported scenario the way `endotwin simulate` integrates its treatment run. */
export function endotwinRunOptions(restarts: readonly number[] = []): SbmlRunOptions {
  return {
    solver: SOLVER,
    rtol: TOLERANCES.rtol,
    atol: TOLERANCES.atol,
    stateAtol: FINE_ATOL,
    stopAtOutputs: false,
    restarts,
  };
}

/**
 * The times (min) where `simulate` ends a segment and starts the next: the series window's edges within the run,
 * and the run's end.
 */
export function endotwinRestarts(scenario: Scenario): number[] {
  const end = runEndMin(scenario);
  const edges = scenario.output.window_days.map((d) => d * MIN_PER_DAY).filter((t) => t > 0 && t < end);
  return [...edges, end];
}

/**
 * endotwin's run options for an exported scenario document, with the restarts its model's `endotwin:run`
 * annotation lists (`restartsMin`); none for any other document.
 */
export function endotwinRunOptionsOf(xml: string): SbmlRunOptions {
  const model = childNamed(parseXml(xml), 'model');
  const annotation = model ? childNamed(model, 'annotation') : undefined;
  const run = annotation?.children.find((c) => c.ns === ENDOTWIN_ANNOTATION_NS && c.name === 'run');
  const listed = (run?.attrs.get('restartsMin') ?? '').split(/\s+/).filter((x) => x !== '');
  return endotwinRunOptions(listed.map(Number).filter((t) => Number.isFinite(t) && t > 0));
}
