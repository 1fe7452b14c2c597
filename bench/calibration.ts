// SPDX-License-Identifier: MIT
/**
 * `npm run bench -- --calibration`: one Jacobian of the committed calibration problem (validation/calibration.yaml:
 * every included case run once per free parameter, at the prior mean) on 1 and on 2 worker threads, each pool
 * warmed up first (one run of every case per thread), and the ratio of the two wall times. Prints one JSON row.
 */
import { join } from 'node:path';
import { loadCalibrationProblem } from '../src/validate/calibration-problem.js';
import { createCasePool, type CaseTask } from '../src/validate/calibration-tasks.js';
import { VALIDATION_DIR } from '../src/validate/run.js';

const problem = loadCalibrationProblem(join(VALIDATION_DIR, 'calibration.yaml'));

/** The tasks of one forward-difference Jacobian at the source values (step 0.02 on ln p). */
function jacobianTasks(): CaseTask[] {
  const base = Object.fromEntries(problem.parameters.map((q) => [q.name as string, q.source_value]));
  const at = (values: Record<string, number>) =>
    problem.targets.map((t) => ({
      case: t.case,
      overrides: Object.fromEntries(t.names.map((n) => [n, values[n] ?? problem.resets[n] ?? 0])),
      referenceOverrides: Object.fromEntries(
        t.referenceNames.map((n) => [n, values[n] ?? problem.resets[n] ?? 0]),
      ),
    }));
  return problem.parameters.flatMap((q) =>
    at({ ...base, [q.name]: q.source_value * Math.exp(problem.search.jacobian_step) }),
  );
}

async function timed(workers: number): Promise<number> {
  const pool = createCasePool(workers);
  try {
    const warm = problem.targets.map((t) => ({ case: t.case, overrides: {}, referenceOverrides: {} }));
    await pool.run(Array.from({ length: workers }, () => warm).flat());
    const started = performance.now();
    await pool.run(jacobianTasks());
    return (performance.now() - started) / 1000;
  } finally {
    await pool.close();
  }
}

const one = await timed(1);
const two = await timed(2);
console.log(
  JSON.stringify({
    case: 'calibration:jacobian',
    parameters: problem.parameters.length,
    cases: problem.targets.length,
    simulations: jacobianTasks().length,
    wall_s_1_worker: Number(one.toFixed(2)),
    wall_s_2_workers: Number(two.toFixed(2)),
    speedup: Number((one / two).toFixed(2)),
  }),
);
