import { describe, expect, it } from 'vitest';
import { curvePlan } from '../../src/index.js';

describe('curvePlan', () => {
  it('pools events until a step rests on minCell of them', () => {
    const plan = curvePlan({ time: [1, 2, 3, 4, 5], atRiskCount: [90, 80, 70, 60, 50], eventsCount: [4, 7, 12, 3, 2] }, { minCell: 10 });
    // 4 + 7 = 11 at time 2; 12 at time 3; 3 + 2 never reach 10
    expect(plan.keep).toEqual([false, true, true, false, false]);
  });

  it('stops where fewer than minCell are at risk', () => {
    const plan = curvePlan({ time: [1, 2, 3], atRiskCount: [40, 9, 5], eventsCount: [10, 3, 2] }, { minCell: 10, at: [1, 2, 3] });
    expect(plan.keep).toEqual([true, false, false]);
    expect(plan.atOk).toEqual([true, false, false]);
  });

  it('a reporting time is shown when the events since the last published time are 0 or enough, merging spans when it can', () => {
    const curve = { time: [1, 2, 3, 4, 6, 7], atRiskCount: [200, 180, 160, 150, 140, 130], eventsCount: [12, 2, 0, 5, 11, 4] };
    const plan = curvePlan(curve, { minCell: 10, at: [0, 1, 4, 5, 7] });
    // at 0: nothing yet; at 1: 12 events since the start (the point at time 1); at 4: 2 + 5 = 7 since month 1, a
    // reporting time that cannot move: withheld; at 5: still 7: withheld; then 7 + 11 = 18: point at time 6;
    // at 7: 4 more since time 6 -> drop that point, so month 7 closes a span of 7 + 11 + 4 = 22
    expect(plan.atOk).toEqual([true, true, false, false, true]);
    expect(plan.keep).toEqual([true, false, false, false, false, false]);
  });
});
