/** What `curvePlan` needs of a step curve (a Kaplan-Meier or cumulative-incidence risk table). */
export interface StepCurvePoints {
  /** Distinct times, ascending. */
  readonly time: readonly number[];
  /** Unweighted observations at risk just before each time. */
  readonly atRiskCount: readonly number[];
  /** Unweighted events at each time. */
  readonly eventsCount: readonly number[];
}

/** Which parts of a step curve may be published. */
export interface CurvePlan {
  /** keep[j]: point j is published. */
  readonly keep: boolean[];
  /** atOk[k]: the curve's value at reporting time at[k] may be published. */
  readonly atOk: boolean[];
}

/**
 * Disclosure control of a step curve (Kaplan-Meier survival, cumulative
 * incidence): a published step must rest on at least `minCell` events, and
 * a published point on at least `minCell` observations at risk.
 *
 * Walking the curve in time order, events are pooled until they reach
 * `minCell`; only then is a point published, so each drawn step stands for
 * at least `minCell` events (the curve is coarser where events are sparse).
 * From the first time with fewer than `minCell` at risk on, nothing is
 * published. The value at a reporting time (e.g. the share with a new job
 * after 6 months) is published when the events since the previous published
 * time are 0 or at least `minCell`; otherwise, when the previous published
 * time is a curve point, that point is dropped so that the span reaches back
 * to the one before it (which already holds `minCell` events); else the value
 * is withheld. Consecutive published values then never differ by fewer than
 * `minCell` events. Events are observations (e.g. job endings), so a person
 * with several in one span counts several times.
 *
 * @param curve times, unweighted at-risk and event counts
 * @param options minCell (10), at (reporting times, ascending)
 * @returns the points to keep and the reporting times whose value may be shown
 * @example
 * curvePlan({ time: [1, 2, 3], atRiskCount: [40, 30, 12], eventsCount: [6, 5, 8] }, { minCell: 10, at: [2] });
 * // keep: [false, true, false] (6 + 5 events at time 2; 8 more never reach 10), atOk: [true]
 */
export function curvePlan(curve: StepCurvePoints, options: { minCell?: number; at?: readonly number[] } = {}): CurvePlan {
  const { minCell = 10, at = [] } = options;
  const n = curve.time.length;
  const keep = new Array<boolean>(n).fill(false);
  const atOk = new Array<boolean>(at.length).fill(false);
  // the last published time: a kept point (index) or a reporting time; events since it, and since the one before it
  let lastPoint = -1;
  let lastIsPoint = false;
  let sinceLast = 0;
  let beforeLast = 0;
  let open = true; // false once fewer than minCell are at risk
  let j = 0;
  const publish = (point: number) => {
    beforeLast = sinceLast;
    sinceLast = 0;
    lastPoint = point;
    lastIsPoint = point >= 0;
  };
  for (let k = 0; k <= at.length; k++) {
    const until = k < at.length ? at[k] : Infinity;
    for (; j < n && curve.time[j] <= until; j++) {
      if (curve.atRiskCount[j] < minCell) open = false;
      if (!open) continue;
      sinceLast += curve.eventsCount[j];
      if (sinceLast >= minCell) {
        keep[j] = true;
        publish(j);
      }
    }
    if (k === at.length) break;
    // past a time with fewer than minCell at risk the curve is not published
    if (!open) continue;
    if (sinceLast === 0) {
      // the same value as the last published time, now pinned by a reporting time
      atOk[k] = true;
      lastIsPoint = false;
    } else if (sinceLast >= minCell) {
      atOk[k] = true;
      publish(-1);
    } else if (lastIsPoint) {
      // merge the span into the previous one: drop the point before it
      keep[lastPoint] = false;
      atOk[k] = true;
      sinceLast = 0;
      lastIsPoint = false;
    }
  }
  return { keep, atOk };
}
