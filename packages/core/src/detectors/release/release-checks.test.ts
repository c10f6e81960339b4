/**
 * The physical checks of the release detector (release-checks.ts) on SIMULATED releases from
 * Cosmos 2543's real 2021-05-29 orbit (simulated-release.test-support.ts), and on the interval
 * rules of the assessment. Real cases are in detect-releases.test.ts (TEN-KOH 2: a same-launch
 * parent that passes; the 2026 deployment groups: launch check passed).
 */
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../../elements/element-set.js';
import { parseTle } from '../../elements/tle/parse-tle.js';
import { noradId } from '../../ids/norad-id.js';
import { instant } from '../../time/instant.js';
import { readFixture } from '../../../test/support/fixtures.js';
import { detectReleases } from './detect-releases.js';
import { DEFAULT_RELEASE_PARAMETERS } from './release-parameters.js';
import { assessGroup, assessRelease } from './release-assessment.js';
import { beforeLaunch, isCarrier, launchTimes, parentCheck } from './release-checks.js';
import type { CheckedObject } from './release-checks.js';
import { simulatedChild } from './simulated-release.test-support.js';

const DAY_MS = 86_400_000;
const read = (name: string): ElementSet[] =>
  parseTle(readFixture(`events/inspector-history/${name}`), { file: name }).items;
const cosmos2543 = read('44835_COSMOS-2543.3le');
const parentSet = cosmos2543[0]!;
const t0 = instant(parentSet.epoch + 0.5 * DAY_MS);
const CHILD = noradId(90101);
const sim = simulatedChild(parentSet, t0, 'i', 10, 1, CHILD);
const withCospar = (sets: readonly ElementSet[], cospar: string): ElementSet[] =>
  sets.map((s) => ({ ...s, cosparId: cospar }));

describe('no separation before the launch (SIMULATED 10 m/s in-track release)', () => {
  it('rejects the parent when SATCAT puts the launch after the separation, and records the check', () => {
    const launchDate = instant(t0 + 2 * DAY_MS);
    const r = detectReleases({
      newObjects: [{ noradId: CHILD, sets: sim.childSets, facts: { launchDate } }],
      catalogued: [{ noradId: noradId(44835), sets: cosmos2543 }],
    });
    // A child without a COSPAR id has no launch: the SATCAT date must still bound it.
    expect(r.events).toEqual([]);
    expect(r.outcomes[0]!.rejected.map((x) => x.check)).toEqual(['separation-before-launch']);
    expect(r.outcomes[0]!.rejected[0]!.otherNorad).toBe(44835);
  });

  it('accepts it when the launch came first', () => {
    const r = detectReleases({
      newObjects: [{ noradId: CHILD, sets: sim.childSets, facts: { launchDate: instant(t0 - DAY_MS) } }],
      catalogued: [{ noradId: noradId(44835), sets: cosmos2543 }],
    });
    expect(r.events).toHaveLength(1);
    const launch = r.events[0]!.assessment!.reasons.find((x) => x.measure === 'separationAfterLaunchHours')!;
    expect(Number(launch.value)).toBeGreaterThan(20);
    expect(launch.thresholdSource).toMatch(/SATCAT/);
  });

  it('takes the launch time from the revolution counts (lower median) when SATCAT has none', () => {
    const mk = (n: number, rev: number): CheckedObject => ({
      noradId: n,
      launch: '2099-001',
      sets: [{ ...parentSet, revAtEpoch: rev }],
      facts: undefined,
      newcomer: true,
      released: false,
      inOrbitSince: parentSet.epoch,
    });
    const lt = launchTimes([mk(1, 10), mk(2, 20), mk(3, 30)]).get('2099-001')!;
    expect(lt.source).toBe('revolution-count');
    const period = (2 * Math.PI * 1000) / parentSet.meanMotionRadPerSec;
    expect(lt.time).toBeCloseTo(parentSet.epoch - 20 * period, -1);
    expect(lt.toleranceSec).toBeCloseTo(period / 1000, 6);
    // 95 % interval of the separation ends before launch − tolerance → rejected; otherwise not.
    expect(beforeLaunch(lt.time - 2 * period, 60, lt)).toBe(true);
    expect(beforeLaunch(lt.time - 0.5 * period, 60, lt)).toBe(false);
    expect(beforeLaunch(lt.time - 2 * period, period / 1000, lt)).toBe(false);
  });
});

