/**
 * Test support: readers for the Vallado SGP4-VER verification files (fixtures/sgp4-verification):
 * element sets through parseTle (see tle-lines.test-support.ts);
 * the TLE file with start/stop/step minutes after column 69 of line 2, python-sgp4's tcppver.out
 * and CelesTrak's STK `.e` ephemerides.
 */
import type { ElementSet } from '../elements/element-set.js';
import { elementSetFromTleLines } from './tle-lines.test-support.js';

export interface VerificationCase {
  readonly satnum: number;
  readonly line1: string;
  readonly line2: string;
  readonly elementSet: ElementSet;
  readonly startMin: number;
  readonly stopMin: number;
  readonly stepMin: number;
}

/** All cases of SGP4-VER.TLE in file order (an object may appear twice). */
export function readVerificationTle(text: string): VerificationCase[] {
  const lines = text.split(/\r?\n/);
  const cases: VerificationCase[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line1 = lines[i] ?? '';
    if (!line1.startsWith('1 ')) continue;
    const line2 = lines[i + 1] ?? '';
    if (!line2.startsWith('2 ')) throw new TypeError(`line ${String(i + 2)} is not a line 2`);
    const [start, stop, step] = line2.substring(69).trim().split(/\s+/).map(Number);
    if (start === undefined || stop === undefined || step === undefined)
      throw new TypeError(`no start/stop/step on line ${String(i + 2)}`);
    const elementSet = elementSetFromTleLines(line1, line2);
    cases.push({
      satnum: elementSet.noradId,
      line1,
      line2: line2.substring(0, 69),
      elementSet,
      startMin: start,
      stopMin: stop,
      stepMin: step,
    });
    i++;
  }
  return cases;
}

/**
 * The times (minutes since epoch) Vallado's verification driver prints for a case: 0 first, then
 * start, start + step, … ≤ stop (0 not repeated), then stop itself if the steps missed it. Mirrors
 * python-sgp4's `generate_satellite_output`.
 */
export function verificationTimes(c: VerificationCase): number[] {
  const times = [0];
  let t = c.startMin;
  while (t <= c.stopMin) {
    if (!(t === c.startMin && t === 0)) times.push(t);
    t += c.stepMin;
  }
  if (t - c.stopMin < c.stepMin - 1e-6) times.push(c.stopMin);
  return times;
}

/** One printed row: minutes since epoch, TEME position (km) and velocity (km/s). */
export interface ReferenceRow {
  readonly tsinceMin: number;
  readonly r: readonly [number, number, number];
  readonly v: readonly [number, number, number];
}

export interface ReferenceBlock {
  readonly satnum: number;
  readonly rows: ReferenceRow[];
}

function row(fields: readonly number[], timeScale: number): ReferenceRow {
  const [t, x, y, z, vx, vy, vz] = fields;
  if (
    t === undefined ||
    x === undefined ||
    y === undefined ||
    z === undefined ||
    vx === undefined ||
    vy === undefined ||
    vz === undefined
  ) {
    throw new TypeError('short row');
  }
  return { tsinceMin: t * timeScale, r: [x, y, z], v: [vx, vy, vz] };
}

/** tcppver.out: blocks headed `NNNNN xx`, rows `tsince x y z vx vy vz [elements, date]`. */
export function readTcppver(text: string): ReferenceBlock[] {
  const blocks: ReferenceBlock[] = [];
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*(\d+) xx\s*$/.exec(line);
    if (header !== null) {
      blocks.push({ satnum: Number(header[1]), rows: [] });
      continue;
    }
    if (line.trim() === '') continue;
    const block = blocks.at(-1);
    if (block === undefined) throw new TypeError('row before the first header');
    block.rows.push(row(line.trim().split(/\s+/).slice(0, 7).map(Number), 1));
  }
  return blocks;
}

/** A CelesTrak STK `.e` file (time column in seconds) as rows in minutes. */
export function readStkEphemeris(text: string): ReferenceRow[] {
  const rows: ReferenceRow[] = [];
  let inData = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*EphemerisTimePosVel/.test(line)) {
      inData = true;
      continue;
    }
    if (/^\s*END Ephemeris/.test(line)) break;
    if (!inData || line.trim() === '') continue;
    rows.push(row(line.trim().split(/\s+/).map(Number), 1 / 60));
  }
  return rows;
}
