/**
 * NORAD catalog numbers, 1..339999, with the Alpha-5 scheme used when five digits no longer
 * suffice: a leading letter A-Z (I and O skipped) stands for 10..33, so `A0000` = 100000 and
 * `Z9999` = 339999.
 * @module
 */
import type { Quantity } from '../units/quantity.js';

export type NoradId = Quantity<'norad'>;

export const NORAD_ID_MAX = 339_999;

const ALPHA5_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I, no O

/** Brands a catalog number; throws RangeError for a programmer error (out of 1..339999). */
export function noradId(n: number): NoradId {
  if (!Number.isInteger(n) || n < 0 || n > NORAD_ID_MAX) {
    throw new RangeError(`NORAD id must be an integer in 0..${String(NORAD_ID_MAX)}, got ${String(n)}`);
  }
  return n as NoradId;
}

/**
 * Decodes a 5-character catalog field (digits, blank-padded digits, or Alpha-5). Returns
 * undefined for anything else.
 */
export function decodeAlpha5(field: string): NoradId | undefined {
  const s = field.trim();
  if (s.length === 0 || s.length > 5) return undefined;
  if (/^\d+$/.test(s)) return Number(s) as NoradId;
  if (s.length !== 5 || !/^[A-Z]\d{4}$/.test(s)) return undefined;
  const idx = ALPHA5_LETTERS.indexOf(s[0] ?? '');
  if (idx < 0) return undefined;
  return ((idx + 10) * 10_000 + Number(s.slice(1))) as NoradId;
}

/** Encodes a catalog number as a 5-character TLE field (zero-padded digits or Alpha-5). */
export function encodeAlpha5(id: NoradId): string {
  if (id < 100_000) return String(id).padStart(5, '0');
  const letter = ALPHA5_LETTERS[Math.floor(id / 10_000) - 10];
  if (letter === undefined) throw new RangeError(`NORAD id ${String(id)} cannot be written in Alpha-5`);
  return `${letter}${String(id % 10_000).padStart(4, '0')}`;
}

/**
 * Converts a TLE international designator (`98067A`, `82092ALR`) to COSPAR form
 * (`1998-067A`). Launch years 57-99 are 1900s, 00-56 are 2000s. Returns undefined when blank
 * or malformed.
 */
export function cosparFromTleDesignator(field: string): string | undefined {
  const m = /^(\d{2})(\d{3})([A-Z]{1,3})?$/.exec(field.trim());
  if (m === null) return undefined;
  const yy = Number(m[1]);
  const year = yy >= 57 ? 1900 + yy : 2000 + yy;
  return `${String(year)}-${m[2] ?? ''}${m[3] ?? ''}`;
}

/** COSPAR `YYYY-NNNP` to the TLE's 8-character `YYNNNP` form. */
export function tleDesignatorFromCospar(cospar: string): string | undefined {
  const m = /^(\d{4})-(\d{3})([A-Z]{0,3})$/.exec(cospar.trim());
  if (m === null) return undefined;
  return `${(m[1] ?? '').slice(2)}${m[2] ?? ''}${m[3] ?? ''}`;
}
