/**
 * The columnar fast path (`packTleChunkFast`) against the general path (`parseTleChunk` +
 * `packTleColumns`, i.e. core's `parseTle`): for every chunk, the fast path either gives up
 * (`undefined`) or returns bit-identical columns (every int, every double byte for byte, the
 * text, the dictionary in order, the hashes) for a chunk that the general path parses without
 * any issue. On every real TLE/3LE fixture of the repository, for several chunk sizes, read
 * from the ASCII bytes and (texts up to 1 MB) from the text alone; and on fuzzed text (valid records mixed
 * with damaged ones) in all three checksum modes. The history files (what the ingest
 * benchmark loads) must go through the fast path entirely.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TleChecksumMode } from '@orbwatch/core';
import { tleChecksum } from '@orbwatch/core';
import { tleChunks } from './tle-chunks.js';
import type { TleColumns } from './tle-columns.js';
import { packTleColumns } from './tle-columns.js';
import { packTleChunkFast } from './tle-columns-fast.js';
import { parseTleChunk } from './tle-parse-chunk.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');
const read = (rel: string): string => {
  const buf = readFileSync(resolve(FIXTURES, rel));
  return (rel.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
};

/** Every fixture file under `dir` (relative to fixtures/) whose name ends with one of `ends`. */
function fixtureFiles(dir: string, ends: readonly string[]): string[] {
  const out: string[] = [];
  for (const e of readdirSync(resolve(FIXTURES, dir), { withFileTypes: true })) {
    const rel = join(dir, e.name);
    if (e.isDirectory()) out.push(...fixtureFiles(rel, ends));
    else if (ends.some((x) => e.name.endsWith(x))) out.push(rel);
  }
  return out.sort();
}

const bytesOf = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Differences between two column sets (none: []); doubles compared byte for byte. */
function columnDifferences(got: TleColumns, want: TleColumns): string[] {
  const out: string[] = [];
  if (got.count !== want.count) out.push(`count ${String(got.count)} vs ${String(want.count)}`);
  if (!bytesOf(got.ints).equals(bytesOf(want.ints))) out.push('ints');
  if (!bytesOf(got.numbers).equals(bytesOf(want.numbers))) out.push('numbers');
  if (!bytesOf(got.textEnds).equals(bytesOf(want.textEnds))) out.push('textEnds');
  if (got.text !== want.text) out.push('text');
  if (got.hashes !== want.hashes) out.push('hashes');
  if (JSON.stringify(got.dictionary) !== JSON.stringify(want.dictionary))
    out.push(`dictionary ${JSON.stringify(got.dictionary)} vs ${JSON.stringify(want.dictionary)}`);
  if (got.ints.length !== want.ints.length || got.numbers.length !== want.numbers.length) out.push('lengths');
  return out;
}

interface Comparison {
  chunks: number;
  fast: number;
  problems: string[];
}

/**
 * Every chunk of `text` both ways (fast path from the text alone, and from its bytes when it
 * is ASCII); the problems found (none: []) and how many chunks took the fast path.
 */
function compare(text: string, records: number, checksum: TleChecksumMode = 'verify'): Comparison {
  const ascii = Buffer.byteLength(text, 'utf8') === text.length ? Buffer.from(text, 'latin1') : undefined;
  const r: Comparison = { chunks: 0, fast: 0, problems: [] };
  tleChunks(text, records).forEach((chunk, index) => {
    r.chunks++;
    const general = parseTleChunk(text, chunk, index, { file: 'f', checksum });
    const want = packTleColumns(general.items, general.lineOffset);
    // (the text-only entry copies the chunk into a buffer and then runs the same code: tried
    // on texts up to 1 MB, to keep the test quick)
    const fromText =
      ascii === undefined || text.length < 1_000_000 ? packTleChunkFast(text, chunk, checksum) : undefined;
    const fromBytes = ascii === undefined ? undefined : packTleChunkFast(text, chunk, checksum, ascii);
    // (text that is not ASCII as a whole has no bytes, but may have ASCII chunks)
    if (ascii !== undefined && text.length < 1_000_000 && (fromText === undefined) !== (fromBytes === undefined))
      r.problems.push(`chunk ${String(index)}: text and bytes disagree on taking the fast path`);
    const fast = fromText ?? fromBytes;
    if (fast === undefined) return;
    r.fast++;
    if (general.issues.length > 0) r.problems.push(`chunk ${String(index)}: fast path on a chunk with issues`);
    for (const got of [fromText, fromBytes])
      if (got !== undefined)
        for (const d of columnDifferences(got, want))
          r.problems.push(`chunk ${String(index)} @${String(records)}: ${d}`);
  });
  return r;
}

