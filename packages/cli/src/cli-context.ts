/**
 * What a command needs from the outside world, passed in so commands can be tested in-process:
 * output streams, whether stderr is a terminal (progress bars only then), and the clock.
 * @module
 */
import { Writable } from 'node:stream';
import type { Instant } from '@orbwatch/core';

export interface CliContext {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  /** The wall clock, read only here (core never reads it). */
  readonly now: () => Instant;
}

/** Writes a line to a stream. */
export function writeLine(stream: NodeJS.WritableStream, line = ''): void {
  stream.write(`${line}\n`);
}

/** Writes one JSON document to stdout (the `--json` contract). */
export function writeJson(ctx: CliContext, doc: unknown): void {
  ctx.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}

/**
 * The context of a command run with `--quiet`: the same, but stderr (progress, notes, per-file
 * lines) goes nowhere and is not a terminal. Results still go to stdout; errors are printed by
 * `main` on the real stderr.
 */
export function quietContext(ctx: CliContext): CliContext {
  const sink = new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });
  return { ...ctx, stderr: Object.assign(sink, { isTTY: false }) };
}
