// Public API of src/stats (re-exported from src/index.ts).
export {
  type Random, randomInt, sampleWithoutReplacement, seededRandom,
} from './random.js';
export {
  chiSquareSurvival, confidenceZ, normalCdf, normalQuantile, regularizedBeta, regularizedGammaP,
  regularizedGammaQ, studentTCdf,
} from './distributions.js';
export {
  chiSquareIndependence, type ChiSquareTest,
} from './contingency.js';
export {
  aalenJohansen, type ConfidenceType, type CumulativeIncidence, kaplanMeier, type KaplanMeierCurve,
  riskTable, type RiskTable, stepValueAt, type SurvivalOptions,
} from './survival.js';
export {
  invertSymmetric, type SymmetricInverse,
} from './linalg.js';
export {
  categoryFixedEffects, type CategoryFixedEffectsFit, type CategoryFixedEffectsInput,
  type FixedEffectsBatch, FixedEffectsFitter, type FixedEffectsSe,
} from './fixedEffects.js';
export {
  type SampleSummary, welchTest, type WelchTest,
} from './welch.js';
export {
  adjustedRandIndex,
} from './adjustedRandIndex.js';
