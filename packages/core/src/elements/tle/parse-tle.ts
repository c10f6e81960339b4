/**
 * Parser for TLE files: two-line (2LE) and three-line (3LE, with a name line) element sets,
 * mixed freely in one file. Never throws on bad input: every problem becomes a
 * {@link ParseIssue} located by file, line and column, and the good sets around a bad one are
 * still returned.
 *
 * Line classification (after removing a UTF-8 BOM, CR/LF or lone-CR line ends, and leading and
 * trailing blanks):
 * - blank lines are skipped; lines starting with `#` are comments (Vallado's SGP4-VER.TLE);
 * - a "plausible line 1/2" starts with `1 ` / `2 ` and either has a catalog-number-like field in
 *   columns 3-7 or is at least 60 characters long;
 * - any other line is a name line (`ISS (ZARYA)` or Space-Track's `0 ISS (ZARYA)`).
 *
 * Pairing state machine: a name line waits for a line 1; a line 1 waits for a line 2; a line 2
 * completes the pair. Whatever breaks the sequence is reported and dropped, and parsing resumes
 * with the current line, so one bad line never swallows the next good set:
 * - line 1 followed by anything but line 2 → `TLE_MISSING_LINE` (the line 1 is dropped);
 * - line 2 without a line 1 → `TLE_ORPHAN_LINE`, or `TLE_LINE_NUMBER` when the next line is the
 *   matching line 1 (the two lines were swapped);
 * - a name line not followed by a line 1 → `TLE_ORPHAN_LINE` (warning: no data lost).
 * @module
 */
import type { ElementSet } from '../element-set.js';
import type { ParseIssue, ParseResult } from '../parse-issue.js';
import { IssueCode, makeIssue } from '../parse-issue.js';
import type { TleChecksumMode, TleLine, TleParseContext } from './parse-tle-record.js';
import { parseTleRecord } from './parse-tle-record.js';
import { TLE_LINE1_TEMPLATE, TLE_LINE2_TEMPLATE } from './tle-layout.js';

/** Options of {@link parseTle}. */
export interface ParseTleOptions {
  /** Name of the input, copied into every issue. */
  readonly file: string;
  /**
   * `verify` (default): a set with a wrong checksum is rejected (`TLE_CHECKSUM` error).
   * `warn`: it is kept, with a `TLE_CHECKSUM` warning. `ignore`: checksums are not checked.
   */
  readonly checksum?: TleChecksumMode;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const BOM = 0xfeff;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === 11 || c === 12;
}

/** Line kind: 0 = name, 1 = line 1, 2 = line 2. */
function kindOf(t: string): 0 | 1 | 2 {
  const c0 = t.charCodeAt(0);
  if ((c0 !== 49 && c0 !== 50) || t.charCodeAt(1) !== SPACE) return 0;
  const kind = c0 === 49 ? 1 : 2;
  if (t.length >= 60) return kind;
  // Short: a TLE line only if columns 3-7 (as far as present) look like a catalog number.
  const end = Math.min(7, t.length);
  if (end <= 2) return 0;
  for (let i = 2; i < end; i++) {
    const c = t.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (!(digit || c === SPACE || (i === 2 && c >= 65 && c <= 90))) return 0;
  }
  return kind;
}

/** Same catalog field (columns 3-7) on two lines. */
function sameCatalog(x: string, y: string): boolean {
  return x.slice(2, 7) === y.slice(2, 7);
}

/**
 * Parses TLE/3LE text. Returns every element set that passed its checks, in input order, and
 * every issue found. Angles come out in radians, mean motion in rad/s, the epoch as an
 * {@link Instant} (2-digit years 57-99 → 19xx, 00-56 → 20xx).
 */
