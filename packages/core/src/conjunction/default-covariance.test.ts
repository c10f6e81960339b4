import { describe, expect, it } from 'vitest';
import type { Mat3 } from '../frames/mat3.js';
import { DEFAULT_TLE_SIGMA, defaultTleCovarianceRtnKm2, defaultTleSigmaRtnKm } from './default-covariance.js';
import { encounterPlane, rtnCovarianceToInertial } from './encounter-plane.js';
import { pcMaxAlfano2005 } from './pc-max-alfano-2005.js';

describe('default element-set covariance', () => {
  it('follows the documented model: along-track dominant, growing with |age| on either side of epoch', () => {
    for (const regime of ['LEO_HIGH_DRAG', 'LEO', 'MEO_HEO', 'GEO'] as const) {
      const [r0, t0, n0] = defaultTleSigmaRtnKm(regime, 0);
      expect([r0, t0, n0]).toEqual(DEFAULT_TLE_SIGMA[regime].epochKm);
      const [r3, t3, n3] = defaultTleSigmaRtnKm(regime, 3);
      expect(t3).toBeGreaterThan(t0);
      expect(t3).toBeGreaterThan(3 * Math.max(r3, n3));
      expect(defaultTleSigmaRtnKm(regime, -3)).toEqual([r3, t3, n3]);
    }
    // LEO: 1 km + 2 km/day + 0.05 km/day² at 2 days = 5.2 km along-track.
    expect(defaultTleSigmaRtnKm('LEO', 2)[1]).toBeCloseTo(5.2, 12);
    const [r, t, n] = defaultTleSigmaRtnKm('LEO', 2);
    expect(defaultTleCovarianceRtnKm2('LEO', 2)).toEqual([r * r, 0, 0, 0, t * t, 0, 0, 0, n * n]);
  });

  it("Alfano's maximum Pc with the default covariances does not depend on their overall size", () => {
    const r1 = [7000, 0, 0] as const;
    const v1 = [0, 7.5, 0] as const;
    const r2 = [7000.4, 0.3, 0.2] as const;
    const v2 = [0, 0.5, 7.48] as const;
    const pcMaxFor = (ageDays: number, scale: number): number => {
      const c = defaultTleCovarianceRtnKm2('LEO', ageDays).map((x) => x * scale) as unknown as Mat3;
      const c1 = rtnCovarianceToInertial(r1, v1, c);
      const c2 = rtnCovarianceToInertial(r2, v2, c);
      if (c1 === null || c2 === null) throw new Error('degenerate');
      const p = encounterPlane(
        { rKm: r1, vKmPerSec: v1, covarianceKm2: c1 },
        { rKm: r2, vKmPerSec: v2, covarianceKm2: c2 },
      );
      if (!p.ok) throw new Error(p.reason);
      return pcMaxAlfano2005(p.plane, 0.01).pcMax;
    };
    const base = pcMaxFor(1, 1);
    expect(pcMaxFor(1, 9) / base).toBeCloseTo(1, 6);
    expect(pcMaxFor(1, 0.01) / base).toBeCloseTo(1, 6);
  });
});
