/**
 * CDM in XML (CCSDS 508.0-B-1 §5, NDM/XML schema): `<cdm version="1.0">` (bare, or inside
 * `<ndm>`) holding `<header>`, and a `<body>` with `<relativeMetadataData>` (and its
 * `<relativeStateVector>`) and two `<segment>`s of `<metadata>` and `<data>` (`<odParameters>`,
 * `<additionalParameters>`, `<stateVector>`, `<covarianceMatrix>`). `<COMMENT>` elements belong
 * to the block they sit in; `units` attributes are compared with the standard's. An element that
 * is not a CDM keyword is `CDM_UNKNOWN_KEYWORD`; a keyword in the wrong part of the message,
 * a repeated one, or malformed XML is `CDM_SYNTAX` at its position.
 * @module
 */
import { LineIndex } from '../elements/omm/line-index.js';
import type { XmlElement } from '../elements/omm/xml-elements.js';
import { readXmlElements } from '../elements/omm/xml-elements.js';
import type { Cdm } from './cdm.js';
import type { CdmIssue, CdmParseResult } from './cdm-issue.js';
import { CdmIssueCode, cdmIssue } from './cdm-issue.js';
import type { RawCdm, RawCdmBlock, RawCdmPart } from './build-cdm.js';
import { buildCdm } from './build-cdm.js';
import type { CdmBlock } from './cdm-keywords.js';
import { cdmKeyword } from './cdm-keywords.js';

/** Containers: element name → the blocks a leaf inside may belong to. */
const CONTAINERS: Readonly<Record<string, readonly CdmBlock[]>> = {
  header: ['header'],
  relativeMetadataData: ['relative'],
  relativeStateVector: ['relative'],
  metadata: ['metadata'],
  data: ['od', 'additional', 'state', 'covariance'],
  odParameters: ['od'],
  additionalParameters: ['additional'],
  stateVector: ['state'],
  covarianceMatrix: ['covariance'],
};
/** Block that a container's COMMENTs go to. */
const COMMENT_BLOCK: Readonly<Record<string, CdmBlock>> = {
  header: 'header',
  relativeMetadataData: 'relative',
  relativeStateVector: 'relative',
  metadata: 'metadata',
  data: 'od',
  odParameters: 'od',
  additionalParameters: 'additional',
  stateVector: 'state',
  covarianceMatrix: 'covariance',
};

function blockOf(part: RawCdmPart, block: CdmBlock): RawCdmBlock {
  const found = part.blocks.find((b) => b.block === block);
  if (found !== undefined) return found;
  const b: RawCdmBlock = { block, comments: [], fields: [] };
  part.blocks.push(b);
  return b;
}

