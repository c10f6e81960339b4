/**
 * Test support: two TLE lines to an ElementSet with the project's TLE parser (`parseTle`), checksums
 * ignored (the SGP4-VER lines and the satellite.js issue #152 set carry invalid ones). Throws when
 * the parser rejects the lines. On all 33 SGP4-VER cases parseTle's numeric fields are identical to
 * the values satellite.js's `twoline2satrec` parses (checked when this helper was switched over).
 */
import type { ElementSet } from '../elements/element-set.js';
import { parseTle } from '../elements/tle/index.js';

/** Parses one TLE (line 1 and the first 69 columns of line 2). */
export function elementSetFromTleLines(line1: string, line2: string): ElementSet {
  const parsed = parseTle(`${line1}\n${line2.substring(0, 69)}\n`, { file: 'test', checksum: 'ignore' });
  const set = parsed.items[0];
  if (set === undefined || parsed.items.length !== 1) {
    throw new TypeError(
      `parseTle rejected the lines: ${parsed.issues.map((i) => `${i.code} ${i.message}`).join('; ')}`,
    );
  }
  return set;
}
