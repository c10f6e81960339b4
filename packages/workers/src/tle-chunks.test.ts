/**
 * Chunked parsing (`tleChunks` + `parseTleChunk`) gives exactly what one `parseTle` of the whole
 * text gives — every set field (Object.is: bit-exact numbers), every issue word for word, in the
 * same order — on real history files (fixtures/history-2026) and on text damaged in every way
 * parseTle reports (blank lines, comments, CRLF, swapped/stray/missing lines, bad checksums,
 * non-ASCII names, BOM), for chunk sizes down to one record, and under fuzzing. On every ASCII
 * text among them, `tleChunksAscii` on the bytes gives the same chunks as `tleChunks`.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ElementSet, ParseIssue } from '@orbwatch/core';
import { parseTle } from '@orbwatch/core';
import { tleChunks, tleChunksAscii } from './tle-chunks.js';
import { parseTleChunk } from './tle-parse-chunk.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');
const fixture = (rel: string): string => gunzipSync(readFileSync(resolve(FIXTURES, rel))).toString('utf8');

/** Whole-text parse vs chunked parse: the differences (none: []). */
function chunkedDifferences(text: string, records: number): string[] {
  // the chunks of the bytes of ASCII text are those of the text
  if (Buffer.byteLength(text, 'utf8') === text.length)
    expect(tleChunksAscii(Buffer.from(text, 'latin1'), records)).toEqual(tleChunks(text, records));
  const whole = parseTle(text, { file: 'f.3le' });
  const items: ElementSet[] = [];
  const issues: ParseIssue[] = [];
  tleChunks(text, records).forEach((c, i) => {
    const r = parseTleChunk(text, c, i, { file: 'f.3le' });
    for (const s of r.items) items.push({ ...s, line: s.line + r.lineOffset });
    for (const x of r.issues) issues.push(x);
  });
  const out: string[] = [];
  if (items.length !== whole.items.length) out.push(`sets ${String(items.length)} vs ${String(whole.items.length)}`);
  whole.items.forEach((w, i) => {
    const c = items[i];
    if (c === undefined) return;
    for (const k of Object.keys(w) as (keyof ElementSet)[])
      if (!Object.is(w[k], c[k])) out.push(`set ${String(i)} ${k}: ${String(w[k])} vs ${String(c[k])}`);
  });
  if (JSON.stringify(issues) !== JSON.stringify(whole.issues))
    out.push(`issues ${JSON.stringify(issues).slice(0, 400)} vs ${JSON.stringify(whole.issues).slice(0, 400)}`);
  return out;
}

const iss = fixture('history-2026/iss.3le.gz');
const issLines = iss.split('\n').filter((l) => l.length > 0);

