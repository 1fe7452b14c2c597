// SPDX-License-Identifier: MIT
/**
 * Per-arm distributions of each endpoint: a box (quartiles), whiskers (min to max) and every patient's value as a
 * dot, from the result's per-patient endpoints. A missing value (null) is not drawn, never counted as zero.
 */
import { useRef } from 'react';
import type { ReactNode } from 'react';
import type { TrialResult } from '../api/trials.js';
import { endpointLabel } from '../results/fields.js';
import { FIGURE_CSS, FigureExports } from './figure-export.js';
import { distributionCsv } from './tables.js';
import { linearScale, paddedDomain, quartiles, ticks } from './plot-math.js';

const WIDTH = 640;
const LABEL_W = 150;
const ROW_H = 40;
const AXIS_H = 28;

/** The values of one endpoint per arm, in arm order. */
export function valuesByArm(result: TrialResult, endpoint: string): number[][] {
  return result.arms.map((arm) =>
    (result.patients ?? [])
      .filter((p) => p.arm_name === arm.name)
      .map((p) => p.endpoints[endpoint])
      .filter((v): v is number => v !== null && v !== undefined),
  );
}

function EndpointDistribution({ result, endpoint }: { result: TrialResult; endpoint: string }): ReactNode {
  const svg = useRef<SVGSVGElement>(null);
  const byArm = valuesByArm(result, endpoint);
  const domain = paddedDomain(byArm.flat(), false);
  const x = linearScale(domain, [LABEL_W, WIDTH - 10]);
  const height = byArm.length * ROW_H + AXIS_H;
  return (
    <figure className="distribution" data-testid={`distribution-${endpoint}`}>
      <figcaption className="chart-head">
        <span>{endpointLabel(endpoint)}</span>
        <FigureExports
          svg={svg}
          id={`distribution-${endpoint}`}
          stem={result.trial.name}
          title={`Distribution of ${endpointLabel(endpoint)}`}
          csv={() => distributionCsv(result, endpoint)}
        />
      </figcaption>
      <svg
        ref={svg}
        className="trial-svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={`distribution of ${endpointLabel(endpoint)} per arm (box: quartiles, whiskers: range)`}
      >
        <style>{FIGURE_CSS}</style>
        {byArm.map((values, i) => {
          const q = quartiles(values);
          const y = i * ROW_H + ROW_H / 2;
          return (
            <g key={result.arms[i].name}>
              <text x={0} y={y + 4} className="label">
                {result.arms[i].name} (n {values.length})
              </text>
              {q ? (
                <>
                  <line className="whisker" x1={x(q.min)} x2={x(q.max)} y1={y} y2={y} />
                  <rect
                    className="box"
                    x={x(q.q1)}
                    y={y - 9}
                    width={Math.max(1, x(q.q3) - x(q.q1))}
                    height={18}
                  />
                  <line className="median" x1={x(q.median)} x2={x(q.median)} y1={y - 9} y2={y + 9} />
                </>
              ) : null}
              {values.map((v, k) => (
                // A fixed, patient-indexed jitter: the same result always draws the same picture.
                <circle key={k} className="dot" cx={x(v)} cy={y - 12 + ((k * 7) % 25)} r={1.8} />
              ))}
            </g>
          );
        })}
        {ticks(domain, 5).map((t) => (
          <g key={t} className="tick">
            <line x1={x(t)} x2={x(t)} y1={height - AXIS_H} y2={height - AXIS_H + 4} />
            <text x={x(t)} y={height - 6} textAnchor="middle">
              {t}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** One distribution panel per modelled endpoint; needs the per-patient endpoints (`output.patients: true`). */
export function Distributions({ result }: { result: TrialResult }): ReactNode {
  if (!result.patients) return <p className="muted">This trial did not keep per-patient endpoints.</p>;
  const endpoints = result.trial.endpoints.filter((e) => !result.not_modelled.includes(e));
  return (
    <div className="distributions">
      {endpoints.map((e) => (
        <EndpointDistribution key={e} result={result} endpoint={e} />
      ))}
    </div>
  );
}