describe('packTleChunkFast = parseTleChunk + packTleColumns', () => {
  it('on the history files, which all take the fast path, for chunks of 1 to 5,000 records', () => {
    const sizes: Record<string, number[]> = {
      'history-2026/iss.3le.gz': [1, 7, 5000],
      'history-2026/starlink-sample-150.3le.gz': [97],
      'history-2026/launches-2026-03-to-05.3le.gz': [997],
      'history-2026/background-sample-600.3le.gz': [5000],
    };
    for (const [rel, list] of Object.entries(sizes)) {
      const text = read(rel);
      for (const records of list) {
        const c = compare(text, records);
        expect(c.problems, rel).toEqual([]);
        expect(c.fast, `${rel} @${String(records)}`).toBe(c.chunks);
      }
    }
  });

  it('on every other TLE/3LE fixture, including ones with comments, Alpha-5 and 8-digit eccentricities', () => {
    const files = [
      ...fixtureFiles('catalog-snapshots', ['.3le.gz', '.tle.gz']),
      ...fixtureFiles('maneuvers', ['.tle.gz']),
      ...fixtureFiles('events', ['.3le']),
      ...fixtureFiles('releases', ['.3le']),
      ...fixtureFiles('tle', ['.tle', '.3le']),
      ...fixtureFiles('fragmentation', ['.txt']),
      ...fixtureFiles('ephemeris', ['.tle']),
      ...fixtureFiles('fitting', ['.3le']),
      ...fixtureFiles('satcat', ['.3le']),
      ...fixtureFiles('sgp4-verification', ['.TLE']),
    ];
    expect(files.length).toBeGreaterThan(40);
    let fast = 0;
    let chunks = 0;
    for (const rel of files) {
      const text = read(rel);
      const sizes = text.length < 200_000 ? [1, 5000] : [5000];
      for (const records of sizes) {
        const c = compare(text, records);
        expect(c.problems, rel).toEqual([]);
        fast += c.fast;
        chunks += c.chunks;
      }
    }
    // most of the published data is clean; the rest (comments, Alpha-5, odd layouts) falls back
    expect(fast).toBeGreaterThan(chunks / 2);
    // the SGP4 verification file has comments and unusual records: it must fall back somewhere
    expect(compare(read('sgp4-verification/SGP4-VER.TLE'), 5000).fast).toBe(0);
  });

  it('follows the checksum option: a bad checksum falls back unless checksums are ignored', () => {
    const lines = read('history-2026/iss.3le.gz').split('\n').slice(0, 30);
    const l = lines[4] ?? '';
    lines[4] = l.slice(0, 68) + String((Number(l.slice(68)) + 1) % 10);
    const text = lines.join('\n');
    for (const mode of ['verify', 'warn'] as const) {
      const c = compare(text, 1000, mode);
      expect(c.problems).toEqual([]);
      expect(c.fast).toBe(0);
    }
    const ignored = compare(text, 1000, 'ignore');
    expect(ignored.problems).toEqual([]);
    expect(ignored.fast).toBe(1);
  });

  it('gives up on an empty chunk, a chunk of blank lines and non-ASCII text', () => {
    expect(packTleChunkFast('', { start: 0, end: 0, firstLine: 1 })).toBeUndefined();
    expect(packTleChunkFast('\n\n', { start: 0, end: 2, firstLine: 1 })).toBeUndefined();
    const iss = read('history-2026/iss.3le.gz').split('\n').slice(0, 3);
    const named = (name: string): string => [name, iss[1], iss[2]].join('\n');
    const whole = (t: string): { start: number; end: number; firstLine: number } => ({
      start: 0,
      end: t.length,
      firstLine: 1,
    });
    expect(packTleChunkFast(named('ISS (ZARYA)'), whole(named('ISS (ZARYA)')))?.count).toBe(1);
    for (const name of ['ISS \u00e9', 'ISS \u0141', '\ufeffISS', 'ISS\t1', ' ISS', 'ISS ', '# ISS'])
      expect(packTleChunkFast(named(name), whole(named(name))), JSON.stringify(name)).toBeUndefined();
  });

  it('on every single-character change of a record, checksum made right again, in every column', () => {
    const [name = '', l1 = '', l2 = ''] = read('history-2026/iss.3le.gz').split('\n');
    const next = read('history-2026/iss.3le.gz').split('\n').slice(3, 6).join('\n');
    const chars = [...Array.from('0123456789 -+.AZUCS#e'), '\t', '\r', '\n', '\u00e9'];
    const fix = (t: string): string => (t.length === 69 ? t.slice(0, 68) + String(tleChecksum(t)) : t);
    let fast = 0;
    let texts = 0;
    for (const [which, line] of [
      [1, l1],
      [2, l2],
    ] as const) {
      for (let col = 0; col < 68; col++) {
        for (const ch of chars) {
          const changed = fix(line.slice(0, col) + ch + line.slice(col + 1));
          const record = which === 1 ? [name, changed, l2] : [name, l1, changed];
          const text = `${record.join('\n')}\n${next}\n`;
          const c = compare(text, 1);
          texts++;
          fast += c.fast;
          expect(c.problems, `line ${String(which)} column ${String(col + 1)} ${JSON.stringify(ch)}`).toEqual([]);
        }
      }
    }
    // each text has a good second record; many changes (digits in fields) keep the first good too
    expect(fast).toBeGreaterThan(texts);
  });

  it('on epochs at the ends of the year: day 366 only in leap years, day 1.0 and day < 1', () => {
    const [name = '', l1 = '', l2 = ''] = read('history-2026/iss.3le.gz').split('\n');
    const withEpoch = (epoch: string): string => {
      const t = l1.slice(0, 18) + epoch + l1.slice(32);
      return `${[name, t.slice(0, 68) + String(tleChecksum(t)), l2].join('\n')}\n`;
    };
    const cases: [string, number][] = [
      ['26366.50000000', 0], // 2026 has 365 days
      ['24366.50000000', 1], // 2024 has 366
      ['00366.50000000', 1], // 2000 is a leap year
      ['26365.99999999', 1],
      ['26001.00000000', 1],
      ['26000.99999999', 0],
      ['26367.00000000', 0],
      ['57001.00000000', 1], // 1957
    ];
    for (const [epoch, fast] of cases) {
      const c = compare(withEpoch(epoch), 1);
      expect(c.problems, epoch).toEqual([]);
      expect(c.fast, epoch).toBe(fast);
    }
  });

  it('on a name line longer than the 64 KiB decoding window', () => {
    const [, l1 = '', l2 = '', ...rest] = read('history-2026/iss.3le.gz').split('\n');
    const text = [`LONG ${'N'.repeat(70_000)}`, l1, l2, ...rest.slice(0, 9)].join('\n');
    const c = compare(text, 5000);
    expect(c.problems).toEqual([]);
    expect(c.fast).toBe(1);
  });

  it('under fuzzing: valid records mixed with damaged ones either fall back or match exactly', () => {
    const iss = read('history-2026/iss.3le.gz').split('\n');
    const launches = read('history-2026/launches-2026-03-to-05.3le.gz').split('\n').slice(0, 3000);
    const other = read('tle/real-records.3le').split('\n');
    const pool: string[][] = [];
    for (const src of [iss, launches, other])
      for (let i = 0; i + 2 < src.length; i++)
        if ((src[i + 1] ?? '').startsWith('1 ') && (src[i + 2] ?? '').startsWith('2 '))
          pool.push([src[i] ?? '', src[i + 1] ?? '', src[i + 2] ?? '']);
    const ecc8 = read('tle/eccentricity-8-digit.tle')
      .split('\n')
      .filter((x) => x.length > 0);
    // a TLE line with its checksum digit made right again (so that a changed field is decoded)
    const withChecksum = (t: string): string =>
      t.length === 69 && (t.startsWith('1 ') || t.startsWith('2 ')) ? t.slice(0, 68) + String(tleChecksum(t)) : t;
    const chars = [...Array.from('0123456789 -+.ACSUZ#0'), '\t', '\r', '\n', '\u00e9', '\u0141', '\ufeff', '\u00a0'];
    const mutation = fc.record({
      kind: fc.constantFrom(
        'char',
        'char',
        'fixed',
        'fixed',
        'fixed',
        'fixed',
        'blank',
        'comment',
        'delete',
        'duplicate',
        'swap',
        'indent',
        'trailing',
        'cr',
        'truncate',
        'spaces',
      ),
      line: fc.nat(),
      pos: fc.nat({ max: 75 }),
      ch: fc.constantFrom(...chars),
    });
    const record = fc.record({
      k: fc.nat(),
      form: fc.constantFrom('3le', '3le', '2le', 'name0', 'ecc8'),
    });
    let fastChunks = 0;
    let fastMutated = 0;
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 10 }),
        fc.array(mutation, { maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom<TleChecksumMode>('verify', 'warn', 'ignore'),
        fc.boolean(),
        (recs, muts, records, checksum, finalNewline) => {
          const lines: string[] = [];
          for (const r of recs) {
            const [name = '', l1 = '', l2 = ''] = pool[r.k % pool.length] ?? [];
            if (r.form === '3le') lines.push(name, l1, l2);
            else if (r.form === '2le') lines.push(l1, l2);
            else if (r.form === 'name0') lines.push(`0 ${name}`, l1, l2);
            else lines.push(...ecc8);
          }
          for (const m of muts) {
            const i = m.line % lines.length;
            const s = lines[i] ?? '';
            if (m.kind === 'char') lines[i] = s.slice(0, m.pos) + m.ch + s.slice(m.pos + 1);
            else if (m.kind === 'fixed')
              lines[i] = withChecksum(s.slice(0, m.pos % 68) + m.ch + s.slice((m.pos % 68) + 1));
            else if (m.kind === 'blank') lines.splice(i, 0, '');
            else if (m.kind === 'comment') lines.splice(i, 0, '# a comment');
            else if (m.kind === 'delete' && lines.length > 1) lines.splice(i, 1);
            else if (m.kind === 'duplicate') lines.splice(i, 0, s);
            else if (m.kind === 'swap' && i + 1 < lines.length) lines.splice(i, 2, lines[i + 1] ?? '', s);
            else if (m.kind === 'indent') lines[i] = ` ${s}`;
            else if (m.kind === 'trailing') lines[i] = `${s} `;
            else if (m.kind === 'cr') lines[i] = `${s}\r`;
            else if (m.kind === 'truncate') lines[i] = s.slice(0, m.pos);
            else if (m.kind === 'spaces') lines.splice(i, 0, '   ');
          }
          const text = lines.join('\n') + (finalNewline ? '\n' : '');
          const c = compare(text, records, checksum);
          fastChunks += c.fast;
          if (muts.length > 0) fastMutated += c.fast;
          expect(c.problems).toEqual([]);
        },
      ),
      { numRuns: 600, seed: 20261127 },
    );
    // not vacuous: the fast path took many chunks, some of them mutated (e.g. a changed digit
    // with checksums ignored, a removed record, a blank line between records)
    expect(fastChunks).toBeGreaterThan(200);
    expect(fastMutated).toBeGreaterThan(20);
  });
});
