// SPDX-License-Identifier: MIT
/**
 * A checked model plan as an SBML Level 3 Version 2 document. The model is a system of ODEs, so every quantity is
 * a global `parameter`: states change by rate rules, assignments and outputs are assignment rules, inputs are
 * changed only by events, and the declared constants are constant parameters. Ids are the model's own names.
 * Descriptions travel as notes; sub-model, source and evidence level as an `endotwin:` annotation; constants carry
 * SBO:0000002 (quantitative systems description parameter) and the model SBO:0000062 (continuous framework).
 */
import type { ModelPlan, PlannedExpression } from '../../../engine/compile.js';
import { parseUnit, type ParsedUnit } from '../../../engine/expr/units.js';
import type { TimedEvent } from '../../../engine/types.js';
import { MathWriter, SBML_L3V2_NS } from './mathml.js';
import { TIME_UNIT, unitProduct } from './unit-inference.js';
import { UnitTable } from './units.js';
import { escapeXml, formatDouble, toSId } from './xml.js';

/** Namespace of the endotwin annotations. */
export const ENDOTWIN_ANNOTATION_NS = 'urn:endotwin:sbml:annotation:1';

/** SBO term of constants (quantitative systems description parameter). */
export const SBO_PARAMETER = 'SBO:0000002';
/** SBO term of the model (continuous framework: ODEs). */
export const SBO_CONTINUOUS_FRAMEWORK = 'SBO:0000062';

/** An engine event with a label saying what it stands for (a dose, a meal, a GHRH pulse…). */
export interface LabelledEvent {
  readonly event: TimedEvent;
  readonly label: string;
}

/** What goes into the document besides the plan. */
export interface SbmlDocumentInput {
  readonly plan: ModelPlan;
  /** Parameter values by index (default: the declared values). */
  readonly parameterValues?: Float64Array;
  /** Initial state by index (default: the declared initial values). */
  readonly initialState?: Float64Array;
  /** Initial inputs by index (default: the declared initial values). */
  readonly initialInputs?: Float64Array;
  /** Timed changes of states and inputs, times in minutes from the document's time 0. */
  readonly events?: readonly LabelledEvent[];
  /** Paragraphs for the model's notes (what the document is, how to run it). */
  readonly notes?: readonly string[];
  /** Attributes of the model's `endotwin:run` annotation (for a scenario: its name, seed, end time). */
  readonly modelAnnotation?: Readonly<Record<string, string>>;
}

const notes = (paragraphs: readonly string[]): string =>
  `<notes><body xmlns="http://www.w3.org/1999/xhtml">${paragraphs
    .map((p) => `<p>${escapeXml(p)}</p>`)
    .join('')}</body></notes>`;

function annotation(attributes: Readonly<Record<string, string>>, element = 'declaration'): string {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  return `<annotation><endotwin:${element} xmlns:endotwin="${ENDOTWIN_ANNOTATION_NS}"${attrs}/></annotation>`;
}

/** Writes one document; every unit is declared through one table. */
class DocumentWriter {
  private readonly units = new UnitTable();
  private readonly math: MathWriter;
  private readonly unitsByName = new Map<string, ParsedUnit>();

  constructor(private readonly input: SbmlDocumentInput) {
    const { plan } = input;
    for (const decl of [...plan.states, ...plan.parameters, ...plan.inputs, ...plan.outputs]) {
      this.register(decl.name, decl.unit);
    }
    for (const a of plan.assignments) this.register(a.name, a.decl.unit ?? '1');
    this.units.idOf('min', 'model time');
    this.math = new MathWriter({
      unitOf: (name) => this.unitsByName.get(name),
      unitIdOf: (unit) => this.units.idOfUnit(unit),
    });
  }

  private register(name: string, unit: string): void {
    this.units.idOf(unit, name);
    const parsed = parseUnit(unit);
    if (parsed !== undefined) this.unitsByName.set(name, parsed);
  }

  private subModelOf(name: string): string {
    return this.input.plan.symbols.get(name)?.subModel ?? '';
  }

  private parameterElement(
    name: string,
    unit: string,
    description: string,
    options: { value?: number; constant: boolean; kind: string; source?: string; evidence?: string },
  ): string {
    const value = options.value === undefined ? '' : ` value="${formatDouble(options.value)}"`;
    const sbo = options.constant ? ` sboTerm="${SBO_PARAMETER}"` : '';
    const provenance: Record<string, string> = { kind: options.kind, subModel: this.subModelOf(name) };
    if (options.source !== undefined) provenance.source = options.source;
    if (options.evidence !== undefined) provenance.evidence = options.evidence;
    return (
      `      <parameter id="${name}" name="${name}"${value} units="${this.units.idOf(unit, name)}" ` +
      `constant="${options.constant}"${sbo}>${notes([description])}${annotation(provenance)}</parameter>`
    );
  }

  private parameters(): string[] {
    const { plan, parameterValues, initialState, initialInputs } = this.input;
    return [
      ...plan.states.map((s, i) =>
        this.parameterElement(s.name, s.unit, s.description, {
          value: initialState?.[i] ?? s.initial,
          constant: false,
          kind: 'state',
        }),
      ),
      ...plan.parameters.map((p, i) =>
        this.parameterElement(p.name, p.unit, p.description, {
          value: parameterValues?.[i] ?? p.value,
          constant: true,
          kind: 'parameter',
          source: p.source,
          evidence: p.evidence,
        }),
      ),
      ...plan.inputs.map((u, i) =>
        this.parameterElement(u.name, u.unit, u.description, {
          value: initialInputs?.[i] ?? u.initial,
          constant: false,
          kind: 'input',
        }),
      ),
      ...plan.assignments.map((a) =>
        this.parameterElement(a.name, a.decl.unit ?? '1', a.decl.description ?? a.decl.expr, {
          constant: false,
          kind: 'assignment',
        }),
      ),
      ...plan.outputs.map((o) =>
        this.parameterElement(o.name, o.unit, o.description, { constant: false, kind: 'output' }),
      ),
    ];
  }

