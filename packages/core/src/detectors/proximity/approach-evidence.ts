/**
 * Evidence that one object of a pair manoeuvred to approach the other, from its own element-set
 * history (no maneuver detector involved).
 *
 * Method: the mean semi-major axis a of each of the mover's sets (Kepler on the Kozai mean
 * motion, {@link orbitSummary}) gives set-to-set steps. The natural trend (drag decay) is the
 * median step rate; a step's residual is its change minus trend × Δt. The residuals' robust
 * scatter σ (1.4826·MAD, floored at {@link DEFAULT_STEP_SIGMA_FLOOR_KM}) is the noise of a. A step is
 * a manoeuvre when its residual exceeds `stepSigmas`·σ; consecutive manoeuvre steps of one
 * sign less than `mergeDays` apart form one manoeuvre (a raise spread over several burns).
 * A manoeuvre *approaches* the other object when it moves a toward the other's a — the pair's
 * |Δa| (so its along-track drift 3/2·n·|Δa|) falls by at least half the manoeuvre's own Δa — and
 * closes at least half the distance between the orbits (|Δa| or the radial gap between the
 * perigee–apogee shells): aimed at the other orbit, not a raise passing through its band (a
 * constellation satellite climbing to its shell changes the gap to each object it passes by a
 * small fraction only).
 * Δv ≈ v·|Δa|/(2a) (the Gauss equation for a tangential burn on a near-circular orbit).
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';
import { orbitSummary } from '../../elements/orbit-summary.js';
import { MS_PER_DAY } from '../../time/instant.js';
import { median } from '../../stats/sample-stats.js';
import { MU_KM3_PER_S2 } from './orbit-geometry.js';

/** One manoeuvre of `noradId` that brought its orbit toward the other object's. */
export interface ApproachManeuver {
  readonly noradId: number;
  /** The mover's last set before and first set after the manoeuvre. */
  readonly beforeEpoch: number;
  readonly beforeEpochText: string;
  readonly afterEpoch: number;
  readonly afterEpochText: string;
  /** Change of the mover's semi-major axis beyond its natural trend, km, and its σ. */
  readonly deltaSemiMajorAxisKm: number;
  readonly deltaSemiMajorAxisSigmaKm: number;
  /** Δv of a tangential burn giving that Δa, m/s (indicative). */
  readonly deltaVMps: number;
  /** The other object's set used for its a before / after (nearest in epoch). */
  readonly otherBeforeEpochText: string;
  readonly otherAfterEpochText: string;
  /** Pair Δa (mover − other) before and after, km. */
  readonly pairDeltaABeforeKm: number;
  readonly pairDeltaAAfterKm: number;
  /** Along-track drift 3/2·n·|Δa| before and after, km/day. */
  readonly driftBeforeKmPerDay: number;
  readonly driftAfterKmPerDay: number;
  /** Radial gap between the two perigee–apogee shells before and after, km (0 when they overlap). */
  readonly shellGapBeforeKm: number;
  readonly shellGapAfterKm: number;
}

/** Robust σ floor of the set-to-set a residual, km (typical scatter of LEO mean a between fits). */
export const DEFAULT_STEP_SIGMA_FLOOR_KM = 0.1;

export interface ApproachEvidenceOptions {
  /** A step is a manoeuvre when its residual exceeds this many σ. */
  readonly stepSigmas: number;
  /** Manoeuvre steps of one sign closer than this merge into one manoeuvre, days. */
  readonly mergeDays: number;
  /** σ floor of the residual, km. */
  readonly sigmaFloorKm: number;
}

export const DEFAULT_APPROACH_EVIDENCE_OPTIONS: ApproachEvidenceOptions = {
  stepSigmas: 5,
  mergeDays: 3,
  sigmaFloorKm: DEFAULT_STEP_SIGMA_FLOOR_KM,
};

interface Orbit {
  readonly set: ElementSet;
  readonly aKm: number;
  readonly rpKm: number;
  readonly raKm: number;
}

function orbitOf(set: ElementSet): Orbit {
  const s = orbitSummary(set);
  const a = s.semiMajorAxisKm as number;
  return { set, aKm: a, rpKm: a * (1 - set.eccentricity), raKm: a * (1 + set.eccentricity) };
}

function nearest(orbits: readonly Orbit[], t: number): Orbit | undefined {
  let best: Orbit | undefined;
  for (const o of orbits) if (best === undefined || Math.abs(o.set.epoch - t) < Math.abs(best.set.epoch - t)) best = o;
  return best;
}

function shellGap(x: Orbit, y: Orbit): number {
  return Math.max(0, y.rpKm - x.raKm, x.rpKm - y.raKm);
}

/**
 * Manoeuvres of `mover` between `from` and `to` (epochs, ms) that brought its semi-major axis
 * toward `other`'s. `other`'s a is taken from its set nearest in epoch (mean a changes slowly;
 * the epoch used is recorded).
 */
