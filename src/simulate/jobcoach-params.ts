/**
 * Parameters of the synthetic jobcoach panel (study A, ../shared/docs/studies.md:
 * SEOR 2019, "labour-market patterns after the start of jobcoaching").
 *
 * Every value is tagged with where it comes from:
 * - [published]  a figure printed in study A;
 * - [derived]    computed from published figures (the computation is stated);
 * - [calibrated] chosen so that the generated panel reproduces the published
 *                figures named next to it (test/simulate/calibration.test.ts
 *                checks them with the library's own analyses);
 * - [assumed]    not published; a plausible value, with the reason.
 *
 * The README section "Synthetic jobcoach panel" repeats this as a table.
 */

/** The two benefits of study A. */
export const BENEFITS = ['Wajong', 'WGA'] as const;
export type Benefit = (typeof BENEFITS)[number];

/** The four monthly states, in alphabet order. */
export const JOBCOACH_STATES = ['trial', 'work_jc', 'work', 'none'] as const;
export type JobcoachState = (typeof JOBCOACH_STATES)[number];

/** Person covariate levels, in the order the parameter arrays use. */
export const SEXES = ['male', 'female'] as const;
export const DISABILITIES = ['intellectual', 'psychiatric', 'autism', 'physical', 'other'] as const;
export const REGIMES = ['very_light', 'light', 'medium', 'intensive'] as const;
/** Incapacity classes (percent, inclusive bounds) of the Dutch assessment. */
export const INCAPACITY_CLASSES: readonly (readonly [number, number])[] = [[35, 44], [45, 54], [55, 64], [65, 79], [80, 100]];

/**
 * What happens when a spell ends: probabilities of the next spell (need not
 * sum to exactly 1; they are normalised). `same*` keeps the employer (a trial
 * placement converted to a job, a jobcoach that ends or resumes within the same
 * job); `new*` is a job at another employer; `none` is a month without work.
 */
export interface NextSpell {
  sameWorkJc?: number;
  sameWork?: number;
  newTrial?: number;
  newWorkJc?: number;
  newWork?: number;
  none?: number;
}

/**
 * A semi-Markov sojourn: the spell length in months is a discretised Weibull
 * with this mean and shape (shape < 1: most spells short, a long tail; > 1:
 * lengths cluster around the mean); `mean: Infinity` makes the state absorbing.
 */
export interface SpellRule {
  mean: number;
  shape: number;
  next: NextSpell;
}

/**
 * Leaving the labour market: from month `from` since the start, each month in a
 * job ends it with probability `hazard` and no work follows (a competing risk
 * next to the spell's own end).
 */
export interface Withdrawal {
  from: number;
  hazard: number;
}

/**
 * Spells without work that start in month `from` or later have this mean length
 * (same shape and successors as `none`): finding work again takes longer once
 * the three-year jobcoaching period is over.
 */
export interface LateNone {
  from: number;
  mean: number;
}

/** The process of one latent group: what follows a trial placement, and each spell type. */
export interface GroupProcess {
  /** After a trial placement (1 or 2 months): convert (`sameWorkJc`), another placement or job, or no work. */
  trial: NextSpell;
  workJc: SpellRule;
  work: SpellRule;
  none: SpellRule;
  withdrawal?: Withdrawal;
  lateNone?: LateNone;
}

/** Job attributes that differ by latent group. */
export interface GroupJobs {
  /** Added to the person's mean hours per week. */
  hoursShift: number;
  /** Multiplies the hourly wage level. */
  wageFactor: number;
  /** Multiplies the monthly hazards of getting a permanent contract. */
  permanentFactor: number;
}

/** Person covariates of one benefit. */
export interface PersonParameters {
  femaleShare: number;
  /** Age at the start of jobcoaching: normal, rounded, clipped. */
  age: { mean: number; sd: number; min: number; max: number };
  /** Probabilities in `DISABILITIES` order. */
  disability: readonly number[];
  /** Probabilities of the `INCAPACITY_CLASSES`; uniform within a class. */
  incapacity: readonly number[];
  /** Probabilities in `REGIMES` order; when absent, derived from `groupShare` and `regimeByGroup`. */
  regime?: readonly number[];
  /** Share starting with a trial placement in month 0 (else in `work_jc`). */
  trialStart: number;
  /** Mean hours per week at job start; stable over time. */
  hoursMean: number;
  /** Median real hourly wage (euros) of a new job at month 0, before group factors. */
  wageStart: number;
  /** Proportional wage growth per month of paid work, up to `wageGrowthMonths`. */
  wageGrowth: number;
  /** Multiplies the monthly hazards of getting a permanent contract. */
  permanentFactor: number;
}

