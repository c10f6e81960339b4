/**
 * Proximity detector on real element sets (fixtures/history-2026, fixtures/events): docking
 * approaches to the ISS, the 2026 inspector pairs, and the false-alarm population.
 * Reference facts and why the tolerances are what they are: docs/design/proximity-detector.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ElementSet } from '../../elements/element-set.js';
import { parseTle } from '../../elements/tle/index.js';
import { noradId } from '../../ids/norad-id.js';
import type { Instant } from '../../time/instant.js';
import { formatIso, parseIsoInstant } from '../../time/instant.js';
import { readFixture } from '../../../test/support/fixtures.js';
import { backgroundSample } from './background-sample.test-support.js';
import { detectProximity } from './detect-proximity.js';
import type { ProximityEpisode, ProximityObject } from './proximity-object.js';
import { positionSigmaKm, rangeSigmaKm } from './range-sigma.js';

const iso = (s: string): Instant => {
  const t = parseIsoInstant(s);
  if (t === undefined) throw new Error(`bad ISO ${s}`);
  return t;
};
const num = (x: unknown): number => {
  if (typeof x !== 'number') throw new Error(`not a number: ${String(x)}`);
  return x;
};
const ISS = 25544;

function sets(file: string): ElementSet[] {
  return parseTle(readFixture(file), { file }).items;
}
function pairEpisodes(eps: readonly ProximityEpisode[], chaser: number, target: number): ProximityEpisode[] {
  return eps.filter((e) => e.event.objects[0]?.norad === chaser && e.event.objects[1]?.norad === target);
}

describe('docking approaches to the ISS (history-2026)', () => {
  let launches: ElementSet[] = [];
  let iss: ElementSet[] = [];
  beforeAll(() => {
    launches = sets('history-2026/launches-2026-03-to-05.3le.gz');
    iss = sets('history-2026/iss.3le.gz');
  });
  const cases = [
    // Progress MS-33 (2026-058A): launch planned 2026-03-22 (Roscosmos via qazinform.com, 2026-03-04),
    // two-day free flight to Poisk (mission profile, defzone.net wiki) → docking expected 2026-03-24.
    {
      name: 'Progress MS-33',
      norad: 68319,
      start: '2026-03-22T18:00:00Z',
      end: '2026-03-25T00:00:00Z',
      firstSet: '2026-03-22T19:14:04Z',
      after: '2026-03-23T01:13:34Z',
      before: '2026-03-24T19:24:53Z',
      expectedDay: '2026-03-24T12:00:00Z',
      freeSets: 3,
    },
    // Cygnus NG-24 (2026-079A): NASA planned launch 2026-04-08 and capture 2026-04-10 (NASA release,
    // reposted on hopzone.eu); the first element set is of 2026-04-11, so the launch slipped: no
    // published capture time for the flown date was found, the bracket below is ours.
    {
      name: 'Cygnus NG-24',
      norad: 68689,
      start: '2026-04-11T21:00:00Z',
      end: '2026-04-14T00:00:00Z',
      firstSet: '2026-04-11T22:03:27Z',
      after: '2026-04-12T20:23:52Z',
      before: '2026-04-13T19:29:23Z',
      expectedDay: undefined,
      freeSets: 5,
    },
  ] as const;
  for (const c of cases) {
    it(`${c.name} ends in a docking episode (< 1 km) with its approach phase`, () => {
      const r = detectProximity({
        objects: [
          { noradId: noradId(ISS), sets: iss, owner: 'ISS', source: 'celestrak-active' },
          {
            noradId: noradId(c.norad),
            sets: launches.filter((s) => s.noradId === c.norad),
            owner: c.norad === 68319 ? 'CIS' : 'US',
            source: 'celestrak-active',
          },
        ],
        start: iso(c.start),
        end: iso(c.end),
      });
      const eps = pairEpisodes(r.episodes, c.norad, ISS);
      expect(eps).toHaveLength(1);
      const ep = eps[0];
      if (ep === undefined) return;
      const m = ep.event.measures;
      expect(m['context']).toBe('docking');
      expect(ep.event.assessment?.label).toBe('docking');
      // Roles from evidence: the vehicle's own sets show it raised its phasing orbit to the station's.
      expect(ep.event.objects).toEqual([
        { norad: c.norad, role: 'chaser' },
        { norad: ISS, role: 'target' },
      ]);
      const mv = ep.event.assessment?.reasons.find((x) => x.measure === 'approachManeuverDriftChangeKmPerDay');
      expect(mv?.text).toContain(`${String(c.norad)} changed its semi-major axis by`);
      // The phasing orbit is 140–180 km below the station (approachProfile below); the raise closes it.
      expect(Number(mv?.value)).toBeGreaterThan(1.5 * 0.00113 * 140 * 86_400 * 0.9);
      expect(ep.event.elementSets.some((x) => x.role === 'after-maneuver')).toBe(true);
      expect(num(m['minRangeKm'])).toBeLessThan(1);
      // After docking CelesTrak publishes the station's elements for the vehicle: range 0.
      expect(m['coincidentElementSets']).toBe(true);
      // Approach: from the first free-flight set to the docking bracket (set epochs, to the second).
      expect(Math.abs(iso(String(m['approachStartUtc'])) - iso(c.firstSet))).toBeLessThan(1000);
      expect(Math.abs(iso(String(m['dockingAfterUtc'])) - iso(c.after))).toBeLessThan(1000);
      expect(Math.abs(iso(String(m['dockingBeforeUtc'])) - iso(c.before))).toBeLessThan(1000);
      expect(m['approachFreeFlightSets']).toBe(c.freeSets);
      const dMin = num(m['approachDurationMinSec']);
      const dMax = num(m['approachDurationMaxSec']);
      expect(dMin).toBeLessThan(dMax);
      expect(dMax).toBeLessThan(3 * 86_400); // a 2-day class rendezvous profile
      if (c.expectedDay !== undefined) {
        const d = iso(c.expectedDay);
        expect(iso(c.after) - 12 * 3_600_000).toBeLessThan(d);
        expect(iso(c.before)).toBeGreaterThan(d - 12 * 3_600_000);
      }
      // Relative-speed profile of the approach: phasing orbits well below the station
      // (Δa −150 … −175 km), thousands of km away, until the docked sets (0 km, 0 km/s).
      const free = ep.approachProfile.filter((s) => s.rangeKm >= 1);
      expect(free).toHaveLength(c.freeSets);
      for (const s of free) {
        expect(s.deltaSemiMajorAxisKm).toBeLessThan(-140);
        expect(s.deltaSemiMajorAxisKm).toBeGreaterThan(-180);
        expect(s.rangeKm).toBeGreaterThan(1000);
        expect(s.relativeSpeedKmPerSec).toBeGreaterThan(1);
      }
      const docked = ep.approachProfile.filter((s) => s.rangeKm < 1);
      expect(docked.length).toBeGreaterThan(0);
      for (const s of docked) expect(s.relativeSpeedKmPerSec).toBeLessThan(0.001);
    });
  }
});

describe('inspector pairs of 2026 (targets from amateur elements)', () => {
  const dir = 'events/inspector-target-series-2026/';
  const inspect = (
    chaserFile: string,
    chaser: number,
    targetFile: string,
    target: number,
    start: string,
    end: string,
  ): ProximityEpisode[] => {
    const objects: ProximityObject[] = [
      { noradId: noradId(chaser), sets: sets(dir + chaserFile), owner: 'CIS', source: 'celestrak-active' },
      {
        noradId: noradId(target),
        sets: sets(dir + targetFile),
        owner: 'US',
        amateur: true,
        source: 'mccants-classfd',
      },
    ];
    const r = detectProximity({
      objects,
      start: iso(start),
      end: iso(end),
      // Inspection screen: within 100 km below 0.2 km/s, passes up to 7 days apart recur; sets up to
      // 16 days from the instant (Cosmos 2588 has no set 2026-05-08 … 07-01, USA 338 none 06-13 … 07-19).
      parameters: { maxRangeKm: 100, maxRelativeSpeedKmPerSec: 0.2, maxGapSec: 7 * 86_400, maxSetAgeDays: 16 },
    });
    return pairEpisodes(r.episodes, chaser, target);
  };
  /** Checks a minimum against an indicative figure with tolerances from the σ model. */
  const expectNear = (
    ep: ProximityEpisode,
    rangeKm: number,
    utc: string,
    speed: number,
    rounding: { km: number; sec: number; kmps: number },
  ): void => {
    const m = ep.event.measures;
    const sigma = num(m['minRangeSigmaKm']);
    const sigmaV = num(m['relativeSpeedAtMinSigmaKmPerSec']);
    const v = num(m['relativeSpeedAtMinKmPerSec']);
    expect(Math.abs(num(m['minRangeKm']) - rangeKm)).toBeLessThanOrEqual(sigma + rounding.km);
    expect(Math.abs(iso(String(m['minRangeUtc'])) - iso(utc)) / 1000).toBeLessThanOrEqual(rounding.sec + sigma / v);
    expect(Math.abs(v - speed)).toBeLessThanOrEqual(sigmaV + rounding.kmps);
  };

  it('Cosmos 2576 – USA 314: recurring passes, closest 45 km on 2026-07-16 05:42 UTC at 0.10 km/s', () => {
    const eps = inspect(
      '59773_COSMOS-2576.3le',
      59773,
      '48247_USA-314.3le',
      48247,
      '2026-07-01T00:00:00Z',
      '2026-07-23T00:00:00Z',
    );
    expect(eps).toHaveLength(1);
    const ep = eps[0];
    if (ep === undefined) return;
    const m = ep.event.measures;
    // Passes every ~2 days; every third comes within 100 km (07-10, 07-16, 07-22).
    expect(ep.approaches.map((a) => formatIso(a.t).slice(0, 10))).toEqual(['2026-07-10', '2026-07-16', '2026-07-22']);
    // Co-orbital: three passes within 100 km, six days apart (every third synodic pass, 2.0 days).
    expect(ep.event.assessment?.label).toBe('co-orbital');
    expect(m['encounters']).toBe(3);
    expect(num(m['synodicPeriodDays'])).toBeGreaterThan(1.9);
    expect(num(m['synodicPeriodDays'])).toBeLessThan(2.2);
    // Cosmos 2576 raised its orbit by ≈ 28 km in 2026-03-28 … 04-11 toward USA 314's: the pair's Δa
    // went from −178 to −151 km and the shell gap from 60 to 29 km. That makes it the chaser.
    expect(ep.event.objects).toEqual([
      { norad: 59773, role: 'chaser' },
      { norad: 48247, role: 'target' },
    ]);
    const mv = ep.event.assessment?.reasons.find((x) => x.measure === 'approachManeuverDriftChangeKmPerDay');
    expect(mv?.text).toMatch(/between its sets 26087\.75150121 and 26101\.73752583/);
    expect(num(mv?.value)).toBeGreaterThan(3000);
    // PROVENANCE §2b (indicative, nearest-epoch sets, 10-s steps): 45 km, 05:42, 0.10 km/s.
    expectNear(ep, 45, '2026-07-16T05:42:00Z', 0.1, { km: 0.5, sec: 60, kmps: 0.005 });
    // The sets used, their ages and the σ they give (USA 314 amateur: weight 0.5).
    expect(ep.event.elementSets.slice(0, 2).map((s) => s.epochText)).toEqual(['26196.75180512', '26198.98080174']);
    expect(m['setWeightB']).toBe(0.5);
    const sigma = rangeSigmaKm(
      positionSigmaKm(num(m['setAgeADays']), 1, 2, 1),
      positionSigmaKm(num(m['setAgeBDays']), 1, 2, 0.5),
    );
    expect(num(m['minRangeSigmaKm'])).toBeCloseTo(sigma, 9);
    expect(num(m['minRangeSigmaKm'])).toBeGreaterThan(8);
    expect(num(m['minRangeSigmaKm'])).toBeLessThan(10);
    // Same plane (< 1°), different altitude: a fly-by drift, not station-keeping.
    expect(num(m['planeAngleDeg'])).toBeLessThan(1);
    expect(Math.abs(num(m['driftRateFromElementsKmPerDay']))).toBeGreaterThan(1000);
  });

  it('Cosmos 2588 – USA 338: closest 67 km on 2026-06-24 15:50 UTC at 0.08 km/s, with a large σ from old sets', () => {
    const eps = inspect(
      '64095_COSMOS-2588.3le',
      64095,
      '53883_USA-338.3le',
      53883,
      '2026-06-10T00:00:00Z',
      '2026-07-23T00:00:00Z',
    );
    // Passes every ~4 days; 07-03 and 07-07 stay beyond 100 km, which splits two episodes.
    expect(eps).toHaveLength(2);
    const [first, second] = eps;
    if (first === undefined || second === undefined) return;
    expectNear(first, 67, '2026-06-24T15:50:00Z', 0.08, { km: 0.5, sec: 60, kmps: 0.005 });
    const m = first.event.measures;
    // No Cosmos 2588 set between 2026-05-07 and 07-02 and USA 338 sets of 06-12 and 07-20:
    // the sets used are 8 and 12 days from the minimum, so σ ≈ 52 km: the figure is weak.
    expect(num(m['setAgeADays'])).toBeLessThan(-8);
    expect(num(m['setAgeBDays'])).toBeGreaterThan(11);
    expect(num(m['minRangeSigmaKm'])).toBeGreaterThan(45);
    // The well-determined pass: fresh sets on both sides (σ ≈ 7 km), again ≈ 67 km at 0.09 km/s.
    const m2 = second.event.measures;
    expect(num(m2['minRangeSigmaKm'])).toBeLessThan(8);
    expect(Math.abs(num(m2['minRangeKm']) - 67)).toBeLessThanOrEqual(num(m2['minRangeSigmaKm']) + 0.5);
    expect(String(m2['minRangeUtc']).slice(0, 10)).toBe('2026-07-19');
    expect(num(m2['relativeSpeedAtMinKmPerSec'])).toBeLessThan(0.1);
    // Both episodes: three passes 4 days apart (synodic period 4.2 days) → co-orbital. Cosmos 2588's
    // only manoeuvre in the history (+5 km, 2026-04-09 … 04-13) moved it away from USA 338's orbit,
    // so no direction is claimed: both are participants.
    for (const ep of eps) {
      expect(ep.event.assessment?.label).toBe('co-orbital');
      expect(ep.event.measures['encounters']).toBe(3);
      expect(ep.event.objects.map((o) => o.role)).toEqual(['participant', 'participant']);
    }
  });
});

