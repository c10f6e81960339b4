/**
 * OMM in CSV: CelesTrak's GP CSV (a header of OMM keywords, then one record per row; RFC 4180
 * quoting). Columns are matched by header name, so their order does not matter and unknown
 * columns are ignored. A row's `raw` text is the header line and the row, joined by `\n`, so
 * it can be re-read on its own. A row with the wrong number of cells is `OMM_SYNTAX`.
 * @module
 */
import type { ElementSet } from '../element-set.js';
import type { ParseIssue, ParseResult } from '../parse-issue.js';
import { IssueCode, makeIssue } from '../parse-issue.js';
import { buildElementSet } from './build-element-set.js';
import { csvRecords, readCsv } from './csv-rows.js';

/** Parses an OMM CSV text (header row required). */
export function parseOmmCsv(text: string, file: string): ParseResult<ElementSet> {
  const doc = readCsv(text);
  const items: ElementSet[] = [];
  const issues: ParseIssue[] = [];
  const [header, ...rows] = doc.rows;
  if (header === undefined) {
    issues.push(makeIssue(IssueCode.EMPTY_INPUT, { file, line: 1, column: 0 }, 'a CSV header and rows', 'no CSV rows'));
    return { items, issues };
  }
  if (rows.length === 0 && doc.unterminatedQuote === null) {
    issues.push(
      makeIssue(
        IssueCode.EMPTY_INPUT,
        { file, line: header.line, column: 0 },
        'one or more OMM rows',
        'the CSV has a header and no rows',
        undefined,
        'warning',
      ),
    );
  }
  for (const { line, raw, fields } of csvRecords(header, rows, file, IssueCode.OMM_SYNTAX, issues)) {
    const built = buildElementSet(fields, {
      file,
      line,
      raw: `${header.raw}\n${raw}`,
      format: 'omm-csv',
    });
    if (built.item !== null) items.push(built.item);
    issues.push(...built.issues);
  }
  if (doc.unterminatedQuote !== null) {
    issues.push(
      makeIssue(IssueCode.OMM_SYNTAX, { file, ...doc.unterminatedQuote }, 'a closing "', 'unterminated quoted cell'),
    );
  }
  return { items, issues };
}
