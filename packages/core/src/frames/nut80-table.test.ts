/** Drift guard: the committed table must be exactly what the generator renders from the fixture. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  NUT80_DAT_PATH,
  NUT80_TABLE_PATH,
  parseNut80Dat,
  renderNut80Table,
} from '../../test/scripts/generate-nut80-table.js';
import { NUT80_TERMS } from './nut80-table.js';

describe('nut80-table.ts', () => {
  const rows = parseNut80Dat(readFileSync(NUT80_DAT_PATH, 'utf8'));
  it('is the generator output for fixtures/frames/nut80.dat', () => {
    expect(readFileSync(NUT80_TABLE_PATH, 'utf8')).toBe(renderNut80Table(rows));
  });
  it('holds 106 terms, the first being the 18.6-year term −17.1996″ sin Ω, 9.2025″ cos Ω', () => {
    expect(NUT80_TERMS).toHaveLength(106);
    expect(NUT80_TERMS[0]).toEqual([0, 0, 0, 0, 1, -171996, -174.2, 92025, 8.9]);
    // The file's (unused) term-number column has one typo: 58 appears twice (rows 38 and 45) and
    // 59 never; the coefficients are unaffected. Recorded in fixtures/frames/PROVENANCE.md.
    const numbers = rows.map((r) => r.index).sort((a, b) => a - b);
    const expected = Array.from({ length: 106 }, (_, i) => i + 1).filter((n) => n !== 59);
    expected.push(58);
    expect(numbers).toEqual(expected.sort((a, b) => a - b));
  });
});
