/**
 * From the located raw text of a CDM's blocks (shared by the KVN and XML readers) to a
 * {@link Cdm}: values checked against their keyword's kind and converted to orbwatch units,
 * units compared with the standard's, mandatory keywords and both objects required, and the
 * typed views (TCA, states, RTN position covariances) filled in. Every problem is an issue at
 * the value's line and column; a CDM with an error is not returned.
 * @module
 */
import type { Mat3, V3 } from '../frames/mat3.js';
import { parseUtcTimestamp } from '../time/instant.js';
import type { Cdm, CdmBlockData, CdmObject, CdmValue } from './cdm.js';
import type { CdmIssue } from './cdm-issue.js';
import { CdmIssueCode, cdmIssue } from './cdm-issue.js';
import type { CdmBlock } from './cdm-keywords.js';
import { CDM_KEYWORDS, cdmKeyword, normaliseUnit } from './cdm-keywords.js';

/** A keyword's raw value where it was found. */
export interface RawCdmField {
  readonly keyword: string;
  readonly text: string;
  /** Unit as written (KVN brackets, XML `units`), or undefined. */
  readonly unit?: string;
  readonly line: number;
  readonly column: number;
}

export interface RawCdmBlock {
  readonly block: CdmBlock;
  readonly comments: string[];
  readonly fields: RawCdmField[];
}

/** One object's segment, or the message-level part (header and relative blocks). */
export interface RawCdmPart {
  readonly line: number;
  readonly blocks: RawCdmBlock[];
}

export interface RawCdm {
  readonly file: string;
  readonly line: number;
  readonly format: 'kvn' | 'xml';
  readonly message: RawCdmPart;
  readonly segments: RawCdmPart[];
}

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function convert(f: RawCdmField, file: string, issues: CdmIssue[]): CdmValue | undefined {
  const def = cdmKeyword(f.keyword);
  if (def === undefined) return undefined;
  const at = { file, line: f.line, column: f.column };
  if (f.unit !== undefined && normaliseUnit(f.unit) !== def.unit) {
    issues.push(
      cdmIssue(
        CdmIssueCode.CDM_UNIT,
        at,
        def.unit === '' ? 'no unit' : `[${def.unit}]`,
        `${f.keyword} given in [${f.unit}]; read as ${def.unit === '' ? 'unitless' : `[${def.unit}]`}`,
        f.text,
        'warning',
      ),
    );
  }
  const text = f.text.trim();
  if (def.kind === 'text') return text;
  if (def.kind === 'time') {
    const t = parseUtcTimestamp(text);
    if (t === undefined) {
      issues.push(
        cdmIssue(
          CdmIssueCode.CDM_FIELD_TYPE,
          at,
          'YYYY-MM-DDThh:mm:ss[.d…] (UTC)',
          `${f.keyword} is not a UTC time`,
          text,
        ),
      );
    }
    return t;
  }
  if (/^[+-]?nan$/i.test(text)) {
    issues.push(
      cdmIssue(
        def.mandatory ? CdmIssueCode.CDM_FIELD_TYPE : CdmIssueCode.CDM_NAN_VALUE,
        at,
        'a number',
        `${f.keyword} is NaN`,
        text,
        def.mandatory ? 'error' : 'warning',
      ),
    );
    return def.mandatory ? undefined : NaN;
  }
  if (!NUMBER_RE.test(text)) {
    issues.push(
      cdmIssue(
        CdmIssueCode.CDM_FIELD_TYPE,
        at,
        `a number${def.unit === '' ? '' : ` [${def.unit}]`}`,
        `${f.keyword} is not a number`,
        text,
      ),
    );
    return undefined;
  }
  return Number(text) / def.divisor;
}

function buildBlocks(part: RawCdmPart, file: string, issues: CdmIssue[]): CdmBlockData[] {
  return part.blocks.map((b) => {
    const values = new Map<string, CdmValue>();
    for (const f of b.fields) {
      const v = convert(f, file, issues);
      if (v !== undefined) values.set(f.keyword, v);
    }
    return { block: b.block, comments: [...b.comments], values };
  });
}

