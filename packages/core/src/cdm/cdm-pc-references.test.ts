/**
 * Pc from CDMs against published reference values: NASA CARA's Alfano test cases (expected
 * values and tolerances from Orekit's Alfano2005Test) and CARA's 53 real CDMs
 * (CARA_PcMethod_Test_Conjunctions, column Pc2D_NoAdj: PcCircle on the CDM states as given).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from '../../test/support/fixtures.js';
import { cdmEncounter, cdmHardBodyRadiusKm, cdmPc } from './cdm-encounter.js';
import { parseCdm } from './parse-cdm.js';
import { pcFoster1992 } from '../conjunction/pc-foster-1992.js';

function readOne(rel: string) {
  const r = parseCdm(readFixture(rel), rel);
  expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const cdm = r.items[0];
  if (cdm === undefined) throw new Error(`no CDM in ${rel}`);
  return cdm;
}

describe('Foster (1992) Pc on the NASA CARA Alfano test cases', () => {
  // Orekit Alfano2005Test: case, combined hard-body radius (m), expected Pc, absolute tolerance.
  // Our values agree with a 30-digit mpmath evaluation of the exact integral to ≤ 1.1e-15 (cases
  // 01, 04, 05, 08, 09), so the residuals are not quadrature error. These are slow encounters
  // (0.0009–16 m/s relative speed), where the CDM's rounding of the states (positions to 1 mm,
  // velocities to 1e-9 km/s) moves the encounter plane: the last test shows the expected value
  // lies within that rounding spread for 8 of the 10 cases. For 05 and 11 it does not; their
  // residuals (1.2e-4 and 2.8e-6 relative) are left to the expected values' own method (Alfano's
  // numerical series in Orekit), which we could not reproduce exactly.
  const cases: [string, number, number, number][] = [
    ['01', 15, 0.146749549, 1e-6],
    ['02', 4, 0.006222267, 1e-6],
    ['03', 15, 0.100351176, 1e-6],
    ['04', 15, 0.049323406, 1e-5],
    ['05', 10, 0.044487386, 1e-5],
    ['06', 10, 0.004335455, 1e-8],
    ['07', 10, 0.000158147, 1e-9],
    ['08', 4, 0.036948008, 1e-5],
    ['09', 6, 0.290146291, 2e-5],
    ['11', 4, 0.002672026, 1e-7],
  ];
  for (const [n, hbrM, expected, tol] of cases) {
    it(`AlfanoTestCase${n}: Pc ${expected} ± ${tol}`, () => {
      const cdm = readOne(`ccsds/cdm/orekit/alfano-cara/AlfanoTestCase${n}.cdm`);
      expect(cdmHardBodyRadiusKm(cdm)).toBeCloseTo(hbrM / 1000, 12);
      const pc = cdmPc(cdm, hbrM / 1000);
      if (!pc.ok) throw new Error(pc.reason);
      expect(pc.converged).toBe(true);
      expect(Math.abs(pc.pc - expected)).toBeLessThanOrEqual(tol);
    });
  }

  it('the residuals of 8 cases lie within the spread caused by the CDM rounding of the states', () => {
    let seed = 1;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
    const inside: string[] = [];
    for (const [n, hbrM, expected] of cases) {
      const cdm = readOne(`ccsds/cdm/orekit/alfano-cara/AlfanoTestCase${n}.cdm`);
      let lo = Infinity;
      let hi = -Infinity;
      for (let k = 0; k < 200; k++) {
        const objects = cdm.objects.map((o) => ({
          ...o,
          rKm: o.rKm.map((x) => x + rnd() * 1e-6),
          vKmPerSec: o.vKmPerSec.map((x) => x + rnd() * 1e-9),
        })) as unknown as typeof cdm.objects;
        const pc = cdmPc({ ...cdm, objects }, hbrM / 1000);
        if (!pc.ok) throw new Error(pc.reason);
        lo = Math.min(lo, pc.pc);
        hi = Math.max(hi, pc.pc);
      }
      if (expected >= lo && expected <= hi) inside.push(n);
    }
    expect(inside).toEqual(['01', '02', '03', '04', '06', '07', '08', '09']);
  });
});

interface CaraRow {
  id: string;
  hbrM: number;
  missM: number;
  pc2dNoAdj: number;
}

function caraRows(): CaraRow[] {
  const text = readFixture('ccsds/cdm/nasa-cara/PcTestCaseCDMs/CARA_PcMethod_Test_Conjunctions.csv.gz');
  const [head = '', ...rows] = text.trim().split(/\r?\n/);
  const cols = head.split(',');
  const at = (name: string): number => cols.indexOf(name);
  return rows.map((r) => {
    const f = r.split(',');
    return {
      id: f[at('Conjunction_ID')] ?? '',
      hbrM: Number(f[at('HBR_m')]),
      missM: Number(f[at('MissDist_m')]),
      pc2dNoAdj: Number(f[at('Pc2D_NoAdj')]),
    };
  });
}

describe('Foster (1992) Pc on the 53 NASA CARA test CDMs (Pc2D_NoAdj)', () => {
  const rows = caraRows();
  it('the fixture holds the 53 CDMs and their 53 rows', () => {
    const files = readdirSync(fixturePath('ccsds/cdm/nasa-cara/PcTestCaseCDMs')).filter((f) => f.endsWith('.cdm.gz'));
    expect(files).toHaveLength(53);
    expect(rows).toHaveLength(53);
    expect(new Set(rows.map((r) => `${r.id}.cdm.gz`))).toEqual(new Set(files));
  });
  it('every CDM matches within 1 % relative, or 1e-12 absolute for tiny values', () => {
    let maxRel = 0;
    for (const row of rows) {
      const cdm = readOne(`ccsds/cdm/nasa-cara/PcTestCaseCDMs/${row.id}.cdm.gz`);
      const pc = cdmPc(cdm, row.hbrM / 1000);
      if (!pc.ok) throw new Error(`${row.id}: ${pc.reason}`);
      expect(pc.plane.missDistanceKm * 1000, row.id).toBeCloseTo(row.missM, 0);
      const err = Math.abs(pc.pc - row.pc2dNoAdj);
      if (err > 1e-12) {
        const rel = err / row.pc2dNoAdj;
        maxRel = Math.max(maxRel, rel);
        expect(rel, `${row.id}: ${pc.pc} vs ${row.pc2dNoAdj}`).toBeLessThan(0.01);
      }
    }
    expect(maxRel).toBeLessThan(3.5e-3);
  });
  it('the residual differences come from CARA using |r| as the miss distance (states at the rounded TCA)', () => {
    // CARA's PcCircle takes the miss distance as |r2 − r1| and assumes the states are at the true
    // TCA; CDM states are at TCA rounded to the millisecond, so r keeps an along-velocity part of
    // up to ½ ms × v_rel (≈ 7 m at 15 km/s). orbwatch projects r onto the encounter plane, which is
    // the linear-motion closest approach. Using |r| instead reproduces Pc2D_NoAdj to 1.2e-8 relative (all 53, down to 3.9e-168).
    let maxRel = 0;
    for (const row of rows) {
      const cdm = readOne(`ccsds/cdm/nasa-cara/PcTestCaseCDMs/${row.id}.cdm.gz`);
      const enc = cdmEncounter(cdm);
      if (!enc.ok) throw new Error(enc.reason);
      const [o1, o2] = cdm.objects;
      const r3d = Math.hypot(o2.rKm[0] - o1.rKm[0], o2.rKm[1] - o1.rKm[1], o2.rKm[2] - o1.rKm[2]);
      expect(r3d * 1000, row.id).toBeCloseTo(row.missM, 3);
      const k = r3d / enc.plane.missDistanceKm;
      const pc = pcFoster1992({ ...enc.plane, xKm: k * enc.plane.xKm, yKm: k * enc.plane.yKm }, row.hbrM / 1000).pc;
      const err = Math.abs(pc - row.pc2dNoAdj);
      maxRel = Math.max(maxRel, err / row.pc2dNoAdj);
    }
    expect(maxRel).toBeLessThan(1e-7);
    console.log(`CARA 53 with CARA's |r| miss: max relative error ${maxRel.toExponential(2)}`);
  });
});
