import { describe, expect, it } from 'vitest';
import { levelStep, levelStepAcross, levelStepFitAcross } from './level-step.js';

const DAY = 86_400;

describe('levelStep (least-squares line + step)', () => {
  it('recovers an exact step on a drifting line (no noise → σ 0)', () => {
    // a″ decaying 2 m/day with a +40 m step after set 5 (km).
    const t = Float64Array.from({ length: 10 }, (_, k) => k * DAY);
    const x = Float64Array.from({ length: 10 }, (_, k) => 7000 - 0.002 * k + (k >= 5 ? 0.04 : 0));
    const r = levelStep(t, x, 0, 5, 9);
    expect(r?.value).toBeCloseTo(0.04, 9);
    expect(r?.sigma).toBeLessThan(1e-9);
  });

  it('matches an independent least-squares solution (numpy lstsq) for ±e alternating noise', () => {
    // Noise ±10 m alternating on 12 daily sets, +30 m step after set 6. Reference computed with
    // numpy.linalg.lstsq on the design [1, t − t̄, H]: step 0.0402857 km, σ = √(RSS/9 · (XᵀX)⁻¹₃₃)
    // = 0.0128850 km (the alternating noise projects onto the step column: +10.3 m bias).
    const t = Float64Array.from({ length: 12 }, (_, k) => k * DAY);
    const x = Float64Array.from({ length: 12 }, (_, k) => 7000 + (k % 2 === 0 ? 0.01 : -0.01) + (k >= 6 ? 0.03 : 0));
    const r = levelStep(t, x, 0, 6, 11);
    expect(r?.value).toBeCloseTo(0.0402857, 6);
    expect(r?.sigma).toBeCloseTo(0.012885, 6);
  });

  it('refuses windows too short to fit', () => {
    const t = Float64Array.from([0, 1, 2, 3]);
    expect(levelStep(t, t, 0, 2, 3)).toBeUndefined();
  });

  it('across a span leaves out the sets that carry the step in parts', () => {
    // +40 m step carried over sets 5 and 6 (+10 m, +30 m: the fits after a burn); sets 5..6 left out.
    const t = Float64Array.from({ length: 14 }, (_, k) => k * DAY);
    const x = Float64Array.from(
      { length: 14 },
      (_, k) => 7000 - 0.002 * k + (k >= 7 ? 0.04 : k === 5 ? 0.01 : k === 6 ? 0.03 : 0),
    );
    const r = levelStepAcross(t, x, 0, 4, 7, 13);
    expect(r?.value).toBeCloseTo(0.04, 9);
    expect(levelStepAcross(t, x, 0, 7, 7, 13)).toBeUndefined(); // first must follow last
  });

  it('returns the fitted line before the step and the scatter of one set (the ±e alternating case)', () => {
    // Exact line (decay 2 m/day, no noise): the line before the step is recovered, scatter 0.
    const t = Float64Array.from({ length: 14 }, (_, k) => k * DAY);
    const x = Float64Array.from({ length: 14 }, (_, k) => 7000 - 0.002 * k + (k >= 7 ? 0.04 : 0));
    const f = levelStepFitAcross(t, x, 0, 4, 7, 13);
    expect(f?.step).toBeCloseTo(0.04, 9);
    expect(f?.b).toBeCloseTo(-0.002, 9); // km/day
    const at = (k: number): number => (f?.c ?? 0) + ((f?.b ?? 0) * (k * DAY - (f?.tMeanSec ?? 0))) / DAY;
    expect(at(3)).toBeCloseTo(7000 - 0.006, 9);
    expect(f?.residualSigma).toBeLessThan(1e-9);
    // The numpy case above (lstsq on [1, t − t̄, H]): slope −0.00171429 km/day,
    // √(RSS/9) = 0.01104105 km.
    const t2 = Float64Array.from({ length: 12 }, (_, k) => k * DAY);
    const x2 = Float64Array.from({ length: 12 }, (_, k) => 7000 + (k % 2 === 0 ? 0.01 : -0.01) + (k >= 6 ? 0.03 : 0));
    const g = levelStepFitAcross(t2, x2, 0, 5, 6, 11);
    expect(g?.b).toBeCloseTo(-0.00171429, 7);
    expect(g?.residualSigma).toBeCloseTo(0.01104105, 7);
  });
});
