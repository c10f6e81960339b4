/**
 * Allocation-free decoders for the fixed-column fields of a TLE line. Each reads
 * `text[start..end)` with `charCodeAt` and returns `NaN` when the field does not have the
 * expected form, so the caller can report the field's column. Values equal what `Number()`
 * would give for the same decimal text: the digits are accumulated as an exact integer
 * (< 2^53) and divided once by an exact power of ten, which IEEE 754 rounds correctly.
 * @module
 */

const SPACE = 32;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const D0 = 48;
const D9 = 57;

/** Exact powers of ten 10^0..10^22 (all representable exactly in a double). */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${String(i)}`));

function pow10(n: number): number {
  return POW10[n] ?? 10 ** n;
}

/**
 * A decimal number: optional leading blanks, an optional sign (when `signed`), digits with at
 * most one `.`, optional trailing blanks; at least one digit. E.g. `  51.6416`, `-.00002182`,
 * `+.00001371`, `0.00000000`, `14.74467635`.
 */
export function decimalField(text: string, start: number, end: number, signed: boolean): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  let sign = 1;
  if (i < end && signed) {
    const c = text.charCodeAt(i);
    if (c === MINUS) {
      sign = -1;
      i++;
    } else if (c === PLUS) {
      i++;
    }
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1; // digits after the point; -1 = no point seen
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= D0 && c <= D9) {
      mantissa = mantissa * 10 + (c - D0);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === DOT && fraction < 0) {
      fraction = 0;
    } else {
      break;
    }
  }
  for (; i < end; i++) if (text.charCodeAt(i) !== SPACE) return Number.NaN;
  if (digits === 0 || digits > 15) return Number.NaN;
  return fraction > 0 ? (sign * mantissa) / pow10(fraction) : sign * mantissa;
}

/**
 * A field of digits only (no sign, no point), read as the fraction `0.DDDD`: the TLE's
 * eccentricity with its implied leading decimal point (`0006703` = 0.0006703).
 */
export function impliedFractionField(text: string, start: number, end: number): number {
  let mantissa = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < D0 || c > D9) return Number.NaN;
    mantissa = mantissa * 10 + (c - D0);
  }
  return end > start ? mantissa / pow10(end - start) : Number.NaN;
}

/**
 * The TLE's 8-character "implied decimal, power of ten" form `SMMMMMEX`: sign (blank, `+` or
 * `-`), five mantissa digits read as `0.MMMMM` (leading blanks allowed), exponent sign (`+`,
 * `-`) and one exponent digit. ` 29705-3` = 0.29705e-3, `-11606-4` = -0.11606e-4,
 * `+00000+0` = 0.
 */
export function impliedExponentField(text: string, start: number): number {
  const s = text.charCodeAt(start);
  if (s !== SPACE && s !== PLUS && s !== MINUS) return Number.NaN;
  let mantissa = 0;
  let seenDigit = false;
  for (let i = start + 1; i < start + 6; i++) {
    const c = text.charCodeAt(i);
    if (c >= D0 && c <= D9) {
      mantissa = mantissa * 10 + (c - D0);
      seenDigit = true;
    } else if (c !== SPACE || seenDigit) {
      return Number.NaN;
    }
  }
  const es = text.charCodeAt(start + 6);
  const ed = text.charCodeAt(start + 7);
  if (!seenDigit || (es !== PLUS && es !== MINUS) || ed < D0 || ed > D9) return Number.NaN;
  // value = ±mantissa × 10^(exponent − 5), divided by an exact power of ten when negative.
  const p = (es === MINUS ? -(ed - D0) : ed - D0) - 5;
  const magnitude = p < 0 ? mantissa / pow10(-p) : mantissa * pow10(p);
  return s === MINUS ? -magnitude : magnitude;
}

/**
 * An unsigned integer right-justified in its field (leading blanks allowed). Returns `null`
 * for an all-blank field and `NaN` for anything else that is not digits.
 */
export function integerField(text: string, start: number, end: number): number | null {
  let i = start;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  if (i === end) return null;
  let n = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < D0 || c > D9) return Number.NaN;
    n = n * 10 + (c - D0);
  }
  return n;
}

/** True when the character at `i` is an ASCII digit. */
export function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= D0 && c <= D9;
}
