import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expandInputPaths, isInputProblem, looksBinary, readInput } from './read-inputs.js';

const ISS = [
  'ISS (ZARYA)',
  '1 25544U 98067A   26074.50000000  .00010000  00000-0  18000-3 0  9990',
  '2 25544  51.6300 100.0000 0005000  90.0000 270.0000 15.50000000 10000',
].join('\n');

describe('read-inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-src-'));
  writeFileSync(join(dir, 'a.3le'), ISS);
  writeFileSync(join(dir, 'b.3le.gz'), gzipSync(ISS));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'c.tle'), ISS);
  writeFileSync(join(dir, 'README.md'), '# not data');

  it('expandInputPaths() expands globs and directories, skips notes, reports missing paths', async () => {
    const { files, problems } = await expandInputPaths([join(dir, '*.3le'), dir, join(dir, 'missing.tle')]);
    expect(files).toEqual([join(dir, 'a.3le'), join(dir, 'b.3le.gz'), join(dir, 'sub/c.tle')]);
    expect(problems.map((p) => p.code)).toEqual(['INPUT_NOT_FOUND']);
  });

  it('readInput() gunzips by magic bytes and reads stdin', async () => {
    const gz = await readInput(join(dir, 'b.3le.gz'));
    expect(isInputProblem(gz) ? '' : gz.text).toBe(ISS);
    const fromStdin = await readInput('-', Readable.from([Buffer.from(ISS)]));
    expect(isInputProblem(fromStdin) ? '' : fromStdin.text).toBe(ISS);
  });

  it('readInput() reports a missing file as INPUT_NOT_FOUND and a binary one as INPUT_NOT_TEXT', async () => {
    const missing = await readInput(join(dir, 'nope.tle'));
    expect(isInputProblem(missing) ? missing.code : 'read').toBe('INPUT_NOT_FOUND');
    writeFileSync(join(dir, 'bin.dat'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]));
    const bin = await readInput(join(dir, 'bin.dat'));
    expect(isInputProblem(bin) ? bin.code : 'read').toBe('INPUT_NOT_TEXT');
    writeFileSync(join(dir, 'bin.gz'), gzipSync(Buffer.from([0x41, 0x00, 0x42])));
    const binGz = await readInput(join(dir, 'bin.gz'));
    expect(isInputProblem(binGz) ? binGz.code : 'read').toBe('INPUT_NOT_TEXT');
  });

  it('looksBinary() passes text with the odd stray byte and invalid UTF-8, refuses NULs and control noise', () => {
    expect(looksBinary(Buffer.from(ISS))).toBe(false);
    expect(looksBinary(Buffer.from(`${ISS}\x1b\r\n\t\f`))).toBe(false);
    expect(looksBinary(Buffer.from([0x31, 0x20, 0xff, 0xfe, 0x0a]))).toBe(false); // bytes ≥ 0x80: the parser's NON_ASCII
    expect(looksBinary(Buffer.from('ab\0cd'))).toBe(true);
    expect(looksBinary(Buffer.from('\x01\x02\x03\x04abcd'))).toBe(true);
    expect(looksBinary(Buffer.alloc(0))).toBe(false);
  });
});
