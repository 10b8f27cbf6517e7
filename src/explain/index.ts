// Public API of src/explain (re-exported from src/index.ts).
export { type CaseDissimilarities } from './cases.js';
export {
  discrepancy, discrepancyAssociation, ASSOCIATION_STATISTICS,
  type DiscrepancyOptions, type AssociationOptions, type DiscrepancyAssociation, type AssociationStatistic, type AnovaRow,
} from './association.js';
export {
  multiFactorDiscrepancy, type MultiFactorOptions, type MultiFactorDiscrepancy, type MultiFactorRow,
} from './multifactor.js';
export {
  discrepancyTree, treeNodes, type TreeOptions, type TreeNode, type TreeSplit, type DiscrepancyTree,
} from './tree.js';
export { formatTree, splitLabels, spellFormat, type FormatTreeOptions } from './tree-print.js';
export {
  representatives, sequenceRepresentatives,
  type RepresentativeCriterion, type RepresentativeOptions, type RepresentativeStatistics, type Representatives,
  type SequenceRepresentative, type SequenceRepresentatives, type SequenceRepresentativeOptions,
} from './representatives.js';
export {
  controlTree, controlRepresentatives, publishTree, type ControlledOutput, type PublishedTree, type PublishedTreeNode, type TreeDisclosureOptions,
} from './disclosure.js';
