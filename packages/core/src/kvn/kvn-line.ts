/**
 * Line handling shared by the CCSDS KVN readers (OMM, CDM, OEM): `KEY = value [unit]` lines,
 * `COMMENT` lines, blank lines, and anything else (an OEM's data lines, or a syntax error). Each
 * line is classified once, with 1-based columns of the keyword and the value so that issues can
 * point at them. A byte-order mark is dropped and CR-LF line ends are read as LF.
 * @module
 */

/** One line of a KVN text, classified. `line` is 1-based. */
export type KvnLine =
  | { readonly kind: 'blank'; readonly line: number; readonly text: string }
  | { readonly kind: 'comment'; readonly line: number; readonly text: string; readonly comment: string }
  | {
      readonly kind: 'keyword';
      readonly line: number;
      readonly text: string;
      /** Upper-cased keyword. */
      readonly keyword: string;
      /** The value without its unit bracket, trimmed. */
      readonly value: string;
      /** The text inside `[…]` after the value, when there is one. */
      readonly unit?: string;
      /** True when the unit bracket is left open (`85.4 [`). */
      readonly unitUnclosed?: boolean;
      readonly keyColumn: number;
      readonly valueColumn: number;
    }
  | { readonly kind: 'other'; readonly line: number; readonly text: string; readonly column: number };

const KV_RE = /^(\s*)([A-Za-z0-9_]+)(\s*)=(\s*)(.*?)\s*$/;
const UNIT_RE = /\s*\[([^\]]*)(\]?)$/;
const COMMENT_RE = /^\s*COMMENT(?:\s(.*))?$/;

/** The lines of `text` (BOM dropped, CR-LF read as LF). */
export function splitKvnText(text: string): string[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return src.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Classifies one line. */
export function classifyKvnLine(text: string, line: number): KvnLine {
  if (text.trim() === '') return { kind: 'blank', line, text };
  const comment = COMMENT_RE.exec(text);
  if (comment !== null) return { kind: 'comment', line, text, comment: (comment[1] ?? '').trim() };
  const kv = KV_RE.exec(text);
  if (kv === null) return { kind: 'other', line, text, column: text.length - text.trimStart().length + 1 };
  const rawValue = kv[5] ?? '';
  const unit = UNIT_RE.exec(rawValue);
  const keyColumn = (kv[1] ?? '').length + 1;
  return {
    kind: 'keyword',
    line,
    text,
    keyword: (kv[2] ?? '').toUpperCase(),
    value: (unit === null ? rawValue : rawValue.slice(0, unit.index)).trim(),
    ...(unit === null ? {} : { unit: unit[1] ?? '' }),
    ...(unit !== null && unit[2] === '' ? { unitUnclosed: true } : {}),
    keyColumn,
    valueColumn: keyColumn + (kv[2] ?? '').length + (kv[3] ?? '').length + 1 + (kv[4] ?? '').length,
  };
}

/** Every line of `text`, classified. */
export function readKvnLines(text: string): KvnLine[] {
  return splitKvnText(text).map((t, i) => classifyKvnLine(t, i + 1));
}

/** 1-based column of the first character outside printable ASCII and tab, 0 when none (KVN is ASCII). */
export function nonAsciiColumn(text: string): number {
  return text.search(/[^ -~\t]/) + 1;
}
