import { formatMonth, parseMonth } from '../ingest/month.js';
import { OptionsError } from '../errors.js';
import { seededRandom } from '../stats/random.js';
import { drawDuration, drawIndex, drawNormal, haltonSequence, pickIndex, weibullScale } from './draw.js';
import { fitGroupModel, groupCell, GROUPS } from './group-model.js';
import {
  BENEFITS,
  INCAPACITY_CLASSES,
  JOBCOACH_PARAMETERS,
  type GroupJobs,
  type GroupProcess,
  type JobcoachParameters,
  type PersonParameters,
  type NextSpell,
  type SpellRule,
} from './jobcoach-params.js';

/** Options of the jobcoach panel generator. */
export interface JobcoachOptions {
  /** Number of persons (default 25,000, the size of study A). */
  n?: number;
  /** Seed of the random stream (default 1); the same seed gives the same panel. */
  seed?: number;
  /** Model parameters (default `JOBCOACH_PARAMETERS`, calibrated to study A). */
  parameters?: JobcoachParameters;
  /**
   * Months of the extract, from the first start month on (default 84: 2013-01
   * to 2019-12, the parameters' end month); more months follow every person
   * longer (120: to 2022-12, 61 to 120 months each). At least the 60 start months.
   */
  months?: number;
}

// State codes in alphabet order (JOBCOACH_STATES).
const TRIAL = 0;
const WORK_JC = 1;
const WORK = 2;
const NONE = 3;

// Order of the next-spell outcomes in the compiled tables.
const SAME_WORK_JC = 0;
const SAME_WORK = 1;
const NEW_TRIAL = 2;
const NEW_WORK_JC = 3;
const NEW_WORK = 4;
const TO_NONE = 5;

// Trajectory draws per person taken from the quasi-random points.
const PATH_DIMS = 6;

/**
 * One generated person. The generator reuses the object and its arrays for the
 * next person, so consumers copy what they keep. Month arrays are in process
 * time (index 0 = start month) and valid for indices < `length`.
 */
export interface GeneratedPerson {
  /** 0-based row number. */
  index: number;
  /** 0 = Wajong, 1 = WGA (`BENEFITS`). */
  benefit: number;
  /** 0 = male, 1 = female (`SEXES`). */
  sex: number;
  birthYear: number;
  /** Index into `DISABILITIES`. */
  disability: number;
  incapacity: number;
  /** Index into `REGIMES`. */
  regime: number;
  /** Start month as months since January of year 0 (year * 12 + month - 1). */
  start: number;
  /** Months of follow-up, start month through the end month. */
  length: number;
  weight: number;
  /** Latent group 1..4. */
  group: number;
  state: Uint8Array;
  /** Employer number (1-based) or 0 when not working. */
  employer: Int32Array;
  /** Hours per week; NaN when no paid job (trial placement, no work). */
  hours: Float64Array;
  /** Real hourly wage in cents; NaN when no paid job. */
  wageCents: Float64Array;
  /** 1 permanent, 0 temporary, -1 when no paid job. */
  permanent: Int8Array;
}

/** A seeded stream of persons: call `next()` n times. */
export interface JobcoachGenerator {
  readonly n: number;
  /** Longest possible follow-up (months), the width of the month arrays. */
  readonly maxLength: number;
  /** Number of employers ids are drawn from. */
  readonly employers: number;
  /** First start month as months since January of year 0. */
  readonly firstStart: number;
  next(): GeneratedPerson;
}

interface CompiledRule {
  scale: number;
  shape: number;
  next: Float64Array;
}

interface CompiledGroup {
  trial: Float64Array;
  spells: (CompiledRule | undefined)[]; // indexed by state code; trial has fixed lengths
  withdrawFrom: number;
  /** ln(1 - hazard) of withdrawal, 0 for none */
  withdrawLog: number;
  /** No work until the end of follow-up, after withdrawal. */
  withdrawn: CompiledRule;
  /** The none rule for spells starting at `lateFrom` or later. */
  lateNone: CompiledRule | undefined;
  lateFrom: number;
  /** permanentCdf[τ] = P(permanent contract by tenure month τ) in a job. */
  permanentCdf: Float64Array;
}

