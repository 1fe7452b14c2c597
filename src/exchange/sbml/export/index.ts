// SPDX-License-Identifier: MIT
/** SBML Level 3 Version 2 export of the model, untreated or for a scenario's run (see `docs/sbml.md`). */
export { writeSbml, ENDOTWIN_ANNOTATION_NS, type LabelledEvent, type SbmlDocumentInput } from './document.js';
export { MathWriter, MATHML_NS, SBML_L3V2_NS, type MathContext } from './mathml.js';
export { untreatedModelSbml } from './model.js';
export { scenarioSbml, type ScenarioSbmlOptions } from './scenario.js';
export { UnitTable, UnknownUnitError } from './units.js';
