/**
 * The assessment's rules on cases the bundled data does not hold (each marked SIMULATED), and
 * the approach-manoeuvre evidence on real histories (fixtures/events, fixtures/history-2026).
 * The real cases of every label are in detect-proximity.test.ts and the false-alarm test.
 */
import { describe, expect, it } from 'vitest';
import { parseTle } from '../../elements/tle/index.js';
import { noradId } from '../../ids/norad-id.js';
import { parseIsoInstant } from '../../time/instant.js';
import { rad, radPerSec } from '../../units/quantity.js';
import { readFixture } from '../../../test/support/fixtures.js';
import { syntheticElementSet } from '../../../test/support/synthetic-element-set.js';
import { approachManeuvers } from './approach-evidence.js';
import { detectProximity } from './detect-proximity.js';
import type { ProximityFacts } from './proximity-assessment.js';
import { DEFAULT_PROXIMITY_ASSESSMENT_PARAMETERS, assessProximity } from './proximity-assessment.js';

const iso = (s: string) => {
  const t = parseIsoInstant(s);
  if (t === undefined) throw new Error(s);
  return t;
};
const sets = (file: string) => parseTle(readFixture(file), { file }).items;

/** SIMULATED facts: a slow pair of unknown kind (values chosen for the rule under test). */
const base: ProximityFacts = {
  noradA: 90001,
  noradB: 90002,
  nameA: 'SIM-A',
  nameB: 'SIM-B',
  stationA: false,
  stationB: false,
  ownerA: 'FR',
  ownerB: 'US',
  ownerSource: 'simulated',
  constellationA: null,
  constellationB: null,
  launchA: '2020-001',
  launchB: '2021-002',
  minRangeKm: 10,
  minRangeSigmaKm: 2,
  coincidentElementSets: false,
  driftKmPerDay: 100,
  driftSigmaKmPerDay: 3,
  planeAngleDeg: 0.2,
  planeCrossingSpeedKmPerSec: 0.03,
  // Both sun-synchronous (360°/365.2422 d) at 97.4°.
  nodeRateADegPerDay: 0.9856,
  nodeRateBDegPerDay: 0.9856,
  inclinationBDeg: 97.4,
  semiMajorAxisBKm: 6900,
  rangeKm: 50,
  dockingRangeKm: 1,
  encounterTimes: [0],
  synodicPeriodDays: 400,
  maneuversA: [],
  maneuversB: [],
};

