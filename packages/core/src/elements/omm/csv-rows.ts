/**
 * RFC 4180 CSV reading with positions: quoted cells (with `""` escapes and line breaks inside),
 * CRLF or LF line ends, and the 1-based line and column of every cell, so issues can point at
 * the cell. Blank lines are skipped. Never throws on bad input: an unterminated quote is
 * reported as a problem and ends the reading.
 * @module
 */

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
