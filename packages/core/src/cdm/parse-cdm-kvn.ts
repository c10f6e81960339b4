/**
 * CDM in KVN (CCSDS 508.0-B-1 §4): `KEY = value [unit]` lines, `COMMENT` lines and blank
 * lines. Keywords before the first `OBJECT` are the header and relative metadata/data; each
 * `OBJECT = OBJECT1|OBJECT2` line opens that object's segment. A comment belongs to the block of
 * the keyword that follows it. A keyword the standard does not define is
 * `CDM_UNKNOWN_KEYWORD` (a misspelt optional keyword would otherwise vanish); a repeated
 * keyword, a header keyword inside an object segment, or a line that is not `KEY = value` is
 * `CDM_SYNTAX`. A `CCSDS_CDM_VERS` line after content starts another message. A unit bracket
 * left open (`85.4 [`, seen in CARA files) is read as a unit and reported as `CDM_UNIT`. Lines
 * are classified by the KVN line reader the OMM and OEM readers share (`kvn/kvn-line.ts`).
 * @module
 */
import type { Cdm } from './cdm.js';
import type { CdmIssue, CdmParseResult } from './cdm-issue.js';
import { CdmIssueCode, cdmIssue } from './cdm-issue.js';
import type { RawCdm, RawCdmBlock, RawCdmPart } from './build-cdm.js';
import { buildCdm } from './build-cdm.js';
import type { CdmBlock } from './cdm-keywords.js';
import { cdmKeyword } from './cdm-keywords.js';
import { nonAsciiColumn, readKvnLines } from '../kvn/kvn-line.js';
const MESSAGE_BLOCKS: readonly CdmBlock[] = ['header', 'relative'];

interface Message {
  raw: RawCdm;
  part: RawCdmPart;
  keywords: Set<string>;
  issues: CdmIssue[];
  hasContent: boolean;
}

function blockOf(part: RawCdmPart, block: CdmBlock): RawCdmBlock {
  const found = part.blocks.find((b) => b.block === block);
  if (found !== undefined) return found;
  const b: RawCdmBlock = { block, comments: [], fields: [] };
  part.blocks.push(b);
  return b;
}

/** Parses a CDM KVN text (one message, or several each starting with CCSDS_CDM_VERS). */
export function parseCdmKvn(text: string, file: string): CdmParseResult<Cdm> {
  const lines = readKvnLines(text);
  const items: Cdm[] = [];
  const issues: CdmIssue[] = [];
  let msg: Message | null = null;
  let pending: string[] = [];

  const start = (line: number): Message => {
    const part: RawCdmPart = { line, blocks: [] };
    return {
      raw: { file, line, format: 'kvn', message: part, segments: [] },
      part,
      keywords: new Set(),
      issues: [],
      hasContent: false,
    };
  };
  const finish = (m: Message): void => {
    if (pending.length > 0) {
      const last = m.part.blocks[m.part.blocks.length - 1] ?? blockOf(m.raw.message, 'header');
      last.comments.push(...pending);
      pending = [];
    }
    const built = buildCdm(m.raw);
    issues.push(...m.issues, ...built.issues);
    if (built.item !== null && !m.issues.some((i) => i.severity === 'error')) items.push(built.item);
  };

  for (const l of lines) {
    const line = l.line;
    const lineText = l.text;
    if (l.kind === 'blank') continue;
    const keyword = l.kind === 'keyword' ? l.keyword : undefined;
    if (msg === null || (keyword === 'CCSDS_CDM_VERS' && msg.hasContent)) {
      if (msg !== null) finish(msg);
      msg = start(line);
    }
    const m: Message = msg;
    if (l.kind === 'keyword') m.hasContent = true;
    const nonAscii = nonAsciiColumn(lineText);
    if (nonAscii > 0) {
      m.issues.push(
        cdmIssue(
          CdmIssueCode.CDM_NON_ASCII,
          { file, line, column: nonAscii },
          'ASCII text',
          'non-ASCII character (kept as read)',
          lineText,
          'warning',
        ),
      );
    }
    if (l.kind === 'comment') {
      pending.push(l.comment);
      continue;
    }
    if (l.kind === 'other' || keyword === undefined) {
      const column = lineText.length - lineText.trimStart().length + 1;
      m.issues.push(
        cdmIssue(
          CdmIssueCode.CDM_SYNTAX,
          { file, line, column },
          'KEYWORD = value [unit]',
          'not a KVN keyword line',
          lineText,
        ),
      );
      continue;
    }
    const keyColumn = l.keyColumn;
    const def = cdmKeyword(keyword);
    if (def === undefined) {
      m.issues.push(
        cdmIssue(
          CdmIssueCode.CDM_UNKNOWN_KEYWORD,
          { file, line, column: keyColumn },
          'a CDM keyword (CCSDS 508.0-B-1)',
          `unknown keyword ${keyword}`,
          lineText,
        ),
      );
      continue;
    }
    if (keyword === 'OBJECT') {
      const seg: RawCdmPart = { line, blocks: [] };
      m.raw.segments.push(seg);
      m.part = seg;
      m.keywords = new Set();
    }
    const inSegment = m.part !== m.raw.message;
    const messageKeyword = MESSAGE_BLOCKS.includes(def.block);
    if (messageKeyword === inSegment) {
      m.issues.push(
        cdmIssue(
          CdmIssueCode.CDM_SYNTAX,
          { file, line, column: keyColumn },
          messageKeyword ? `${keyword} before the first OBJECT line` : `OBJECT = OBJECT1 before ${keyword}`,
          messageKeyword ? `${keyword} inside an object segment` : `${keyword} before any OBJECT line`,
          lineText,
        ),
      );
      continue;
    }
    if (m.keywords.has(keyword)) {
      m.issues.push(
        cdmIssue(
          CdmIssueCode.CDM_SYNTAX,
          { file, line, column: keyColumn },
          `one ${keyword} per ${inSegment ? 'object' : 'message'}`,
          `keyword ${keyword} repeated`,
          lineText,
        ),
      );
      continue;
    }
    m.keywords.add(keyword);
    const block = blockOf(m.part, def.block);
    block.comments.push(...pending);
    pending = [];
    block.fields.push({
      keyword,
      text: l.value,
      ...(l.unit === undefined ? {} : { unit: l.unit }),
      line,
      column: l.valueColumn,
    });
  }
  if (msg !== null) finish(msg);
  else
    issues.push(
      cdmIssue(
        CdmIssueCode.CDM_FIELD_MISSING,
        { file, line: 1, column: 1 },
        'CCSDS_CDM_VERS = 1.0',
        'empty input: no CDM',
      ),
    );
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { items, issues };
}
