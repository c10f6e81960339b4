/**
 * The maneuver detector on real public element sets: operator ground truth (dpshorten
 * benchmark), ISS reboosts, Starlink/Kuiper orbit raising, and the false-alarm population.
 * Figures are printed; the asserted floors are the measured figures rounded down to 2 decimals
 * (docs/design/maneuver-detector.md lists them, the targets they miss and why).
 */
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../../elements/element-set.js';
import { parseTle } from '../../elements/tle/parse-tle.js';
import { readFixture } from '../../../test/support/fixtures.js';
import type { DetectedEvent } from '../detected-event.js';
import { detectManeuvers } from './detect-maneuvers.js';

const MU = 398_600.8;
const DAY_MS = 86_400_000;

function load(rel: string): ElementSet[] {
  const { items, issues } = parseTle(readFixture(rel), { file: rel });
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  return items;
}

function byObject(sets: readonly ElementSet[]): Map<number, ElementSet[]> {
  const m = new Map<number, ElementSet[]>();
  for (const s of sets) {
    const list = m.get(s.noradId) ?? [];
    list.push(s);
    m.set(s.noradId, list);
  }
  return m;
}

/**
 * STRICT reading (primary): greedy one-to-one matching. Events in time order each take the
 * earliest unused manoeuvre within `tolMs` of the event's [start, end]; every manoeuvre and every
 * event counts at most once.
 */
function score(
  events: readonly DetectedEvent[],
  truths: readonly number[],
  tolMs: number,
): { precision: number; recall: number } {
  const used = new Set<number>();
  let tp = 0;
  for (const e of events) {
    const k = truths.findIndex((t, q) => !used.has(q) && t >= e.start - tolMs && t <= e.end + tolMs);
    if (k >= 0) {
      used.add(k);
      tp++;
    }
  }
  return { precision: events.length > 0 ? tp / events.length : 0, recall: truths.length > 0 ? tp / truths.length : 0 };
}

/**
 * ANY-WITHIN reading (secondary, looser): a manoeuvre is recalled when ANY event lies within
 * `tolMs` of it; an event is correct when ANY manoeuvre lies within `tolMs` of its span. Two
 * burns inside one interval between public sets both count as recalled by one event here, not
 * in the strict reading.
 */
function scoreAnyWithin(
  events: readonly DetectedEvent[],
  truths: readonly number[],
  tolMs: number,
): { precision: number; recall: number } {
  const near = (t: number, e: DetectedEvent): boolean => t >= e.start - tolMs && t <= e.end + tolMs;
  const recalled = truths.filter((t) => events.some((e) => near(t, e))).length;
  const correct = events.filter((e) => truths.some((t) => near(t, e))).length;
  return {
    precision: events.length > 0 ? correct / events.length : 0,
    recall: truths.length > 0 ? recalled / truths.length : 0,
  };
}

