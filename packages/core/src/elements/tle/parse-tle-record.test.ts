import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkElements } from '../check-elements.js';
import { withinPublishedBounds } from './parse-tle-record.js';

describe('withinPublishedBounds (fast path before checkElements)', () => {
  it('agrees with checkElements on every value, bounds included', () => {
    const edge = (lo: number, hi: number): fc.Arbitrary<number> =>
      fc.oneof(
        fc.constantFrom(lo, hi, lo - 1e-9, hi + 1e-9, 0, -0, Number.NaN),
        fc.double({ min: lo - 10, max: hi + 10 }),
      );
    fc.assert(
      fc.property(
        edge(0, 1),
        edge(0, 17),
        edge(0, 180),
        edge(0, 360),
        edge(0, 360),
        edge(0, 360),
        (e, n, i, o, w, m) => {
          const slow = checkElements(
            {
              eccentricity: e,
              meanMotionRevPerDay: n,
              inclinationDeg: i,
              raanDeg: o,
              argPerigeeDeg: w,
              meanAnomalyDeg: m,
            },
            { file: 'f', line: 1 },
          );
          expect(withinPublishedBounds(e, n, i, o, w, m)).toBe(slow.length === 0);
        },
      ),
      { numRuns: 20_000, seed: 17 },
    );
  });
});
