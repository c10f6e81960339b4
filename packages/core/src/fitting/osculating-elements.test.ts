import { describe, expect, it } from 'vitest';
import { equinoctialFromState, keplerianFromState, stateFromKeplerian, wrapPi } from './osculating-elements.js';

const MU = 398600.8;

describe('osculating elements', () => {
  it('round-trips Keplerian → state → Keplerian (LEO, Molniya, GEO-like)', () => {
    for (const el of [
      {
        semiMajorAxisKm: 6778,
        eccentricity: 0.0007,
        inclinationRad: 0.9,
        raanRad: 2.07,
        argPerigeeRad: 5.77,
        meanAnomalyRad: 0.52,
      },
      {
        semiMajorAxisKm: 26_554,
        eccentricity: 0.708,
        inclinationRad: 1.102,
        raanRad: 0.81,
        argPerigeeRad: 4.8,
        meanAnomalyRad: 0.25,
      },
      {
        semiMajorAxisKm: 42_164,
        eccentricity: 0.0002,
        inclinationRad: 0.001,
        raanRad: 1.2,
        argPerigeeRad: 2.1,
        meanAnomalyRad: 4.0,
      },
    ]) {
      const back = keplerianFromState(stateFromKeplerian(el, MU), MU);
      expect(Math.abs(back.semiMajorAxisKm - el.semiMajorAxisKm)).toBeLessThan(1e-6);
      expect(Math.abs(back.eccentricity - el.eccentricity)).toBeLessThan(1e-12);
      expect(Math.abs(back.inclinationRad - el.inclinationRad)).toBeLessThan(1e-12);
      // the node, perigee and anomaly are individually weakly defined near e = 0 / i = 0; their sums are not
      expect(
        Math.abs(
          wrapPi(
            back.raanRad +
              back.argPerigeeRad +
              back.meanAnomalyRad -
              (el.raanRad + el.argPerigeeRad + el.meanAnomalyRad),
          ),
        ),
      ).toBeLessThan(1e-9);
    }
  });

  it('equinoctial elements agree with the Keplerian definitions and stay finite at e = 0, i = 0', () => {
    const el = {
      semiMajorAxisKm: 7000,
      eccentricity: 0.05,
      inclinationRad: 0.3,
      raanRad: 1.0,
      argPerigeeRad: 2.0,
      meanAnomalyRad: 3.0,
    };
    const q = equinoctialFromState(stateFromKeplerian(el, MU), MU);
    expect(Math.abs(q.ex - 0.05 * Math.cos(3))).toBeLessThan(1e-12);
    expect(Math.abs(q.ey - 0.05 * Math.sin(3))).toBeLessThan(1e-12);
    expect(Math.abs(q.hx - Math.tan(0.15) * Math.cos(1))).toBeLessThan(1e-12);
    expect(Math.abs(q.hy - Math.tan(0.15) * Math.sin(1))).toBeLessThan(1e-12);
    expect(Math.abs(wrapPi(q.meanLongitudeRad - 6))).toBeLessThan(1e-10);
    const circEq = equinoctialFromState(Float64Array.of(7000, 0, 0, 0, Math.sqrt(MU / 7000), 0), MU);
    expect([circEq.ex, circEq.ey, circEq.hx, circEq.hy].every((v) => Math.abs(v) < 1e-12)).toBe(true);
    expect(Math.abs(circEq.semiMajorAxisKm - 7000)).toBeLessThan(1e-8);
  });

  it('rejects an open orbit', () => {
    expect(() => keplerianFromState(Float64Array.of(7000, 0, 0, 0, 12, 0), MU)).toThrow(RangeError);
    expect(() => equinoctialFromState(Float64Array.of(7000, 0, 0, 0, 12, 0), MU)).toThrow(RangeError);
  });
});
