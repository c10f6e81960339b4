/**
 * Test support for the TLE tests: the real-line fixtures and small line editors used to plant
 * one defect at a time in a real line.
 */
import { readFixture } from '../../../test/support/fixtures.js';
import { tleChecksum } from './tle-checksum.js';

/** `fixtures/tle/real-records.3le` as lines (see fixtures/tle/PROVENANCE.md). */
export function realRecordLines(): string[] {
  return readFixture('tle/real-records.3le').replace(/\n$/, '').split('\n');
}

/** The line at 1-based `lineNo` (throws if absent). */
export function lineAt(lines: readonly string[], lineNo: number): string {
  const l = lines[lineNo - 1];
  if (l === undefined) throw new RangeError(`no line ${String(lineNo)}`);
  return l;
}

/** `line` with 1-based column `col` replaced by `text`. */
export function setColumns(line: string, col: number, text: string): string {
  return line.slice(0, col - 1) + text + line.slice(col - 1 + text.length);
}

/** `line` (69 characters) with its checksum recomputed, so that only the planted defect remains. */
export function withChecksum(line: string): string {
  return line.slice(0, 68) + String(tleChecksum(line));
}

/** A copy of `o` without the given keys (to compare records apart from their text and position). */
export function without<T extends object, K extends keyof T>(o: T, ...keys: K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !(keys as PropertyKey[]).includes(k))) as Omit<T, K>;
}
