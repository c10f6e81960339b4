/**
 * Writes an {@link ElementSet} as the two lines of a TLE, in the layout CelesTrak publishes
 * (blank signs for positive values, ` 00000+0` for a zero exponent field, element set number
 * right-justified in columns 65-68), with correct checksums. Catalog numbers ≥ 100000 are
 * written in Alpha-5.
 * @module
 */
import { encodeAlpha5, tleDesignatorFromCospar } from '../../ids/norad-id.js';
import type { Instant } from '../../time/instant.js';
import { instantFromYearDay, MS_PER_DAY } from '../../time/instant.js';
import { radPerSecToRevPerDay, radToDeg } from '../../units/quantity.js';
import type { ElementSet } from '../element-set.js';
import { tleChecksum } from './tle-checksum.js';

/** First and last years a 2-digit TLE epoch year can stand for. */
const FIRST_YEAR = 1957;
const LAST_YEAR = 2056;

function fail(field: string, value: unknown, why: string): never {
  throw new RangeError(`formatTle: ${field} ${String(value)} cannot be written in a TLE: ${why}`);
}

/** The UTC calendar year containing `t`. */
function yearOf(t: Instant): number {
  let y = 1970 + Math.floor(t / (365.2425 * MS_PER_DAY));
  while (instantFromYearDay(y + 1, 1) <= t) y++;
  while (instantFromYearDay(y, 1) > t) y--;
  return y;
}

/** `YYDDD.DDDDDDDD`: 2-digit year and day of year (1.0 = 1 January 00:00 UTC) to 1e-8 day. */
export function formatTleEpoch(t: Instant): string {
  let year = yearOf(t);
  let text = ((t - instantFromYearDay(year, 1)) / MS_PER_DAY + 1).toFixed(8);
  const daysInYear = (instantFromYearDay(year + 1, 1) - instantFromYearDay(year, 1)) / MS_PER_DAY;
  if (Number(text) >= daysInYear + 1) {
    // rounded up into the next year
    year += 1;
    text = '1.00000000';
  }
  if (!Number.isFinite(t) || year < FIRST_YEAR || year > LAST_YEAR)
    fail('epoch', t, `year must be ${String(FIRST_YEAR)}-${String(LAST_YEAR)}`);
  return `${String(year % 100).padStart(2, '0')}${text.padStart(12, '0')}`;
}

/** ` .NNNNNNNN` / `-.NNNNNNNN`: first derivative of mean motion / 2 (rev/day²). */
function formatNdot(v: number): string {
  const s = Math.abs(v).toFixed(8);
  if (!Number.isFinite(v) || !s.startsWith('0.')) fail('meanMotionDotRevPerDay2', v, 'magnitude must be below 1');
  return (v < 0 && s !== '0.00000000' ? '-' : ' ') + s.slice(1);
}

/**
 * The implied-decimal, power-of-ten form `SMMMMMEX` (` 29705-3` = 0.29705e-3). The mantissa
 * is rounded to five digits; magnitudes below 1e-10 are written as zero (` 00000+0`).
 */
export function formatImpliedExponent(v: number, field: string): string {
  if (!Number.isFinite(v)) fail(field, v, 'not a finite number');
  const a = Math.abs(v);
  if (a < 1e-10) return ' 00000+0';
  let e = Math.floor(Math.log10(a)) + 1;
  const scaled = (x: number, p: number): number => (p >= 0 ? x * 10 ** p : x / 10 ** -p);
  let digits = Math.round(scaled(a, 5 - e));
  if (digits >= 100_000) {
    e += 1;
    digits = Math.round(scaled(a, 5 - e));
  } else if (digits < 10_000) {
    e -= 1;
    digits = Math.round(scaled(a, 5 - e));
  }
  if (digits >= 100_000) {
    e += 1;
    digits = 10_000;
  }
  if (e < -9) return ' 00000+0';
  if (e > 9) fail(field, v, 'magnitude must be below 1e9');
  return `${v < 0 ? '-' : ' '}${String(digits).padStart(5, '0')}${e < 0 ? '-' : '+'}${String(Math.abs(e))}`;
}