/**
 * Create the person-by-person generator of the jobcoach panel; both
 * `simulateJobcoach` and `writeJobcoachPanel` consume it, so the in-memory and
 * the on-disk panel of a seed are the same.
 *
 * Per person: benefit, sex, age, disability, incapacity, regime, then the
 * latent group from the fitted group model (`fitGroupModel`), a start month
 * (uniform over the start months) and the trajectory: month 0 a trial
 * placement or a job with jobcoach; thereafter semi-Markov spells whose length
 * (discretised Weibull, `drawDuration`) and successor depend on benefit, group
 * and spell type, with withdrawal from the labour market as a competing risk.
 * Each new job gets an employer, hours and a wage level; wages grow with the
 * months of paid work; the contract turns permanent at a tenure drawn by
 * inversion of P(permanent by tenure), with a jump at 24 months.
 * Draws behind the published shares are quasi-random (`haltonSequence`),
 * the rest come from `seededRandom(seed)`.
 *
 * @example
 * const gen = createJobcoachGenerator({ n: 3, seed: 1 });
 * const p = gen.next(); // p.state.subarray(0, p.length)
 */
export function createJobcoachGenerator(options: JobcoachOptions = {}): JobcoachGenerator {
  const { n = 25_000, seed = 1 } = options;
  if (!Number.isInteger(n) || n < 0) throw new OptionsError('n', `must be a whole number >= 0; got ${n}`);
  const par = withMonths(options.parameters ?? JOBCOACH_PARAMETERS, options.months);
  // One random stream per benefit: WGA parameters (5% of persons) then never
  // move the draws of Wajong persons, so each benefit calibrates on its own.
  const streams = [seededRandom(seed), seededRandom(seed + 0x632be5ab)];
  let rnd = streams[0];
  const model = fitGroupModel(par);
  const firstStart = monthNumber(par.firstStart);
  const starts = monthNumber(par.lastStart) - firstStart + 1;
  const end = monthNumber(par.endMonth);
  if (starts < 1 || end < firstStart + starts - 1) throw new OptionsError('parameters.lastStart', 'the start months must be in order and before the end month');
  const maxLength = end - firstStart + 1;
  const employers = Math.max(10, Math.ceil(n * par.employersPerPerson));
  const compiled = BENEFITS.map((b) => par.process[b].map((g, k) => compileGroup(g, par, par.persons[b], par.jobs[k], maxLength)));
  const people = BENEFITS.map((b) => par.persons[b]);
  const regimes = [model.regime.Wajong, model.regime.WGA];
  // Randomised quasi-Monte Carlo (see `haltonSequence`) drives the draws
  // behind the published shares: a point per person for benefit, sex,
  // disability, regime and latent group (one sequence per benefit), and one for
  // the start month and the first draws of the trajectory (one sequence per
  // benefit and group). Shares then match their expectation up to about 1/n of
  // their cell rather than up to sampling noise: the 1,250 WGA persons of a
  // 25,000 panel would otherwise move the WGA figures by 1.5 to 3 points
  // between seeds. Later draws and job attributes use the plain random stream.
  const benefitPoints = haltonSequence(rnd, 1);
  const personPoints = [0, 1].map(() => haltonSequence(rnd, 4));
  const pathPoints = [0, 1].map(() => [0, 1, 2, 3].map(() => haltonSequence(rnd, PATH_DIMS)));
  const x = new Float64Array(PATH_DIMS);
  let used = PATH_DIMS;
  // the person's next trajectory uniform: point coordinates first, then the random stream
  const q = (): number => (used < PATH_DIMS ? x[used++] : rnd());

  const p: GeneratedPerson = {
    index: -1, benefit: 0, sex: 0, birthYear: 0, disability: 0, incapacity: 0, regime: 0, start: 0, length: 0, weight: 1, group: 1,
    state: new Uint8Array(maxLength), employer: new Int32Array(maxLength), hours: new Float64Array(maxLength),
    wageCents: new Float64Array(maxLength), permanent: new Int8Array(maxLength),
  };

  return { n, maxLength, employers, firstStart, next };

  function next(): GeneratedPerson {
    p.index++;
    if (p.index >= n) throw new RangeError(`The generator holds ${n} persons.`);
    benefitPoints.next(x);
    const b = x[0] < par.wgaShare ? 1 : 0;
    rnd = streams[b];
    const person = people[b];
    personPoints[b].next(x);
    const [sexU, disabilityU, regimeU, groupU] = x;
    p.benefit = b;
    p.sex = sexU < person.femaleShare ? 1 : 0;
    const age = Math.round(drawNormal(rnd, person.age.mean, person.age.sd, person.age.min, person.age.max));
    p.disability = pickIndex(disabilityU, person.disability);
    const [lo, hi] = INCAPACITY_CLASSES[drawIndex(rnd, person.incapacity)];
    p.incapacity = lo + Math.floor(rnd() * (hi - lo + 1));
    p.regime = pickIndex(regimeU, regimes[b]);
    const cell = groupCell(b, p.regime, p.sex, p.disability === 0 ? 1 : 0) * GROUPS;
    const g = pickIndex(groupU, model.probs.subarray(cell, cell + GROUPS));
    p.group = g + 1;
    // the start month comes from the group's sequence, with the trajectory, so
    // that those followed 36 months are an even sample of each group's paths
    pathPoints[b][g].next(x);
    used = 0;
    p.start = firstStart + Math.floor(q() * starts);
    p.birthYear = Math.floor(p.start / 12) - age;
    p.length = end - p.start + 1;
    trajectory(b, g);
    return p;
  }

  /**
   * Fill the month arrays of `p`: semi-Markov spells until the end of follow-up.
   * Process draws come from `q` (point coordinates first), job attributes from `rnd`.
   */
  function trajectory(b: number, g: number): void {
    const person = people[b];
    const trialStart = q() < person.trialStart;
    // job months from `withdrawFrom` on until withdrawal: 1 + Geometric(h), by inversion
    const uWithdraw = q();
    // contract propensity, the same in every job: some persons get permanent contracts sooner than others
    const uContract = q();
    const proc = compiled[b][g];
    const L = p.length;
    // person-level job attributes
    const hoursMean = drawNormal(rnd, person.hoursMean + par.jobs[g].hoursShift, par.hoursSd, par.hoursMin, par.hoursMax);
    const wageBase = 100 * person.wageStart * par.jobs[g].wageFactor * Math.exp(drawNormal(rnd, 0, par.wageLogSd));
    let jobMonthsLeft = proc.withdrawLog < 0 ? 1 + Math.floor(Math.log(1 - uWithdraw) / proc.withdrawLog) : Infinity;
    let withdrawn = false;

    let state = trialStart ? TRIAL : WORK_JC;
    let employer = 0;
    let hours = 0;
    let jobWage = 0;
    let tenure = 0; // paid months at the current employer
    let permanentFrom = 0; // tenure at which the contract becomes permanent
    let experience = 0; // paid months since the start
    newJob(uContract);

    let t = 0;
    while (t < L) {
      const rule = withdrawn ? proc.withdrawn : state === NONE && proc.lateNone && t >= proc.lateFrom ? proc.lateNone : proc.spells[state];
      let duration: number;
      if (!rule) duration = q() < par.trialOneMonth ? 1 : 2;
      else duration = drawDuration(q, rule.scale, rule.shape);
      // withdrawal competes with the spell's own end: it comes after the remaining job months from withdrawFrom on
      let withdraw = false;
      if (state !== NONE && jobMonthsLeft < Infinity) {
        const from = Math.max(t, proc.withdrawFrom);
        const counted = Math.max(0, t + duration - from);
        if (counted >= jobMonthsLeft) {
          duration = from + jobMonthsLeft - t;
          withdraw = true;
        } else jobMonthsLeft -= counted;
      }
      const stop = duration > L - t ? L : t + duration;
      for (; t < stop; t++) {
        p.state[t] = state;
        if (state === WORK_JC || state === WORK) {
          tenure++;
          p.employer[t] = employer;
          p.hours[t] = hours;
          p.wageCents[t] = Math.round(jobWage * (1 + person.wageGrowth * Math.min(experience, par.wageGrowthMonths)));
          p.permanent[t] = tenure >= permanentFrom ? 1 : 0;
          experience++;
        } else {
          p.employer[t] = state === TRIAL ? employer : 0;
          p.hours[t] = NaN;
          p.wageCents[t] = NaN;
          p.permanent[t] = -1;
        }
      }
      if (t >= L) break;
      const outcome = withdraw ? TO_NONE : drawIndex(q, rule ? rule.next : proc.trial);
      withdrawn ||= withdraw;
      if (outcome === SAME_WORK_JC) state = WORK_JC;
      else if (outcome === SAME_WORK) state = WORK;
      else if (outcome === TO_NONE) state = NONE;
      else {
        state = outcome === NEW_TRIAL ? TRIAL : outcome === NEW_WORK_JC ? WORK_JC : WORK;
        newJob(uContract);
      }
    }

    // A job at another employer: hours, wage level, and when its contract becomes permanent.
    function newJob(uJob: number): void {
      let e = 1 + Math.floor(rnd() * employers);
      if (e === employer) e = e === employers ? 1 : e + 1;
      employer = e;
      hours = Math.round(drawNormal(rnd, hoursMean, par.hoursJobSd, par.hoursMin, par.hoursMax));
      jobWage = wageBase * Math.exp(drawNormal(rnd, 0, par.wageJobLogSd));
      tenure = 0;
      // first tenure month with uJob < P(permanent by then): the time to a permanent contract, by inversion
      const f = proc.permanentCdf;
      permanentFrom = 1;
      while (permanentFrom < f.length && uJob >= f[permanentFrom]) permanentFrom++;
    }
  }
}

