/**
 * What a TLE can hold: the fitted elements are rounded to the TLE's field precision before they
 * are returned, so that the ElementSet's numbers, its raw text and the residuals reported all
 * describe the same element set. Precision (TLE format, CelesTrak "NORAD Two-Line Element Set
 * Format"): epoch 1e-8 day (0.864 ms), mean motion 1e-8 rev/day, eccentricity 1e-7, angles
 * 1e-4°, B* 5 significant digits with a one-digit exponent.
 * @module
 */
import type { Instant } from '../time/instant.js';
import { formatIso, instant, instantFromYearDay, MS_PER_DAY } from '../time/instant.js';
import type { Sgp4MeanElements } from './sgp4-mean-elements.js';
import { wrapTwoPi } from './osculating-elements.js';

const DEG = Math.PI / 180;
const SEC_PER_DAY = 86_400;

/** A TLE epoch: the instant on the 1e-8-day grid nearest `epoch`, and its `YYDDD.DDDDDDDD` text. */
export function tleEpoch(epoch: Instant): { readonly epoch: Instant; readonly text: string } {
  const year = Number(formatIso(epoch, 0).slice(0, 4));
  if (year < 1957 || year > 2056) throw new RangeError(`a TLE epoch must be in 1957..2056, got ${year}`);
  const start = instantFromYearDay(year, 1);
  let dayUnits = Math.round(((epoch - start) / MS_PER_DAY) * 1e8); // 1e-8 day since Jan 1 00:00
  let y = year;
  const yearLengthUnits = Math.round(((instantFromYearDay(year + 1, 1) - start) / MS_PER_DAY) * 1e8);
  if (dayUnits >= yearLengthUnits) {
    dayUnits -= yearLengthUnits;
    y += 1;
  }
  const yStart = instantFromYearDay(y, 1);
  const rounded = instant(yStart + (dayUnits / 1e8) * MS_PER_DAY);
  const whole = Math.floor(dayUnits / 1e8) + 1;
  const frac = dayUnits - (whole - 1) * 1e8;
  const text = `${String(y % 100).padStart(2, '0')}${String(whole).padStart(3, '0')}.${String(frac).padStart(8, '0')}`;
  return { epoch: rounded, text };
}

/** Mean elements rounded to TLE field precision (angles wrapped to [0°, 360°)). */
export function roundToTlePrecision(el: Sgp4MeanElements): Sgp4MeanElements {
  const revDay = Math.round(((el.meanMotionRadPerSec * SEC_PER_DAY) / (2 * Math.PI)) * 1e8) / 1e8;
  const angle = (r: number): number => (Math.round((wrapTwoPi(r) / DEG) * 1e4) / 1e4) % 360;
  return {
    meanMotionRadPerSec: (revDay * 2 * Math.PI) / SEC_PER_DAY,
    eccentricity: Math.round(el.eccentricity * 1e7) / 1e7,
    inclinationRad: (Math.round((el.inclinationRad / DEG) * 1e4) / 1e4) * DEG,
    raanRad: angle(el.raanRad) * DEG,
    argPerigeeRad: angle(el.argPerigeeRad) * DEG,
    meanAnomalyRad: angle(el.meanAnomalyRad) * DEG,
    bstarPerEarthRadii: roundBstar(el.bstarPerEarthRadii),
  };
}

/** B* to the TLE's `±NNNNN±E` field: 5 significant digits, exponent −9..+9 (0 below 1e-10, as the writer does). */
export function roundBstar(b: number): number {
  if (Math.abs(b) < 1e-10) return 0;
  let exp = Math.floor(Math.log10(Math.abs(b))) + 1; // b = ±0.NNNNN × 10^exp
  let mant = Math.round((Math.abs(b) / 10 ** exp) * 1e5);
  if (mant >= 1e5) {
    mant /= 10;
    exp += 1;
  }
  if (exp < -9) return 0;
  if (exp > 9) throw new RangeError(`B* ${b} cannot be written in a TLE`);
  return Math.sign(b) * Number(`0.${String(Math.round(mant)).padStart(5, '0')}e${exp}`);
}
