// SPDX-License-Identifier: MIT
/**
 * The model's unit strings (`ug/L`, `1/min`, `kcal/d`, `uU/mL`) as SBML unit definitions. The engine reads a unit
 * into exponents of gram, metre, minute, mole, IU and U and a scale (`parseUnit`); SBML knows gram, metre, second,
 * mole and item, so minutes become 60 seconds and both bioassay units (IU, U) become `item` (SBML has no unit
 * defined by bioassay; the definition's name keeps the original string).
 */
import {
  formatDimension,
  parseUnit,
  type DimensionVector,
  type ParsedUnit,
} from '../../../engine/expr/units.js';
import { escapeXml, formatDouble, toSId } from './xml.js';

/** SBML base units, which a unit definition may not take as its id. */
const SBML_BASE_UNITS: ReadonlySet<string> = new Set([
  'ampere',
  'avogadro',
  'becquerel',
  'candela',
  'coulomb',
  'dimensionless',
  'farad',
  'gram',
  'gray',
  'henry',
  'hertz',
  'item',
  'joule',
  'katal',
  'kelvin',
  'kilogram',
  'litre',
  'lumen',
  'lux',
  'metre',
  'mole',
  'newton',
  'ohm',
  'pascal',
  'radian',
  'second',
  'siemens',
  'sievert',
  'steradian',
  'tesla',
  'volt',
  'watt',
  'weber',
]);

/** Seconds per minute: the engine's time base is the minute, SBML's the second. */
const SECONDS_PER_MINUTE = 60;

/** The id SBML uses for pure numbers. */
export const DIMENSIONLESS_ID = 'dimensionless';

/** A unit string the engine cannot read (every unit of the model must be declared completely). */
export class UnknownUnitError extends Error {
  constructor(
    readonly unit: string,
    readonly usedBy: string,
  ) {
    super(`${usedBy}: unit '${unit}' cannot be read, so it cannot be declared in SBML`);
    this.name = 'UnknownUnitError';
  }
}

/** SBML `<unit>` elements of a parsed unit, every scale folded into the first unit's multiplier. */
function unitElements(unit: ParsedUnit): string[] {
  const [mass, length, time, amount, iu, u] = unit.dimension;
  const exponents: [string, number][] = [
    ['gram', mass],
    ['metre', length],
    ['second', time],
    ['mole', amount],
    ['item', iu + u],
  ];
  const siScale = unit.scale * Math.pow(SECONDS_PER_MINUTE, time);
  const present = exponents.filter(([, e]) => e !== 0);
  if (present.length === 0) present.push(['dimensionless', 1]);
  return present.map(([kind, exponent], i) => {
    const multiplier = i === 0 ? Math.pow(siScale, 1 / exponent) : 1;
    return (
      `<unit kind="${kind}" exponent="${formatDouble(exponent)}" scale="0" ` +
      `multiplier="${formatDouble(Number(multiplier.toPrecision(15)))}"/>`
    );
  });
}

/** True for a pure number of scale 1 (`1`, `-`, `dimensionless`): SBML's own `dimensionless`. */
function isPlainDimensionless(unit: ParsedUnit): boolean {
  return unit.scale === 1 && unit.dimension.every((e) => e === 0);
}

/** An id for a unit string: `ug/L/min` → `ug_per_L_per_min`, `1/min` → `per_min`. */
function idOfUnitString(text: string): string {
  const spelled = text
    .trim()
    .replace(/^1\s*\//, 'per_')
    .replace(/\//g, '_per_')
    .replace(/\^/g, '')
    .replace(/%/g, 'percent');
  return toSId(spelled);
}

/** An id for a dimension in base units: mass/volume → `dim_g_per_m3`. */
function idOfDimension(dimension: DimensionVector): string {
  const names = ['g', 'm', 'min', 'mol', 'IU', 'U'];
  const part = (sign: 1 | -1): string =>
    dimension
      .map((e, i) => (e * sign > 0 ? `${names[i]}${Math.abs(e) === 1 ? '' : Math.abs(e)}` : ''))
      .filter((s) => s !== '')
      .join('_');
  const numerator = part(1);
  const denominator = part(-1);
  return toSId(`dim_${numerator === '' ? '1' : numerator}${denominator === '' ? '' : `_per_${denominator}`}`);
}

/** The unit definitions of one document, created as units are asked for. */
export class UnitTable {
  private readonly byKey = new Map<string, string>();
  private readonly definitions = new Map<string, string>();
  /** Declared units in order of declaration: a literal in one of them reuses its definition. */
  private readonly declared: { unit: ParsedUnit; id: string }[] = [];

  /**
   * The SBML unit id of a declared unit string, defining it on first use.
   * @param usedBy - the declaration, for the error message.
   * @throws UnknownUnitError when the engine cannot read the unit.
   */
  idOf(unit: string, usedBy: string): string {
    const parsed = parseUnit(unit);
    if (parsed === undefined) throw new UnknownUnitError(unit, usedBy);
    if (isPlainDimensionless(parsed)) return DIMENSIONLESS_ID;
    const id = this.define(`unit:${unit}`, idOfUnitString(unit), unit, parsed);
    this.declared.push({ unit: parsed, id });
    return id;
  }

  /**
   * The SBML unit id of a unit given to a literal number: a declared unit of the same dimension and scale when
   * there is one (`min` for a time), else a new definition named after its dimension and scale.
   */
  idOfUnit(unit: ParsedUnit): string {
    if (isPlainDimensionless(unit)) return DIMENSIONLESS_ID;
    const declared = this.declared.find(
      (d) =>
        d.unit.dimension.every((e, i) => e === unit.dimension[i]) &&
        Math.abs(d.unit.scale - unit.scale) <= 1e-12 * Math.abs(unit.scale),
    );
    if (declared !== undefined) return declared.id;
    const scale = Number(unit.scale.toPrecision(12));
    const id = idOfDimension(unit.dimension) + (scale === 1 ? '' : `_scale_${formatDouble(scale)}`);
    const name = `${formatDimension(unit.dimension)}${scale === 1 ? '' : ` × ${formatDouble(scale)}`} (base units g, m, min, mol)`;
    return this.define(`literal:${unit.dimension.join(',')}:${scale}`, toSId(id), name, unit);
  }

  private define(key: string, wantedId: string, name: string, parsed: ParsedUnit): string {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    let id = SBML_BASE_UNITS.has(wantedId) ? `${wantedId}_unit` : wantedId;
    for (let k = 2; this.definitions.has(id); k++) id = `${wantedId}_${k}`;
    const units = unitElements(parsed).join('');
    this.definitions.set(
      id,
      `<unitDefinition id="${id}" name="${escapeXml(name)}"><listOfUnits>${units}</listOfUnits></unitDefinition>`,
    );
    this.byKey.set(key, id);
    return id;
  }

  /** The `<listOfUnitDefinitions>` element (empty string when no unit was asked for). */
  toXml(indent: string): string {
    if (this.definitions.size === 0) return '';
    const items = [...this.definitions.values()].map((d) => `${indent}  ${d}`).join('\n');
    return `${indent}<listOfUnitDefinitions>\n${items}\n${indent}</listOfUnitDefinitions>`;
  }
}
