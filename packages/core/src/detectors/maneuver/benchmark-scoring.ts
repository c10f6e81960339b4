/**
 * Scoring of maneuver detections against operator manoeuvre times (the dpshorten benchmark,
 * Shorten et al., arXiv:2212.08662), the naive reference detector, and the recorded tuning split.
 *
 * Scoring rule: a detection is right when an operator manoeuvre lies within its span ± the
 * tolerance (1 day LEO, 2 days GEO); a manoeuvre is found when a detection's span ± the tolerance
 * covers it. Only manoeuvres inside the element-set span count (the sets cannot show the others).
 *
 * Naive detector: flag the interval between consecutive sets when the jump of the two-body
 * semi-major axis a = (μ/n²)^⅓ exceeds `factor` (10) times the median jump of the history.
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';
import { cleanHistory } from './clean-history.js';
import { MU_KM3_PER_S2 } from './mean-semi-major-axis.js';
import { median } from './robust-stats.js';

/** A detection's time span, ms since the Unix epoch. */
export interface DetectionSpan {
  readonly start: number;
  readonly end: number;
}

/** Precision, recall and F1 with the counts behind them. */
export interface DetectionScore {
  readonly detections: number;
  readonly correctDetections: number;
  readonly manoeuvres: number;
  readonly foundManoeuvres: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Which side of the recorded split a satellite is on. */
export type SplitSide = 'tune' | 'check';

/** One satellite of the benchmark: its fixture name, orbit class and the split side. */
export interface BenchmarkSatellite {
  readonly name: string;
  readonly orbit: 'LEO' | 'GEO';
  readonly toleranceDays: number;
  readonly side: SplitSide;
}

/**
 * The recorded tune/check split of the nine satellites with operator ground truth. The detector's
 * parameters that are not fixed by a physical argument were chosen looking at the `tune` side only
 * (the four satellites the detector was first built on); the `check` side was held out of every
 * choice, and the figures of both are reported by bench/maneuvers.ts.
 */
export const MANEUVER_BENCHMARK_SPLIT: readonly BenchmarkSatellite[] = [
  { name: 'CryoSat-2', orbit: 'LEO', toleranceDays: 1, side: 'tune' },
  { name: 'Jason-3', orbit: 'LEO', toleranceDays: 1, side: 'tune' },
  { name: 'SARAL', orbit: 'LEO', toleranceDays: 1, side: 'tune' },
  { name: 'Fengyun-4A', orbit: 'GEO', toleranceDays: 2, side: 'tune' },
  { name: 'Sentinel-3B', orbit: 'LEO', toleranceDays: 1, side: 'check' },
  { name: 'Jason-2', orbit: 'LEO', toleranceDays: 1, side: 'check' },
  { name: 'TOPEX', orbit: 'LEO', toleranceDays: 1, side: 'check' },
  { name: 'Fengyun-2D', orbit: 'GEO', toleranceDays: 2, side: 'check' },
  { name: 'Fengyun-2E', orbit: 'GEO', toleranceDays: 2, side: 'check' },
];

/** Manoeuvre times (ms, UTC) from a dpshorten `manoeuvres_*.yaml` file (`- YYYY-MM-DD hh:mm:ss`). */
export function parseManoeuvreTimes(yaml: string): number[] {
  return [...yaml.matchAll(/^- (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)/gm)].map((m) =>
    Date.parse(`${m[1] ?? ''}T${m[2] ?? ''}Z`),
  );
}

/** Scores detections against manoeuvre times with the rule above (`toleranceMs` either side). */
export function scoreDetections(
  detections: readonly DetectionSpan[],
  manoeuvres: readonly number[],
  toleranceMs: number,
): DetectionScore {
  const near = (t: number, d: DetectionSpan): boolean => t >= d.start - toleranceMs && t <= d.end + toleranceMs;
  const foundManoeuvres = manoeuvres.filter((t) => detections.some((d) => near(t, d))).length;
  const correctDetections = detections.filter((d) => manoeuvres.some((t) => near(t, d))).length;
  const precision = detections.length > 0 ? correctDetections / detections.length : 0;
  const recall = manoeuvres.length > 0 ? foundManoeuvres / manoeuvres.length : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    detections: detections.length,
    correctDetections,
    manoeuvres: manoeuvres.length,
    foundManoeuvres,
    precision,
    recall,
    f1,
  };
}

/** Manoeuvres inside the history's epoch span. */
export function manoeuvresInside(manoeuvres: readonly number[], history: readonly ElementSet[]): number[] {
  let first = Infinity;
  let last = -Infinity;
  for (const s of history) {
    first = Math.min(first, s.epoch);
    last = Math.max(last, s.epoch);
  }
  return manoeuvres.filter((t) => t >= first && t <= last);
}

/**
 * The naive reference detector: intervals whose two-body semi-major-axis jump exceeds `factor`
 * times the median jump (sets sorted, same-epoch duplicates collapsed as the detector does).
 */
export function naiveManeuverSpans(history: readonly ElementSet[], factor = 10): DetectionSpan[] {
  const sets = cleanHistory(history, 60).sets;
  const a = sets.map((s) => Math.cbrt(MU_KM3_PER_S2 / (s.meanMotionRadPerSec * s.meanMotionRadPerSec)));
  const jumps: number[] = [];
  for (let k = 1; k < a.length; k++) jumps.push(Math.abs((a[k] ?? 0) - (a[k - 1] ?? 0)));
  const limit = factor * median(jumps);
  const out: DetectionSpan[] = [];
  jumps.forEach((j, k) => {
    if (j > limit) out.push({ start: sets[k]?.epoch ?? 0, end: sets[k + 1]?.epoch ?? 0 });
  });
  return out;
}
