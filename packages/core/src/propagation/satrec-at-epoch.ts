/**
 * Builds a satellite.js SatRec whose initialisation used the element set's exact epoch, although
 * satellite.js's only field-based initialiser (`json2satrec`; `sgp4init` is not exported) reads the
 * epoch through `Date`, i.e. in whole milliseconds.
 *
 * Why it matters: near-Earth SGP4 does not use the epoch at initialisation at all, but deep-space
 * SGP4 (SDP4) evaluates the Sun's and Moon's positions and Greenwich sidereal time there. A 0.5 ms
 * epoch error moved WIND (SGP4-VER 23333, e = 0.97) by 3.5e-5 km, 7000× the print resolution of
 * the verification output, and 12 h-resonant and GEO sets by up to 2.4e-6 km.
 *
 * How: for a deep-space set the record is initialised twice, at the whole milliseconds just below
 * and above the epoch, and every numeric field is interpolated linearly to the Julian date that
 * `twoline2satrec` (and Vallado's 2006–2012 C++) computes for the same epoch. Every field is a
 * smooth function of the epoch over 1 ms, so the interpolation error is of second order (~1e-14 of
 * the field's variation); fields that do not depend on the epoch are equal in both records and are
 * kept exactly. If a field jumps by more than 1 (an angle wrapping at 2π within that millisecond, a
 * ~1e-8 chance) the nearer record is used instead.
 * @module
 */
import type { OMMJsonObject, SatRec } from 'satellite.js';
import { json2satrec, jday } from 'satellite.js';
import { MS_PER_DAY, formatIso, instant, instantFromUtcFields } from '../time/instant.js';

/**
 * The OMM fields json2satrec reads, without EPOCH (passed separately as float ms). Units as in
 * the OMM: degrees, rev/day, rev/day², rev/day³, B* in 1/Earth radii.
 */
export type OmmWithoutEpoch = Pick<
  OMMJsonObject,
  | 'OBJECT_NAME'
  | 'OBJECT_ID'
  | 'MEAN_MOTION'
  | 'ECCENTRICITY'
  | 'INCLINATION'
  | 'RA_OF_ASC_NODE'
  | 'ARG_OF_PERICENTER'
  | 'MEAN_ANOMALY'
  | 'NORAD_CAT_ID'
  | 'ELEMENT_SET_NO'
  | 'BSTAR'
  | 'MEAN_MOTION_DOT'
  | 'MEAN_MOTION_DDOT'
>;

function initAt(fields: OmmWithoutEpoch, wholeMs: number): SatRec {
  return json2satrec({ ...fields, EPOCH: formatIso(instant(wholeMs), 3) }, 'i');
}

/**
 * satellite.js's `days2mdhms` (not exported by the package): day of year (1.0 = Jan 1 0h) to
 * month, day, hour, minute and fractional second, with its leap-year rule (year % 4).
 */
function days2mdhms(year: number, days: number): [number, number, number, number, number] {
  const lmonth = [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const dayofyr = Math.floor(days);
  let i = 1;
  let inttemp = 0;
  while (dayofyr > inttemp + (lmonth[i - 1] ?? 0) && i < 12) {
    inttemp += lmonth[i - 1] ?? 0;
    i += 1;
  }
  let temp = (days - dayofyr) * 24.0;
  const hr = Math.floor(temp);
  temp = (temp - hr) * 60.0;
  const minute = Math.floor(temp);
  const sec = (temp - minute) * 60.0;
  return [i, dayofyr - inttemp, hr, minute, sec];
}

/**
 * The Julian date (UTC, one float) that satellite.js's `twoline2satrec` computes for an epoch:
 * year and fractional day of year, then `days2mdhms` and `jday`. Its resolution is the float's
 * (~40 µs at present-day dates), which the 2006–2012 verification output was computed with.
 */
export function tleStyleJulianDate(epochMs: number): number {
  const year = Number(formatIso(instant(Math.floor(epochMs)), 0).slice(0, 4));
  const dayOfYear = (epochMs - instantFromUtcFields(year, 1, 1)) / MS_PER_DAY + 1;
  const [mon, day, hr, minute, sec] = days2mdhms(year, dayOfYear);
  return jday(year, mon, day, hr, minute, sec);
}

/** A SatRec initialised at epoch `epochMs` (UTC ms since 1970, sub-millisecond fraction kept). */
export function satrecAtEpoch(fields: OmmWithoutEpoch, epochMs: number): SatRec {
  const lo = Math.floor(epochMs);
  const s0 = initAt(fields, lo);
  if (s0.method !== 'd' || lo === epochMs) return s0;
  const s1 = initAt(fields, lo + 1);
  if (s1.method !== 'd' || s1.jdsatepoch === s0.jdsatepoch) return s0;
  const w = (tleStyleJulianDate(epochMs) - s0.jdsatepoch) / (s1.jdsatepoch - s0.jdsatepoch);
  const out: Record<string, unknown> = { ...s0 };
  const a = s0 as unknown as Record<string, unknown>;
  const b = s1 as unknown as Record<string, unknown>;
  for (const key of Object.keys(a)) {
    const v0 = a[key];
    const v1 = b[key];
    if (typeof v0 !== 'number' || typeof v1 !== 'number' || v0 === v1) continue;
    if (!Number.isFinite(v0) || !Number.isFinite(v1) || Math.abs(v1 - v0) > 1) return w < 0.5 ? s0 : s1;
    out[key] = v0 + w * (v1 - v0);
  }
  return out as unknown as SatRec;
}
