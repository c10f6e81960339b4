/**
 * The maneuver detector against operator manoeuvre lists (dpshorten benchmark, nine satellites
 * in fixtures/maneuvers/), scored beside the naive reference detector in the same run with the
 * same rule (benchmark-scoring.ts). bench/maneuvers.ts prints the same table.
 *
 * Held out: the significance thresholds are chosen by leave-one-satellite-out over
 * MANEUVER_TUNING_GRID (best mean F_0.5 on the other eight). The first test checks that every
 * fold chooses the shipped defaults, so the defaults' figures on each satellite are figures with
 * that satellite held out of the choice.
 *
 * Targets (issue 11): F1 above the naive detector's on every satellite; LEO recall ≥ 0.9 and
 * precision ≥ 0.85; GEO precision ≥ 0.6 at recall ≥ 0.8. Where a target is not met the floor
 * below is the measured figure rounded down, and the design note ("Benchmark: what the sets do
 * not show") gives the evidence from the sets.
 */
import { describe, expect, it } from 'vitest';
import { parseTle } from '../../elements/tle/parse-tle.js';
import { readFixture } from '../../../test/support/fixtures.js';
import type { DetectedEvent } from '../detected-event.js';
import type { DetectionScore } from './benchmark-scoring.js';
import {
  MANEUVER_BENCHMARK_SPLIT,
  MANEUVER_TUNING_GRID,
  TUNING_F_BETA,
  bestGridPoint,
  fBeta,
  manoeuvresInside,
  naiveManeuverSpans,
  parseManoeuvreTimes,
  scoreDetections,
} from './benchmark-scoring.js';
import { detectManeuvers } from './detect-maneuvers.js';
import { DEFAULT_MANEUVER_PARAMETERS } from './maneuver-parameters.js';

const DAY_MS = 86_400_000;

/**
 * Floors below the targets, where the target is not met: the figures measured with detector 2.2.0
 * (2026-12-06), rounded down; the design note ("What the sets do not show") gives the evidence.
 * Jason-2 R 0.78 (0.94 on traced manoeuvres), TOPEX P 0.74 (26/35) / R 0.62 (24/39; 0.83 on
 * traced). Fengyun-4A meets the GEO target since 2.2 (P 0.75 / R 0.86 with north-south burns)
 * and is held to it.
 */
const BELOW_TARGET: Readonly<Record<string, { precision: number; recall: number }>> = {
  'Jason-2': { precision: 0.85, recall: 0.77 },
  TOPEX: { precision: 0.74, recall: 0.61 },
};

const sats = MANEUVER_BENCHMARK_SPLIT.map((sat) => {
  const sets = parseTle(readFixture(`maneuvers/${sat.name}.tle.gz`), { file: sat.name }).items;
  const truths = manoeuvresInside(parseManoeuvreTimes(readFixture(`maneuvers/manoeuvres_${sat.name}.yaml`)), sets);
  const tol = sat.toleranceDays * DAY_MS;
  return { sat, sets, truths, tol, naive: scoreDetections(naiveManeuverSpans(sets), truths, tol) };
});
const defaultPoint = MANEUVER_TUNING_GRID.findIndex(
  (g) =>
    g.kSigma === DEFAULT_MANEUVER_PARAMETERS.kSigma &&
    g.kSigmaLevelStep === DEFAULT_MANEUVER_PARAMETERS.kSigmaLevelStep,
);
const runs: { score: DetectionScore; events: DetectedEvent[] }[][] = MANEUVER_TUNING_GRID.map((g) =>
  sats.map(({ sets, truths, tol }) => {
    const { events } = detectManeuvers(sets, g);
    return { score: scoreDetections(events, truths, tol), events };
  }),
);

