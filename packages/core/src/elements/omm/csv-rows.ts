/**
 * RFC 4180 CSV reading with positions: quoted cells (with `""` escapes and line breaks inside),
 * CRLF or LF line ends, and the 1-based line and column of every cell, so issues can point at
 * the cell. Blank lines are skipped. Never throws on bad input: an unterminated quote is
 * reported as a problem and ends the reading.
 * @module
 */
import type { IssueCode, ParseIssue } from '../parse-issue.js';
import { makeIssue } from '../parse-issue.js';
import type { LocatedValue } from './located-value.js';

/** One cell's text and where it starts (column of the first character, or of the quote). */
export interface CsvCell {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** One record (row): its cells, its 1-based first line and the raw text it spans. */
export interface CsvRow {
  readonly cells: readonly CsvCell[];
  readonly line: number;
  readonly raw: string;
}

/** The rows read and, if the text ended inside a quoted cell, where that cell began. */
export interface CsvDocument {
  readonly rows: readonly CsvRow[];
  readonly unterminatedQuote: { readonly line: number; readonly column: number } | null;
}

/** Splits a CSV text into rows of located cells. */
export function readCsv(text: string): CsvDocument {
  const rows: CsvRow[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  // A row ends at LF or CRLF (a lone CR is data, so that line numbers agree with LineIndex).
  const stop = (j: number): boolean => {
    const c = text[j];
    return c === ',' || c === '\n' || (c === '\r' && (j + 1 === n || text[j + 1] === '\n'));
  };
  while (pos < n) {
    const rowStart = pos;
    const rowLine = line;
    const cells: CsvCell[] = [];
    for (;;) {
      const cellLine = line;
      const cellColumn = pos - lineStart + 1;
      let value: string;
      if (text[pos] === '"') {
        let out = '';
        let i = pos + 1;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            return { rows, unterminatedQuote: { line: cellLine, column: cellColumn } };
          }
          const chunk = text.slice(i, q);
          for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) {
            line++;
            lineStart = i + k + 1;
          }
          out += chunk;
          if (text[q + 1] === '"') {
            out += '"';
            i = q + 2;
          } else {
            pos = q + 1;
            break;
          }
        }
        // Anything after the closing quote up to the separator is kept (lenient, like most readers).
        let j = pos;
        while (j < n && !stop(j)) j++;
        value = out + text.slice(pos, j);
        pos = j;
      } else {
        let j = pos;
        while (j < n && !stop(j)) j++;
        value = text.slice(pos, j);
        pos = j;
      }
      cells.push({ text: value, line: cellLine, column: cellColumn });
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      break;
    }
    const rowEnd = pos;
    if (text[pos] === '\r') pos++;
    if (text[pos] === '\n') pos++;
    if (pos > rowEnd) {
      line++;
      lineStart = pos;
    }
    const raw = text.slice(rowStart, rowEnd);
    if (!(cells.length === 1 && raw.trim() === '')) rows.push({ cells, line: rowLine, raw });
  }
  return { rows, unterminatedQuote: null };
}

/** A CSV data row as named fields (header names upper-cased), each located in the input. */
export interface CsvRecord {
  readonly line: number;
  /** The row's text as read. */
  readonly raw: string;
  readonly fields: Map<string, LocatedValue>;
}

/**
 * Names the cells of each data row by the header (upper-cased, trimmed). A row whose cell count
 * differs from the header's is reported with `syntaxCode` at its line and left out.
 */
export function csvRecords(
  header: CsvRow,
  rows: readonly CsvRow[],
  file: string,
  syntaxCode: IssueCode,
  issues: ParseIssue[],
): CsvRecord[] {
  const names = header.cells.map((c) => c.text.trim().toUpperCase());
  const out: CsvRecord[] = [];
  for (const row of rows) {
    if (row.cells.length !== names.length) {
      issues.push(
        makeIssue(
          syntaxCode,
          { file, line: row.line, column: 0 },
          `${String(names.length)} comma-separated cells`,
          `row has ${String(row.cells.length)} cells, header has ${String(names.length)}`,
          row.raw,
        ),
      );
      continue;
    }
    const fields = new Map<string, LocatedValue>();
    row.cells.forEach((c, i) => {
      const name = names[i];
      if (name !== undefined && name !== '') fields.set(name, { value: c.text, line: c.line, column: c.column });
    });
    out.push({ line: row.line, raw: row.raw, fields });
  }
  return out;
}
