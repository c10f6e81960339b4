import { describe, expect, it } from 'vitest';
import { stateFromKeplerian } from './osculating-elements.js';
import { integrateZonalOrbit, WGS72_ZONAL, zonalAcceleration } from './zonal-orbit-integrator.js';

const MU = WGS72_ZONAL.muKm3PerSec2;
const RE = WGS72_ZONAL.earthRadiusKm;
const TWO_BODY = { ...WGS72_ZONAL, zonals: [] };
const DAY = 86_400;

describe('zonalAcceleration', () => {
  it('matches the closed-form J2 acceleration (Vallado, Fundamentals of Astrodynamics, eq. 8-30)', () => {
    const [x, y, z] = [4000.5, -3500.25, 4200.75];
    const r = Math.hypot(x, y, z);
    const J2 = WGS72_ZONAL.zonals[0]!;
    const f = 1.5 * J2 * (RE / r) ** 2;
    const u2 = (z / r) ** 2;
    const expected = [
      ((-MU * x) / r ** 3) * (1 + f * (1 - 5 * u2)),
      ((-MU * y) / r ** 3) * (1 + f * (1 - 5 * u2)),
      ((-MU * z) / r ** 3) * (1 + f * (3 - 5 * u2)),
    ];
    const out = new Float64Array(3);
    zonalAcceleration({ ...WGS72_ZONAL, zonals: [J2] }, x, y, z, out);
    for (let k = 0; k < 3; k++) expect(Math.abs(out[k]! - expected[k]!)).toBeLessThan(1e-15);
  });
});

describe('integrateZonalOrbit', () => {
  it('reproduces analytic Kepler motion to < 1 m after one day (LEO circular and Molniya-like e = 0.7)', () => {
    for (const el of [
      {
        semiMajorAxisKm: 6778,
        eccentricity: 0.0005,
        inclinationRad: 0.9,
        raanRad: 1,
        argPerigeeRad: 2,
        meanAnomalyRad: 0.3,
      },
      {
        semiMajorAxisKm: 26_560,
        eccentricity: 0.7,
        inclinationRad: 1.1,
        raanRad: 4,
        argPerigeeRad: 4.7,
        meanAnomalyRad: 0.1,
      },
    ]) {
      const s0 = stateFromKeplerian(el, MU);
      const times = [3600, DAY / 2, DAY];
      const { states } = integrateZonalOrbit(s0, times, TWO_BODY);
      times.forEach((t, k) => {
        const n = Math.sqrt(MU / el.semiMajorAxisKm ** 3);
        const exact = stateFromKeplerian({ ...el, meanAnomalyRad: el.meanAnomalyRad + n * t }, MU);
        const dr = Math.hypot(
          states[k * 6]! - exact[0]!,
          states[k * 6 + 1]! - exact[1]!,
          states[k * 6 + 2]! - exact[2]!,
        );
        expect(dr * 1000).toBeLessThan(1); // metres
      });
    }
  });

  it('integrates backwards as well as forwards', () => {
    const el = {
      semiMajorAxisKm: 7000,
      eccentricity: 0.01,
      inclinationRad: 0.5,
      raanRad: 0,
      argPerigeeRad: 0,
      meanAnomalyRad: 0,
    };
    const s0 = stateFromKeplerian(el, MU);
    const { states } = integrateZonalOrbit(s0, [-3000], TWO_BODY);
    const exact = stateFromKeplerian({ ...el, meanAnomalyRad: -3000 * Math.sqrt(MU / 7000 ** 3) }, MU);
    expect(Math.hypot(states[0]! - exact[0]!, states[1]! - exact[1]!, states[2]! - exact[2]!) * 1000).toBeLessThan(0.1);
  });

  // relative energy error 2e-9 ≙ a semi-major-axis error of ≈ 1.4 cm at 6800 km
  it('conserves energy and the polar angular momentum under J2–J4 over one day', () => {
    const s0 = stateFromKeplerian(
      {
        semiMajorAxisKm: 6800,
        eccentricity: 0.02,
        inclinationRad: 0.9,
        raanRad: 1,
        argPerigeeRad: 1,
        meanAnomalyRad: 1,
      },
      MU,
    );
    const energy = (s: Float64Array): number => {
      const [x, y, z, vx, vy, vz] = s as unknown as number[];
      const r = Math.hypot(x!, y!, z!);
      const u = z! / r;
      const p2 = (3 * u * u - 1) / 2;
      const p3 = (5 * u ** 3 - 3 * u) / 2;
      const p4 = (35 * u ** 4 - 30 * u * u + 3) / 8;
      const [j2, j3, j4] = WGS72_ZONAL.zonals as [number, number, number];
      const pot = (MU / r) * (1 - j2 * (RE / r) ** 2 * p2 - j3 * (RE / r) ** 3 * p3 - j4 * (RE / r) ** 4 * p4);
      return (vx! ** 2 + vy! ** 2 + vz! ** 2) / 2 - pot;
    };
    const hz = (s: Float64Array): number => s[0]! * s[4]! - s[1]! * s[3]!;
    const { states } = integrateZonalOrbit(s0, [DAY], WGS72_ZONAL);
    const s1 = states.subarray(0, 6);
    expect(Math.abs((energy(s1) - energy(s0)) / energy(s0))).toBeLessThan(2e-9);
    expect(Math.abs((hz(s1) - hz(s0)) / hz(s0))).toBeLessThan(2e-9);
  });

  it('rejects a non-finite start (programmer error)', () => {
    expect(() => integrateZonalOrbit(Float64Array.of(NaN, 0, 0, 0, 0, 0), [10])).toThrow(RangeError);
  });
});