describe('dpshorten benchmark: orbwatch against the naive detector, each satellite held out', () => {
  it('leave-one-satellite-out chooses the shipped thresholds in every fold', () => {
    expect(defaultPoint).toBeGreaterThanOrEqual(0);
    const select = runs.map((row) => row.map((r) => fBeta(r.score, TUNING_F_BETA)));
    sats.forEach(({ sat }, k) => {
      expect(bestGridPoint(select, k), sat.name).toBe(defaultPoint);
    });
  });

  sats.forEach(({ sat, naive }, k) => {
    it(`${sat.name} (${sat.orbit}, ${sat.side} side): F1 above the naive detector's, P/R at target`, () => {
      const run = runs[defaultPoint]?.[k];
      expect(run).toBeDefined();
      const ours = run!.score;
      console.log(
        `${sat.name} [${sat.side}] orbwatch P ${ours.precision.toFixed(3)} R ${ours.recall.toFixed(3)} F1 ${ours.f1.toFixed(3)}` +
          ` | naive P ${naive.precision.toFixed(3)} R ${naive.recall.toFixed(3)} F1 ${naive.f1.toFixed(3)}`,
      );
      expect(ours.manoeuvres).toBeGreaterThan(20);
      expect(ours.f1).toBeGreaterThan(naive.f1);
      const floor =
        BELOW_TARGET[sat.name] ??
        (sat.orbit === 'LEO' ? { precision: 0.85, recall: 0.9 } : { precision: 0.6, recall: 0.8 });
      expect(ours.precision).toBeGreaterThanOrEqual(floor.precision);
      expect(ours.recall).toBeGreaterThanOrEqual(floor.recall);
      for (const e of run!.events) expect(e.assessment, `${sat.name} ${String(e.start)}`).toBeDefined();
    });
  });

  it('carried level steps: listed raises the fits carry over days are one event at the listed time', () => {
    // Operator times (dpshorten lists); the sets reach the new level 2–11 days later (design note, "2.1").
    const cases = [
      { sat: 'TOPEX', time: '1999-06-09T07:11:00Z' },
      { sat: 'TOPEX', time: '2002-12-19T08:06:00Z' },
      { sat: 'Jason-2', time: '2012-12-20T17:22:00Z' },
    ];
    for (const c of cases) {
      const k = sats.findIndex((x) => x.sat.name === c.sat);
      const t = Date.parse(c.time);
      const ev = runs[defaultPoint]?.[k]?.events.find((e) => e.start <= t + DAY_MS && e.end >= t - DAY_MS);
      expect(ev, `${c.sat} ${c.time}`).toBeDefined();
      expect(ev!.measures['carryDays'] as number).toBeGreaterThan(0);
      // A drag make-up raise of 5–30 m (1,336 km), starting no later than one day after the burn.
      const da = (ev!.measures['deltaSemiMajorAxisKm'] as number) * 1000;
      expect(da).toBeGreaterThan(5);
      expect(da).toBeLessThan(30);
      expect(ev!.start).toBeLessThanOrEqual(t + DAY_MS);
    }
  });

  it('GEO north-south burns: steps of the inclination vector of the inclination-controlled Fengyun-4A only', () => {
    // Operator times (dpshorten list) of the north-south burns that leave a″ unchanged, and the
    // 0.40° step the sets show between 2020-03-30 09:38 and 04-03 15:13 (listed 03-25/26: the sets
    // show no step then; design note, "GEO").
    const k4a = sats.findIndex((x) => x.sat.name === 'Fengyun-4A');
    const ns = (k: number): DetectedEvent[] =>
      runs[defaultPoint]![k]!.events.filter((e) => e.measures['method'] === 'inclination-vector-step');
    const v = 3074.7; // circular speed at 42,164 km, m/s
    for (const iso of [
      '2018-09-19T17:30:00Z',
      '2019-10-09T16:00:00Z',
      '2021-03-18T18:00:00Z',
      '2020-04-01T00:00:00Z',
    ]) {
      const t = Date.parse(iso);
      const ev = ns(k4a).find((e) => e.start <= t + 2 * DAY_MS && e.end >= t - 2 * DAY_MS);
      expect(ev, iso).toBeDefined();
      const m = ev!.measures;
      // 0.39–0.45° of inclination: 21–24 m/s out of plane, Δv = 2v·sin(θ/2).
      const theta = ((m['inclinationVectorStepDeg'] as number) * Math.PI) / 180;
      expect(theta).toBeGreaterThan(0.38 * (Math.PI / 180));
      expect(theta).toBeLessThan(0.46 * (Math.PI / 180));
      expect(m['deltaVMps'] as number).toBeCloseTo(2 * v * Math.sin(theta / 2), 1);
      expect(ev!.assessment?.label).toBe('station-keeping');
      expect(ev!.assessment?.reasons.some((r) => r.measure === 'inclinationVectorChiSquare')).toBe(true);
    }
    // Fengyun-2D/2E fly at 2–3° inclination (not inclination-controlled): the test does not apply.
    for (const name of ['Fengyun-2D', 'Fengyun-2E']) expect(ns(sats.findIndex((x) => x.sat.name === name))).toEqual([]);
  });

  it('a stretch of bad fits is not two burns; a real out-and-back pair still is', () => {
    const at = (sat: string): DetectedEvent[] =>
      runs[defaultPoint]?.[sats.findIndex((x) => x.sat.name === sat)]?.events ?? [];
    const within = (events: DetectedEvent[], from: string, to: string): DetectedEvent[] =>
      events.filter((e) => e.end >= Date.parse(from) && e.start <= Date.parse(to));
    // TOPEX after the 1992-09-22 19:44 burn (+163 m, held): three sets 65–96 m above the new
    // level (09-25 16:04 … 09-27 18:39), then back; no burn is listed until 10-13, and the
    // along-track angle shows no displacement (0.9 km against the 25 km a real excursion would
    // cause). The burn itself is still one event.
    const topex = within(at('TOPEX'), '1992-09-22T00:00:00Z', '1992-10-01T00:00:00Z');
    expect(topex).toHaveLength(1);
    const burn = topex[0]!;
    expect(burn.start).toBeLessThanOrEqual(Date.parse('1992-09-22T19:44:00Z') + DAY_MS);
    expect(burn.end).toBeLessThanOrEqual(Date.parse('1992-09-25T00:00:00Z'));
    // The held level: +162 … +165 m (2.1 measured +214 m, the excursion's first set included).
    expect((burn.measures['deltaSemiMajorAxisKm'] as number) * 1000).toBeGreaterThan(155);
    expect((burn.measures['deltaSemiMajorAxisKm'] as number) * 1000).toBeLessThan(170);
    // CryoSat-2 2018-07-10 03:32 and 07-13 05:52 (both listed): +56.5 m then −56.8 m, the object
    // 18 km behind the old orbit in between (21.8 km expected): two events, of opposite sign.
    const cryosat = within(at('CryoSat-2'), '2018-07-08T00:00:00Z', '2018-07-14T00:00:00Z');
    const signs = cryosat.map((e) => Math.sign(e.measures['deltaSemiMajorAxisKm'] as number));
    expect(signs).toEqual([1, -1]);
  });

  it('the split holds both orbit classes on both sides', () => {
    for (const side of ['tune', 'check'] as const)
      for (const orbit of ['LEO', 'GEO'] as const)
        expect(MANEUVER_BENCHMARK_SPLIT.some((s) => s.side === side && s.orbit === orbit)).toBe(true);
  });
});
