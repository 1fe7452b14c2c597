// SPDX-License-Identifier: MIT
/**
 * `npx tsx bench/sensitivity.ts [--params a,b,…|--all] [--workers N]`: local sensitivities of the reference
 * scenario (examples/sermorelin-nightly.yaml, 182 days) on a worker-thread pool, timed after the pool is warmed
 * up. Prints one JSON row: simulations, wall time, seconds per simulation, and the time projected for every free
 * parameter of the scenario (goal: all of them in under 2 minutes on the 2-core machine). Default: 4 parameters
 * on all cores, a few minutes of CPU.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { computeSensitivity, createRunPool, freeParameters } from '../src/estimate/index.js';
import { parseScenarioText } from '../src/protocol/index.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const scenario = parseScenarioText(
  readFileSync(new URL('../examples/sermorelin-nightly.yaml', import.meta.url), 'utf8'),
);
const params = process.argv.includes('--all')
  ? ('all' as const)
  : (option('--params') ?? 'liver_gh_ec50,liver_gh_hill_n,srif_basal,ghrh_pulse_amplitude').split(',');
const workers = Number(option('--workers') ?? availableParallelism());
const pool = createRunPool(workers);
try {
  // Warm-up: one run per thread, so the timed part is simulation, not thread start-up and compilation.
  await pool.run(
    Array.from({ length: Math.max(1, workers) }, () => ({ scenario, overrides: {}, outputs: [] })),
  );
  const started = performance.now();
  const report = await computeSensitivity(
    { scenario, method: 'local', outputs: ['igf1_ng_ml', 'igf1_change_pct'], params },
    pool,
    (done, total) => process.stderr.write(`\rbench: ${done}/${total}`),
  );
  const seconds = (performance.now() - started) / 1000;
  const all = 1 + 2 * freeParameters(scenario, 'all').length;
  process.stderr.write('\n');
  console.log(
    JSON.stringify({
      case: 'sensitivity:local-182d',
      workers,
      simulations: report.runs,
      wall_s: Number(seconds.toFixed(1)),
      s_per_simulation: Number((seconds / report.runs).toFixed(2)),
      all_parameters_simulations: all,
      all_parameters_projected_s: Math.round((seconds / report.runs) * all),
      goal_s: 120,
    }),
  );
} finally {
  await pool.close();
}
