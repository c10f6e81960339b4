/**
 * OMM in KVN (CCSDS 502.0 keyword = value notation): `KEY = value [unit]` lines, `COMMENT`
 * lines, blank lines. Units in brackets are tolerated and dropped (the standard's units are
 * assumed). A file may hold several messages: each `CCSDS_OMM_VERS` line starts a new record.
 * A keyword the standard does not define is an `OMM_UNKNOWN_KEYWORD` error (as Orekit
 * rejects it): a misspelt optional keyword such as `EPHEMERIS_TYP` would otherwise silently
 * fall back to its default. A repeated keyword or a line that is not `KEY = value` is
 * `OMM_SYNTAX`. A bad record is rejected; other records are kept.
 * @module
 */
import type { ElementSet } from '../element-set.js';
import type { ParseIssue, ParseResult } from '../parse-issue.js';
import { IssueCode, makeIssue } from '../parse-issue.js';
import { buildElementSet } from './build-element-set.js';
import type { LocatedValue } from './located-value.js';
import { isOmmKeyword } from './omm-keywords.js';
import { classifyKvnLine, splitKvnText } from '../../kvn/kvn-line.js';

interface KvnRecord {
  startLine: number;
  lines: string[];
  fields: Map<string, LocatedValue>;
  issues: ParseIssue[];
}

/** Parses an OMM KVN text holding one or more messages. */
export function parseOmmKvn(text: string, file: string): ParseResult<ElementSet> {
  const allLines = splitKvnText(text);
  const items: ElementSet[] = [];
  const issues: ParseIssue[] = [];
  let rec: KvnRecord | null = null;

  const finish = (r: KvnRecord): void => {
    let last = r.lines.length;
    while (last > 0 && (r.lines[last - 1] ?? '').trim() === '') last--;
    const raw = r.lines.slice(0, last).join('\n');
    if (r.issues.some((i) => i.severity === 'error')) {
      issues.push(...r.issues);
      return;
    }
    const built = buildElementSet(r.fields, { file, line: r.startLine, raw, format: 'omm-kvn' });
    if (built.item !== null) items.push(built.item);
    issues.push(...r.issues, ...built.issues);
  };

  for (const [i, lineText] of allLines.entries()) {
    const line = i + 1;
    const trimmed = lineText.trim();
    const kv = classifyKvnLine(lineText, line);
    const keyword = kv.kind === 'keyword' ? kv.keyword : undefined;
    if (keyword === 'CCSDS_OMM_VERS' || rec === null) {
      if (trimmed === '' && rec === null) continue;
      if (rec !== null) finish(rec);
      rec = { startLine: line, lines: [], fields: new Map(), issues: [] };
      if (keyword !== 'CCSDS_OMM_VERS' && !/^COMMENT(\s|$)/.test(trimmed)) {
        rec.issues.push(
          makeIssue(
            IssueCode.OMM_SYNTAX,
            { file, line, column: 1 },
            'CCSDS_OMM_VERS = <version>',
            'an OMM KVN message must begin with CCSDS_OMM_VERS',
            lineText,
          ),
        );
      }
    }
    const r: KvnRecord = rec;
    r.lines.push(lineText);
    if (trimmed === '' || /^COMMENT(\s|$)/.test(trimmed)) continue;
    if (kv.kind !== 'keyword' || keyword === undefined) {
      const column = lineText.length - lineText.trimStart().length + 1;
      r.issues.push(
        makeIssue(
          IssueCode.OMM_SYNTAX,
          { file, line, column },
          'KEYWORD = value [unit]',
          'not a KVN keyword line',
          lineText,
        ),
      );
      continue;
    }
    const keyColumn = kv.keyColumn;
    if (!isOmmKeyword(keyword)) {
      r.issues.push(
        makeIssue(
          IssueCode.OMM_UNKNOWN_KEYWORD,
          { file, line, column: keyColumn },
          'an OMM keyword (CCSDS 502.0)',
          `unknown keyword ${keyword}`,
          lineText,
        ),
      );
      continue;
    }
    if (r.fields.has(keyword)) {
      r.issues.push(
        makeIssue(
          IssueCode.OMM_SYNTAX,
          { file, line, column: keyColumn },
          `one ${keyword} per message`,
          `keyword ${keyword} repeated (missing CCSDS_OMM_VERS between messages?)`,
          lineText,
        ),
      );
      continue;
    }
    r.fields.set(keyword, { value: kv.value, line, column: kv.valueColumn });
  }
  if (rec !== null) finish(rec);
  return { items, issues };
}
