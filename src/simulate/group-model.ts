import { BENEFITS, type JobcoachParameters } from './jobcoach-params.js';

/** Number of latent groups. */
export const GROUPS = 4;

/** P(group | benefit, regime, sex, intellectual disability), ready for drawing. */
export interface GroupModel {
  /** probs[cell(b, r, s, d) * 4 + g]; see `groupCell`. */
  readonly probs: Float64Array;
  /** Regime distribution per benefit (`REGIMES` order) used to draw persons. */
  readonly regime: Readonly<Record<(typeof BENEFITS)[number], Float64Array>>;
}

/**
 * Index of the covariate cell (benefit 0/1, regime 0..3, sex 0 male / 1 female, intellectual 0/1).
 * @example
 * groupCell(1, 2, 0, 1); // 25, of 32 cells
 */
export function groupCell(benefit: number, regime: number, sex: number, intellectual: number): number {
  return ((benefit * 4 + regime) * 2 + sex) * 2 + intellectual;
}

/**
 * The latent-group model: a multinomial logit (log-linear model)
 *
 *   P(g | b, r, s, d) ∝ exp(α_bg + β_gr + γ·[g = 3, s = female] + δ·[g = 2, d = intellectual])
 *
 * with γ and δ the log odds ratios implied by the published group-3 shares of
 * women and men and the group-2 shares with and without an intellectual
 * disability, β fitted so that the Wajong regime distribution within each
 * group is Table 2 of study A, and α fitted so that the group shares per
 * benefit are the published ones. The fit is iterative proportional fitting
 * (Deming & Stephan 1940; Bishop, Fienberg & Holland 1975, ch. 3) over the
 * covariate distribution of each benefit; sex, disability and regime are drawn
 * independently, so the cells are products of their margins.
 *
 * @param params the panel parameters
 * @returns the fitted conditional probabilities and the regime distributions
 * @example
 * const m = fitGroupModel(JOBCOACH_PARAMETERS);
 * m.probs.subarray(groupCell(0, 1, 0, 0) * 4, groupCell(0, 1, 0, 0) * 4 + 4); // light regime, man, no ID
 */
export function fitGroupModel(params: JobcoachParameters): GroupModel {
  const odds = (p: number) => p / (1 - p);
  const orSex = odds(params.group3BySex.women) / odds(params.group3BySex.men);
  const orId = odds(params.group2ByIntellectual.with) / odds(params.group2ByIntellectual.without);

  // Wajong target margin (group, regime) = P(g) P(r | g); its regime margin is the population regime distribution.
  const share = params.groupShare.Wajong;
  const target = new Float64Array(GROUPS * 4);
  const wajongRegime = new Float64Array(4);
  for (let g = 0; g < GROUPS; g++) {
    const row = params.regimeByGroup[g];
    const rowSum = row.reduce((a, b) => a + b, 0);
    for (let r = 0; r < 4; r++) {
      target[g * 4 + r] = (share[g] * row[r]) / rowSum;
      wajongRegime[r] += target[g * 4 + r];
    }
  }
  const wgaRegime = Float64Array.from(params.persons.WGA.regime ?? wajongRegime);
  const regime = { Wajong: normalise(wajongRegime), WGA: normalise(wgaRegime) };

  // β (with α_Wajong folded in) by IPF on the (group, regime) margin
  const beta = new Float64Array(GROUPS * 4).fill(1);
  const fitted = new Float64Array(GROUPS * 4);
  for (let iter = 0; iter < 500; iter++) {
    margins(0, new Float64Array(GROUPS).fill(1), fitted);
    let change = 0;
    for (let k = 0; k < beta.length; k++) {
      const f = target[k] / fitted[k];
      beta[k] *= f;
      change = Math.max(change, Math.abs(f - 1));
    }
    if (change < 1e-12) break;
  }
  // α_WGA - α_Wajong by IPF on the WGA group margin
  const alphaWga = new Float64Array(GROUPS).fill(1);
  for (let iter = 0; iter < 500; iter++) {
    margins(1, alphaWga, fitted);
    let change = 0;
    for (let g = 0; g < GROUPS; g++) {
      let m = 0;
      for (let r = 0; r < 4; r++) m += fitted[g * 4 + r];
      const f = params.groupShare.WGA[g] / m;
      alphaWga[g] *= f;
      change = Math.max(change, Math.abs(f - 1));
    }
    if (change < 1e-12) break;
  }

  const probs = new Float64Array(2 * 4 * 2 * 2 * GROUPS);
  for (let b = 0; b < 2; b++) {
    for (let r = 0; r < 4; r++) {
      for (let s = 0; s < 2; s++) {
        for (let d = 0; d < 2; d++) conditional(b, r, s, d, b === 1 ? alphaWga : undefined, probs, groupCell(b, r, s, d) * GROUPS);
      }
    }
  }
  return { probs, regime };

  // P(g | b, r, s, d) ∝ α_bg β_gr OR_sex^[g=3, s=1] OR_id^[g=2, d=1], written into out[at .. at+3]
  function conditional(b: number, r: number, s: number, d: number, alpha: Float64Array | undefined, out: Float64Array, at: number): void {
    let total = 0;
    for (let g = 0; g < GROUPS; g++) {
      let w = beta[g * 4 + r] * (alpha ? alpha[g] : 1);
      if (g === 2 && s === 1) w *= orSex;
      if (g === 1 && d === 1) w *= orId;
      out[at + g] = w;
      total += w;
    }
    for (let g = 0; g < GROUPS; g++) out[at + g] /= total;
  }

  // fitted[g * 4 + r] = Σ_{s,d} P(r) P(s) P(d) P(g | b, r, s, d) for benefit b
  function margins(b: number, alpha: Float64Array, out: Float64Array): void {
    const person = params.persons[BENEFITS[b]];
    const pr = b === 0 ? regime.Wajong : regime.WGA;
    const pId = person.disability[0];
    const cell = new Float64Array(GROUPS);
    out.fill(0);
    for (let r = 0; r < 4; r++) {
      for (let s = 0; s < 2; s++) {
        for (let d = 0; d < 2; d++) {
          const px = pr[r] * (s === 1 ? person.femaleShare : 1 - person.femaleShare) * (d === 1 ? pId : 1 - pId);
          conditional(b, r, s, d, alpha, cell, 0);
          for (let g = 0; g < GROUPS; g++) out[g * 4 + r] += px * cell[g];
        }
      }
    }
  }
}

function normalise(p: Float64Array): Float64Array {
  const total = p.reduce((a, b) => a + b, 0);
  return p.map((x) => x / total);
}