/** Everything the generator needs; `JOBCOACH_PARAMETERS` holds the calibrated default. */
export interface JobcoachParameters {
  /** Share of WGA among persons. */
  wgaShare: number;
  /** First and last start month (YYYY-MM), and the last observed month. */
  firstStart: string;
  lastStart: string;
  endMonth: string;
  persons: Readonly<Record<Benefit, PersonParameters>>;
  /** Latent group shares per benefit, group 1..4. */
  groupShare: Readonly<Record<Benefit, readonly number[]>>;
  /** Wajong: regime distribution within each group (rows group 1..4, columns `REGIMES`). */
  regimeByGroup: readonly (readonly number[])[];
  /** Share in group 3 among women and among men (drives the sex effect on group 3). */
  group3BySex: { women: number; men: number };
  /** Share in group 2 with and without an intellectual disability (Wajong). */
  group2ByIntellectual: { with: number; without: number };
  /** Spell processes per benefit, groups 1..4. */
  process: Readonly<Record<Benefit, readonly GroupProcess[]>>;
  /** Job attributes per group 1..4. */
  jobs: readonly GroupJobs[];
  /** Probability that a trial placement lasts 1 month (else the maximum of 2). */
  trialOneMonth: number;
  /** Between-person sd of mean hours; within-person sd between jobs. */
  hoursSd: number;
  hoursJobSd: number;
  hoursMin: number;
  hoursMax: number;
  /** Between-person sd of log wage; within-person sd of log wage between jobs. */
  wageLogSd: number;
  wageJobLogSd: number;
  /** Months of paid work after which wages stop growing. */
  wageGrowthMonths: number;
  /** Permanent contract: probability at job start, monthly hazard before and after 24 months of tenure, probability at 24 months. */
  permanent: { start: number; hazardBefore24: number; at24: number; hazardAfter24: number };
  /** Number of distinct employers per person in the panel (pool size = ceil(n * employersPerPerson)). */
  employersPerPerson: number;
}

/*
 * Group processes (Wajong). What study A says of each group [published]:
 * 1 "quickly without jobcoach": works without jobcoach within 3 years (most much
 *   sooner), more than 3/4 directly from work_jc, the rest after a short spell
 *   without work; 90% of the observed time working.
 * 2 "long-term jobcoaching": still with jobcoach after 3 years; about 30% had a
 *   short spell without work, 16% tried working without jobcoach; 89% working.
 * 3 "ends without work": loses the job within two years and finds no new work,
 *   mostly straight from work_jc, sometimes from the trial placement; 17% first
 *   worked a while without jobcoach; changes jobs more often while working; 20%.
 * 4 "switchers": many state changes with short spells in any order, a job
 *   change about once a year; 59% working.
 * These descriptions are the groups' definitions, so the processes keep to
 * them within the three years the typology sees, and the groups stay as
 * distinct as the study's clusters: group 1's spell with jobcoach ends before
 * month 24 (shape 2.5 leaves almost no long tail), group 3 loses a job it still
 * has at month 18 within a few months (`withdrawal` with hazard 0.4: 5% keep it
 * past month 24), and the switchers' spells are short and regular (shape 3: no
 * long run of work or of no work that would look like group 1 or 3). With
 * heavier tails the latent groups overlap and no clustering recovers them (the
 * adjusted Rand index of the study's typology against `true_group` fell to
 * 0.6). Job changes at the same state (group 1's
 * `newWork` from work) leave the sequence unchanged and carry Table 1 B.
 * Spell means, shapes and successor probabilities are [calibrated] so that,
 * together, these groups give figure 1 (trial share at month 0, work_jc at
 * month 6, the shares at month 36), Table 1 and the % of time working.
 * Withdrawal after month 36 (groups 1, 2, 4) and the long spells without work
 * after month 36 (group 4) are [calibrated] to the % of time working over the
 * whole follow-up: Table 1 and the month-36 shares leave no room for that much
 * time without work in the first three years; jobcoaching normally ends after
 * three years [published].
 */