/** An angle in degrees, `NNN.NNNN` right-justified in 8 columns. */
function formatAngle(r: number, field: string, max: number): string {
  const s = radToDeg(r).toFixed(4);
  const d = Number(s);
  if (!(d >= 0 && d <= max)) fail(field, r, `must be 0-${String(max)} degrees`);
  return s.padStart(8, ' ');
}

function formatCount(v: number | null, width: number, field: string): string {
  if (v === null) return ' '.repeat(width);
  if (!Number.isInteger(v) || v < 0) fail(field, v, 'must be a non-negative integer');
  // TLE counters wrap: the revolution number is written modulo 100000, the set number modulo 10000.
  return String(v % 10 ** width).padStart(width, ' ');
}

/**
 * Formats an element set as TLE line 1 and line 2 (69 characters each, checksums computed).
 * Throws `RangeError` when a value cannot be written in the format (eccentricity ≥ 1, angle
 * outside its range, epoch year outside 1957-2056, |ṅ/2| ≥ 1 rev/day², …): passing such a set
 * is a programmer error, since parsed sets never hold such values.
 */
export function formatTle(set: ElementSet): { line1: string; line2: string } {
  const id = set.noradId;
  if (!Number.isInteger(id) || id < 1 || id > 339_999) fail('noradId', id, 'must be 1-339999');
  const catalog = encodeAlpha5(id);
  if (!['U', 'C', 'S'].includes(set.classification)) fail('classification', set.classification, 'must be U, C or S');
  let designator = '        ';
  if (set.cosparId !== null) {
    const d = tleDesignatorFromCospar(set.cosparId);
    if (d === undefined) fail('cosparId', set.cosparId, 'must be YYYY-NNNP');
    designator = d.padEnd(8, ' ');
  }
  const eph = set.ephemerisType;
  if (!Number.isInteger(eph) || eph < 0 || eph > 9) fail('ephemerisType', eph, 'must be a digit');

  const body1 =
    `1 ${catalog}${set.classification} ${designator} ${formatTleEpoch(set.epoch)} ${formatNdot(set.meanMotionDotRevPerDay2)}` +
    ` ${formatImpliedExponent(set.meanMotionDdotRevPerDay3, 'meanMotionDdotRevPerDay3')}` +
    ` ${formatImpliedExponent(set.bstarPerEarthRadii, 'bstarPerEarthRadii')} ${String(eph)} ${formatCount(set.elementSetNo, 4, 'elementSetNo')}`;

  const eccText = set.eccentricity.toFixed(7);
  if (!(set.eccentricity >= 0) || !eccText.startsWith('0.'))
    fail('eccentricity', set.eccentricity, 'must be 0 ≤ e < 1 (after rounding to 7 digits)');
  const n = radPerSecToRevPerDay(set.meanMotionRadPerSec);
  const nText = n.toFixed(8);
  if (!(n > 0) || nText.length > 11)
    fail('meanMotionRadPerSec', set.meanMotionRadPerSec, 'must be 0 < n < 100 rev/day');

  const body2 =
    `2 ${catalog} ${formatAngle(set.inclinationRad, 'inclinationRad', 180)} ${formatAngle(set.raanRad, 'raanRad', 360)}` +
    ` ${eccText.slice(2)} ${formatAngle(set.argPerigeeRad, 'argPerigeeRad', 360)} ${formatAngle(set.meanAnomalyRad, 'meanAnomalyRad', 360)}` +
    ` ${nText.padStart(11, ' ')}${formatCount(set.revAtEpoch, 5, 'revAtEpoch')}`;

  return { line1: body1 + String(tleChecksum(body1)), line2: body2 + String(tleChecksum(body2)) };
}
