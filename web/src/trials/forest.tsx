// SPDX-License-Identifier: MIT
/**
 * Forest plot of a trial result: per endpoint, each arm's difference from the first arm with its 95 % CI, against
 * a zero line. Endpoints the model cannot produce yet are listed, not drawn.
 */
import { useRef } from 'react';
import type { ReactNode } from 'react';
import type { TrialResult } from '../api/trials.js';
import { endpointLabel } from '../results/fields.js';
import { FIGURE_CSS, FigureExports } from './figure-export.js';
import { forestCsv } from './tables.js';
import { linearScale, paddedDomain, ticks } from './plot-math.js';

const WIDTH = 640;
const LABEL_W = 210;
const ROW_H = 26;
const AXIS_H = 28;

function EndpointForest({ result, endpoint }: { result: TrialResult; endpoint: string }): ReactNode {
  const svg = useRef<SVGSVGElement>(null);
  const rows = result.arms.slice(1).map((arm) => ({ name: arm.name, d: arm.difference?.[endpoint] }));
  const numbers = rows.flatMap((r) => (r.d?.ci95 ? [...r.d.ci95] : r.d?.mean != null ? [r.d.mean] : []));
  const domain = paddedDomain(numbers, true);
  const x = linearScale(domain, [LABEL_W, WIDTH - 10]);
  const height = rows.length * ROW_H + AXIS_H;
  return (
    <figure className="forest" data-testid={`forest-${endpoint}`}>
      <figcaption className="chart-head">
        <span>
          {endpointLabel(endpoint)}{' '}
          <span className="muted">(arm − {result.arms[0].name}, mean and 95 % CI)</span>
        </span>
        <FigureExports
          svg={svg}
          id={`forest-${endpoint}`}
          stem={result.trial.name}
          title={`Forest plot of ${endpointLabel(endpoint)}`}
          csv={() => forestCsv(result, endpoint)}
        />
      </figcaption>
      <svg
        ref={svg}
        className="trial-svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={`forest plot of ${endpointLabel(endpoint)}: ${rows
          .map((r) => `${r.name} ${r.d?.mean != null ? r.d.mean.toPrecision(3) : 'no value'}`)
          .join('; ')}`}
      >
        <style>{FIGURE_CSS}</style>
        <line className="zero" x1={x(0)} x2={x(0)} y1={0} y2={height - AXIS_H} />
        {rows.map((r, i) => {
          const y = i * ROW_H + ROW_H / 2;
          return (
            <g key={r.name}>
              <text x={0} y={y + 4} className="label">
                {r.name} ({r.d?.method ?? '–'}, n {r.d?.n ?? 0})
              </text>
              {r.d?.ci95 ? (
                <line className="ci" x1={x(r.d.ci95[0])} x2={x(r.d.ci95[1])} y1={y} y2={y} />
              ) : null}
              {r.d?.mean != null ? <circle className="mean" cx={x(r.d.mean)} cy={y} r={4} /> : null}
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

/** One forest panel per modelled endpoint (each on its own scale: the units differ). */
export function ForestPlot({ result }: { result: TrialResult }): ReactNode {
  if (result.arms.length < 2) return <p className="muted">One arm only: no differences to plot.</p>;
  const endpoints = result.trial.endpoints.filter((e) => !result.not_modelled.includes(e));
  return (
    <div className="forest-plots">
      {endpoints.map((e) => (
        <EndpointForest key={e} result={result} endpoint={e} />
      ))}
      {result.not_modelled.length > 0 ? (
        <p className="muted">Not modelled yet: {result.not_modelled.map(endpointLabel).join(', ')}.</p>
      ) : null}
    </div>
  );
}