const WAJONG_PROCESS: readonly GroupProcess[] = [
  {
    trial: { sameWorkJc: 0.92, newWorkJc: 0.03, none: 0.05 },
    workJc: { mean: 12, shape: 2.5, next: { sameWork: 0.755, newWorkJc: 0.02, none: 0.1625 } },
    work: { mean: 45, shape: 1, next: { newWork: 0.6, none: 0.425 } },
    none: { mean: 2.25, shape: 1.2, next: { newWork: 0.85, newWorkJc: 0.1, newTrial: 0.05 } },
    withdrawal: { from: 36, hazard: 0.019 },
  },
  {
    trial: { sameWorkJc: 0.93, newWorkJc: 0.03, none: 0.04 },
    workJc: { mean: 65, shape: 1.1, next: { sameWork: 0.285, newWorkJc: 0.2, none: 0.555 } },
    work: { mean: 7, shape: 1.2, next: { sameWorkJc: 0.85, none: 0.15 } },
    none: { mean: 2.5, shape: 1.2, next: { newWorkJc: 0.85, newTrial: 0.15 } },
    withdrawal: { from: 36, hazard: 0.02 },
  },
  {
    trial: { sameWorkJc: 0.8, newWorkJc: 0.05, none: 0.15 },
    workJc: { mean: 8, shape: 1.5, next: { sameWork: 0.12, newWorkJc: 0.24, newWork: 0.03, none: 0.65 } },
    work: { mean: 5, shape: 1.3, next: { newWork: 0.15, none: 0.85 } },
    none: { mean: Infinity, shape: 1, next: { none: 1 } },
    withdrawal: { from: 18, hazard: 0.4 },
  },
  {
    trial: { sameWorkJc: 0.75, newWorkJc: 0.05, newTrial: 0.05, none: 0.025 },
    workJc: { mean: 3.25, shape: 3, next: { sameWork: 0.74, none: 0.18, newWork: 0.045, newWorkJc: 0.045 } },
    work: { mean: 3.5, shape: 3, next: { sameWorkJc: 0.65, none: 0.19, newWork: 0.045, newWorkJc: 0.045 } },
    none: { mean: 7.5, shape: 3, next: { newWorkJc: 0.5, newWork: 0.3, newTrial: 0.2 } },
    withdrawal: { from: 36, hazard: 0.07 },
    lateNone: { from: 36, mean: 28 },
  },
];

/*
 * WGA: the Wajong processes with these differences [calibrated] to the WGA
 * figures: group 1 moves to work without jobcoach sooner, changes employer
 * more often once without jobcoach and leaves the labour market from month 28
 * on (older people with a partial work capacity; WGA is 50% without work at
 * 36 months with 41% in group 1; leaving earlier would make them look like
 * group 3); group 3 changes jobs more often (Table 1 B); group 4 has somewhat
 * longer spells with jobcoach, shorter spells without work and leaves later.
 */
const WGA_PROCESS: readonly GroupProcess[] = [
  {
    ...WAJONG_PROCESS[0],
    workJc: { mean: 11, shape: 2.5, next: { sameWork: 0.775, newWorkJc: 0.03, none: 0.185 } },
    work: { mean: 45, shape: 1, next: { newWork: 0.85, none: 0.15 } },
    withdrawal: { from: 28, hazard: 0.05 },
  },
  WAJONG_PROCESS[1],
  {
    ...WAJONG_PROCESS[2],
    trial: { sameWorkJc: 0.15, none: 0.85 },
    workJc: { mean: 12, shape: 2.5, next: { sameWork: 0.12, newWorkJc: 0.38, newWork: 0.03, none: 0.65 } },
  },
  {
    ...WAJONG_PROCESS[3],
    workJc: { mean: 3.4, shape: 3, next: { sameWork: 0.77, none: 0.18, newWork: 0.045, newWorkJc: 0.045 } },
    work: { mean: 4, shape: 3, next: { sameWorkJc: 0.68, none: 0.15, newWork: 0.095, newWorkJc: 0.045 } },
    none: { mean: 6.3, shape: 3, next: { newWorkJc: 0.5, newWork: 0.3, newTrial: 0.2 } },
    withdrawal: { from: 36, hazard: 0.08 },
    lateNone: { from: 36, mean: 34 },
  },
];