function lookup(blocks: readonly CdmBlockData[], keyword: string): CdmValue | undefined {
  for (const b of blocks) {
    const v = b.values.get(keyword);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Mandatory keywords of `block`s that `raw` lacks, as issues at `line`. */
function checkMandatory(
  raw: RawCdmPart,
  blocks: readonly CdmBlock[],
  file: string,
  where: string,
  issues: CdmIssue[],
): void {
  const present = new Set(raw.blocks.flatMap((b) => b.fields.map((f) => f.keyword)));
  for (const d of CDM_KEYWORDS) {
    if (d.mandatory && blocks.includes(d.block) && !present.has(d.keyword)) {
      issues.push(
        cdmIssue(
          CdmIssueCode.CDM_FIELD_MISSING,
          { file, line: raw.line, column: 1 },
          `${d.keyword} = …`,
          `mandatory keyword ${d.keyword} missing${where}`,
        ),
      );
    }
  }
}

const COV_POS = ['CR_R', 'CT_R', 'CT_T', 'CN_R', 'CN_T', 'CN_N'] as const;

function buildObject(blocks: CdmBlockData[]): CdmObject {
  const num = (kw: string): number => {
    const v = lookup(blocks, kw);
    return typeof v === 'number' ? v : NaN;
  };
  const txt = (kw: string): string => String(lookup(blocks, kw) ?? '');
  const [rr, tr, tt, nr, nt, nn] = COV_POS.map(num) as [number, number, number, number, number, number];
  const cov: Mat3 = [rr, tr, nr, tr, tt, nt, nr, nt, nn];
  const r: V3 = [num('X'), num('Y'), num('Z')];
  const v: V3 = [num('X_DOT'), num('Y_DOT'), num('Z_DOT')];
  return {
    object: txt('OBJECT') === 'OBJECT2' ? 'OBJECT2' : 'OBJECT1',
    designator: txt('OBJECT_DESIGNATOR'),
    name: txt('OBJECT_NAME'),
    refFrame: txt('REF_FRAME'),
    rKm: r,
    vKmPerSec: v,
    positionCovarianceRtnKm2: cov,
    blocks,
  };
}

/** Builds a CDM from its raw blocks; `item` is null when any error was found. */
export function buildCdm(raw: RawCdm): { item: Cdm | null; issues: CdmIssue[] } {
  const { file } = raw;
  const issues: CdmIssue[] = [];
  const messageBlocks = buildBlocks(raw.message, file, issues);
  checkMandatory(raw.message, ['header', 'relative'], file, '', issues);
  const objects: CdmObject[] = [];
  const seen = new Set<string>();
  for (const seg of raw.segments) {
    const blocks = buildBlocks(seg, file, issues);
    const name = lookup(blocks, 'OBJECT');
    checkMandatory(seg, ['metadata', 'state', 'covariance'], file, ` in ${String(name ?? 'object segment')}`, issues);
    if (name !== 'OBJECT1' && name !== 'OBJECT2') {
      const f = seg.blocks.flatMap((b) => b.fields).find((x) => x.keyword === 'OBJECT');
      if (f !== undefined) {
        issues.push(
          cdmIssue(
            CdmIssueCode.CDM_FIELD_TYPE,
            { file, line: f.line, column: f.column },
            'OBJECT1 or OBJECT2',
            'OBJECT must be OBJECT1 or OBJECT2',
            f.text,
          ),
        );
      }
      continue;
    }
    if (seen.has(name)) {
      issues.push(
        cdmIssue(
          CdmIssueCode.CDM_SYNTAX,
          { file, line: seg.line, column: 1 },
          'one segment per object',
          `${name} appears twice`,
        ),
      );
      continue;
    }
    seen.add(name);
    objects.push(buildObject(blocks));
  }
  for (const name of ['OBJECT1', 'OBJECT2']) {
    if (
      !seen.has(name) &&
      !issues.some((i) => i.code === CdmIssueCode.CDM_FIELD_TYPE && i.expected === 'OBJECT1 or OBJECT2')
    ) {
      issues.push(
        cdmIssue(
          CdmIssueCode.CDM_FIELD_MISSING,
          { file, line: raw.line, column: 1 },
          `OBJECT = ${name} and its segment`,
          `the CDM has no ${name} segment`,
        ),
      );
    }
  }
  if (issues.some((i) => i.severity === 'error')) return { item: null, issues };
  objects.sort((a, b) => a.object.localeCompare(b.object));
  const [o1, o2] = objects;
  if (o1 === undefined || o2 === undefined) return { item: null, issues };
  const tca = lookup(messageBlocks, 'TCA');
  const miss = lookup(messageBlocks, 'MISS_DISTANCE');
  const pc = lookup(messageBlocks, 'COLLISION_PROBABILITY');
  const method = lookup(messageBlocks, 'COLLISION_PROBABILITY_METHOD');
  const cdm: Cdm = {
    file,
    line: raw.line,
    format: raw.format,
    messageId: String(lookup(messageBlocks, 'MESSAGE_ID') ?? ''),
    tca: tca as Cdm['tca'],
    missDistanceKm: typeof miss === 'number' ? miss : NaN,
    ...(typeof pc === 'number' ? { statedPc: pc } : {}),
    ...(typeof method === 'string' ? { statedPcMethod: method } : {}),
    blocks: messageBlocks,
    objects: [o1, o2],
  };
  return { item: cdm, issues };
}
