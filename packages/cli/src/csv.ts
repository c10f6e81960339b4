/**
 * CSV output shared by the commands (`objects --csv`, `history --csv`, `events --csv`): RFC 4180
 * quoting (a field holding a comma, a double quote, CR or LF is enclosed in double quotes, with
 * inner quotes doubled), CRLF-free output (records end with LF, as the other commands' text does),
 * a header row of column names. Numbers are written as given by each column's `value`; null and
 * undefined become empty fields.
 * @module
 */

/** One CSV column: its header and how to get its field from a row. */
export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | boolean | null | undefined;
}

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record: the fields joined by commas (no line end). */
export function csvRecord(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

/** The header row and one record per row, each ending with LF. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [csvRecord(columns.map((c) => c.header))];
  for (const r of rows) lines.push(csvRecord(columns.map((c) => c.value(r))));
  return `${lines.join('\n')}\n`;
}
