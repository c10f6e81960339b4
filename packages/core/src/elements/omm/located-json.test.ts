/**
 * The located JSON reader against the reference, V8's JSON.parse: same values for real files,
 * a syntax error exactly where JSON.parse reports one, and per-record recovery.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/support/fixtures.js';
import type { JsonNode } from './located-json.js';
import { readJsonDocument } from './located-json.js';

function plain(n: JsonNode): unknown {
  switch (n.kind) {
    case 'object':
      return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
    case 'array':
      return n.items.map(plain);
    case 'string':
    case 'number':
    case 'literal':
      return n.value;
  }
}

function jsonParseErrorOffset(text: string): number | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    return m === null ? -1 : Number(m[1]);
  }
}

describe('readJsonDocument', () => {
  it('reads the CelesTrak JSON files to the same values as JSON.parse', () => {
    for (const f of ['celestrak_stations_gp.json', 'celestrak_analyst_gp.json', 'celestrak_last30days_gp.json']) {
      const text = readFixture(`omm/celestrak-gp-2026-03/${f}`);
      const doc = readJsonDocument(text);
      expect(doc.problems).toEqual([]);
      expect(doc.elements.map(plain)).toEqual(JSON.parse(text));
    }
  });

  it('strings with escapes, numbers with exponents, nesting, literals', () => {
    const text = '{"a":"x\\"y\\\\z\\u00e9\\n","b":[1,-2.5e-3,0,true,false,null],"c":{"d":[]}}';
    expect(plain(readJsonDocument(text).elements[0]!)).toEqual(JSON.parse(text));
  });

  it.each([
    '[{"A":1,}]',
    '[{"A":01}]',
    '{"A":1} x',
    '[{"A":"\u0001"}]',
    '[{"A":"\\x"}]',
    '[{"A" 1}]',
    '[{"A":1}{"B":2}]',
    '[{"A":1},{"B":[1 2]}]',
  ])('%s: the error offset is the one JSON.parse reports', (text) => {
    const ref = jsonParseErrorOffset(text);
    expect(ref).toBeGreaterThanOrEqual(0);
    expect(readJsonDocument(text).problems[0]?.offset).toBe(ref);
  });

  it.each([
    ['[{"A":tru}]', 6],
    ['[{"A":.5}]', 6],
    ['[{"A":1},]', 9],
    ['[{"A":1}', 8],
  ] as const)('%s: where JSON.parse gives no position, the offset is the offending token (%i)', (text, offset) => {
    expect(jsonParseErrorOffset(text)).not.toBeNull();
    expect(readJsonDocument(text).problems[0]?.offset).toBe(offset);
  });

  it('recovers at the next record after a broken one', () => {
    const doc = readJsonDocument('[{"A":1},{"B":2 "C":3},{"D":4}]');
    expect(doc.elements.map(plain)).toEqual([{ A: 1 }, { D: 4 }]);
    expect(doc.problems.map((p) => p.offset)).toEqual([16]);
  });
});