export function approachManeuvers(
  moverId: number,
  mover: readonly ElementSet[],
  other: readonly ElementSet[],
  from: number,
  to: number,
  options: ApproachEvidenceOptions = DEFAULT_APPROACH_EVIDENCE_OPTIONS,
): ApproachManeuver[] {
  const m = [...mover]
    .filter((s) => s.epoch >= from && s.epoch <= to && s.meanMotionRadPerSec > 0)
    .sort((x, y) => x.epoch - y.epoch)
    .map(orbitOf);
  const o = other.filter((s) => s.meanMotionRadPerSec > 0).map(orbitOf);
  if (m.length < 3 || o.length === 0) return [];
  const steps: { i: number; dtDays: number; da: number }[] = [];
  for (let i = 0; i + 1 < m.length; i++) {
    const x = m[i];
    const y = m[i + 1];
    if (x === undefined || y === undefined) continue;
    const dtDays = (y.set.epoch - x.set.epoch) / MS_PER_DAY;
    if (!(dtDays > 0)) continue;
    steps.push({ i, dtDays, da: y.aKm - x.aKm });
  }
  if (steps.length < 2) return [];
  const rate = median(steps.map((s) => s.da / s.dtDays));
  const residual = steps.map((s) => s.da - rate * s.dtDays);
  const med = median(residual);
  const sigma = Math.max(options.sigmaFloorKm, 1.4826 * median(residual.map((r) => Math.abs(r - med))));
  // Runs of manoeuvre steps of one sign.
  const runs: { first: number; last: number; sign: number }[] = [];
  steps.forEach((s, k) => {
    const r = residual[k] ?? 0;
    if (Math.abs(r) <= options.stepSigmas * sigma) return;
    const sign = Math.sign(r);
    const prev = runs[runs.length - 1];
    const prevEnd = prev === undefined ? undefined : m[prev.last + 1];
    const start = m[s.i];
    if (
      prev !== undefined &&
      prev.sign === sign &&
      prevEnd !== undefined &&
      start !== undefined &&
      (start.set.epoch - prevEnd.set.epoch) / MS_PER_DAY <= options.mergeDays
    ) {
      prev.last = s.i;
    } else {
      runs.push({ first: s.i, last: s.i, sign });
    }
  });
  const out: ApproachManeuver[] = [];
  for (const run of runs) {
    const before = m[run.first];
    const after = m[run.last + 1];
    if (before === undefined || after === undefined) continue;
    const dtDays = (after.set.epoch - before.set.epoch) / MS_PER_DAY;
    const nSteps = run.last - run.first + 1;
    const da = after.aKm - before.aKm - rate * dtDays;
    const ob = nearest(o, before.set.epoch);
    const oa = nearest(o, after.set.epoch);
    if (ob === undefined || oa === undefined) continue;
    const relBefore = before.aKm - ob.aKm;
    const relAfter = after.aKm - oa.aKm;
    // Toward the other: |Δa| falls by at least half the manoeuvre's own change …
    if (!(Math.abs(relBefore) - Math.abs(relAfter) >= 0.5 * Math.abs(da))) continue;
    // … and the manoeuvre closes at least half the distance between the orbits (|Δa| or the
    // shell gap): aimed at the other orbit, not a raise that merely passes through its band.
    const gapBefore = shellGap(before, ob);
    const gapAfter = shellGap(after, oa);
    const halvesDa = Math.abs(relAfter) <= 0.5 * Math.abs(relBefore);
    const halvesGap = gapBefore > 0 && gapAfter <= 0.5 * gapBefore;
    if (!halvesDa && !halvesGap) continue;
    const nOther = oa.set.meanMotionRadPerSec as number;
    const drift = (rel: number): number => 1.5 * nOther * Math.abs(rel) * 86_400;
    const v = Math.sqrt(MU_KM3_PER_S2 / before.aKm);
    out.push({
      noradId: moverId,
      beforeEpoch: before.set.epoch,
      beforeEpochText: before.set.epochText,
      afterEpoch: after.set.epoch,
      afterEpochText: after.set.epochText,
      deltaSemiMajorAxisKm: da,
      deltaSemiMajorAxisSigmaKm: sigma * Math.sqrt(nSteps),
      deltaVMps: ((v * Math.abs(da)) / (2 * before.aKm)) * 1000,
      otherBeforeEpochText: ob.set.epochText,
      otherAfterEpochText: oa.set.epochText,
      pairDeltaABeforeKm: relBefore,
      pairDeltaAAfterKm: relAfter,
      driftBeforeKmPerDay: drift(relBefore),
      driftAfterKmPerDay: drift(relAfter),
      shellGapBeforeKm: gapBefore,
      shellGapAfterKm: gapAfter,
    });
  }
  return out;
}