/** The calibrated default parameters of the jobcoach panel. */
export const JOBCOACH_PARAMETERS: JobcoachParameters = {
  wgaShare: 0.05, // [published] 95% Wajong, 5% WGA
  firstStart: '2013-01', // [published] starts from 2013
  lastStart: '2017-12', // [derived] at least 24 months of follow-up before endMonth [published]
  endMonth: '2019-12', // [assumed] last month of the register extract
  persons: {
    Wajong: {
      femaleShare: 0.4, // [assumed] Wajong is about 60% male
      age: { mean: 23, sd: 4, min: 18, max: 40 }, // [assumed] Wajong is for the young disabled, from age 18
      disability: [0.45, 0.25, 0.17, 0.08, 0.05], // [assumed] intellectual disability the largest Wajong diagnosis
      incapacity: [0.02, 0.03, 0.05, 0.1, 0.8], // [assumed] most Wajong 80-100% incapacitated
      // regime: [derived] Table 2 groups weighted by the group shares (the published total column, unrounded)
      trialStart: 0.59, // [published] 59% start in a trial placement
      hoursMean: 25, // [published] about 25 hours a week at job start, stable
      wageStart: 6.5, // [calibrated] mean wage at start EUR 6.68 [published]
      wageGrowth: 0.01225, // [calibrated] mean wage after three years EUR 9.25 [published]
      permanentFactor: 1,
    },
    WGA: {
      femaleShare: 0.45, // [assumed] WGA is about half women
      age: { mean: 46, sd: 9, min: 25, max: 64 }, // [assumed] adults with partial work capacity
      disability: [0.03, 0.4, 0.04, 0.38, 0.15], // [assumed] psychiatric and physical dominate WGA
      incapacity: [0.25, 0.25, 0.2, 0.3, 0], // [assumed] WGA means 35-80% incapacitated
      regime: [0.09, 0.28, 0.53, 0.1], // [assumed] like Wajong, a little lighter
      trialStart: 0.45, // [published] 45% start in a trial placement
      hoursMean: 22, // [published] about 22 hours a week at job start, stable
      wageStart: 11.4, // [calibrated] mean wage at start EUR 11.67 [published]
      wageGrowth: 0.007875, // [calibrated] mean wage after three years EUR 15.00 [published]
      permanentFactor: 1.55, // [calibrated] 45% permanent after three years (Wajong 37%) [published]
    },
  },
  groupShare: {
    // [published] 19/24/29/28, with group 3 raised to 30.5: the published group-3
    // shares of women (36%) and men (30%) imply at least 30% overall; this splits the difference
    Wajong: [0.186, 0.235, 0.305, 0.274],
    WGA: [0.41, 0.09, 0.32, 0.18], // [published]
  },
  regimeByGroup: [
    [0.12, 0.35, 0.47, 0.06], // [published] Table 2, group 1
    [0.06, 0.24, 0.58, 0.11], // [published] Table 2, group 2 (its rounded shares sum to 99)
    [0.04, 0.19, 0.62, 0.15], // [published] Table 2, group 3
    [0.07, 0.26, 0.57, 0.1], // [published] Table 2, group 4
  ],
  group3BySex: { women: 0.36, men: 0.3 }, // [published] women over-represented in group 3 (as an odds ratio)
  group2ByIntellectual: { with: 0.29, without: 0.2 }, // [assumed] "more often in group 2" [published]: odds ratio 1.6
  process: { Wajong: WAJONG_PROCESS, WGA: WGA_PROCESS },
  jobs: [
    // [published] group 1 works more hours, earns more, more often permanent; sizes [assumed]
    { hoursShift: 1.5, wageFactor: 1.08, permanentFactor: 1.6 },
    { hoursShift: 0, wageFactor: 1, permanentFactor: 1 },
    { hoursShift: -1, wageFactor: 0.97, permanentFactor: 0.8 },
    { hoursShift: -0.5, wageFactor: 0.98, permanentFactor: 0.7 },
  ],
  trialOneMonth: 0.3, // [assumed] most placements use the 2 months allowed [published maximum]
  hoursSd: 5, // [assumed] part-time jobs of roughly 12 to 38 hours
  hoursJobSd: 1.5, // [assumed] hours "stable over the years" [published]
  hoursMin: 8, // [assumed]
  hoursMax: 40, // [assumed]
  wageLogSd: 0.12, // [assumed] modest dispersion around the (youth) minimum wage
  wageJobLogSd: 0.03, // [assumed]
  wageGrowthMonths: 60, // [assumed]
  // [published] 15% at start and a jump at 24 months (two years of temporary
  // contracts at one employer); hazards and jump [calibrated] to 37% / 45% at 36 months
  permanent: { start: 0.15, hazardBefore24: 0.0035, at24: 0.3, hazardAfter24: 0.005 },
  employersPerPerson: 0.6, // [assumed] a pool of employers shared by the panel
};