  private rule(kind: 'assignmentRule' | 'rateRule', variable: string, content: string): string {
    return `      <${kind} variable="${variable}">${MathWriter.math(content)}</${kind}>`;
  }

  private rateContent(terms: readonly PlannedExpression[], stateUnit: ParsedUnit | undefined): string {
    const perTime = stateUnit && unitProduct(stateUnit, TIME_UNIT, -1);
    if (terms.length === 0) return this.math.literal(0, perTime);
    const parts = terms.map((term) => this.math.expression(term.node, perTime));
    return parts.length === 1 ? parts[0] : `<apply><plus/>${parts.join('')}</apply>`;
  }

  private rules(): string[] {
    const { plan } = this.input;
    return [
      ...plan.assignments.map((a) =>
        this.rule('assignmentRule', a.name, this.math.expression(a.expr.node, this.unitsByName.get(a.name))),
      ),
      ...plan.outputs.map((o, i) =>
        this.rule(
          'assignmentRule',
          o.name,
          this.math.expression(plan.outputExprs[i].node, this.unitsByName.get(o.name)),
        ),
      ),
      ...plan.states.map((s, i) =>
        this.rule('rateRule', s.name, this.rateContent(plan.ratesByState[i], this.unitsByName.get(s.name))),
      ),
    ];
  }

  /** The variable an engine event changes. */
  private targetOf(event: TimedEvent): string {
    const { plan } = this.input;
    const decl = event.target === 'state' ? plan.states[event.index] : plan.inputs[event.index];
    if (decl === undefined)
      throw new RangeError(`event at t = ${event.t} min: no ${event.target} ${event.index}`);
    return decl.name;
  }

  /**
   * One SBML event per distinct time. Changes of one variable at one time are composed in list order (the
   * engine applies them one after the other), so the outcome does not depend on how a simulator orders events.
   */
  private events(): string[] {
    const byTime = new Map<number, LabelledEvent[]>();
    for (const e of this.input.events ?? []) {
      const list = byTime.get(e.event.t) ?? [];
      list.push(e);
      byTime.set(e.event.t, list);
    }
    const prefix = this.eventIdPrefix();
    return [...byTime.entries()]
      .sort(([a], [b]) => a - b)
      .map(([t, list], k) => {
        const assignments = new Map<string, string>();
        for (const { event } of list) {
          const variable = this.targetOf(event);
          const current = assignments.get(variable) ?? `<ci>${variable}</ci>`;
          const unit = this.unitsByName.get(variable);
          const value =
            event.op === 'mul'
              ? this.math.literal(event.value, undefined)
              : this.math.literal(event.value, unit);
          const next =
            event.op === 'set'
              ? value
              : `<apply><${event.op === 'add' ? 'plus' : 'times'}/>${current}${value}</apply>`;
          assignments.set(variable, next);
        }
        const name = [...new Set(list.map((e) => e.label))].join('; ');
        const trigger =
          '<apply><geq/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol>' +
          `${this.math.literal(t, TIME_UNIT)}</apply>`;
        const items = [...assignments.entries()]
          .map(([v, m]) => `<eventAssignment variable="${v}">${MathWriter.math(m)}</eventAssignment>`)
          .join('');
        return (
          `      <event id="${prefix}${k + 1}" name="${escapeXml(name)}" useValuesFromTriggerTime="true">` +
          `<trigger initialValue="false" persistent="true">${MathWriter.math(trigger)}</trigger>` +
          `<listOfEventAssignments>${items}</listOfEventAssignments></event>`
        );
      });
  }

  /** `event_`, lengthened with underscores until no model name starts with it. */
  private eventIdPrefix(): string {
    let prefix = 'event_';
    const names = [...this.input.plan.symbols.keys()];
    while (names.some((n) => n.startsWith(prefix))) prefix = `_${prefix}`;
    return prefix;
  }

  write(): string {
    const { plan } = this.input;
    const list = (tag: string, items: readonly string[]): string =>
      items.length === 0 ? '' : `    <${tag}>\n${items.join('\n')}\n    </${tag}>\n`;
    // Parameters and rules first: they define the units the unit table then lists.
    const parameters = list('listOfParameters', this.parameters());
    const rules = list('listOfRules', this.rules());
    const events = list('listOfEvents', this.events());
    const modelNotes = notes(this.input.notes ?? [`${plan.name}, exported from endotwin.`]);
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<sbml xmlns="${SBML_L3V2_NS}" level="3" version="2">\n` +
      `  <model id="${toSId(plan.name)}" name="${escapeXml(plan.name)}" timeUnits="min" ` +
      `sboTerm="${SBO_CONTINUOUS_FRAMEWORK}">\n` +
      `    ${modelNotes}\n` +
      (this.input.modelAnnotation ? `    ${annotation(this.input.modelAnnotation, 'run')}\n` : '') +
      `${this.units.toXml('    ')}\n` +
      parameters +
      rules +
      events +
      '  </model>\n</sbml>\n'
    );
  }
}

/**
 * The SBML L3V2 document of a model plan (from `planModel`), with optional values, initial state and events.
 * @throws UnknownUnitError when a declared unit cannot be read (nothing would declare it).
 */
export function writeSbml(input: SbmlDocumentInput): string {
  return new DocumentWriter(input).write();
}