describe('tleChunks + parseTleChunk = parseTle', () => {
  it('on real history files, for chunks of 1 to 5,000 records', () => {
    const launches = fixture('history-2026/launches-2026-03-to-05.3le.gz');
    expect(tleChunks(launches, 5000).length).toBeGreaterThan(5);
    for (const records of [1, 7, 5000]) expect(chunkedDifferences(iss, records)).toEqual([]);
    for (const records of [997, 5000]) expect(chunkedDifferences(launches, records)).toEqual([]);
  });

  it('on damaged text: every kind of issue, line numbers and messages included', () => {
    const l = (i: number): string => issLines[i] ?? '';
    const badChecksum = l(4).slice(0, 68) + String((Number(l(4).slice(68)) + 1) % 10);
    const damaged = [
      '\ufeff' + l(0),
      l(1),
      l(2),
      '',
      '# a comment',
      l(3),
      l(4) + '   ',
      l(5),
      l(6), // name
      l(8), // line 2 before its line 1: swapped
      l(7),
      l(9),
      l(10),
      l(11),
      'ORPHAN NAME',
      l(12),
      l(13),
      badChecksum,
      l(14),
      l(15),
      l(16),
      l(17),
      l(17), // stray line 2
      'NAME WITH \u00e9',
      l(19),
      l(20),
      l(21),
      l(22), // line 1 without line 2
      l(24),
      l(25),
      l(26),
      '   ' + l(27),
      l(28),
      l(29),
      '',
    ];
    const text = damaged.join('\n');
    expect(parseTle(text, { file: 'f.3le' }).issues.length).toBeGreaterThan(4);
    for (const records of [1, 2, 3]) expect(chunkedDifferences(text, records)).toEqual([]);
    const crlf = damaged.join('\r\n');
    for (const records of [1, 2]) expect(chunkedDifferences(crlf, records)).toEqual([]);
  });

  it('never cuts text with a lone CR (parseTle ends lines there too) and keeps empty input as one chunk', () => {
    const text = issLines.slice(0, 30).join('\r');
    expect(tleChunks(text, 1)).toEqual([{ start: 0, end: text.length, firstLine: 1 }]);
    expect(chunkedDifferences(text, 1)).toEqual([]);
    expect(tleChunks('', 5)).toEqual([{ start: 0, end: 0, firstLine: 1 }]);
    expect(chunkedDifferences('', 1)).toEqual([]);
    expect(chunkedDifferences('# only a comment\n', 1)).toEqual([]);
    expect(() => tleChunks(iss, 0)).toThrow(RangeError);
    expect(() => tleChunksAscii(Buffer.from(iss, 'latin1'), 0)).toThrow(RangeError);
  });

  it('cuts ASCII bytes where it cuts the text: CRLF, blank and blank-only lines around records', () => {
    const lines: string[] = [];
    for (let r = 0; r < 12; r++) {
      const [name = '', l1 = '', l2 = ''] = issLines.slice(3 * r, 3 * r + 3);
      if (r % 3 === 0)
        lines.push(name, '', l1, l2); // blank line between name and line 1
      else if (r % 3 === 1)
        lines.push('', ' \t', l1, l2); // 2LE after blank lines
      else lines.push(name, l1, `${l2}  `);
    }
    // every branch of the line kinds: a comment before a 2LE, a long line 1 whose catalog field
    // is not one (a line 1 by its length), short Alpha-5 / blank-padded / junk "1 " lines
    const [n0 = '', a0 = '', b0 = ''] = issLines.slice(0, 3);
    lines.push('# comment', a0, b0, n0, `1 ABCDE${'x'.repeat(60)}`, b0, n0, '1 A1234', b0);
    lines.push(n0, '1   123', b0, n0, '1 2554', b0, n0, '1 99', b0, n0, '1 25-44', b0, 'X', '1', b0, n0, a0, b0);
    for (const eol of ['\n', '\r\n']) {
      const text = lines.join(eol);
      for (const records of [1, 2]) {
        expect(tleChunksAscii(Buffer.from(text, 'latin1'), records)).toEqual(tleChunks(text, records));
        expect(tleChunks(text, records).length).toBeGreaterThan(3);
        expect(chunkedDifferences(text, records)).toEqual([]);
      }
    }
  });

  it('fuzz: any sequence of real, blank, comment and broken lines', () => {
    // whole records (name, line 1, line 2) so that cuts happen, single real lines, and junk
    const records3 = Array.from({ length: 20 }, (_, r) => issLines.slice(3 * r, 3 * r + 3).join('\n'));
    const pool = [
      ...records3,
      ...records3,
      ...issLines.slice(0, 30),
      '',
      '  ',
      '# comment',
      'JUNK',
      '1 25544',
      '2 25544U',
      (issLines[1] ?? '').slice(0, 40),
    ];
    fc.assert(
      fc.property(
        fc.array(fc.nat(pool.length - 1), { maxLength: 80 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 4 }),
        (picks, eol, records) => {
          const text = picks.map((k) => (pool[k] ?? '').replaceAll('\n', eol)).join(eol);
          // and with lone CRs (tleChunks: one chunk)
          if (eol === '\r\n' && picks.length > 3)
            expect(chunkedDifferences(text.replace('\r\n', '\r'), records)).toEqual([]);
          expect(chunkedDifferences(text, records)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
