/**
 * Round trips, path independence and the size of the errors that missing Earth orientation
 * causes (the figures quoted in earth-orientation.ts and docs/design/frames.md).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instant, instantFromUtcFields } from '../time/instant.js';
import { rad, sec } from '../units/quantity.js';
import type { EarthOrientation } from './earth-orientation.js';
import { RAD_PER_ARCSEC, ZERO_EOP } from './earth-orientation.js';
import { convertState, stateVector } from './convert-state.js';
import { EARTH_ROTATION_RAD_PER_SEC } from './iau80.js';
import { gcrfToTeme, itrfToTeme, temeToGcrf, temeToItrf } from './named-conversions.js';
import type { Frame, StateVector } from './state-vector.js';

const FRAMES: readonly Frame[] = ['TEME', 'ITRF', 'GCRF', 'MOD', 'TOD', 'PEF'];
const dist = (a: StateVector<Frame>, b: StateVector<Frame>): number =>
  Math.hypot(a.r.x - b.r.x, a.r.y - b.r.y, a.r.z - b.r.z);
const vdist = (a: StateVector<Frame>, b: StateVector<Frame>): number =>
  Math.hypot(a.v.x - b.v.x, a.v.y - b.v.y, a.v.z - b.v.z);

const coord = fc.double({ min: -45_000, max: 45_000, noNaN: true });
const vel = fc.double({ min: -10, max: 10, noNaN: true });
const arcsec = (max: number) => fc.double({ min: -max, max, noNaN: true }).map((a) => rad(a * RAD_PER_ARCSEC));
const arbTeme = fc
  .record({
    // 1957 .. 2100
    ms: fc.double({ min: -4.0e11, max: 4.1e12, noNaN: true }),
    r: fc.tuple(coord, coord, coord),
    v: fc.tuple(vel, vel, vel),
  })
  .map(({ ms, r, v }) => stateVector('TEME', instant(ms), r, v));
const arbEop: fc.Arbitrary<EarthOrientation> = fc.record({
  dut1Sec: fc.double({ min: -0.9, max: 0.9, noNaN: true }).map(sec),
  xpRad: arcsec(0.6),
  ypRad: arcsec(0.6),
  ddPsiRad: arcsec(0.1),
  ddEpsRad: arcsec(0.1),
  taiMinusUtcSec: fc.integer({ min: 10, max: 37 }).map(sec),
  lodSec: fc.double({ min: -0.001, max: 0.004, noNaN: true }).map(sec),
});

describe('round trips', () => {
  it('ITRF ↔ TEME to 1e-9 km and 1e-12 km/s', () => {
    fc.assert(
      fc.property(arbTeme, arbEop, (teme, eop) => {
        const back = itrfToTeme(temeToItrf(teme, eop), eop);
        expect(back.frame).toBe('TEME');
        expect(back.t).toBe(teme.t);
        expect(dist(back, teme)).toBeLessThan(1e-9);
        expect(vdist(back, teme)).toBeLessThan(1e-12);
      }),
      { numRuns: 300 },
    );
  });
  it('GCRF ↔ TEME to 1e-9 km', () => {
    fc.assert(
      fc.property(arbTeme, arbEop, (teme, eop) => {
        const back = gcrfToTeme(temeToGcrf(teme, eop), eop);
        expect(dist(back, teme)).toBeLessThan(1e-9);
        expect(vdist(back, teme)).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });
  it('every frame to every other and back to 1e-9 km; the route does not matter', () => {
    fc.assert(
      fc.property(arbTeme, arbEop, (teme, eop) => {
        for (const a of FRAMES) {
          const sa = convertState(teme, a, eop);
          for (const b of FRAMES) {
            const sb = convertState(sa, b, eop);
            expect(dist(convertState(sb, a, eop), sa)).toBeLessThan(1e-9);
            // direct TEME → b equals TEME → a → b (e.g. TEME→PEF directly vs via TOD)
            const direct = convertState(teme, b, eop);
            expect(dist(direct, sb)).toBeLessThan(1e-9);
            expect(vdist(direct, sb)).toBeLessThan(1e-12);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('what missing Earth orientation costs (documented figures)', () => {
  const t = instantFromUtcFields(2024, 3, 1, 12);
  const geoRadiusKm = 42_164;
  const geo = stateVector('TEME', t, [geoRadiusKm, 0, 0], [0, 3.0747, 0]);
  const base: EarthOrientation = { ...ZERO_EOP, taiMinusUtcSec: sec(37) };

  it('dUT1 = 0.9 s moves a GEO point by ω·0.9 s·r = 2.77 km in ITRF (0.42 km at the surface)', () => {
    const shifted = temeToItrf(geo, { ...base, dut1Sec: sec(0.9) });
    const d = dist(shifted, temeToItrf(geo, base));
    const expected = EARTH_ROTATION_RAD_PER_SEC * 0.9 * geoRadiusKm;
    expect(expected).toBeCloseTo(2.767, 3);
    expect(Math.abs(d - expected)).toBeLessThan(1e-6);
    expect(EARTH_ROTATION_RAD_PER_SEC * 0.9 * 6378.137).toBeCloseTo(0.4186, 4);
  });
  it('polar motion of 0.5″ moves a GEO point by ≤ 0.5″·r ≈ 102 m in ITRF', () => {
    const shifted = temeToItrf(geo, { ...base, xpRad: rad(0.5 * RAD_PER_ARCSEC) });
    const d = dist(shifted, temeToItrf(geo, base));
    expect(d).toBeLessThanOrEqual(0.5 * RAD_PER_ARCSEC * geoRadiusKm * (1 + 1e-9));
    expect(d).toBeGreaterThan(0.05);
  });
  it('ΔAT = 0 instead of 37 s shifts GCRF by < 1.3 cm at GEO', () => {
    const d = dist(temeToGcrf(geo, ZERO_EOP), temeToGcrf(geo, base));
    expect(d).toBeLessThan(1.3e-5);
    expect(d).toBeGreaterThan(0);
  });
  it('δΔψ = 0.1″ shifts TEME → GCRF by metres at GEO, not more', () => {
    const d = dist(temeToGcrf(geo, { ...base, ddPsiRad: rad(0.1 * RAD_PER_ARCSEC) }), temeToGcrf(geo, base));
    expect(d).toBeLessThan(0.1 * RAD_PER_ARCSEC * geoRadiusKm);
  });
  it('LOD of 3 ms changes GEO Earth-fixed velocity by ω·LOD/86400·r ≈ 1.1e-7 km/s', () => {
    const dv = vdist(temeToItrf(geo, { ...base, lodSec: sec(0.003) }), temeToItrf(geo, base));
    expect(Math.abs(dv - (EARTH_ROTATION_RAD_PER_SEC * 0.003 * geoRadiusKm) / 86_400)).toBeLessThan(1e-12);
  });
});

describe('types', () => {
  it('conversion keeps the instant and brands the frame', () => {
    const t = instantFromUtcFields(2024, 1, 1);
    const itrf = temeToItrf(stateVector('TEME', t, [7000, 0, 0], [0, 7.5, 0]));
    expect(itrf.frame).toBe('ITRF');
    expect(itrf.t).toBe(t);
    // @ts-expect-error an ITRF state is not a TEME state
    const again = temeToItrf(itrf);
    // At run time the value's frame decides: ITRF → ITRF is the identity, never a double rotation.
    expect(dist(again, itrf)).toBe(0);
  });
});
