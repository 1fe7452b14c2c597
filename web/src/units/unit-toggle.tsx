// SPDX-License-Identifier: MIT
/** The conventional ↔ SI switch shown on the run, compare and patient pages; the choice is remembered. */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { UNIT_CONVERSIONS } from '../../../src/scenario/vocabulary.js';
import type { UnitSystem } from '../../../src/scenario/vocabulary.js';

const LABELS: Readonly<Record<UnitSystem, string>> = {
  conventional: 'Conventional (mg/dL, ng/mL)',
  si: 'SI (mmol/L, nmol/L)',
};

/** What the toggle converts, with each factor's source: the tooltip of the group. */
export const CONVERSION_NOTE = Object.values(UNIT_CONVERSIONS)
  .map((c) => `1 ${c.conventional} = ${Number(c.siPerConventional.toPrecision(4))} ${c.si} (${c.source})`)
  .join('; ');

/** Two radio buttons: conventional or SI units. */
export function UnitToggle(props: { value: UnitSystem; onChange: (system: UnitSystem) => void }): ReactNode {
  const name = useId();
  return (
    <fieldset className="unit-toggle" data-testid="unit-toggle" title={CONVERSION_NOTE}>
      <legend>Units</legend>
      {(Object.keys(LABELS) as UnitSystem[]).map((system) => (
        <label key={system} className="checkbox">
          <input
            type="radio"
            name={name}
            value={system}
            checked={props.value === system}
            onChange={() => props.onChange(system)}
          />
          {LABELS[system]}
        </label>
      ))}
      <span className="muted unit-toggle-note">
        GH, LH, FSH, FFA and masses have the same unit in both. Downloads of the whole result keep the
        contract’s units.
      </span>
    </fieldset>
  );
}
