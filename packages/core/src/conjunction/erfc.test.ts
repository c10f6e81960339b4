import { describe, expect, it } from 'vitest';
import { erf, erfc } from './erfc.js';

describe('erfc', () => {
  // Reference values: mpmath 1.3 at 30 significant digits.
  const ref: [number, number][] = [
    [0, 1],
    [0.1, 0.887537083981715],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [1.2, 0.08968602177036464],
    [1.3, 0.06599205505934755],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [5, 1.537459794428035e-12],
    [10, 2.088487583762545e-45],
    [20, 5.395865611607901e-176],
    [26, 5.663192408856143e-296],
    [-1, 1.8427007929497148],
    [-3, 1.9999779095030015],
  ];
  for (const [x, want] of ref) {
    it(`erfc(${x}) to 1e-14 relative`, () => {
      expect(Math.abs(erfc(x) - want) / want).toBeLessThan(1e-14);
    });
  }
  it('erf is odd and erf + erfc = 1', () => {
    for (const x of [0.01, 0.7, 1.22, 1.23, 2.5, 4]) {
      expect(erf(-x)).toBe(-erf(x));
      expect(erf(x) + erfc(x)).toBeCloseTo(1, 15);
    }
  });
  it('underflows to 0 beyond x = 27.3 and propagates NaN', () => {
    expect(erfc(30)).toBe(0);
    expect(erfc(-30)).toBe(2);
    expect(erfc(NaN)).toBeNaN();
  });
});
