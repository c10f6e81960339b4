/**
 * Fuzz test: 100,000+ mutated TLE inputs built from real lines (fixtures/tle/real-records.3le).
 * Mutations: character flips (ASCII and any code point), deletions, insertions of random
 * Unicode, swapped, duplicated, deleted and truncated lines, BOM and CRLF. For every input:
 * no exception escapes, at least one item or one issue comes back, every issue points at an
 * existing line and a column within it (0 = whole line, up to length + 1 = end of line), and
 * every set returned is physically plausible.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTle } from './parse-tle.js';
import { realRecordLines } from './tle.test-support.js';

const REAL = realRecordLines();
// Record start lines in the fixture (name line or line 1) and their lengths in lines.
const RECORDS: readonly [number, number][] = [
  [0, 3],
  [3, 3],
  [6, 2],
  [8, 2],
  [10, 2],
  [12, 2],
  [14, 3],
  [17, 3],
  [20, 3],
  [23, 3],
  [26, 3],
];

type Mutation =
  | { kind: 'flip'; at: number; code: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'swap' | 'duplicate' | 'dropLine'; line: number; other: number }
  | { kind: 'truncate'; line: number; at: number };

const position = fc.integer({ min: 0, max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: position,
    code: fc.oneof(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 0, max: 0xffff })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    text: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constantFrom('swap' as const, 'duplicate' as const, 'dropLine' as const),
    line: position,
    other: position,
  }),
  fc.record({ kind: fc.constant('truncate' as const), line: position, at: position }),
);
const inputSpec: fc.Arbitrary<InputSpec> = fc.record({
  records: fc.array(fc.integer({ min: 0, max: RECORDS.length - 1 }), { minLength: 1, maxLength: 4 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

const pick = (n: number, size: number): number => (size === 0 ? 0 : n % size);

interface InputSpec {
  readonly records: number[];
  readonly mutations: Mutation[];
  readonly crlf: boolean;
  readonly bom: boolean;
}

function build(spec: InputSpec): string {
  const lines: string[] = [];
  for (const r of spec.records) {
    const [start, length] = RECORDS[r] ?? [0, 3];
    lines.push(...REAL.slice(start, start + length));
  }
  let text = '';
  for (const m of spec.mutations) {
    if (m.kind === 'flip' || m.kind === 'delete' || m.kind === 'insert') {
      text = lines.join('\n');
      const at = pick(m.at, text.length);
      if (m.kind === 'flip') text = text.slice(0, at) + String.fromCharCode(m.code) + text.slice(at + 1);
      else if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
      else text = text.slice(0, at) + m.text + text.slice(at);
      lines.splice(0, lines.length, ...text.split('\n'));
    } else if (m.kind === 'truncate') {
      const i = pick(m.line, lines.length);
      lines[i] = (lines[i] ?? '').slice(0, pick(m.at, (lines[i] ?? '').length + 1));
    } else {
      const i = pick(m.line, lines.length);
      const j = pick(m.other, lines.length);
      const li = lines[i] ?? '';
      if (m.kind === 'swap') {
        lines[i] = lines[j] ?? '';
        lines[j] = li;
      } else if (m.kind === 'duplicate') lines.splice(j, 0, li);
      else lines.splice(i, 1);
    }
  }
  text = lines.join(spec.crlf ? '\r\n' : '\n');
  return spec.bom ? `\uFEFF${text}` : text;
}

describe('parseTle fuzz', () => {
  it('survives 100,000 mutated real inputs with located issues', () => {
    let inputs = 0;
    let withItems = 0;
    let withIssues = 0;
    fc.assert(
      fc.property(fc.array(inputSpec, { minLength: 10, maxLength: 10 }), (specs) => {
        for (const spec of specs) {
          const text = build(spec);
          inputs++;
          const r = parseTle(text, { file: 'fuzz' });
          const inputLines = text.split(/\r\n|\r|\n/);
          if (text.trim() !== '' && r.items.length + r.issues.length === 0) {
            throw new Error(`nothing returned for ${JSON.stringify(text)}`);
          }
          if (r.items.length > 0) withItems++;
          if (r.issues.length > 0) withIssues++;
          for (const i of r.issues) {
            const lineText = inputLines[i.line - 1];
            if (
              !(i.line >= 1 && lineText !== undefined && i.column >= 0 && i.column <= lineText.length + 1) ||
              i.file !== 'fuzz'
            ) {
              throw new Error(`issue out of the input: ${JSON.stringify(i)} in ${JSON.stringify(text)}`);
            }
          }
          for (const s of r.items) {
            const ok =
              s.noradId >= 1 &&
              s.noradId <= 339_999 &&
              s.eccentricity >= 0 &&
              s.eccentricity < 1 &&
              s.meanMotionRadPerSec > 0 &&
              Number.isFinite(s.epoch) &&
              Number.isFinite(s.bstarPerEarthRadii) &&
              s.line >= 1 &&
              s.raw.length > 0;
            if (!ok) throw new Error(`implausible set ${JSON.stringify(s)} from ${JSON.stringify(text)}`);
          }
        }
      }),
      { numRuns: 10_000, seed: 424_242 },
    );
    expect(inputs).toBeGreaterThanOrEqual(100_000);
    // The mutations must actually produce both outcomes, or the test proves little.
    expect(withItems).toBeGreaterThan(10_000);
    expect(withIssues).toBeGreaterThan(10_000);
  });
});
