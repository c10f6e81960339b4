/**
 * Conversions of located field values to numbers, integers and strings, shared by the OMM and
 * SATCAT readers. Text must be a plain decimal number (`-1.5`, `.0205751`, `-.47102E-5`,
 * `+3`); `1.2.3`, `abc`, `0x10`, `Infinity` and `NaN` are refused. JSON numbers pass as they are.
 * @module
 */
import type { LocatedValue } from './located-value.js';

const DECIMAL_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The outcome of reading one field: a value, absent (missing/blank/null), or the wrong type. */
export type FieldRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly absent: boolean };

const ABSENT = { ok: false, absent: true } as const;
const WRONG = { ok: false, absent: false } as const;

/** True when the field is missing, JSON null, or blank text. */
export function isBlank(v: LocatedValue | undefined): boolean {
  return v === undefined || v.value === null || (typeof v.value === 'string' && v.value.trim() === '');
}

/** A finite decimal number. */
export function readNumber(v: LocatedValue | undefined): FieldRead<number> {
  if (v === undefined || isBlank(v)) return ABSENT;
  if (typeof v.value === 'number') return Number.isFinite(v.value) ? { ok: true, value: v.value } : WRONG;
  if (typeof v.value !== 'string') return WRONG;
  const t = v.value.trim();
  if (!DECIMAL_RE.test(t)) return WRONG;
  const n = Number(t);
  return Number.isFinite(n) ? { ok: true, value: n } : WRONG;
}

/** A whole number (decimal text without fraction, or an integral JSON number). */
export function readInteger(v: LocatedValue | undefined): FieldRead<number> {
  if (v === undefined || isBlank(v)) return ABSENT;
  if (typeof v.value === 'string' && !/^[+-]?\d+$/.test(v.value.trim())) return WRONG;
  const n = readNumber(v);
  if (!n.ok) return n;
  return Number.isSafeInteger(n.value) ? n : WRONG;
}

/** Text (trimmed); JSON numbers are written back as text, booleans refused. */
export function readText(v: LocatedValue | undefined): FieldRead<string> {
  if (v === undefined || isBlank(v)) return ABSENT;
  if (typeof v.value === 'string') return { ok: true, value: v.value.trim() };
  if (typeof v.value === 'number') return { ok: true, value: String(v.value) };
  return WRONG;
}

/** The field as written, for an issue's `input` (JSON numbers written back). */
export function fieldInput(v: LocatedValue): string {
  return v.value === null ? 'null' : String(v.value);
}
