/**
 * The parser worker (`createTleParser`): batches come back in input order, and their columns
 * unpack to exactly the sets core's `parseTle` gives for each input (Object.is on every field),
 * with the same issues and content hashes equal to the published definition
 * (`printf '%s\n%s' "$L1" "$L2" | sha256sum`, name line not included). Real data: the ISS
 * history and the March-May 2026 launches (fixtures/history-2026), given as text and as bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { ElementSet, ParseIssue } from '@orbwatch/core';
import { elementSetAt, parseTle } from '@orbwatch/core';
import { createTleParser } from './tle-parser.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');
const bytesOf = (rel: string): Uint8Array => new Uint8Array(gunzipSync(readFileSync(resolve(FIXTURES, rel))));
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

describe('createTleParser', () => {
  const parser = createTleParser();
  afterAll(async () => {
    await parser.close();
  });

  it('hands over exactly parseTle’s sets, issues and the content hashes, in input order', async () => {
    const iss = bytesOf('history-2026/iss.3le.gz');
    const launches = bytesOf('history-2026/launches-2026-03-to-05.3le.gz');
    // a damaged copy of the start of the ISS file: a bad checksum and a non-ASCII name (UTF-8 path)
    const lines = decoder.decode(iss).split('\n').slice(0, 12);
    lines[3] = 'ISS (ZARYA) \u00e9';
    lines[8] = `${(lines[8] ?? '').slice(0, 68)}${String((Number((lines[8] ?? '').slice(68)) + 1) % 10)}`;
    const damaged = lines.join('\n');
    const inputs = [
      { file: 'iss.3le', text: decoder.decode(iss) },
      { file: 'damaged.3le', text: new TextEncoder().encode(damaged) },
      { file: 'launches.3le', text: launches.slice() },
    ];
    const expected = [decoder.decode(iss), damaged, decoder.decode(launches)].map((t, k) =>
      parseTle(t, { file: inputs[k]?.file ?? '' }),
    );

    const got = new Map<string, { sets: ElementSet[]; hashes: string[]; issues: ParseIssue[] }>();
    const order: string[] = [];
    for await (const b of parser.parse(inputs, { records: 3000 })) {
      let g = got.get(b.file);
      if (g === undefined) {
        g = { sets: [], hashes: [], issues: [] };
        got.set(b.file, g);
        order.push(b.file);
      }
      for (let i = 0; i < b.columns.count; i++) {
        g.sets.push(elementSetAt(b.columns, i));
        g.hashes.push(b.columns.hashes.slice(64 * i, 64 * i + 64));
      }
      g.issues.push(...b.issues);
    }
    expect(order).toEqual(['iss.3le', 'damaged.3le', 'launches.3le']);
    expected.forEach((want, k) => {
      const g = got.get(inputs[k]?.file ?? '');
      expect(g?.sets.length).toBe(want.items.length);
      expect(g?.issues).toEqual(want.issues);
      const bad: string[] = [];
      want.items.forEach((w, i) => {
        const s = g?.sets[i];
        for (const f of Object.keys(w) as (keyof ElementSet)[])
          if (!Object.is(w[f], s?.[f])) bad.push(`${String(i)}.${f}`);
        const lines12 = w.raw.split('\n').filter((l) => l.startsWith('1 ') || l.startsWith('2 '));
        const sha = createHash('sha256').update(lines12.join('\n')).digest('hex');
        if (g?.hashes[i] !== sha) bad.push(`${String(i)}.hash`);
      });
      expect(bad).toEqual([]);
    });
    expect(got.get('damaged.3le')?.issues.map((i) => i.code)).toContain('TLE_CHECKSUM');
    expect(got.get('damaged.3le')?.sets.some((s) => s.name === 'ISS (ZARYA) \u00e9')).toBe(true);
    expect((got.get('launches.3le')?.sets.length ?? 0) > 10_000).toBe(true);
  });

  it('mixes fast-path and parseTle chunks in one input and still gives exactly parseTle’s result', async () => {
    // ASCII text, given as bytes (the fast path reads them) and as text: clean stretches take
    // the columnar fast path, the damaged ones (bad checksum, comment, indented line, stray
    // line 2, CRLF record) go through parseTle; every checksum mode
    const lines = decoder.decode(bytesOf('history-2026/iss.3le.gz')).split('\n').slice(0, 90);
    const bump = (l: string): string => `${l.slice(0, 68)}${String((Number(l.slice(68)) + 1) % 10)}`;
    lines[10] = bump(lines[10] ?? '');
    lines.splice(30, 0, '# a comment');
    lines[45] = ` ${lines[45] ?? ''}`;
    lines.splice(60, 0, lines[62] ?? '');
    lines[75] = `${lines[75] ?? ''}\r`;
    const text = `${lines.join('\n')}\n`;
    for (const checksum of ['verify', 'warn', 'ignore'] as const) {
      const want = parseTle(text, { file: 'mixed.3le', checksum });
      for (const input of [text, new TextEncoder().encode(text)]) {
        const sets: ElementSet[] = [];
        const issues: ParseIssue[] = [];
        for await (const b of parser.parse([{ file: 'mixed.3le', text: input }], { records: 2, checksum })) {
          for (let i = 0; i < b.columns.count; i++) sets.push(elementSetAt(b.columns, i));
          issues.push(...b.issues);
        }
        expect(issues).toEqual(want.issues);
        expect(sets.length).toBe(want.items.length);
        const bad: string[] = [];
        want.items.forEach((w, i) => {
          for (const f of Object.keys(w) as (keyof ElementSet)[])
            if (!Object.is(w[f], sets[i]?.[f])) bad.push(`${String(i)}.${f}`);
        });
        expect(bad).toEqual([]);
      }
      expect(want.issues.length).toBeGreaterThan(0);
    }
  });

  it('rejects a bad batch size and reports a second parse while one runs', async () => {
    const gen = parser.parse([{ file: 'x', text: '' }], { records: 0 });
    await expect(gen.next()).rejects.toThrow(RangeError);
    const first = parser.parse([{ file: 'x', text: '' }]);
    const p = first.next();
    await expect(parser.parse([{ file: 'y', text: '' }]).next()).rejects.toThrow(/already parsing/);
    await p;
    let rest = 0;
    for await (const b of first) rest += b.columns.count;
    expect(rest).toBe(0);
  });

  it('refuses to parse again after a parse was left unfinished (its batches would mix in)', async () => {
    const other = createTleParser();
    try {
      const text = bytesOf('history-2026/iss.3le.gz');
      for await (const b of other.parse([{ file: 'a', text }], { records: 10 })) {
        expect(b.file).toBe('a');
        break;
      }
      await expect(other.parse([{ file: 'b', text: '' }]).next()).rejects.toThrow(/left unfinished/);
    } finally {
      await other.close();
    }
  });
});