describe('dpshorten benchmark (operator manoeuvre timestamps)', () => {
  // Floors = the v1.3 figures (default parameters, one set for all LEO) rounded down to 2
  // decimals; `strict` is the primary one-to-one reading, `any` the any-within-tolerance one.
  const cases = [
    { sat: 'CryoSat-2', tolDays: 1, strict: { precision: 0.9, recall: 0.9 }, any: { precision: 0.92, recall: 0.95 } },
    { sat: 'Jason-3', tolDays: 1, strict: { precision: 0.93, recall: 0.77 }, any: { precision: 0.96, recall: 0.87 } },
    { sat: 'SARAL', tolDays: 1, strict: { precision: 0.82, recall: 0.94 }, any: { precision: 0.93, recall: 0.96 } },
    {
      sat: 'Fengyun-4A',
      tolDays: 2,
      strict: { precision: 0.48, recall: 0.89 },
      any: { precision: 0.58, recall: 0.95 },
    },
  ] as const;
  for (const c of cases) {
    it(`${c.sat}: precision and recall (strict one-to-one, and any-within-tolerance)`, () => {
      const sets = load(`maneuvers/${c.sat}.tle.gz`);
      const yaml = readFixture(`maneuvers/manoeuvres_${c.sat}.yaml`);
      const all = [...yaml.matchAll(/- (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)/g)].map((m) =>
        Date.parse(`${m[1] ?? ''}T${m[2] ?? ''}Z`),
      );
      const first = Math.min(...sets.map((s) => s.epoch));
      const last = Math.max(...sets.map((s) => s.epoch));
      const truths = all.filter((t) => t >= first && t <= last); // manoeuvres inside the TLE span
      const { events } = detectManeuvers(sets);
      const strict = score(events, truths, c.tolDays * DAY_MS);
      const any = scoreAnyWithin(events, truths, c.tolDays * DAY_MS);
      console.log(
        `${c.sat}: ${events.length} detections, ${truths.length} manoeuvres (±${c.tolDays} d) — ` +
          `STRICT one-to-one: precision ${strict.precision.toFixed(3)}, recall ${strict.recall.toFixed(3)}; ` +
          `ANY-within-tolerance: precision ${any.precision.toFixed(3)}, recall ${any.recall.toFixed(3)}`,
      );
      expect(strict.precision).toBeGreaterThanOrEqual(c.strict.precision);
      expect(strict.recall).toBeGreaterThanOrEqual(c.strict.recall);
      expect(any.precision).toBeGreaterThanOrEqual(c.any.precision);
      expect(any.recall).toBeGreaterThanOrEqual(c.any.recall);
    });
  }
});

describe('ISS (ZARYA) 2026-03-15 .. 2026-05-07', () => {
  it('collapses re-published duplicates and finds the 2026-04-16 reboost', () => {
    const sets = load('history-2026/iss.3le.gz');
    const { events, diagnostics } = detectManeuvers(sets);
    expect(diagnostics.duplicatesCollapsed).toBeGreaterThan(30); // same fit re-published 1 ms apart
    const raises = events.filter((e) => (e.measures['alongTrackDeltaVMps'] as number) > 0.1);
    for (const e of events) {
      console.log(
        `ISS ${new Date(e.start).toISOString()} .. ${new Date(e.end).toISOString()} ${String(e.measures['kind'])} Δv ${(e.measures['deltaVMps'] as number).toFixed(3)} ± ${(e.measures['deltaVSigmaMps'] as number).toFixed(3)} m/s, Δa ${(e.measures['deltaSemiMajorAxisKm'] as number).toFixed(3)} km`,
      );
    }
    // Our detection (no public report of this reboost found): Δa ≈ +0.44 km between the sets of
    // 2026-04-16 04:47 and 20:16 UTC → Δv ≈ v·Δa/(2a) ≈ 0.25 m/s.
    expect(raises).toHaveLength(1);
    const r = raises[0]!;
    expect(r.start).toBeLessThanOrEqual(Date.parse('2026-04-16T12:00:00Z'));
    expect(r.end).toBeGreaterThanOrEqual(Date.parse('2026-04-16T12:00:00Z'));
    const a = r.measures['semiMajorAxisBeforeKm'] as number;
    const da = r.measures['deltaSemiMajorAxisKm'] as number;
    expect(da).toBeGreaterThan(0.3);
    expect(da).toBeLessThan(0.6);
    // Physical cross-check of Δv: vis-viva circular speeds at the two radii.
    const dvVisViva = (Math.sqrt(MU / a) - Math.sqrt(MU / (a + da))) * 1000;
    expect(r.measures['alongTrackDeltaVMps'] as number).toBeCloseTo(dvVisViva, 2);
    expect(r.elementSets.map((s) => s.epochText)).toHaveLength(2);
  });
});

