/**
 * Every maneuver label on a real case from the bundled data, where one exists; plus simulated
 * cases (marked as such) for what the intervals leave undetermined and for a missing σ.
 */
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../../elements/element-set.js';
import { parseTle } from '../../elements/tle/parse-tle.js';
import { readFixture } from '../../../test/support/fixtures.js';
import { Z95 } from '../assessment/classify-by-interval.js';
import { isAssessmentLabel } from '../assessment/event-assessment.js';
import type { DetectedEvent } from '../detected-event.js';
import { assessManeuver } from './assess-maneuver.js';
import { detectManeuvers } from './detect-maneuvers.js';
import { DEFAULT_MANEUVER_PARAMETERS } from './maneuver-parameters.js';

const cache = new Map<string, ElementSet[]>();
function load(rel: string): ElementSet[] {
  const hit = cache.get(rel);
  if (hit !== undefined) return hit;
  const sets = parseTle(readFixture(rel), { file: rel }).items;
  cache.set(rel, sets);
  return sets;
}
const objectEvents = (rel: string, norad: number): DetectedEvent[] =>
  detectManeuvers(load(rel).filter((s) => s.noradId === norad)).events;
const near = (events: readonly DetectedEvent[], iso: string): DetectedEvent | undefined => {
  const t = Date.parse(iso);
  return events.find((e) => e.start <= t && e.end >= t);
};

/** Every reason with a threshold names where it comes from; every σ given is positive. */
function checkReasons(e: DetectedEvent): void {
  const a = e.assessment;
  expect(a).toBeDefined();
  expect(isAssessmentLabel('maneuver', a!.label)).toBe(true);
  expect(a!.reasons.length).toBeGreaterThan(0);
  for (const r of a!.reasons) {
    if (r.threshold !== undefined) expect(r.thresholdSource, r.measure).toBeTruthy();
    if (typeof r.sigma === 'number') expect(r.sigma, r.measure).toBeGreaterThan(0);
  }
}

describe('maneuver assessment on real cases', () => {
  it('station-keeping: CryoSat-2 drag make-up burn of 2016-04-06 (operator list), a″ band < 15 km', () => {
    const e = near(detectManeuvers(load('maneuvers/CryoSat-2.tle.gz')).events, '2016-04-06T12:00:00Z');
    expect(e).toBeDefined();
    checkReasons(e!);
    expect(e!.assessment!.label).toBe('station-keeping');
    const band = e!.assessment!.reasons.find((r) => r.measure === 'semiMajorAxisBandKm');
    expect(band!.value as number).toBeLessThan(15);
  });

  it('station-keeping: Fengyun-2D east-west burn of 2011-03-28 (a″ −4.6 km, operator list)', () => {
    const e = near(detectManeuvers(load('maneuvers/Fengyun-2D.tle.gz')).events, '2011-03-29T00:00:00Z');
    expect(e).toBeDefined();
    checkReasons(e!);
    expect(e!.assessment!.label).toBe('station-keeping');
    expect(e!.measures['deltaSemiMajorAxisKm'] as number).toBeLessThan(-4);
  });

  it('plane-change: GCOM-W1 (A-Train) 2026-04-15, i 98.2099° → 98.1982° held, a″ +0.12 km', () => {
    const e = near(objectEvents('history-2026/background-sample-600.3le.gz', 38337), '2026-04-15T17:00:00Z');
    expect(e).toBeDefined();
    checkReasons(e!);
    expect(e!.assessment!.label).toBe('plane-change');
    // Out-of-plane Δv = 2v·sin(Δθ/2) ≈ 7.5 km/s × 0.0117° × π/180 ≈ 1.5 m/s.
    expect(e!.measures['outOfPlaneDeltaVMps'] as number).toBeGreaterThan(1.2);
    expect(e!.measures['outOfPlaneDeltaVMps'] as number).toBeLessThan(1.9);
  });

  it('station-keeping (north-south): Fengyun-4A 2019-03-20, a 0.6° move of the inclination vector in its slot', () => {
    const e = near(detectManeuvers(load('maneuvers/Fengyun-4A.tle.gz')).events, '2019-03-21T00:00:00Z');
    expect(e).toBeDefined();
    checkReasons(e!);
    expect(e!.assessment!.label).toBe('station-keeping');
    expect(e!.measures['outOfPlaneDeltaVMps'] as number).toBeGreaterThan(25);
    expect(e!.assessment!.reasons.some((r) => r.measure === 'outOfPlaneDeltaVMps')).toBe(true);
  });

  it('single-burn, not station-keeping: Fengyun-2E leaves its slot for a drift orbit, 2015-06-03 (a″ +36.8 km)', () => {
    const e = near(detectManeuvers(load('maneuvers/Fengyun-2E.tle.gz')).events, '2015-06-04T12:00:00Z');
    expect(e).toBeDefined();
    checkReasons(e!);
    expect(e!.assessment!.label).toBe('single-burn');
    const slot = e!.assessment!.reasons.find((r) => r.measure === 'offsetFromSynchronousSemiMajorAxisKm');
    expect(slot!.value as number).toBeGreaterThan(15);
  });

  it('orbit-raising: 68126 climbs (the demo case printed with σ 0.000 before)', () => {
    const raising = objectEvents('history-2026/background-sample-600.3le.gz', 68126).filter(
      (e) => e.measures['kind'] === 'orbit-raising',
    );
    expect(raising.length).toBeGreaterThan(0);
    for (const e of raising) {
      checkReasons(e);
      expect(e.assessment!.label).toBe('orbit-raising');
      // σ is never printed as 0: noise of the end levels plus the spiral/impulsive model term.
      expect(e.measures['deltaVSigmaMps'] as number).toBeGreaterThan(0.0005);
    }
  });

  it('orbit-lowering: 68188 (2026-050) deorbit from 327 to 185 km, 15–136 km/day against ≈ 1.3 km/day of drag', () => {
    const events = objectEvents('history-2026/launches-2026-03-to-05.3le.gz', 68188);
    const e = near(events, '2026-04-08T00:00:00Z');
    expect(e).toBeDefined();
    checkReasons(e!);
    expect(e!.assessment!.label).toBe('orbit-lowering');
    expect(e!.measures['deltaSemiMajorAxisKm'] as number).toBeLessThan(-100);
    const perigee = e!.assessment!.reasons.find((r) => r.measure === 'perigeeAfterKm');
    expect(perigee!.value as number).toBeLessThan(350);
  });

  it('single-burn: Kuiper 64526 burn of 2026-04-13 (in-plane, a″ not held inside 15 km)', () => {
    const e = near(objectEvents('history-2026/background-sample-600.3le.gz', 64526), '2026-04-13T06:00:00Z');
    expect(e).toBeDefined();
    checkReasons(e!);
    expect(e!.assessment!.label).toBe('single-burn');
  });

  it('undetermined: Kuiper 67144 climb of 4.71 ± 0.02 km, short of the 5 km class (real case)', () => {
    const e = objectEvents('history-2026/background-sample-600.3le.gz', 67144).find(
      (x) => x.measures['kind'] === 'orbit-raising' && (x.measures['deltaSemiMajorAxisKm'] as number) < 5,
    );
    expect(e).toBeDefined();
    checkReasons(e!);
    expect(e!.assessment!.label).toBe('undetermined');
    expect(e!.assessment!.possibleLabels).toContain('orbit-raising');
  });
});