describe('assessProximity (SIMULATED facts)', () => {
  it('drift-by only when the whole 95 % interval of |D| lies above 2R per day', () => {
    // 2R/1 day = 100 km/day; 120 ± 3 → [114, 126]: a pass.
    const pass = assessProximity({ ...base, driftKmPerDay: -120 });
    expect(pass.assessment.label).toBe('drift-by');
    expect(pass.assessment.reasons[0]).toMatchObject({
      measure: 'driftRateAbsKmPerDay',
      comparison: '>',
      threshold: 100,
    });
    // 102 ± 3 straddles 100: unexplained, with what stays possible.
    const straddle = assessProximity({ ...base, driftKmPerDay: 102 });
    expect(straddle.assessment.label).toBe('unexplained');
    expect(straddle.assessment.reasons[0]?.comparison).toBe('straddles');
    expect(straddle.assessment.possibleLabels).toEqual(['drift-by', 'co-orbital']);
    // σ ≤ 0 never decides: 500 ± 0 is not a pass.
    expect(assessProximity({ ...base, driftKmPerDay: 500, driftSigmaKmPerDay: Number.NaN }).assessment.label).toBe(
      'unexplained',
    );
  });
  it('formation: same owner and staying together (SIMULATED)', () => {
    const a = assessProximity({ ...base, ownerB: 'FR', driftKmPerDay: 5 });
    expect(a.assessment.label).toBe('formation');
    expect(a.roleA).toBe('participant');
  });
  it('co-orbital needs known, different owners, ≥ 3 passes ≤ 7 days apart and an arranged geometry (SIMULATED)', () => {
    const day = 86_400_000;
    const three = [0, 4 * day, 8 * day];
    // Both sun-synchronous, no manoeuvre: the shared plane is each orbit's design → a recurring drift-by.
    const sso = assessProximity({ ...base, driftKmPerDay: 10_000, encounterTimes: three });
    expect(sso.assessment.label).toBe('drift-by');
    expect(sso.assessment.reasons.find((x) => x.measure === 'relativeNodeDriftKmPerDay')?.comparison).toBe(
      'sun-synchronous',
    );
    // At 73°, node rates equal within 0.005°/day (≈ 0.6 km/day cross-track ≤ 50 km / 30 days): held.
    const held = { ...base, nodeRateADegPerDay: -2.25, nodeRateBDegPerDay: -2.255, inclinationBDeg: 73 };
    expect(assessProximity({ ...held, driftKmPerDay: 10_000, encounterTimes: three }).assessment.label).toBe(
      'co-orbital',
    );
    // The same pair with node rates 0.05°/day apart (≈ 5.8 km/day cross-track): the planes part → drift-by.
    expect(
      assessProximity({ ...held, nodeRateBDegPerDay: -2.3, driftKmPerDay: 10_000, encounterTimes: three }).assessment
        .label,
    ).toBe('drift-by');
    // Owner unknown: no claim that owners differ → unexplained, formation or co-orbital possible.
    const unknown = assessProximity({ ...held, ownerB: null, driftKmPerDay: 10_000, encounterTimes: three });
    expect(unknown.assessment.label).toBe('unexplained');
    expect(unknown.assessment.possibleLabels).toEqual(['formation', 'co-orbital']);
    // Same owner: a formation.
    expect(
      assessProximity({ ...held, ownerB: 'FR', driftKmPerDay: 10_000, encounterTimes: three }).assessment.label,
    ).toBe('formation');
    // A gap of 8 days breaks the run.
    expect(
      assessProximity({ ...held, driftKmPerDay: 10_000, encounterTimes: [0, 4 * day, 12 * day] }).assessment.label,
    ).toBe('drift-by');
  });
  it('chaser/target only with a decisive approach manoeuvre in one history, in a shared plane (SIMULATED)', () => {
    const mv = {
      noradId: 90002,
      beforeEpoch: 0,
      beforeEpochText: 'b',
      afterEpoch: 1,
      afterEpochText: 'a',
      deltaSemiMajorAxisKm: 5,
      deltaSemiMajorAxisSigmaKm: 0.1,
      deltaVMps: 2.8,
      otherBeforeEpochText: 'ob',
      otherAfterEpochText: 'oa',
      pairDeltaABeforeKm: -5.5,
      pairDeltaAAfterKm: -0.5,
      driftBeforeKmPerDay: 800,
      driftAfterKmPerDay: 70,
      shellGapBeforeKm: 3,
      shellGapAfterKm: 0,
    };
    const r = assessProximity({ ...base, driftKmPerDay: 70, maneuversB: [mv] });
    expect(r.assessment.label).toBe('unexplained');
    expect([r.roleA, r.roleB]).toEqual(['target', 'chaser']);
    expect(r.assessment.reasons.some((x) => x.measure === 'approachManeuverDriftChangeKmPerDay')).toBe(true);
    // The same manoeuvre with planes crossed at 0.4 km/s: no approach is claimed.
    const crossing = assessProximity({ ...base, driftKmPerDay: 70, maneuversB: [mv], planeCrossingSpeedKmPerSec: 0.4 });
    expect([crossing.roleA, crossing.roleB]).toEqual(['participant', 'participant']);
    // A change of drift below 2R/day (100 km/day) is not decisive.
    const small = assessProximity({ ...base, driftKmPerDay: 70, maneuversB: [{ ...mv, driftBeforeKmPerDay: 150 }] });
    expect([small.roleA, small.roleB]).toEqual(['participant', 'participant']);
    // Both manoeuvred: no direction.
    const both = assessProximity({
      ...base,
      driftKmPerDay: 70,
      maneuversA: [{ ...mv, noradId: 90001 }],
      maneuversB: [mv],
    });
    expect([both.roleA, both.roleB]).toEqual(['participant', 'participant']);
  });
  it('keeps its thresholds in the detector parameters', () => {
    expect(DEFAULT_PROXIMITY_ASSESSMENT_PARAMETERS).toEqual({
      passMaxDays: 1,
      recurringEncounters: 3,
      recurrenceMaxGapDays: 7,
      approachMaxCrossingSpeedKmPerSec: 0.2,
      planeHoldDays: 30,
      sunSynchronousToleranceDegPerDay: 0.2,
    });
  });
});

