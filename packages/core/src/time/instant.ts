/**
 * The one time type of orbwatch: `Instant`, a float of milliseconds since 1970-01-01T00:00:00Z
 * on the POSIX (UTC, leap seconds ignored) scale. At present-day epochs a float resolves about
 * 0.24 µs, so TLE epochs (1e-8 day) and OMM microsecond epochs survive. Never round-trip through
 * `Date`, which truncates to whole milliseconds. Negative values (before 1970) are allowed.
 * @module
 */
import type { Quantity, Sec } from '../units/quantity.js';
import { sec } from '../units/quantity.js';

export type Instant = Quantity<'unix-ms-utc'>;

export const MS_PER_DAY = 86_400_000;

/** Wraps a float of UTC milliseconds since 1970. */
export const instant = (unixMs: number): Instant => unixMs as Instant;

/** Seconds from `from` to `to` (positive when `to` is later). */
export const diffSec = (to: Instant, from: Instant): Sec => sec((to - from) / 1000);

/** `t` moved by `d` seconds. */
export const addSec = (t: Instant, d: Sec | number): Instant => (t + d * 1000) as Instant;

/** Days from `from` to `to`. */
export const diffDays = (to: Instant, from: Instant): number => (to - from) / MS_PER_DAY;

/** UTC calendar fields to an Instant; `second` may carry a fraction (µs kept). */
export function instantFromUtcFields(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Instant {
  const whole = Math.floor(second);
  // Date.UTC is a pure calendar function (no clock read); the fraction is added in float.
  return instant(Date.UTC(year, month - 1, day, hour, minute, whole) + (second - whole) * 1000);
}

/** A TLE-style epoch (full year and fractional day of year, 1.0 = Jan 1 00:00) to an Instant. */
export function instantFromYearDay(year: number, dayOfYear: number): Instant {
  return instant(Date.UTC(year, 0, 1) + (dayOfYear - 1) * MS_PER_DAY);
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*(Z|z|[+-]\d{2}:?\d{2})$/;
const ISO_DOY_RE = /^(\d{4})-(\d{3})T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)\s*(Z|z|[+-]\d{2}:?\d{2})?$/;
const ISO_NAIVE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?$/;

function offsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

/**
 * Parses an ISO 8601 time that carries `Z` or an offset. A naive (zone-less) time returns
 * `undefined`: callers decide whether their format defines it as UTC (CCSDS does) and then use
 * {@link parseUtcTimestamp}. Fractions of a second are kept to the microsecond and beyond.
 */
export function parseIsoInstant(text: string): Instant | undefined {
  const m = ISO_RE.exec(text.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  const t = instantFromUtcFields(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (!validCalendar(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0))) return undefined;
  return instant(t - offsetMs(zone));
}

function validCalendar(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s >= 61) return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= daysInMonth;
}

/**
 * Parses a timestamp whose format defines it as UTC (CCSDS ODM/CDM `EPOCH`, CelesTrak OMM JSON):
 * `YYYY-MM-DDThh:mm:ss[.f]`, `YYYY-DDDThh:mm:ss[.f]`, with optional `Z`/offset. Returns undefined
 * when the text is not such a timestamp.
 */
export function parseUtcTimestamp(text: string): Instant | undefined {
  const trimmed = text.trim();
  const zoned = parseIsoInstant(trimmed);
  if (zoned !== undefined) return zoned;
  const doy = ISO_DOY_RE.exec(trimmed);
  if (doy !== null) {
    const [, y, ddd, h, mi, s, zone] = doy;
    const day = Number(ddd);
    if (day < 1 || day > 366 || Number(h) > 23 || Number(mi) > 59) return undefined;
    const t = instantFromYearDay(Number(y), day) + ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000;
    return instant(t - offsetMs(zone));
  }
  const naive = ISO_NAIVE_RE.exec(trimmed);
  if (naive === null) return undefined;
  const [, y, mo, d, h, mi, s] = naive;
  if (!validCalendar(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)))
    return undefined;
  return instantFromUtcFields(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
}

/**
 * Formats an Instant as ISO 8601 UTC with `Z`. `fractionDigits` 3 (ms, default) or 6 (µs).
 */
export function formatIso(t: Instant, fractionDigits: 0 | 3 | 6 = 3): string {
  // Round to whole microseconds first (t·1000 < 2^53 for any date of interest, so exact), then
  // split; rounding here rather than truncating keeps 12:00:19.834752 from printing as …751.
  const totalUs = Math.round(t * 1000);
  const ms = Math.floor(totalUs / 1000);
  const us = totalUs - ms * 1000;
  const d = new Date(ms);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (fractionDigits === 0) return `${base}Z`;
  const msPart = pad(d.getUTCMilliseconds(), 3);
  if (fractionDigits === 3) return `${base}.${msPart}Z`;
  return `${base}.${msPart}${pad(us, 3)}Z`;
}

/** Julian date (UTC scale) of an Instant, split into whole and fraction for precision. */
export function julianDateUtc(t: Instant): { jd: number; fraction: number } {
  const days = t / MS_PER_DAY;
  const whole = Math.floor(days);
  return { jd: whole + 2_440_587.5, fraction: days - whole };
}
