import { describe, expect, it } from 'vitest';
import { leastSquares } from './least-squares.js';

describe('leastSquares', () => {
  it('recovers an exact plane y = 2 + 3a − 0.5b with zero residuals', () => {
    const rows: [number, number][] = [
      [0, 0],
      [1, 0],
      [0, 1],
      [2, 3],
      [-1, 4],
      [5, -2],
    ];
    const x = new Float64Array(rows.flatMap(([a, b]) => [1, a, b]));
    const y = new Float64Array(rows.map(([a, b]) => 2 + 3 * a - 0.5 * b));
    const fit = leastSquares(x, y, 3);
    expect(fit).toBeDefined();
    expect(fit?.coefficients[0]).toBeCloseTo(2, 12);
    expect(fit?.coefficients[1]).toBeCloseTo(3, 12);
    expect(fit?.coefficients[2]).toBeCloseTo(-0.5, 12);
    expect(fit?.residualSigma).toBeLessThan(1e-12);
  });

  it('gives the textbook slope σ for a straight line: s/√Σ(x−x̄)²', () => {
    const xs = [0, 1, 2, 3, 4];
    const ys = [0.1, 0.9, 2.1, 2.9, 4.1];
    const fit = leastSquares(new Float64Array(xs.flatMap((v) => [1, v])), new Float64Array(ys), 2);
    if (fit === undefined) throw new Error('singular');
    const rss = fit.residuals.reduce((s, r) => s + r * r, 0);
    const s = Math.sqrt(rss / 3);
    expect(Math.sqrt(fit.covariance[3] ?? 0)).toBeCloseTo(s / Math.sqrt(10), 12);
  });

  it('reports a singular design (two identical columns) as undefined', () => {
    const x = new Float64Array([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(leastSquares(x, new Float64Array([1, 2, 3, 4]), 2)).toBeUndefined();
  });
});