describe('a formation end to end (SIMULATED element sets)', () => {
  it('two same-owner satellites 0.05° apart in one orbit are a formation, both participants', () => {
    const epoch = iso('2026-04-01T00:00:00Z');
    const el = {
      epoch,
      meanMotionRadPerSec: radPerSec((15.2 * 2 * Math.PI) / 86_400),
      eccentricity: 0.001,
      inclinationRad: rad((97.4 * Math.PI) / 180),
      raanRad: rad(1),
      argPerigeeRad: rad(0),
    };
    const a = syntheticElementSet({
      ...el,
      noradId: noradId(90001),
      meanAnomalyRad: rad(0),
      name: 'SIM-A',
      cosparId: '2020-001A',
    });
    const b = syntheticElementSet({
      ...el,
      noradId: noradId(90002),
      meanAnomalyRad: rad((0.05 * Math.PI) / 180),
      name: 'SIM-B',
      cosparId: '2021-002A',
    });
    const r = detectProximity({
      objects: [
        { noradId: a.noradId, sets: [a], owner: 'ESA', ownerSource: 'simulated' },
        { noradId: b.noradId, sets: [b], owner: 'ESA', ownerSource: 'simulated' },
      ],
      start: epoch,
      end: iso('2026-04-02T00:00:00Z'),
    });
    expect(r.episodes).toHaveLength(1);
    const e = r.episodes[0]?.event;
    expect(e?.assessment?.label).toBe('formation');
    expect(e?.objects.map((o) => o.role)).toEqual(['participant', 'participant']);
    expect(e?.measures['ownerA']).toBe('ESA');
    expect(e?.measures['ownerSource']).toBe('simulated');
  });
});

describe('approachManeuvers on real histories', () => {
  const dir = 'events/inspector-target-series-2026/';
  it('Cosmos 2576 raised its orbit ≈ 28 km toward USA 314 in 2026-03-28 … 04-11; USA 314 shows none', () => {
    const c = sets(`${dir}59773_COSMOS-2576.3le`);
    const u = sets(`${dir}48247_USA-314.3le`);
    const mv = approachManeuvers(59773, c, u, 0, Infinity);
    expect(mv).toHaveLength(1);
    const m = mv[0];
    expect(m?.beforeEpochText).toBe('26087.75150121');
    expect(m?.afterEpochText).toBe('26101.73752583');
    // Mean a from Kepler on the published mean motions: 6859.1 → 6887.2 km (drag trend removed).
    expect(m?.deltaSemiMajorAxisKm).toBeGreaterThan(27);
    expect(m?.deltaSemiMajorAxisKm).toBeLessThan(29.5);
    // Δv of a tangential raise: v·Δa/(2a) = 7.61 km/s × 28 km / 13,720 km ≈ 15.5 m/s.
    expect(m?.deltaVMps).toBeGreaterThan(14.5);
    expect(m?.deltaVMps).toBeLessThan(16.5);
    expect(m?.shellGapAfterKm).toBeLessThan(m?.shellGapBeforeKm ?? 0);
    expect(approachManeuvers(48247, u, c, 0, Infinity)).toEqual([]);
  });
  it('Cosmos 2588’s raise of 2026-04-09 … 04-13 moved it away from USA 338: no approach', () => {
    const c = sets(`${dir}64095_COSMOS-2588.3le`);
    const u = sets(`${dir}53883_USA-338.3le`);
    expect(approachManeuvers(64095, c, u, 0, Infinity)).toEqual([]);
    expect(approachManeuvers(53883, u, c, 0, Infinity)).toEqual([]);
  });
  it('Progress MS-33 closed the 150 km from its phasing orbit to the ISS; the ISS did not approach it', () => {
    const launches = sets('history-2026/launches-2026-03-to-05.3le.gz').filter((s) => s.noradId === 68319);
    const iss = sets('history-2026/iss.3le.gz');
    const mv = approachManeuvers(68319, launches, iss, 0, Infinity);
    expect(mv).toHaveLength(1);
    expect(mv[0]?.pairDeltaABeforeKm).toBeLessThan(-140);
    expect(Math.abs(mv[0]?.pairDeltaAAfterKm ?? 1)).toBeLessThan(1);
    expect(approachManeuvers(25544, iss, launches, 0, Infinity)).toEqual([]);
  });
});
