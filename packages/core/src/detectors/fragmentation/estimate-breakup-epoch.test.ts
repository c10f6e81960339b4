/**
 * The node-convergence regression on a synthetic cloud with a known breakup: fragments thrown
 * from a circular parent by seeded random impulses (Gauss's equations), their nodes carried with
 * their own J2 rates to epochs 40–70 days later, plus 0.02° of node noise (a TLE's precision).
 */
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../../elements/element-set.js';
import { noradId } from '../../ids/norad-id.js';
import { instant } from '../../time/instant.js';
import { degToRad, rad, radPerSec } from '../../units/quantity.js';
import { estimateBreakupEpoch } from './estimate-breakup-epoch.js';
import { fragmentOrbit, meanNodeRateRadPerDay } from './fragment-orbit.js';
import { syntheticElementSet } from '../../../test/support/synthetic-element-set.js';

const MU = 398_600.8;
const MS_PER_DAY = 86_400_000;

/** Seeded generator (LCG) with Box-Muller normals: deterministic. */
function normals(seed: number): () => number {
  let s = seed >>> 0;
  const u = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

function makeSet(id: number, epochMs: number, aKm: number, e: number, iRad: number, raanRad: number): ElementSet {
  return syntheticElementSet({
    noradId: noradId(id),
    cosparId: '2021-999A',
    epoch: instant(epochMs),
    meanMotionRadPerSec: radPerSec(Math.sqrt(MU / aKm ** 3)),
    eccentricity: e,
    inclinationRad: rad(iRad),
    raanRad: rad(raanRad),
    argPerigeeRad: rad(0),
    meanAnomalyRad: rad(0),
  });
}

describe('estimateBreakupEpoch (synthetic cloud, known truth)', () => {
  it('recovers the breakup epoch within 3σ and the breakup argument of latitude', () => {
    const tb = Date.parse('2021-11-15T02:50:00Z');
    const a0 = 6858;
    const i0 = degToRad(82.56);
    const node0 = degToRad(120);
    const u = degToRad(40);
    const v = Math.sqrt(MU / a0);
    const g = normals(20211115);
    const sets: ElementSet[] = [];
    for (let k = 0; k < 300; k++) {
      const dvT = 0.06 * g();
      const dvN = 0.06 * g();
      const a = a0 + (2 * a0 * dvT) / v;
      const inc = i0 + (dvN * Math.cos(u)) / v;
      const nodeAtTb = node0 + (dvN * Math.sin(u)) / (v * Math.sin(i0));
      const t = tb + (40 + (k % 31)) * MS_PER_DAY;
      const e = Math.min(0.05, (2 * Math.abs(dvT)) / v);
      const draft = fragmentOrbit(makeSet(10000 + k, t, a, e, inc, 0));
      const rate = meanNodeRateRadPerDay(draft, tb, false);
      const node = nodeAtTb + rate * ((t - tb) / MS_PER_DAY) + degToRad(0.02) * g();
      sets.push(makeSet(10000 + k, t, a, e, inc, node));
    }
    const est = estimateBreakupEpoch(sets.map(fragmentOrbit), {
      outlierSigma: 4,
      jackknifeGroups: 10,
      maxMeanMotionChangeRevPerDay: 0.5,
    });
    expect(est).toBeDefined();
    if (est === undefined) return;
    const errSec = (est.epochMs - tb) / 1000;
    expect(Math.abs(errSec)).toBeLessThanOrEqual(3 * est.sigmaSec);
    // A meaningful σ: a few hours at most for this geometry (300 pieces, 60 m/s, 0.02° noise).
    expect(est.sigmaSec).toBeLessThan(6 * 3600);
    expect(est.dragSystematicSec).toBe(0);
    // u is recovered modulo 180°, to within a degree.
    const uDeg = (est.argumentOfLatitudeRad * 180) / Math.PI;
    expect(Math.abs(uDeg - 40)).toBeLessThan(1);
  });
});
