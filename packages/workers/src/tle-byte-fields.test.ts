/**
 * The byte decoders of the fast path equal core's string decoders (the ones `parseTle` uses)
 * on arbitrary fields: same value bit for bit (`Object.is`: -0 and NaN included), same `null`.
 * Fields are drawn from the characters that matter (digits, blanks, signs, point, exponent
 * letters, anything else printable) and placed at random offsets in a line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tleDecimalField, tleImpliedExponentField, tleImpliedFractionField, tleIntegerField } from '@orbwatch/core';
import {
  byteDecimalField,
  byteImpliedExponentField,
  byteImpliedFractionField,
  byteIntegerField,
} from './tle-byte-fields.js';

const alphabet = fc.constantFrom(...Array.from('0123456789012345678901234567890123456789      +-.eEA#x'));
const field = fc.array(alphabet, { minLength: 0, maxLength: 20 }).map((a) => a.join(''));
const padded = fc.record({ before: field, body: field, after: field });

describe('byte field decoders = core string decoders', () => {
  it('decimalField (signed and unsigned), impliedFractionField, integerField', () => {
    fc.assert(
      fc.property(padded, fc.boolean(), ({ before, body, after }, signed) => {
        const text = before + body + after;
        const bytes = Buffer.from(text, 'latin1');
        const s = before.length;
        const e = s + body.length;
        expect(Object.is(byteDecimalField(bytes, s, e, signed), tleDecimalField(text, s, e, signed))).toBe(true);
        expect(Object.is(byteImpliedFractionField(bytes, s, e), tleImpliedFractionField(text, s, e))).toBe(true);
        expect(Object.is(byteIntegerField(bytes, s, e), tleIntegerField(text, s, e))).toBe(true);
      }),
      { numRuns: 5000, seed: 1 },
    );
  });

  it('impliedExponentField', () => {
    const exp = fc
      .tuple(
        fc.constantFrom(' ', '+', '-', '0', 'x'),
        fc.array(fc.constantFrom(...Array.from('0123456789  ')), { minLength: 5, maxLength: 5 }),
        fc.constantFrom('+', '-', ' ', '0'),
        fc.constantFrom(...Array.from('0123456789 -')),
      )
      .map(([s, m, es, ed]) => s + m.join('') + es + ed);
    fc.assert(
      fc.property(field, fc.oneof(exp, field), field, (before, body, after) => {
        const text = before + body + after;
        const bytes = Buffer.from(text, 'latin1');
        const s = before.length;
        expect(Object.is(byteImpliedExponentField(bytes, s), tleImpliedExponentField(text, s))).toBe(true);
      }),
      { numRuns: 5000, seed: 2 },
    );
  });

  it('on the values that matter most: negative zero, 15 and 16 digits, exponents ±9', () => {
    const cases: [string, boolean][] = [
      ['-0.000', true],
      ['-.00000000', true],
      ['123456789012345', false],
      ['1234567890123456', false],
      ['.123456789012345', false],
      ['  51.6416 ', true],
      ['+.00001371', true],
    ];
    for (const [t, signed] of cases) {
      const b = Buffer.from(t, 'latin1');
      expect(Object.is(byteDecimalField(b, 0, t.length, signed), tleDecimalField(t, 0, t.length, signed))).toBe(true);
    }
    for (const t of ['-00000-9', ' 99999+9', '-12345-0', ' 00000+0', '+00000-0', '-00000+0']) {
      expect(Object.is(byteImpliedExponentField(Buffer.from(t, 'latin1'), 0), tleImpliedExponentField(t, 0))).toBe(
        true,
      );
    }
    expect(Object.is(byteImpliedExponentField(Buffer.from('-00000-1', 'latin1'), 0), -0)).toBe(true);
  });
});
