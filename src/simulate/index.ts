// Public API of src/simulate (re-exported from src/index.ts).
export {
  type Benefit, BENEFITS, DISABILITIES, type GroupJobs, type GroupProcess, INCAPACITY_CLASSES,
  JOBCOACH_PARAMETERS, JOBCOACH_STATES, type JobcoachParameters, type JobcoachState, type LateNone,
  type NextSpell, type PersonParameters, REGIMES, SEXES, type SpellRule, type Withdrawal,
} from './jobcoach-params.js';
export { fitGroupModel, groupCell, type GroupModel } from './group-model.js';
export { createJobcoachGenerator, type JobcoachOptions, type JobcoachGenerator, type GeneratedPerson } from './generator.js';
export { simulateJobcoach, JOBCOACH_LABELS, JOBCOACH_ROLES, JOBCOACH_EMPLOYER, type SimulateJobcoachOptions } from './jobcoach.js';
export { writeJobcoachPanel, PERSON_COLUMNS, MONTH_COLUMNS, type WriteJobcoachOptions, type WrittenPanel } from './write.js';
