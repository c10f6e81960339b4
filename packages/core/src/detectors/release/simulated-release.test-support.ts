/**
 * Test support — SIMULATION, not observations: a child object released from a real parent orbit
 * with a known Δv, catalogued `lagDays` later. The truth trajectory comes from `simulateRelease`
 * (parent's SGP4 state at t0 + Δv, integrated under J2–J4); each child element set is an SGP4 fit
 * (`fitElementSet`) to one day of that truth ending at the set's epoch, as a tracking network
 * would fit its first observations.
 */
import type { ElementSet } from '../../elements/element-set.js';
import { fitElementSet } from '../../fitting/fit-element-set.js';
import { simulateRelease } from '../../fitting/simulate-release.js';
import type { NoradId } from '../../ids/norad-id.js';
import type { Instant } from '../../time/instant.js';
import { addSec } from '../../time/instant.js';

export type SimDirection = 'r' | 'i' | 'c';

export interface SimulatedRelease {
  /** Child sets (SIMULATED), first at t0 + lag, then every `setSpacingDays`. */
  readonly childSets: ElementSet[];
  readonly t0: Instant;
  readonly deltaVRicKmPerSec: { readonly r: number; readonly i: number; readonly c: number };
}

/**
 * SIMULATED release of `speedMps` along RIC axis `dir` from `parent` at `t0`; `sets` child sets
 * at t0 + lag + k·spacing, each fitted to the truth over [epoch − fitSpanDays, epoch] (clipped at t0).
 */
export function simulatedChild(
  parent: ElementSet,
  t0: Instant,
  dir: SimDirection,
  speedMps: number,
  lagDays: number,
  childNorad: NoradId,
  options: { sets?: number; setSpacingDays?: number; fitSpanDays?: number; stepSec?: number } = {},
): SimulatedRelease {
  const sets = options.sets ?? 3;
  const spacing = options.setSpacingDays ?? 0.5;
  const fitSpan = options.fitSpanDays ?? 1;
  const stepSec = options.stepSec ?? 600;
  const dv = { r: 0, i: 0, c: 0, [dir]: speedMps / 1000 };
  const lastEpochSec = (lagDays + (sets - 1) * spacing) * 86_400;
  const sim = simulateRelease({
    parent,
    t0,
    deltaVRicKmPerSec: dv,
    spanSec: lastEpochSec,
    stepSec,
    childNoradId: childNorad,
  });
  if (!sim.ok) throw new Error(`simulateRelease failed: ${sim.code}`);
  const childSets: ElementSet[] = [];
  for (let k = 0; k < sets; k++) {
    const eSec = (lagDays + k * spacing) * 86_400;
    const obs = sim.truth.filter((s) => {
      const dt = (s.t - t0) / 1000;
      return dt <= eSec + 1e-6 && dt >= eSec - fitSpan * 86_400 - 1e-6;
    });
    const fit = fitElementSet(obs, {
      epoch: addSec(t0, eSec),
      noradId: childNorad,
      fitBstar: false,
      name: 'SIMULATED CHILD',
      cosparId: null,
    });
    if (!fit.ok) throw new Error(`fitElementSet failed: ${fit.code}`);
    childSets.push(fit.elementSet);
  }
  return { childSets, t0, deltaVRicKmPerSec: dv };
}
