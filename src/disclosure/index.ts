// Public API of src/disclosure (re-exported from src/index.ts).
export { sumsTo, pooledMean, type CellKind, type DisclosureCell, type Relation, type DisclosureTable } from './model.js';
export { primaryRule, roundCount, type DisclosureRule, type PrimaryRules } from './primary.js';
export { RelationGraph, type IndexedRelation } from './recover.js';
export { suppressSecondary, type SuppressionState } from './secondary.js';
export {
  controlTables, publishedValues, microdataLog,
  type DisclosureOptions, type ControlledCell, type ControlledTable, type DisclosureLogRow, type ControlledTables,
} from './control.js';
export { curvePlan, type StepCurvePoints, type CurvePlan } from './curve.js';
export { protectDistribution, type DistributionCells, type ProtectedDistribution } from './distribution.js';
export { disclosableSequence, type DisclosableSequence } from './sequence.js';
export { disclosableLabel, type DisclosableLabel } from './label.js';
export { withUnsafeRaw, type WithUnsafeRaw } from './safe.js';
export { csvText, csvColumns, neutraliseFormula, disclosureCsv, type CsvValue } from './csv.js';