export function parseTle(text: string, options: ParseTleOptions): ParseResult<ElementSet> {
  const items: ElementSet[] = [];
  const issues: ParseIssue[] = [];
  const ctx: TleParseContext = {
    file: options.file,
    checksum: options.checksum ?? 'verify',
    issues,
    input: text,
    designatorField: '',
    designatorCospar: null,
    nameLineText: '',
    name: '',
  };
  const file = options.file;

  let pendingName: TleLine | null = null;
  let pendingL1: TleLine | null = null;
  let strayL2: TleLine | null = null; // a line 2 with no line 1, held one line to detect swaps
  let sawContent = false;

  const dropName = (): void => {
    if (pendingName === null) return;
    issues.push(
      makeIssue(
        IssueCode.TLE_ORPHAN_LINE,
        { file, line: pendingName.line, column: 0 },
        `${TLE_LINE1_TEMPLATE} after a name line`,
        'name line not followed by a line 1; ignored',
        pendingName.text,
        'warning',
      ),
    );
    pendingName = null;
  };
  const dropL1 = (): void => {
    if (pendingL1 === null) return;
    issues.push(
      makeIssue(
        IssueCode.TLE_MISSING_LINE,
        { file, line: pendingL1.line, column: 0 },
        `${TLE_LINE2_TEMPLATE} after line 1`,
        'line 1 is not followed by a line 2; set dropped',
        pendingL1.text,
      ),
    );
    pendingL1 = null;
    pendingName = null;
  };
  const dropStray = (): void => {
    if (strayL2 === null) return;
    issues.push(
      makeIssue(
        IssueCode.TLE_ORPHAN_LINE,
        { file, line: strayL2.line, column: 0 },
        `${TLE_LINE2_TEMPLATE} after a line 1`,
        'line 2 without a preceding line 1; ignored',
        strayL2.text,
      ),
    );
    strayL2 = null;
    dropName();
  };

  const n = text.length;
  let pos = n > 0 && text.charCodeAt(0) === BOM ? 1 : 0;
  let lineNo = 0;
  let nextCr = text.indexOf('\r', pos);
  while (pos < n) {
    lineNo++;
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    if (nextCr >= 0 && nextCr < pos) nextCr = text.indexOf('\r', pos);
    let end = nl;
    let next = nl + 1;
    if (nextCr >= 0 && nextCr < nl && nextCr !== nl - 1) {
      // a lone CR ends the line (old Mac line ends)
      end = nextCr;
      next = nextCr + 1;
    }
    const lineStart = pos;
    pos = next;

    // trim
    let e = end;
    while (e > lineStart && (isBlank(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === CR)) e--;
    let s = lineStart;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    if (s === e) continue;
    sawContent = true;
    if (text.charCodeAt(s) === 35) continue; // '#': comment

    const raw = text.slice(lineStart, e);
    const t = s === lineStart ? raw : raw.slice(s - lineStart);
    const line: TleLine = { raw, text: t, line: lineNo, indent: s - lineStart, start: lineStart, end: e };
    const kind = kindOf(t);

    if (strayL2 !== null) {
      if (kind === 1 && sameCatalog(t, strayL2.text)) {
        issues.push(
          makeIssue(
            IssueCode.TLE_LINE_NUMBER,
            { file, line: strayL2.line, column: strayL2.indent + 1 },
            'line 1 before line 2',
            `line 2 comes before its line 1 (line ${String(lineNo)}); lines swapped, set dropped`,
            strayL2.text,
          ),
        );
        strayL2 = null;
        pendingName = null;
        continue;
      }
      dropStray();
    }

    if (kind === 1) {
      if (pendingL1 !== null) {
        // A repeated line 1 keeps the name of the one it repeats.
        const carry: TleLine | null = sameCatalog(pendingL1.text, t) ? pendingName : null;
        dropL1();
        pendingName = carry;
      }
      pendingL1 = line;
    } else if (kind === 2) {
      if (pendingL1 !== null) {
        const set = parseTleRecord(ctx, pendingName, pendingL1, line);
        if (set !== undefined) items.push(set);
        pendingL1 = null;
        pendingName = null;
      } else {
        strayL2 = line;
      }
    } else {
      dropL1();
      dropName();
      pendingName = line;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c > 126 || (c < 32 && c !== TAB)) {
          issues.push(
            makeIssue(
              IssueCode.NON_ASCII,
              { file, line: lineNo, column: line.indent + i + 1 },
              'printable ASCII',
              `name line has a character outside printable ASCII (U+${(t.codePointAt(i) ?? 0).toString(16).toUpperCase().padStart(4, '0')}); name kept as written`,
              t,
              'warning',
            ),
          );
          break;
        }
      }
    }
  }
  dropStray();
  dropL1();
  dropName();
  if (items.length === 0 && issues.length === 0) {
    issues.push(
      makeIssue(
        IssueCode.EMPTY_INPUT,
        { file, line: 1, column: 0 },
        'TLE or 3LE element sets',
        sawContent ? 'no element sets found (only comments)' : 'input is empty',
        undefined,
        'warning',
      ),
    );
  }
  return { items, issues };
}
