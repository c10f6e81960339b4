/**
 * Recovers the number as published (degrees, rev/day) from the value a parser converted to
 * orbwatch's units, so that SGP4 is initialised from the same float `twoline2satrec` would parse
 * from the text. A plain inverse (`rad × 180/π`) can land one ulp away from the published decimal,
 * and SGP4 then differs from the reference in the last bits (up to 7e-8 km after 3.5 years on
 * SGP4-VER 20413).
 * @module
 */

/**
 * The shortest decimal `d` (≤ 17 significant digits) with `forward(d) === converted`, searched
 * around `approx` (the plain inverse); `approx` itself when no shorter decimal maps exactly.
 */
export function publishedValue(converted: number, approx: number, forward: (published: number) => number): number {
  if (!Number.isFinite(approx) || approx === 0) return approx;
  for (let digits = 1; digits <= 17; digits++) {
    const candidate = Number(approx.toPrecision(digits));
    if (forward(candidate) === converted) return candidate;
  }
  return approx;
}