/** Parses a CDM XML text. */
export function parseCdmXml(text: string, file: string): CdmParseResult<Cdm> {
  const lines = new LineIndex(text);
  const read = readXmlElements(text);
  const items: Cdm[] = [];
  const issues: CdmIssue[] = [];
  const cdms = read.closed.filter((e) => e.name === 'cdm');
  for (const cdmEl of cdms) {
    const line = lines.position(cdmEl.start).line;
    const message: RawCdmPart = { line, blocks: [] };
    const raw: RawCdm = { file, line, format: 'xml', message, segments: [] };
    const recIssues: CdmIssue[] = [];
    const version = cdmEl.attributes.get('version');
    if (version !== undefined) {
      blockOf(message, 'header').fields.push({
        keyword: 'CCSDS_CDM_VERS',
        text: version,
        ...lines.position(cdmEl.start),
      });
    }
    const visit = (el: XmlElement, part: RawCdmPart, allowed: readonly CdmBlock[], seen: Set<string>): void => {
      for (const child of el.children) {
        const where = lines.position(child.start);
        if (child.name === 'COMMENT') {
          blockOf(part, COMMENT_BLOCK[el.name] ?? allowed[0] ?? 'header').comments.push(child.text.trim());
          continue;
        }
        const inner = CONTAINERS[child.name];
        if (inner !== undefined && allowed.some((b) => inner.includes(b))) {
          visit(child, part, inner, seen);
          continue;
        }
        const def = cdmKeyword(child.name);
        if (def === undefined || child.children.length > 0) {
          recIssues.push(
            cdmIssue(
              CdmIssueCode.CDM_UNKNOWN_KEYWORD,
              { file, ...where },
              'a CDM keyword element (CCSDS 508.0-B-1)',
              `unknown element <${child.name}>`,
              text.slice(child.start, child.end),
            ),
          );
          continue;
        }
        if (!allowed.includes(def.block)) {
          recIssues.push(
            cdmIssue(
              CdmIssueCode.CDM_SYNTAX,
              { file, ...where },
              `<${child.name}> inside its ${def.block} block`,
              `<${child.name}> misplaced in <${el.name}>`,
              text.slice(child.start, child.end),
            ),
          );
          continue;
        }
        if (seen.has(child.name)) {
          recIssues.push(
            cdmIssue(
              CdmIssueCode.CDM_SYNTAX,
              { file, ...where },
              `one <${child.name}>`,
              `element <${child.name}> repeated`,
              text.slice(child.start, child.end),
            ),
          );
          continue;
        }
        seen.add(child.name);
        const valuePos = child.textStart === -1 ? where : lines.position(child.textStart);
        const unit = child.attributes.get('units');
        blockOf(part, def.block).fields.push({
          keyword: child.name,
          text: child.text.trim(),
          ...(unit === undefined ? {} : { unit }),
          ...valuePos,
        });
      }
    };
    const messageSeen = new Set<string>(['CCSDS_CDM_VERS']);
    for (const child of cdmEl.children) {
      if (child.name === 'header') visit(child, message, ['header'], messageSeen);
      else if (child.name === 'body') {
        for (const b of child.children) {
          if (b.name === 'relativeMetadataData') visit(b, message, ['relative'], messageSeen);
          else if (b.name === 'segment') {
            const seg: RawCdmPart = { line: lines.position(b.start).line, blocks: [] };
            raw.segments.push(seg);
            const segSeen = new Set<string>();
            for (const s of b.children) {
              if (s.name === 'metadata') visit(s, seg, ['metadata'], segSeen);
              else if (s.name === 'data') visit(s, seg, CONTAINERS['data'] ?? [], segSeen);
              else if (s.name !== 'COMMENT') {
                recIssues.push(
                  cdmIssue(
                    CdmIssueCode.CDM_SYNTAX,
                    { file, ...lines.position(s.start) },
                    '<metadata> or <data>',
                    `unexpected <${s.name}> in <segment>`,
                  ),
                );
              }
            }
          } else if (b.name !== 'COMMENT') {
            recIssues.push(
              cdmIssue(
                CdmIssueCode.CDM_SYNTAX,
                { file, ...lines.position(b.start) },
                '<relativeMetadataData> or <segment>',
                `unexpected <${b.name}> in <body>`,
              ),
            );
          }
        }
      } else if (child.name !== 'COMMENT') {
        recIssues.push(
          cdmIssue(
            CdmIssueCode.CDM_SYNTAX,
            { file, ...lines.position(child.start) },
            '<header> or <body>',
            `unexpected <${child.name}> in <cdm>`,
          ),
        );
      }
    }
    const built = buildCdm(raw);
    issues.push(...recIssues, ...built.issues);
    if (built.item !== null && !recIssues.some((i) => i.severity === 'error')) items.push(built.item);
  }
  if (read.error !== null) {
    issues.push(
      cdmIssue(
        CdmIssueCode.CDM_SYNTAX,
        { file, ...lines.position(read.error.offset) },
        read.error.expected,
        `XML syntax: ${read.error.message}`,
      ),
    );
  } else if (cdms.length === 0) {
    issues.push(
      cdmIssue(
        CdmIssueCode.CDM_SYNTAX,
        { file, line: 1, column: 1 },
        '<cdm> (or <ndm> holding <cdm>)',
        'no <cdm> element in the XML document',
      ),
    );
  }
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { items, issues };
}