describe('no false alarms on the background and Starlink samples', () => {
  it('lists every sustained/recurring episode within 50 km below 0.5 km/s, 2026-04-01 … 04-03, with its explanation', () => {
    const { objects } = backgroundSample();
    // 2 days and 120-s steps keep the test short (the bench covers 7 days, 60-s steps).
    // "Sustained" = near for ≥ 3 h; "recurring" = ≥ 6 near closest approaches (≥ 3 revolutions).
    const r = detectProximity({
      objects,
      start: iso('2026-04-01T00:00:00Z'),
      end: iso('2026-04-03T00:00:00Z'),
      parameters: {
        maxRangeKm: 50,
        maxRelativeSpeedKmPerSec: 0.5,
        stepSec: 120,
        minDurationSec: 3 * 3600,
        minApproaches: 6,
      },
    });
    const found = r.episodes
      .map(
        (e) =>
          `${String(e.event.objects[0]?.norad)}-${String(e.event.objects[1]?.norad)} ${String(e.event.assessment?.label)}`,
      )
      .sort();
    const expected: Record<string, string> = {
      // GEO co-location: Telesat's Telstar 19V and 14R share the 63° W slot. Neither is in the LEO
      // SATCAT subset, so no shared owner can be stated: it stays unexplained (drift 10 km/day).
      '43562-37602 unexplained': 'Telstar 19V / Telstar 14R co-located at 63° W (both Telesat)',
      // Tianzhou-9 (2025-149A) docked to the Chinese station: published with the station's elements.
      '64786-54216 docking': 'Tianzhou-9 docked to CSS (Mengtian)',
      // Same launch 2023-174 (Transporter-9): Exotrail's SpaceVan-001 OTV and Platero still in nearly one orbit.
      '58295-58262 co-passengers': 'SpaceVan-001 (FR) / Platero (SPN), co-passengers of 2023-174',
      // Same launch 2025-135 (rideshare): still separating slowly.
      '64573-64568 co-passengers': 'MUSAT-3ALPHA / IRIDE-MS2-HEO-3, co-passengers of 2025-135',
      // Same launch 2025-276 (Transporter-15): co-passengers separating slowly.
      '66777-66671 co-passengers': 'LUNA-1 / Transporter-15 object F, same launch 2025-276',
      '66771-66717 co-passengers': 'GYEONGGISAT-1 / FLOCK 4H-14, same launch 2025-276',
      // Starlink shell neighbours.
      '67640-62120 constellation': 'STARLINK-36570 / STARLINK-32548',
    };
    expect(found).toEqual(Object.keys(expected).sort());
    // No direction is claimed for any background pair except the docked cargo ship.
    for (const e of r.episodes) {
      const roles = e.event.objects.map((o) => o.role);
      if (e.event.assessment?.label === 'docking') continue;
      expect(roles, String(e.event.objects[0]?.norad)).toEqual(['participant', 'participant']);
    }
  }, 60_000);
});

