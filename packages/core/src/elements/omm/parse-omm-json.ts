/**
 * OMM in JSON: CelesTrak's GP JSON (numbers as JSON numbers) and Space-Track's GP JSON (the
 * same keys with string values, plus extra keys such as TLE_LINE1 that are ignored). A top-level
 * array holds many records; a single object is one record. Every value keeps its line and
 * column. A broken record is reported as `OMM_SYNTAX` and the others are kept.
 * @module
 */
import type { ElementSet } from '../element-set.js';
import type { ParseIssue, ParseResult } from '../parse-issue.js';
import { IssueCode, makeIssue } from '../parse-issue.js';
import { buildElementSet } from './build-element-set.js';
import { LineIndex } from './line-index.js';
import type { JsonNode } from './located-json.js';
import { readJsonDocument } from './located-json.js';
import type { LocatedValue } from './located-value.js';

/** Turns a JSON object's members into located fields (keys upper-cased); nested values are not fields. */
export function jsonObjectFields(node: JsonNode & { kind: 'object' }, lines: LineIndex): Map<string, LocatedValue> {
  const fields = new Map<string, LocatedValue>();
  for (const { key, value } of node.entries) {
    const pos = lines.position(value.start);
    const v = value.kind === 'object' || value.kind === 'array' ? `(a JSON ${value.kind})` : value.value;
    fields.set(key.trim().toUpperCase(), { value: v, line: pos.line, column: pos.column });
  }
  return fields;
}

/** Parses an OMM JSON text (an array of records or one record object). */
export function parseOmmJson(text: string, file: string): ParseResult<ElementSet> {
  const lines = new LineIndex(text);
  const doc = readJsonDocument(text);
  const items: ElementSet[] = [];
  const issues: ParseIssue[] = [];
  for (const p of doc.problems) {
    issues.push(
      makeIssue(IssueCode.OMM_SYNTAX, { file, ...lines.position(p.offset) }, p.expected, `JSON syntax: ${p.message}`),
    );
  }
  for (const el of doc.elements) {
    const start = lines.position(el.start);
    if (el.kind !== 'object') {
      issues.push(
        makeIssue(
          IssueCode.OMM_SYNTAX,
          { file, ...start },
          'a JSON object per OMM record',
          `found a JSON ${el.kind} where an OMM record object was expected`,
          text.slice(el.start, el.end),
        ),
      );
      continue;
    }
    const built = buildElementSet(jsonObjectFields(el, lines), {
      file,
      line: start.line,
      raw: text.slice(el.start, el.end),
      format: 'omm-json',
    });
    if (built.item !== null) items.push(built.item);
    issues.push(...built.issues);
  }
  if (doc.elements.length === 0 && doc.problems.length === 0) {
    issues.push(
      makeIssue(
        IssueCode.EMPTY_INPUT,
        { file, line: 1, column: 0 },
        'one or more OMM records',
        'the JSON holds no record',
        undefined,
        'warning',
      ),
    );
  }
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { items, issues };
}