describe('roles: a co-passenger of the child is not its parent (SIMULATED)', () => {
  // The parent orbit is Cosmos 2543's, relabelled as an object of the child's own launch.
  const sameLaunchParent = withCospar(cosmos2543, '2099-001A');
  const child = withCospar(sim.childSets, '2099-001B');

  it('rejects a payload of the same launch with no sign of having carried the child', () => {
    const r = detectReleases({
      newObjects: [{ noradId: CHILD, sets: child }],
      catalogued: [{ noradId: noradId(44835), sets: sameLaunchParent }],
    });
    expect(r.events.filter((e) => e.objects.some((o) => o.role === 'parent'))).toEqual([]);
    expect(r.outcomes[0]!.rejected.map((x) => x.check)).toEqual(['co-passenger']);
    const report = r.launches.find((l) => l.launch === '2099-001')!;
    expect(report.rejected.map((x) => x.check)).toEqual(['co-passenger']);
  });

  it('accepts the same object as parent when SATCAT calls it a rocket body (a carrier)', () => {
    const r = detectReleases({
      newObjects: [{ noradId: CHILD, sets: child }],
      catalogued: [{ noradId: noradId(44835), sets: sameLaunchParent, facts: { objectType: 'ROCKET BODY' } }],
    });
    expect(r.events).toHaveLength(1);
    expect(r.events[0]!.objects).toEqual([
      { norad: 44835, role: 'parent' },
      { norad: CHILD, role: 'child' },
    ]);
  });

  it("rejects a parent of another launch: the catalogue files a released object under its parent's launch", () => {
    const r = detectReleases({
      newObjects: [{ noradId: CHILD, sets: withCospar(sim.childSets, '2099-002A') }],
      catalogued: [{ noradId: noradId(44835), sets: sameLaunchParent }],
    });
    expect(r.events).toEqual([]);
    expect(r.outcomes[0]!.rejected.map((x) => x.check)).toEqual(['other-launch']);
  });

  it('knows carriers by type and by name, not cubesats', () => {
    const o = (name: string, objectType: string | null): CheckedObject => ({
      noradId: 1,
      launch: '2099-001',
      sets: [{ ...parentSet, name }],
      facts: { objectType, name },
      newcomer: false,
      released: false,
      inOrbitSince: 0,
    });
    expect(isCarrier(o('FALCON 9 R/B', null))).toBe(true);
    expect(isCarrier(o('ION SCV-012', 'PAYLOAD'))).toBe(true);
    expect(isCarrier(o('SOMETHING', 'ROCKET BODY'))).toBe(true);
    expect(isCarrier(o('LEMUR-2-ABC', 'PAYLOAD'))).toBe(false);
  });

  it('rejects a parent not yet in orbit at the separation', () => {
    const later: CheckedObject = {
      noradId: 7,
      launch: '2099-002',
      sets: [{ ...parentSet, revAtEpoch: null }],
      facts: undefined,
      newcomer: false,
      released: false,
      inOrbitSince: parentSet.epoch,
    };
    const kid: CheckedObject = { ...later, noradId: 8, launch: null, newcomer: true };
    const why = parentCheck(kid, later, parentSet.epoch - DAY_MS, 60, undefined, DEFAULT_RELEASE_PARAMETERS);
    expect(why?.check).toBe('parent-not-in-orbit');
    expect(parentCheck(kid, later, parentSet.epoch + DAY_MS, 60, undefined, DEFAULT_RELEASE_PARAMETERS)).toBeNull();
  });
});

describe('a SIMULATED rideshare: one cubesat catalogued a run earlier, three more later (the reviewer case)', () => {
  // Four cubesats leave an uncatalogued carrier (Cosmos 2543's orbit) at t0, 3 h after the
  // launch; their published revolution counts start at the launch, as the catalogue's do.
  const launchMs = t0 - 3 * 3_600_000;
  const counted = (sets: readonly ElementSet[], cospar: string): ElementSet[] =>
    sets.map((s) => ({
      ...s,
      cosparId: cospar,
      revAtEpoch: Math.floor(((s.epoch - launchMs) / 1000) * (s.meanMotionRadPerSec / (2 * Math.PI))),
    }));
  const cubesat = (
    k: number,
    dir: 'r' | 'i' | 'c',
    mps: number,
  ): { noradId: ReturnType<typeof noradId>; sets: ElementSet[] } => {
    const id = noradId(90200 + k);
    return {
      noradId: id,
      sets: counted(simulatedChild(parentSet, t0, dir, mps, 1, id).childSets, `2099-007${'ABCD'[k] ?? 'Z'}`),
    };
  };
  const first = cubesat(0, 'i', 1.0);
  const later = [cubesat(1, 'r', 1.2), cubesat(2, 'c', 1.0), cubesat(3, 'i', -1.5)];

  it('names no cubesat parent of its siblings; the later three form a deployment group', () => {
    const r = detectReleases({ newObjects: later, catalogued: [first] });
    expect(r.events.filter((e) => e.objects.some((o) => o.role === 'parent'))).toEqual([]);
    const rejected = r.outcomes.flatMap((o) => o.rejected);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((x) => x.check === 'co-passenger' && x.otherNorad === first.noradId)).toBe(true);
    const group = r.events.find((e) => e.assessment?.label === 'deployment-group')!;
    expect(group.objects.map((o) => o.role)).toEqual(['sibling', 'sibling', 'sibling']);
    // Radial and cross-track siblings keep meeting every half revolution (≈ 48 min): the
    // group's epoch can land a meeting away from t0, and its σ says so.
    const sigmaSec = Number(group.measures['separationEpochSigmaSec']);
    expect(Math.abs(Number(group.measures['separationEpoch']) - t0) / 1000).toBeLessThan(2 * sigmaSec);
    expect(sigmaSec).toBeLessThan(1.5 * 3600);
    const report = r.launches.find((l) => l.launch === '2099-007')!;
    expect(report.status).toBe('grouped');
    expect(report.members.find((m) => m.noradId === first.noradId)?.newcomer).toBe(false);
  });
});