describe('launches 2026-03..05 and the background population', () => {
  const launches = byObject(load('history-2026/launches-2026-03-to-05.3le.gz'));

  it('reports the orbit raising of Starlink and Kuiper batches with a vis-viva-consistent Δv', () => {
    let objects = 0;
    let raised = 0;
    const perBatch = new Map<string, { n: number; raised: number }>();
    for (const history of launches.values()) {
      const name = history[history.length - 1]?.name ?? '';
      if (!/STARLINK|KUIPER/.test(name) || history.length < 40) continue;
      objects++;
      const batch = history[0]?.cosparId?.slice(0, 8) ?? '?';
      const b = perBatch.get(batch) ?? { n: 0, raised: 0 };
      b.n++;
      const raising = detectManeuvers(history).events.filter((e) => e.measures['kind'] === 'orbit-raising');
      if (raising.length > 0) {
        raised++;
        b.raised++;
      }
      perBatch.set(batch, b);
      for (const e of raising) {
        const a0 = e.measures['semiMajorAxisBeforeKm'] as number;
        const a1 = e.measures['semiMajorAxisAfterKm'] as number;
        const dv = e.measures['deltaVMps'] as number;
        const spiral = (Math.sqrt(MU / a0) - Math.sqrt(MU / a1)) * 1000; // low-thrust circular spiral
        const at = Math.sqrt((2 * a1) / (a0 + a1));
        const hohmann =
          (Math.sqrt(MU / a0) * (at - 1) + Math.sqrt(MU / a1) * (1 - Math.sqrt((2 * a0) / (a0 + a1)))) * 1000;
        expect(Math.abs(dv - spiral)).toBeLessThanOrEqual(0.1 * spiral + 1);
        expect(dv).toBeGreaterThanOrEqual(0.9 * hohmann);
      }
    }
    for (const [batch, b] of perBatch) console.log(`batch ${batch}: ${b.raised}/${b.n} objects with orbit raising`);
    console.log(`Starlink/Kuiper: ${raised}/${objects} objects with orbit raising`);
    // Measured 381/456 (0.836). Batch 2026-081 (0/29): launched 2026-04-23, it holds ≈ 328 km (the
    // checkout orbit) until the history ends on 05-07 — no raising inside the data (design note).
    expect(raised / objects).toBeGreaterThanOrEqual(0.8);
  });

  it('background sample: rate per object-month, top objects are station-keepers', () => {
    const bg = byObject(load('history-2026/background-sample-600.3le.gz'));
    let months = 0;
    let count = 0;
    const rows: { name: string; n: number; periodMin: number; incDeg: number; events: number }[] = [];
    for (const [n, history] of bg) {
      const epochs = history.map((s) => s.epoch);
      months += (Math.max(...epochs) - Math.min(...epochs)) / (30.44 * DAY_MS);
      const { events } = detectManeuvers(history);
      count += events.length;
      const s0 = history[0]!;
      rows.push({
        name: s0.name ?? '',
        n,
        periodMin: (2 * Math.PI) / s0.meanMotionRadPerSec / 60,
        incDeg: (s0.inclinationRad * 180) / Math.PI,
        events: events.length,
      });
    }
    const rate = count / months;
    console.log(
      `background: ${count} events over ${months.toFixed(1)} object-months = ${rate.toFixed(2)} per object-month`,
    );
    rows.sort((x, y) => y.events - x.events);
    const maneuveringClass = /STARLINK|ONEWEB|IRIDIUM|KUIPER|GLOBALSTAR|O3B|GPS|GALILEO|BEIDOU|GLONASS/;
    // Top 10 asserted; the 15th (GRUS-1E, LEO imager) is printed but not yet explained.
    for (const [rank, r] of rows.slice(0, 15).entries()) {
      const geo = r.periodMin > 1400 && r.periodMin < 1480 && r.incDeg < 20;
      console.log(
        `  ${String(r.events).padStart(3)} ${r.n} ${r.name} period ${r.periodMin.toFixed(0)} min, i ${r.incDeg.toFixed(1)}°${geo ? ' (GEO station keeping)' : ''}`,
      );
      if (rank < 10) expect(geo || maneuveringClass.test(r.name)).toBe(true);
    }
    expect(rate).toBeLessThan(3);
  });
});
