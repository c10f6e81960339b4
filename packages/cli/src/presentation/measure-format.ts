/**
 * Measures as people read them: a value with its 1σ (`2.39 ± 2.33`), never a σ of zero. A σ that
 * is missing, not positive, or too small to show at the printed precision is printed as
 * `(σ n/a)`: no estimate from element sets is exact, and `± 0.000` would claim it is (the detail
 * view, `orbwatch event <id>`, prints the stored σ at full precision). A σ larger than the value
 * says so (core's `formatWithSigma`).
 * @module
 */
import type { MeasureValue } from '@orbwatch/core';
import { formatWithSigma } from '@orbwatch/core';

/** A number measure, or null. */
export function numberOf(x: MeasureValue | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/**
 * `value ± σ` at `digits` decimals; a positive σ too small for that precision is printed at one
 * significant figure (`0.036 ± 0.00004`), never as zero; `(σ n/a)` when there is no σ; '' when
 * no value.
 */
export function withSigma(value: MeasureValue | undefined, sigma: MeasureValue | undefined, digits: number): string {
  const v = numberOf(value);
  if (v === null) return '';
  const s = numberOf(sigma);
  if (s !== null && s > 0 && s < 0.5 * 10 ** -digits) return `${v.toFixed(digits)} ± ${significant(s, 1)}`;
  return formatWithSigma(v, s !== null && s > 0 ? s : null, digits);
}

/** `2026-03-11T07:24 ± 2.1 h`: a UTC time (to the minute) with its 1σ in hours. */
export function timeWithSigma(utc: MeasureValue | undefined, sigmaSec: MeasureValue | undefined): string {
  if (typeof utc !== 'string' || utc === '') return '';
  const t = utc.slice(0, 16);
  const s = numberOf(sigmaSec);
  if (s === null || s <= 0) return `${t} (σ n/a)`;
  return s < 3600 ? `${t} ± ${(s / 60).toFixed(0)} min` : `${t} ± ${(s / 3600).toFixed(1)} h`;
}

/**
 * A time span to the minute: `2026-04-24T19:27 … 23:49` within a day, else
 * `2026-04-24T19:27 … 04-25T13:49`.
 */
export function utcSpan(start: number, end: number): string {
  const a = new Date(start).toISOString();
  const b = new Date(end).toISOString();
  return `${a.slice(0, 16)} … ${a.slice(0, 10) === b.slice(0, 10) ? b.slice(11, 16) : b.slice(5, 16)}`;
}

/** A number at `digits` decimals, '' when absent. */
export function fixed(x: MeasureValue | undefined, digits: number): string {
  const v = numberOf(x);
  return v === null ? '' : v.toFixed(digits);
}

/** A σ at two significant figures (the detail view prints σ at full meaning, not table precision). */
export function significant(x: number, figures = 3): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const digits = Math.max(0, figures - 1 - Math.floor(Math.log10(Math.abs(x))));
  return x.toFixed(Math.min(digits, 12));
}
