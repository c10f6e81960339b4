/**
 * Reads a case file (JSON: `{"format":"orbwatch-case","version":1,…}`) and reports every problem
 * with file, line, column, JSON path and what was expected, the way norm files are read: the
 * located JSON reader keeps each value's offset, so a zod issue's path maps back to its line. A
 * case is all or nothing: one issue and the case does not run. Whether each element-set file
 * exists is asked of the caller (`exists`), so this stays free of I/O.
 * @module
 */
import { jsonPath, nodeAt, readLocatedRoot, toPlain } from '../elements/omm/located-json-path.js';
import type { CaseFile } from './case-file.js';
import { CASE_FILE_FORMAT, CASE_FILE_VERSION, caseFileSchema } from './case-file.js';

/** One problem in a case file. */
export interface CaseIssue {
  readonly code: 'CASE_SYNTAX' | 'CASE_FORMAT' | 'CASE_INVALID' | 'CASE_FILE_MISSING';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** JSON path of the offending value, e.g. `$.publishedFacts[1].source`. */
  readonly path: string;
  readonly expected: string;
  readonly message: string;
}

export interface CaseParseResult {
  /** The case, when the file has no issue. */
  readonly caseFile: CaseFile | null;
  readonly issues: CaseIssue[];
}

export interface ParseCaseOptions {
  /** Whether an element-set path (as written, relative to the case file) names something readable. */
  readonly exists?: (path: string) => boolean;
}

/** Parses a case file's text. Never throws on bad input. */
export function parseCaseFile(text: string, file: string, options: ParseCaseOptions = {}): CaseParseResult {
  const read = readLocatedRoot(text, file, 'CASE_SYNTAX', 'case file');
  const { at, root } = read;
  const issues: CaseIssue[] = read.issues;
  if (root === undefined) return { caseFile: null, issues };
  for (const [key, want] of [
    ['format', CASE_FILE_FORMAT],
    ['version', CASE_FILE_VERSION],
  ] as const) {
    const v = root.kind === 'object' ? root.entries.find((e) => e.key === key)?.value : undefined;
    if (v === undefined || toPlain(v) !== want) {
      issues.push({
        code: 'CASE_FORMAT',
        file,
        ...at((v ?? root).start),
        path: `$.${key}`,
        expected: JSON.stringify(want),
        message: `not an orbwatch case file: ${key} must be ${JSON.stringify(want)}`,
      });
      return { caseFile: null, issues };
    }
  }
  const r = caseFileSchema.safeParse(toPlain(root));
  if (!r.success) {
    for (const e of r.error.issues) {
      const path = `$${jsonPath(e.path)}`;
      issues.push({
        code: 'CASE_INVALID',
        file,
        ...at(nodeAt(root, e.path).start),
        path,
        expected: e.message,
        message: `${path} is invalid`,
      });
    }
    return { caseFile: null, issues };
  }
  if (options.exists !== undefined) {
    r.data.elementSets.forEach((f, i) => {
      if (options.exists?.(f.path) === true) return;
      const path: PropertyKey[] = ['elementSets', i, 'path'];
      issues.push({
        code: 'CASE_FILE_MISSING',
        file,
        ...at(nodeAt(root, path).start),
        path: `$${jsonPath(path)}`,
        expected: 'a readable file (or a glob matching one), relative to the case file',
        message: `element-set file ${f.path} not found`,
      });
    });
  }
  return issues.length > 0 ? { caseFile: null, issues } : { caseFile: r.data, issues };
}
