import { describe, expect, it } from 'vitest';
import { tleChecksum } from './tle-checksum.js';
import { realRecordLines } from './tle.test-support.js';

describe('tleChecksum', () => {
  it('matches the published example (ISS, Wikipedia "Two-line element set" and CelesTrak FAQ)', () => {
    expect(tleChecksum('1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927')).toBe(7);
    expect(tleChecksum('2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537')).toBe(7);
  });

  it('equals the digit written in column 69 of every real line of the fixture', () => {
    const tleLines = realRecordLines().filter((l) => /^[12] /.test(l));
    expect(tleLines).toHaveLength(22);
    for (const l of tleLines) expect(tleChecksum(l)).toBe(Number(l[68]));
  });

  it('counts digits, 1 per minus sign, 0 for everything else; ignores columns past 68', () => {
    expect(tleChecksum('')).toBe(0);
    expect(tleChecksum('-+. ABC9')).toBe(0);
    expect(tleChecksum('12')).toBe(3);
    expect(tleChecksum(`${'0'.repeat(68)}99999`)).toBe(0);
  });
});
