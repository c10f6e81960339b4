/**
 * Robustness: 100,000 seeded mutations of real OMM records (JSON, Space-Track-style JSON, KVN,
 * XML, CSV) — characters replaced, deleted, inserted, lines duplicated, text truncated. No
 * exception may escape; every non-blank input must yield an element set or an issue; every
 * issue must point inside the input; every element set must be physically possible.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/support/fixtures.js';
import { IssueCode } from '../parse-issue.js';
import type { OmmSyntax } from './parse-omm.js';
import { parseOmm } from './parse-omm.js';

const bases: { text: string; format: OmmSyntax }[] = [
  {
    text: JSON.stringify(
      (JSON.parse(readFixture('omm/celestrak-gp-2026-03/celestrak_stations_gp.json')) as unknown[]).slice(0, 2),
    ),
    format: 'json',
  },
  { text: readFixture('omm/negative/missing-mean-motion.json'), format: 'json' },
  { text: readFixture('omm/derived/spacetrack-style-strings.json'), format: 'json' },
  { text: readFixture('omm/python-sgp4/sample_omm.json'), format: 'json' },
  { text: readFixture('omm/orekit/OMMExample1.txt'), format: 'kvn' },
  { text: readFixture('omm/orekit/OMMExample4.txt'), format: 'kvn' },
  { text: readFixture('omm/orekit/OMMExample5.txt'), format: 'kvn' },
  { text: readFixture('omm/python-sgp4/sample_omm.xml'), format: 'xml' },
  { text: readFixture('omm/orekit/OMMExample4.xml'), format: 'xml' },
  { text: readFixture('omm/orekit/OMM-with-units.xml'), format: 'xml' },
  { text: readFixture('omm/python-sgp4/sample_omm.csv'), format: 'csv' },
  { text: readFixture('omm/negative/mean-motion-1.2.3.csv'), format: 'csv' },
];

const CHARS = [
  '"',
  ',',
  '{',
  '}',
  '[',
  ']',
  '<',
  '>',
  '/',
  '=',
  ':',
  '\n',
  '\r\n',
  ' ',
  '.',
  '-',
  '+',
  'e',
  'E',
  '0',
  '9',
  'A',
  '&',
  '&amp;',
  '<!--',
  ']]>',
  '\\',
  '\\u00',
  'é',
  '\ufeff',
  '\t',
  'null',
  'NaN',
  '1e999',
  '[km]',
  'COMMENT ',
  '</omm>',
  '<omm>',
];

type Mutation =
  | { kind: 'replace' | 'insert'; at: number; s: string }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'dupLine'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('replace' as const, 'insert' as const),
    at: fc.nat(),
    s: fc.constantFrom(...CHARS),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('dupLine' as const), at: fc.nat() }),
);

function apply(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  switch (m.kind) {
    case 'replace':
      return text.slice(0, at) + m.s + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + m.s + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.len);
    case 'truncate':
      return text.slice(0, at);
    case 'dupLine': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
  }
}

const CODES = new Set<string>(Object.values(IssueCode));

/** Empty when the result is sound; otherwise what is wrong. */
function problems(input: string, r: ReturnType<typeof parseOmm>): string | null {
  if (input.trim() !== '' && input !== '\ufeff' && r.items.length + r.issues.length === 0)
    return 'no item and no issue';
  const lineCount = input.split('\n').length;
  for (const i of r.issues) {
    if (!CODES.has(i.code)) return `unknown code ${i.code}`;
    if (!(Number.isInteger(i.line) && i.line >= 1 && i.line <= lineCount))
      return `issue line ${i.line} of ${lineCount}`;
    if (!(Number.isInteger(i.column) && i.column >= 0)) return `issue column ${i.column}`;
  }
  for (const e of r.items) {
    const nums = [
      e.epoch,
      e.meanMotionRadPerSec,
      e.eccentricity,
      e.inclinationRad,
      e.raanRad,
      e.argPerigeeRad,
      e.meanAnomalyRad,
      e.bstarPerEarthRadii,
      e.meanMotionDotRevPerDay2,
      e.meanMotionDdotRevPerDay3,
    ];
    if (!nums.every(Number.isFinite)) return 'non-finite number in an element set';
    if (!(e.eccentricity >= 0 && e.eccentricity < 1 && e.meanMotionRadPerSec > 0)) return 'impossible elements kept';
    if (!(Number.isInteger(e.noradId) && e.noradId >= 1 && e.noradId <= 339_999)) return `NORAD id ${e.noradId}`;
    if (!(e.line >= 1 && e.line <= lineCount)) return `record line ${e.line}`;
  }
  return null;
}

describe('parseOmm under mutation', () => {
  it('100,000 mutated real records: no throw, always an item or an issue, issues inside the input', () => {
    let failure: string | null = null;
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (b, muts, explicit) => {
          const base = bases[b]!;
          const input = muts.reduce(apply, base.text);
          const r = parseOmm(input, explicit ? { file: 'fuzz', format: base.format } : { file: 'fuzz' });
          failure = problems(input, r);
          return failure === null;
        },
      ),
      { seed: 20_260_310, numRuns: 100_000, endOnFailure: true },
    );
    expect(failure).toBeNull();
  });
});
