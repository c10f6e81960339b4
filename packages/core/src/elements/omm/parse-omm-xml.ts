/**
 * OMM in XML: CCSDS NDM/XML (`<ndm>` holding many `<omm>`, or a bare `<omm>`), versions 2.0 and
 * 3.0, with `<COMMENT>` elements and `units` attributes (tolerated; the standard's units are
 * assumed). Each `<omm>`'s leaf elements are its keywords, wherever they sit (header, metadata,
 * meanElements, tleParameters, …). An element that is not an OMM keyword is
 * `OMM_UNKNOWN_KEYWORD`, as in KVN. Malformed XML is `OMM_SYNTAX` at the offending position;
 * records closed before it are kept.
 * @module
 */
import type { ElementSet } from '../element-set.js';
import type { ParseIssue, ParseResult } from '../parse-issue.js';
import { IssueCode, makeIssue } from '../parse-issue.js';
import { buildElementSet } from './build-element-set.js';
import { LineIndex } from './line-index.js';
import type { LocatedValue } from './located-value.js';
import { isOmmKeyword, OMM_XML_CONTAINERS } from './omm-keywords.js';
import type { XmlElement } from './xml-elements.js';
import { readXmlElements } from './xml-elements.js';

/** Parses an OMM XML text. */
export function parseOmmXml(text: string, file: string): ParseResult<ElementSet> {
  const lines = new LineIndex(text);
  const read = readXmlElements(text);
  const items: ElementSet[] = [];
  const issues: ParseIssue[] = [];
  const omms = read.closed.filter((e) => e.name === 'omm');
  for (const omm of omms) {
    const fields = new Map<string, LocatedValue>();
    const recIssues: ParseIssue[] = [];
    const visit = (el: XmlElement): void => {
      for (const child of el.children) {
        if (child.name === 'COMMENT' || child.name === 'USER_DEFINED') continue;
        if (OMM_XML_CONTAINERS.has(child.name)) {
          visit(child);
          continue;
        }
        const where = lines.position(child.start);
        if (child.children.length > 0 || !isOmmKeyword(child.name)) {
          recIssues.push(
            makeIssue(
              IssueCode.OMM_UNKNOWN_KEYWORD,
              { file, ...where },
              'an OMM keyword element (CCSDS 502.0)',
              `unknown element <${child.name}>`,
              text.slice(child.start, child.end),
            ),
          );
          continue;
        }
        if (fields.has(child.name)) {
          recIssues.push(
            makeIssue(
              IssueCode.OMM_SYNTAX,
              { file, ...where },
              `one <${child.name}> per <omm>`,
              `element <${child.name}> repeated`,
              text.slice(child.start, child.end),
            ),
          );
          continue;
        }
        const valuePos = child.textStart === -1 ? where : lines.position(child.textStart);
        fields.set(child.name, { value: child.text.trim(), ...valuePos });
      }
    };
    visit(omm);
    const line = lines.position(omm.start).line;
    if (recIssues.length > 0) {
      issues.push(...recIssues);
      continue;
    }
    const built = buildElementSet(fields, { file, line, raw: text.slice(omm.start, omm.end), format: 'omm-xml' });
    if (built.item !== null) items.push(built.item);
    issues.push(...built.issues);
  }
  if (read.error !== null) {
    issues.push(
      makeIssue(
        IssueCode.OMM_SYNTAX,
        { file, ...lines.position(read.error.offset) },
        read.error.expected,
        `XML syntax: ${read.error.message}`,
      ),
    );
  } else if (omms.length === 0) {
    issues.push(
      makeIssue(
        IssueCode.OMM_SYNTAX,
        { file, line: 1, column: 1 },
        '<ndm> or <omm> with <omm> records',
        'no <omm> element in the XML document',
      ),
    );
  }
  items.sort((a, b) => a.line - b.line);
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { items, issues };
}
