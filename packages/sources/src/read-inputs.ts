/**
 * File readers for ingest: paths, globs and standard input, gzip-aware. Text is decoded as
 * UTF-8; bytes that are not valid UTF-8 become U+FFFD and the parsers report them (NON_ASCII)
 * with their line and column, so nothing is dropped silently. A binary input (a NUL byte, or
 * mostly control bytes, in its first 64 KiB after gunzip) is not parsed at all: it is reported
 * as an input problem (`INPUT_NOT_TEXT`), as are missing paths (`INPUT_NOT_FOUND`), globs that
 * match nothing (`INPUT_NO_MATCH`) and files that cannot be read (`INPUT_UNREADABLE`).
 * @module
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { glob, isDynamicPattern } from 'tinyglobby';

/** One input: where it came from and its text. `file` is `-` for standard input. */
export interface InputText {
  readonly file: string;
  readonly text: string;
  readonly bytes: number;
}

/** Why an input could not be used (the names of core's matching issue codes). */
export type InputProblemCode = 'INPUT_NOT_FOUND' | 'INPUT_UNREADABLE' | 'INPUT_NO_MATCH' | 'INPUT_NOT_TEXT';

/** A path that could not be read, reported rather than thrown. */
export interface InputProblem {
  readonly file: string;
  readonly code: InputProblemCode;
  readonly message: string;
}

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** One input as bytes (gunzipped when it was gzip): for consumers that decode later or elsewhere. */
export interface InputBytes {
  readonly file: string;
  /** The content, gunzipped; decode as UTF-8 ({@link decodeUtf8}) to get what {@link readInput} gives. */
  readonly data: Uint8Array;
  /** Bytes read (before gunzip). */
  readonly bytes: number;
}

/** The buffer, gunzipped when it carries the gzip magic bytes. */
export function gunzipIfGzip(buf: Buffer): Buffer {
  return buf.length >= 2 && buf[0] === GZIP_MAGIC_0 && buf[1] === GZIP_MAGIC_1 ? gunzipSync(buf) : buf;
}

/** Decodes a buffer, gunzipping it first when it carries the gzip magic bytes. */
export function decodeInput(buf: Buffer): string {
  return gunzipIfGzip(buf).toString('utf8');
}

/** UTF-8 text of bytes, as {@link readInput} decodes them (invalid bytes become U+FFFD). */
export function decodeUtf8(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
}

/**
 * Expands paths and glob patterns (directories are read recursively) into a sorted,
 * de-duplicated list of files, and the problems met on the way.
 */
export async function expandInputPaths(
  patterns: readonly string[],
): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files = new Set<string>();
  const problems: InputProblem[] = [];
  for (const p of patterns) {
    if (p === '-') {
      files.add('-');
      continue;
    }
    if (isDynamicPattern(p)) {
      const matched = await glob(p, { onlyFiles: true, dot: false, expandDirectories: false, absolute: isAbsolute(p) });
      if (matched.length === 0) problems.push({ file: p, code: 'INPUT_NO_MATCH', message: `no file matches ${p}` });
      for (const m of matched.sort()) files.add(m);
      continue;
    }
    try {
      const st = await stat(p);
      if (st.isDirectory()) {
        const matched = await glob('**/*', { cwd: p, onlyFiles: true, absolute: false, dot: false });
        for (const m of matched.filter(isElementFileName).sort()) files.add(`${p.replace(/\/$/, '')}/${m}`);
      } else {
        files.add(p);
      }
    } catch (e) {
      problems.push(
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? { file: p, code: 'INPUT_NOT_FOUND', message: `no such file or directory: ${p}` }
          : { file: p, code: 'INPUT_UNREADABLE', message: `cannot read ${p}: ${errorText(e)}` },
      );
    }
  }
  return { files: [...files], problems };
}

/** Files in a directory that look like element data (not READMEs, not provenance notes). */
function isElementFileName(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return !/\.(md|txt\.md|yaml|yml|py|ts|js|html|png|xlsx)$/i.test(base) && !/^(README|PROVENANCE|LICENSE)/i.test(base);
}

/** Reads one input (a file or `-` for stdin). */
export async function readInput(
  file: string,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<InputText | InputProblem> {
  const r = await readInputBytes(file, stdin);
  return isInputProblem(r) ? r : { file, text: decodeUtf8(r.data), bytes: r.bytes };
}

/** Reads one input as bytes (gunzipped); see {@link readInput} for the text. */
export async function readInputBytes(
  file: string,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<InputBytes | InputProblem> {
  let buf: Buffer;
  try {
    buf = file === '-' ? await readStream(stdin) : await readFile(file);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT'
      ? { file, code: 'INPUT_NOT_FOUND', message: `no such file or directory: ${file}` }
      : { file, code: 'INPUT_UNREADABLE', message: `cannot read ${file}: ${errorText(e)}` };
  }
  let data: Buffer;
  try {
    data = gunzipIfGzip(buf);
  } catch (e) {
    return { file, code: 'INPUT_UNREADABLE', message: `cannot gunzip ${file}: ${errorText(e)}` };
  }
  if (looksBinary(data)) {
    return {
      file,
      code: 'INPUT_NOT_TEXT',
      message: `${file} is a binary file, not a text element-set file (TLE/3LE, OMM or SATCAT)`,
    };
  }
  return { file, data, bytes: buf.length };
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Bytes of an input's start examined by {@link looksBinary}. */
const BINARY_SAMPLE_BYTES = 65_536;
/** Share of control bytes above which a NUL-free sample is binary (text has next to none). */
const BINARY_CONTROL_SHARE = 0.1;

/**
 * Whether bytes are binary rather than text: a NUL byte, or more than 10 % C0 control bytes other
 * than tab, line feed, vertical tab, form feed and carriage return, in the first 64 KiB. Bytes ≥
 * 0x80 do not count: invalid UTF-8 in a text file is the parsers' to report, line by line.
 */
export function looksBinary(data: Uint8Array): boolean {
  const n = Math.min(data.length, BINARY_SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = data[i] ?? 0x20;
    if (b === 0) return true;
    if ((b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f) controls++;
  }
  return n > 0 && controls / n > BINARY_CONTROL_SHARE;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export function isInputProblem(x: InputText | InputBytes | InputProblem): x is InputProblem {
  return 'code' in x;
}