describe('a SIMULATED launch whose upper stage is catalogued with its payloads', () => {
  it('names the rocket body, new in the same run, parent of each payload it deployed', () => {
    const launchDate = instant(t0 - 3 * 3_600_000);
    const stage = {
      noradId: noradId(44835),
      sets: cosmos2543.map((s) => ({ ...s, cosparId: '2099-011A', name: 'TEST-7 R/B' })),
    };
    const payloads = (
      [
        ['i', 1.0],
        ['r', 1.2],
        ['c', 1.0],
      ] as const
    ).map(([dir, mps], k) => {
      const id = noradId(90400 + k);
      const sets = withCospar(simulatedChild(parentSet, t0, dir, mps, 1, id).childSets, `2099-011${'BCD'[k] ?? 'Z'}`);
      return { noradId: id, sets, facts: { launchDate } };
    });
    const r = detectReleases({ newObjects: [stage, ...payloads], catalogued: [] });
    const releases = r.events.filter((e) => e.objects.some((o) => o.role === 'parent'));
    expect(releases.map((e) => e.objects.map((o) => `${o.role}:${String(o.norad)}`))).toEqual(
      payloads.map((p) => ['parent:44835', `child:${String(p.noradId)}`]),
    );
    for (const e of releases) {
      expect(Math.abs(Number(e.measures['separationEpoch']) - t0) / 1000).toBeLessThan(600);
      expect(e.assessment?.label).toBe('deployment');
    }
    expect(r.launches.find((l) => l.launch === '2099-011')?.status).toBe('has-parent');
  });
});

describe('launch reports say why there is no group', () => {
  it('placeholder sets only: one orbit published for the whole batch dates nothing', () => {
    // Two objects whose only set is the same element set (a launch provider's pre-separation orbit).
    const placeholder = (id: number, piece: string): { noradId: ReturnType<typeof noradId>; sets: ElementSet[] } => ({
      noradId: noradId(id),
      sets: [{ ...parentSet, noradId: noradId(id), cosparId: `2099-009${piece}` }],
    });
    const r = detectReleases({ newObjects: [placeholder(90301, 'A'), placeholder(90302, 'B')], catalogued: [] });
    expect(r.events).toEqual([]);
    const report = r.launches.find((l) => l.launch === '2099-009')!;
    expect(report.status).toBe('placeholder-sets-only');
    expect(report.members.map((m) => m.note)).toEqual(['placeholder-only', 'placeholder-only']);
  });
});

describe('assessment intervals (thresholds 5 and 50 m/s; release-parameters.ts)', () => {
  const p = DEFAULT_RELEASE_PARAMETERS;
  it('straddling 50 m/s: 60 ± 8 m/s is undetermined between ejection and high-speed release', () => {
    const a = assessRelease(60, 8, p, { reasons: [] });
    expect(a.label).toBe('undetermined');
    expect(a.possibleLabels).toEqual(['ejection', 'high-speed-release']);
    expect(a.reasons[0]!.comparison).toBe('straddles');
  });
  it('high-speed only when the lower end of the 95 % interval reaches 50 m/s', () => {
    expect(assessRelease(50 + 1.96 * 5 + 0.1, 5, p, { reasons: [] }).label).toBe('high-speed-release');
    expect(assessRelease(50 + 1.96 * 5 - 0.1, 5, p, { reasons: [] }).label).toBe('undetermined');
  });
  it('straddling 5 m/s: 4 ± 1 m/s is undetermined between deployment and ejection', () => {
    expect(assessRelease(4, 1, p, { reasons: [] }).possibleLabels).toEqual(['deployment', 'ejection']);
  });
  it('a σ larger than the value is said to be one (the 1.749 ± 2777.560 m/s case), with no class', () => {
    const a = assessRelease(1.749, 2777.56, p, { reasons: [] });
    expect(a.label).toBe('undetermined');
    expect(a.reasons[0]!.text).toMatch(/σ 2777\.56 exceeds the value/);
    expect(a.reasons.some((r) => r.measure === 'deltaVMpsSigmaExceedsValue' && r.value === true)).toBe(true);
    expect(a.reasons[0]!.text).not.toMatch(/1\.75 ±/);
  });
  it('a group whose relative speed may reach 20 m/s is not called a deployment group', () => {
    expect(assessGroup(12, 5, 4, p, { reasons: [] }).label).toBe('undetermined');
    expect(assessGroup(2, 0.5, 4, p, { reasons: [] }).label).toBe('deployment-group');
  });
});
