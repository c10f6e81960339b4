/**
 * `orbwatch verify <bundle>`: recomputes an event from its evidence bundle alone (no database)
 * and prints, for each measure, the stored value, the recomputed one and whether they match.
 * Exit 0 when every measure matches; 1 on a mismatch (naming the measure) or when the detector
 * does not find the event again; 2 for a bundle it cannot read or whose element-set text no
 * longer matches its hash. A bundle of a report site may name its object's element-history file
 * (`objects/N.json.gz` beside it): that file is read too.
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { VerifyEnvironment } from '@orbwatch/core';
import { ErrorCode, OrbwatchError, verifyBundle } from '@orbwatch/core';
import { contentHash } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK, EXIT_RUNTIME, EXIT_USAGE } from '../exit-codes.js';
import { renderTable } from '../text-table.js';

const show = (v: unknown): string =>
  v === undefined ? '(absent)' : typeof v === 'number' ? String(v) : JSON.stringify(v);

/** What verifying the bundle at `file` needs from the machine: hashes, and its history file. */
export function verifyEnvironment(file: string): VerifyEnvironment {
  return {
    contentHash: (s) => contentHash({ format: s.format as 'tle', raw: s.raw }),
    readFile: (relativePath) => {
      try {
        const bytes = readFileSync(resolve(dirname(file), relativePath));
        return (relativePath.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

export function runVerify(file: string, o: { readonly json?: boolean }, ctx: CliContext): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new OrbwatchError(ErrorCode.INPUT_REJECTED, `cannot read the bundle ${file}`, { file }, { cause: e });
  }
  const r = verifyBundle(text, verifyEnvironment(file));
  if (!r.ok) {
    if (o.json === true) writeJson(ctx, { ok: false, code: r.code, message: r.message, eventId: r.eventId ?? null });
    writeLine(ctx.stderr, `orbwatch: ${r.code}: ${file}: ${r.message}`);
    return r.code === 'EVENT_NOT_RECOMPUTED' ? EXIT_RUNTIME : EXIT_USAGE;
  }
  if (o.json === true) writeJson(ctx, { eventId: r.eventId, ok: r.mismatches.length === 0, checks: r.checks });
  else {
    writeLine(
      ctx.stdout,
      renderTable(r.checks, [
        { header: 'MEASURE', value: (c) => c.measure },
        { header: 'STORED', value: (c) => show(c.stored), align: 'right' },
        { header: 'RECOMPUTED', value: (c) => show(c.recomputed), align: 'right' },
        { header: 'RESULT', value: (c) => (c.match ? 'match' : 'MISMATCH') },
      ]),
    );
    writeLine(
      ctx.stdout,
      r.mismatches.length === 0
        ? `event ${r.eventId}: all ${String(r.checks.length)} measures recomputed from the bundle match`
        : `event ${r.eventId}: ${String(r.mismatches.length)} measure(s) differ: ${r.mismatches.map((m) => m.measure).join(', ')}`,
    );
  }
  if (r.mismatches.length > 0) {
    writeLine(ctx.stderr, `orbwatch: VERIFY_MISMATCH: ${r.mismatches.map((m) => m.measure).join(', ')}`);
    return EXIT_RUNTIME;
  }
  return EXIT_OK;
}
