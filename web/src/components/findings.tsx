// SPDX-License-Identifier: MIT
/** The contraindication screening: status and each finding with its severity. */
import type { ReactNode } from 'react';
import type { Screening } from '../api/types.js';

const STATUS_TEXT: Readonly<Record<Screening['status'], string>> = {
  ok: 'No contraindication or caution found.',
  caution: 'Cautions found: read them before interpreting the results.',
  contraindicated: 'Contraindicated: the API runs it only for research (the findings stay in the result).',
};

/** The screening findings as a list with severity badges. */
export function Findings({ screening }: { screening: Screening }): ReactNode {
  return (
    <div className={`findings findings-${screening.status}`} data-testid="screening">
      <p>
        <span className={`badge badge-${screening.status}`}>{screening.status}</span>{' '}
        {STATUS_TEXT[screening.status]}
      </p>
      {screening.findings.length > 0 ? (
        <ul>
          {screening.findings.map((f, i) => (
            <li key={i}>
              <span className={`badge badge-${f.severity}`}>{f.severity}</span> <code>{f.code}</code>{' '}
              {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