describe('every event of the 2026 launches', () => {
  it('has an assessment from the closed vocabulary and a Δv σ that is positive, or null with the reason', () => {
    const byObject = new Map<number, ElementSet[]>();
    for (const set of load('history-2026/launches-2026-03-to-05.3le.gz')) {
      const list = byObject.get(set.noradId) ?? [];
      list.push(set);
      byObject.set(set.noradId, list);
    }
    let n = 0;
    for (const history of byObject.values()) {
      for (const e of detectManeuvers(history).events) {
        n++;
        checkReasons(e);
        const s = e.measures['deltaVSigmaMps'];
        if (s === null) expect(typeof e.measures['deltaVSigmaNote']).toBe('string');
        else expect(s as number).toBeGreaterThan(0);
      }
    }
    expect(n).toBeGreaterThan(500);
  });
});

describe('maneuver assessment on simulated measures (SIMULATED: no real case needed)', () => {
  const ctx = {
    geosynchronous: false,
    semiMajorAxisBandKm: 40,
    noiseSigmaKm: 0.01,
    localDecayKmPerDay: -0.01,
    perigeeAfterKm: 500,
  };
  const p = DEFAULT_MANEUVER_PARAMETERS;
  it('a null σ gives no class and says why', () => {
    const a = assessManeuver(
      {
        kind: 'single-burn',
        deltaVMps: 0.5,
        deltaVSigmaMps: null,
        alongTrackDeltaVMps: 0.5,
        outOfPlaneDeltaVMps: 0,
        deltaSemiMajorAxisKm: 0.9,
        noiseSigmaKm: null,
        gapDays: 1,
      },
      ctx,
      p,
    );
    expect(a.label).toBe('undetermined');
    expect(a.reasons.some((r) => r.measure === 'deltaVSigmaMps' && r.value === null)).toBe(true);
  });
  it('plane-change is given only when the 95 % interval of (out − along) lies above 0', () => {
    const base = {
      kind: 'single-burn',
      alongTrackDeltaVMps: 1,
      alongTrackDeltaVSigmaMps: 0.1,
      deltaSemiMajorAxisKm: 2,
      noiseSigmaKm: 0.01,
      gapDays: 1,
    };
    const sure = assessManeuver(
      { ...base, deltaVMps: 3.2, deltaVSigmaMps: 0.3, outOfPlaneDeltaVMps: 3, outOfPlaneDeltaVSigmaMps: 0.3 },
      ctx,
      p,
    );
    expect(sure.label).toBe('plane-change');
    const unsure = assessManeuver(
      {
        ...base,
        deltaVMps: 1.5,
        deltaVSigmaMps: 0.5,
        outOfPlaneDeltaVMps: 1 + Z95 * 0.5,
        outOfPlaneDeltaVSigmaMps: 0.5,
      },
      ctx,
      p,
    );
    expect(unsure.label).toBe('undetermined');
    expect(unsure.possibleLabels).toContain('plane-change');
  });
});