function monthNumber(label: string): number {
  const m = parseMonth(label);
  if (m < 0) throw new OptionsError('parameters', `"${label}" is not a YYYY-MM month`);
  return m;
}

function compileGroup(g: GroupProcess, par: JobcoachParameters, person: PersonParameters, jobs: GroupJobs, months: number): CompiledGroup {
  const rule = (r: SpellRule): CompiledRule => ({ scale: weibullScale(r.mean, r.shape), shape: r.shape, next: nextTable(r.next) });
  const h = g.withdrawal?.hazard ?? 0;
  if (!(h >= 0 && h < 1)) throw new OptionsError('parameters.process', `a withdrawal hazard must be in [0, 1); got ${h}`);
  // P(permanent by tenure τ): F(1) = p0; F(τ) = 1 - (1 - F(τ-1))(1 - h_τ), h_25 the two-year jump
  const factor = jobs.permanentFactor * person.permanentFactor;
  const c = par.permanent;
  const permanentCdf = new Float64Array(months + 1);
  permanentCdf[0] = 0;
  permanentCdf[1] = c.start;
  for (let tau = 2; tau <= months; tau++) {
    const hazard = Math.min(1, factor * (tau < 25 ? c.hazardBefore24 : tau === 25 ? c.at24 : c.hazardAfter24));
    permanentCdf[tau] = 1 - (1 - permanentCdf[tau - 1]) * (1 - hazard);
  }
  return {
    trial: nextTable(g.trial),
    spells: [undefined, rule(g.workJc), rule(g.work), rule(g.none)],
    withdrawFrom: g.withdrawal?.from ?? 0,
    withdrawLog: Math.log(1 - h),
    withdrawn: { scale: Infinity, shape: 1, next: nextTable({ none: 1 }) },
    lateNone: g.lateNone ? rule({ ...g.none, mean: g.lateNone.mean }) : undefined,
    lateFrom: g.lateNone?.from ?? 0,
    permanentCdf,
  };
}

function nextTable(nx: NextSpell): Float64Array {
  return Float64Array.of(nx.sameWorkJc ?? 0, nx.sameWork ?? 0, nx.newTrial ?? 0, nx.newWorkJc ?? 0, nx.newWork ?? 0, nx.none ?? 0);
}

/** The parameters with the end month `months` after the first start month (unchanged without `months`). */
function withMonths(par: JobcoachParameters, months: number | undefined): JobcoachParameters {
  if (months === undefined) return par;
  const first = monthNumber(par.firstStart);
  const starts = monthNumber(par.lastStart) - first + 1;
  if (!(Number.isInteger(months) && months >= starts && months <= 1200)) {
    throw new OptionsError('months', `must be a whole number of months from ${starts} (the start months ${par.firstStart} to ${par.lastStart}) to 1200; got ${months}`);
  }
  return { ...par, endMonth: formatMonth(first + months - 1) };
}
