/**
 * Text from outside (file names, input lines, error messages quoting them) made safe to print:
 * control characters (C0, DEL, C1), Unicode format characters (bidirectional overrides, zero-width
 * marks) and line/paragraph separators are written as escapes (`\n`, `\t`, `\r`, `\xNN`, `\uNNNN`),
 * so `orbwatch ingest /bin/ls` cannot send raw bytes to a terminal and every message stays on one
 * line. Used for every message the CLI and the API print and for the `input`/`message` fields of
 * reported issues. The stored data keep the original text.
 * @module
 */

const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const cp = c.codePointAt(0) ?? 0;
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every unprintable character escaped; when `maxChars` is given, cut to that many
 * characters of the escaped text with `…` appended.
 */
export function printable(text: string, maxChars?: number): string {
  const escaped = text.replace(UNPRINTABLE, escapeChar);
  return maxChars !== undefined && escaped.length > maxChars ? `${escaped.slice(0, maxChars)}…` : escaped;
}
