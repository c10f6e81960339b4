/**
 * Reads a norm file (JSON: `{"format":"orbwatch-norms","version":1,"norms":[…]}`), keeping every
 * valid norm and reporting each invalid one with file, line, column, JSON path and the expected
 * type. A norm that fails validation is left out; the others are used.
 * @module
 */
import { jsonPath, nodeAt, readLocatedRoot, toPlain } from '../elements/omm/located-json-path.js';
import type { Norm } from './norm.js';
import { NORM_FILE_FORMAT, NORM_FILE_VERSION, normSchema } from './norm.js';

/** One problem in a norm file. */
export interface NormIssue {
  readonly code: 'NORM_SYNTAX' | 'NORM_FORMAT' | 'NORM_INVALID' | 'NORM_DUPLICATE_ID';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** JSON path of the offending value, e.g. `$.norms[2].instruments[0].bindingness`. */
  readonly path: string;
  readonly expected: string;
  readonly message: string;
}

export interface NormParseResult {
  readonly items: Norm[];
  readonly issues: NormIssue[];
}

/** Parses a norm file's text. Never throws on bad input. */
export function parseNorms(text: string, file: string): NormParseResult {
  const read = readLocatedRoot(text, file, 'NORM_SYNTAX', 'norm file');
  const { at, root } = read;
  const issues: NormIssue[] = read.issues;
  if (root === undefined) return { items: [], issues };
  const header = (key: string, want: unknown, expected: string): boolean => {
    const v = root.kind === 'object' ? root.entries.find((e) => e.key === key)?.value : undefined;
    if (v !== undefined && toPlain(v) === want) return true;
    issues.push({
      code: 'NORM_FORMAT',
      file,
      ...at((v ?? root).start),
      path: `$.${key}`,
      expected,
      message: `not an orbwatch norm file: ${key} must be ${JSON.stringify(want)}`,
    });
    return false;
  };
  if (
    !header('format', NORM_FILE_FORMAT, `"${NORM_FILE_FORMAT}"`) ||
    !header('version', NORM_FILE_VERSION, String(NORM_FILE_VERSION))
  )
    return { items: [], issues };
  const list = root.kind === 'object' ? root.entries.find((e) => e.key === 'norms')?.value : undefined;
  if (list?.kind !== 'array') {
    issues.push({
      code: 'NORM_FORMAT',
      file,
      ...at((list ?? root).start),
      path: '$.norms',
      expected: 'an array of norms',
      message: 'no norms array',
    });
    return { items: [], issues };
  }
  const items: Norm[] = [];
  const seen = new Set<string>();
  list.items.forEach((node, i) => {
    const r = normSchema.safeParse(toPlain(node));
    if (!r.success) {
      for (const e of r.error.issues) {
        issues.push({
          code: 'NORM_INVALID',
          file,
          ...at(nodeAt(node, e.path).start),
          path: `$.norms[${String(i)}]${jsonPath(e.path)}`,
          expected: e.message,
          message: `norm ${String(i)} left out: ${jsonPath(e.path) || 'the norm'} is invalid (${e.message})`,
        });
      }
      return;
    }
    if (seen.has(r.data.id)) {
      issues.push({
        code: 'NORM_DUPLICATE_ID',
        file,
        ...at(node.start),
        path: `$.norms[${String(i)}].id`,
        expected: 'an id not used by an earlier norm',
        message: `norm ${r.data.id} appears twice; the first is kept`,
      });
      return;
    }
    seen.add(r.data.id);
    items.push(r.data);
  });
  return { items, issues };
}
