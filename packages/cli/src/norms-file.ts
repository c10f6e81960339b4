/**
 * The norm set a command judges with: the default set orbwatch ships, or a user's file given with
 * `--norms FILE` (same format). A file's bad norms are reported on stderr with file, line, column
 * and JSON path, and left out; the valid ones are used. A file that cannot be read or holds no
 * valid norm is an input error.
 * @module
 */
import { readFileSync } from 'node:fs';
import type { Norm } from '@orbwatch/core';
import { DEFAULT_NORM_FILE, ErrorCode, OrbwatchError, parseNorms } from '@orbwatch/core';
import type { CliContext } from './cli-context.js';
import { writeLine } from './cli-context.js';

/** The default norms, validated like any file (a failure is a programmer error). */
export function defaultNorms(): Norm[] {
  const r = parseNorms(JSON.stringify(DEFAULT_NORM_FILE), 'default-norms');
  if (r.issues.length > 0) throw new Error(`the default norm set is invalid: ${JSON.stringify(r.issues[0])}`);
  return r.items;
}

/** Norms from `path`, or the default set when no path is given. */
export function loadNorms(path: string | undefined, ctx: CliContext): Norm[] {
  if (path === undefined) return defaultNorms();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new OrbwatchError(ErrorCode.INPUT_REJECTED, `cannot read the norm file ${path}`, { path }, { cause: e });
  }
  const r = parseNorms(text, path);
  for (const i of r.issues)
    writeLine(
      ctx.stderr,
      `${i.file}:${String(i.line)}:${String(i.column)}: ${i.code} ${i.path}: ${i.message} (expected ${i.expected})`,
    );
  if (r.items.length === 0)
    throw new OrbwatchError(ErrorCode.INPUT_REJECTED, `no valid norm in ${path}`, { path, issues: r.issues.length });
  return r.items;
}