describe('sharding', () => {
  it('the episodes of all shards together are exactly those of one run', () => {
    const dir = 'events/inspector-target-series-2026/';
    const files: [string, number][] = [
      ['59773_COSMOS-2576.3le', 59773],
      ['48247_USA-314.3le', 48247],
      ['62902_COSMOS-2581.3le', 62902],
      ['62903_COSMOS-2582.3le', 62903],
      ['62904_COSMOS-2583.3le', 62904],
    ];
    const objects: ProximityObject[] = files.map(([f, id]) => ({ noradId: noradId(id), sets: sets(dir + f) }));
    const input = {
      objects,
      start: iso('2026-07-14T00:00:00Z'),
      end: iso('2026-07-18T00:00:00Z'),
      parameters: { maxRangeKm: 300, maxRelativeSpeedKmPerSec: 1, stepSec: 120, minApproaches: 1 },
    };
    const single = detectProximity(input).episodes.map((e) => e.event);
    expect(single.length).toBeGreaterThan(0);
    const sharded = [0, 1, 2]
      .flatMap((index) => detectProximity({ ...input, shard: { index, count: 3 } }).episodes.map((e) => e.event))
      .sort(
        (x, y) =>
          x.start - y.start ||
          (x.objects[0]?.norad ?? 0) - (y.objects[0]?.norad ?? 0) ||
          (x.objects[1]?.norad ?? 0) - (y.objects[1]?.norad ?? 0),
      );
    expect(sharded).toEqual(single);
  });
});
