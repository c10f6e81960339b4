/**
 * Fragmentation detection on catalogue snapshots (a pure function).
 *
 * Two modes (details, sources and measured figures in docs/design/fragmentation-detector.md):
 * - **Burst** (a `before` and an `after` snapshot): objects of the `after` snapshot whose NORAD
 *   id is absent from `before`, grouped by launch (COSPAR `YYYY-NNN`). A launch that already had
 *   objects in `before` and gained at least `minFragments` new ones broke up (a new launch has no
 *   object in `before`). The breakup epoch and its σ come from the node-convergence regression
 *   ({@link estimateBreakupEpoch}); the parent is the `before` object of that launch whose orbit
 *   plane at that epoch is closest to the fragments' common plane; the altitude is the Gabbard
 *   pinch; Δv per fragment relative to the parent.
 * - **Cloud** (only an `after` snapshot): launches with at least `minFragments` debris pieces
 *   (name containing `DEB`; when the snapshot has no names, every piece of the launch) whose
 *   pieces still share a common altitude and span a Δv spread of at least
 *   `minCloudDeltaVSpreadMps` (a deployment of payloads does not). Gabbard data and pinch only:
 *   the epoch is not recovered (`epochUtc` null) and the event spans launch year → first set.
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';
import { instantFromUtcFields, formatIso, instant } from '../../time/instant.js';
import type { DetectedEvent, ElementSetRef, EventObject, MeasureValue } from '../detected-event.js';
import type { BreakupEpochEstimate } from './estimate-breakup-epoch.js';
import { estimateBreakupEpoch } from './estimate-breakup-epoch.js';
import type { DeltaVSummary, FragmentDeltaV, ParentAtBreakup } from './fragment-delta-v.js';
import { fragmentDeltaV, summarizeDeltaV } from './fragment-delta-v.js';
import type { FragmentOrbit } from './fragment-orbit.js';
import { fragmentOrbit, meanNodeRateRadPerDay, semiMajorAxisAtKm } from './fragment-orbit.js';
import type { FragmentationParameters } from './fragmentation-parameters.js';
import { DEFAULT_FRAGMENTATION_PARAMETERS } from './fragmentation-parameters.js';
import type { GabbardPinch, GabbardPoint } from './gabbard-diagram.js';
import { gabbardPinch, gabbardPoints } from './gabbard-diagram.js';
import { robustSigma } from '../../stats/sample-stats.js';
import { assessBurst, assessCloud } from './assess-fragmentation.js';
import {
  WGS72_EARTH_RADIUS_KM as EARTH_RADIUS_KM,
  WGS72_MU_KM3_PER_S2 as MU_KM3_PER_S2,
} from '../../sgp4-kernel/wgs72.js';

export const FRAGMENTATION_DETECTOR = 'fragmentation';
export const FRAGMENTATION_DETECTOR_VERSION = '1.1.1';

const MS_PER_DAY = 86_400_000;
const RAD_TO_DEG = 180 / Math.PI;

/** Input of {@link detectFragmentations}. */
export interface FragmentationInput {
  /** The later catalogue snapshot (one or more sets per object; the latest per object is used). */
  readonly after: readonly ElementSet[];
  /** The earlier snapshot; without it the detector recognises old debris clouds only. */
  readonly before?: readonly ElementSet[];
  readonly parameters?: Partial<FragmentationParameters>;
}

/** One detected fragmentation with the data behind it. */
export interface FragmentationReport {
  readonly event: DetectedEvent;
  readonly mode: 'burst' | 'cloud';
  /** Launch `YYYY-NNN` of parent and fragments. */
  readonly launch: string;
  /** Gabbard-diagram data, one point per fragment. */
  readonly gabbard: readonly GabbardPoint[];
  readonly pinch: GabbardPinch;
  /** Node-convergence fit (burst mode), null when not computed or not possible. */
  readonly epochFit: BreakupEpochEstimate | null;
  /** Per-fragment Δv (burst mode with a parent), empty otherwise. */
  readonly deltaV: readonly FragmentDeltaV[];
  readonly deltaVSummary: DeltaVSummary | null;
}

/** Result of {@link detectFragmentations}. */
export interface FragmentationDetection {
  readonly reports: FragmentationReport[];
}

/** The latest set per NORAD id. */
function latestPerObject(sets: readonly ElementSet[]): Map<number, ElementSet> {
  const out = new Map<number, ElementSet>();
  for (const s of sets) {
    const prev = out.get(s.noradId);
    if (prev === undefined || s.epoch > prev.epoch) out.set(s.noradId, s);
  }
  return out;
}

function launchOf(s: ElementSet): string | null {
  return s.cosparId !== null && s.cosparId.length >= 8 ? s.cosparId.slice(0, 8) : null;
}

function groupByLaunch(sets: Iterable<ElementSet>): Map<string, ElementSet[]> {
  const out = new Map<string, ElementSet[]>();
  for (const s of sets) {
    const l = launchOf(s);
    if (l === null) continue;
    const g = out.get(l);
    if (g === undefined) out.set(l, [s]);
    else g.push(s);
  }
  return out;
}

function ref(s: ElementSet, role: string): ElementSetRef {
  return { noradId: s.noradId, epoch: s.epoch, epochText: s.epochText, role };
}

function wrapPi(x: number): number {
  return x - 2 * Math.PI * Math.round(x / (2 * Math.PI));
}

/** The parent's plane and size carried to `epochMs` (J2 node drift, published decay rate). */
function parentAt(o: FragmentOrbit, epochMs: number, breakupRadiusKm: number): ParentAtBreakup {
  const rate = meanNodeRateRadPerDay(o, epochMs, true);
  return {
    semiMajorAxisKm: semiMajorAxisAtKm(o, epochMs, true),
    inclinationRad: o.inclinationRad,
    raanRad: wrapPi(o.raanRad + rate * ((epochMs - o.epochMs) / MS_PER_DAY)),
    breakupRadiusKm,
  };
}

/** Angle between a candidate parent's plane at the breakup epoch and the fragments' common plane, rad. */
function planeOffsetRad(p: ParentAtBreakup, fit: BreakupEpochEstimate): number {
  const node = fit.nodeAtEpochRad + fit.nodePerInclination * (p.inclinationRad - fit.referenceInclinationRad);
  return Math.hypot(
    p.inclinationRad - fit.referenceInclinationRad,
    Math.sin(p.inclinationRad) * wrapPi(p.raanRad - node),
  );
}

function isDebrisName(name: string | null): boolean {
  return name !== null && /\bDEB\b/.test(name);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Along-track robust σ of Δv of the points relative to a circular orbit at the pinch, m/s. */
function pinchAlongTrackSpreadMps(orbits: readonly FragmentOrbit[], pinch: GabbardPinch): number {
  const a0 = EARTH_RADIUS_KM + pinch.altitudeKm;
  const v = Math.sqrt(MU_KM3_PER_S2 / a0) * 1000;
  return robustSigma(orbits.map((o) => (v * (o.semiMajorAxisKm - a0)) / (2 * a0)));
}

function burstReport(
  launch: string,
  fragments: readonly FragmentOrbit[],
  candidates: readonly ElementSet[],
  after: ReadonlyMap<number, ElementSet>,
  p: FragmentationParameters,
): FragmentationReport | undefined {
  const points = gabbardPoints(fragments);
  const pinch = gabbardPinch(points, p.pinchGridStepKm);
  if (pinch === undefined) return undefined;
  const fit =
    estimateBreakupEpoch(fragments, {
      outlierSigma: p.outlierSigma,
      jackknifeGroups: p.jackknifeGroups,
      maxMeanMotionChangeRevPerDay: p.maxMeanMotionChangeRevPerDay,
    }) ?? null;
  if (fit === null || !(fit.sigmaSec <= p.maxEpochSigmaDays * 86_400)) return undefined;
  const breakupRadiusKm = EARTH_RADIUS_KM + pinch.altitudeKm;
  // Parent: the candidate whose plane at the breakup epoch is closest to the fragments' plane.
  let parent: ElementSet | undefined;
  let parentState: ParentAtBreakup | undefined;
  let parentOffset = Infinity;
  for (const c of candidates) {
    const o = fragmentOrbit(c);
    const state = parentAt(o, fit.epochMs, breakupRadiusKm);
    const off = planeOffsetRad(state, fit);
    if (off < parentOffset) {
      parent = c;
      parentState = state;
      parentOffset = off;
    }
  }
  const deltaV = parentState !== undefined ? fragmentDeltaV(fragments, parentState, fit.epochMs) : [];
  const dvs = deltaV.length > 0 ? summarizeDeltaV(deltaV) : null;
  const fragmentEpochs = fragments.map((f) => f.epochMs);
  const firstFragmentMs = Math.min(...fragmentEpochs);
  const startMs = parent?.epoch ?? firstFragmentMs;
  const measures: Record<string, MeasureValue> = {
    epochUtc: formatIso(instant(fit.epochMs), 0),
    epochSigmaSec: round(fit.sigmaSec, 0),
    epochFormalSigmaSec: round(fit.formalSigmaSec, 0),
    epochJackknifeSigmaSec: round(fit.jackknifeSigmaSec, 0),
    epochDragSystematicSec: round(fit.dragSystematicSec, 0),
    epochFitFragments: fit.used,
    epochFitRejected: fit.rejected,
    nodeResidualSigmaDeg: round(fit.residualSigmaRad * RAD_TO_DEG, 5),
    nodeSpreadAtEpochsDeg: round(fit.nodeSpreadAtEpochsRad * RAD_TO_DEG, 4),
    nodeSpreadAtBreakupDeg: round(fit.nodeSpreadAtBreakupRad * RAD_TO_DEG, 4),
    breakupArgumentOfLatitudeDeg: round(fit.argumentOfLatitudeRad * RAD_TO_DEG, 2),
    parentPlaneOffsetDeg: Number.isFinite(parentOffset) ? round(parentOffset * RAD_TO_DEG, 4) : null,
    altitudeKm: round(pinch.altitudeKm, 1),
    pinchPeriodMin: round(pinch.periodMin, 3),
    pinchDepthFraction: round(pinch.depthFraction, 4),
    fragments: fragments.length,
    deltaVSpreadMps: dvs === null ? null : round(dvs.spreadMps, 1),
    deltaVAlongTrackSigmaMps: dvs === null ? null : round(dvs.alongTrackSigmaMps, 1),
    deltaVCrossTrackRmsMps: dvs === null ? null : round(dvs.crossTrackRmsMps, 1),
    deltaVMedianMps: dvs === null ? null : round(dvs.medianMps, 1),
    deltaVP90Mps: dvs === null ? null : round(dvs.p90Mps, 1),
    deltaVAlongTrackMinMps: dvs === null ? null : round(dvs.alongTrackMinMps, 1),
    deltaVAlongTrackMaxMps: dvs === null ? null : round(dvs.alongTrackMaxMps, 1),
    launch,
    mode: 'burst',
  };
  // A parent is named only when its plane lies within the fragments' own plane spread
  // (a fragment's plane is the parent's turned by Δv_cross / v): twice their RMS tilt.
  const speedMps = Math.sqrt(MU_KM3_PER_S2 / breakupRadiusKm) * 1000;
  const maxParentOffsetDeg = dvs === null ? null : 2 * (dvs.crossTrackRmsMps / speedMps) * RAD_TO_DEG;
  const parentOffsetDeg = Number.isFinite(parentOffset) ? parentOffset * RAD_TO_DEG : null;
  const parentNamed =
    parent !== undefined &&
    parentOffsetDeg !== null &&
    maxParentOffsetDeg !== null &&
    parentOffsetDeg <= maxParentOffsetDeg;
  measures['maxParentPlaneOffsetDeg'] = maxParentOffsetDeg === null ? null : round(maxParentOffsetDeg, 4);
  measures['parentNamed'] = parentNamed;
  const assessment = assessBurst({
    fragments: fragments.length,
    epochSigmaSec: fit.sigmaSec,
    maxEpochSigmaSec: p.maxEpochSigmaDays * 86_400,
    deltaVSpreadMps: dvs === null ? null : dvs.spreadMps,
    pinchAlongTrackSpreadMps: pinchAlongTrackSpreadMps(fragments, pinch),
    minSpreadMps: p.minCloudDeltaVSpreadMps,
    parentPlaneOffsetDeg: parentOffsetDeg,
    maxParentPlaneOffsetDeg: maxParentOffsetDeg,
    parentNorad: parent?.noradId ?? null,
    debrisNamed: fragments.filter((f) => isDebrisName(f.set.name)).length,
  });
  const objects: EventObject[] = [];
  if (parent !== undefined && parentNamed) objects.push({ norad: parent.noradId, role: 'parent' });
  for (const f of fragments) objects.push({ norad: f.set.noradId, role: 'fragment' });
  const parentAfter = parent === undefined ? undefined : after.get(parent.noradId);
  const elementSets: ElementSetRef[] = [];
  if (parent !== undefined) elementSets.push(ref(parent, 'parent-before'));
  if (parentAfter !== undefined) elementSets.push(ref(parentAfter, 'parent-after'));
  for (const f of fragments) elementSets.push(ref(f.set, 'fragment'));
  return {
    event: {
      kind: 'fragmentation',
      objects,
      start: instant(Math.min(startMs, firstFragmentMs)),
      end: instant(firstFragmentMs),
      measures,
      elementSets,
      detector: FRAGMENTATION_DETECTOR,
      detectorVersion: FRAGMENTATION_DETECTOR_VERSION,
      parameters: { ...p },
      assessment,
    },
    mode: 'burst',
    launch,
    gabbard: points,
    pinch,
    epochFit: fit,
    deltaV,
    deltaVSummary: dvs,
  };
}

function cloudReport(
  launch: string,
  group: readonly ElementSet[],
  p: FragmentationParameters,
): FragmentationReport | undefined {
  const named = group.some((s) => s.name !== null);
  // Parent: named only when the snapshot holds exactly one non-debris object of the launch
  // (piece letters do not tell: Iridium 33 is 1997-051C, its launch-mates are intact).
  const intact = named ? group.filter((s) => !isDebrisName(s.name)) : [];
  const parent = intact.length === 1 ? intact[0] : undefined;
  const pieces = named ? group.filter((s) => isDebrisName(s.name)) : group;
  const fragments = pieces.map(fragmentOrbit).filter((o) => o.perigeeAltitudeKm >= p.minPerigeeKm);
  if (fragments.length < p.minFragments) return undefined;
  const points = gabbardPoints(fragments);
  const pinch = gabbardPinch(points, p.pinchGridStepKm);
  if (pinch === undefined) return undefined;
  const spread = pinchAlongTrackSpreadMps(fragments, pinch);
  if (spread < p.minCloudDeltaVSpreadMps) return undefined;
  const firstMs = Math.min(...fragments.map((f) => f.epochMs));
  const year = Number(launch.slice(0, 4));
  const objects: EventObject[] = [];
  if (parent !== undefined) objects.push({ norad: parent.noradId, role: 'parent' });
  for (const f of fragments) objects.push({ norad: f.set.noradId, role: 'fragment' });
  const elementSets: ElementSetRef[] = [];
  if (parent !== undefined) elementSets.push(ref(parent, 'parent'));
  for (const f of fragments) elementSets.push(ref(f.set, 'fragment'));
  return {
    event: {
      kind: 'fragmentation',
      objects,
      start: instantFromUtcFields(year, 1, 1, 0, 0, 0),
      end: instant(firstMs),
      measures: {
        epochUtc: null,
        epochSigmaSec: null,
        altitudeKm: round(pinch.altitudeKm, 1),
        pinchPeriodMin: round(pinch.periodMin, 3),
        pinchDepthFraction: round(pinch.depthFraction, 4),
        fragments: fragments.length,
        deltaVSpreadMps: null,
        pinchAlongTrackSpreadMps: round(spread, 1),
        launch,
        mode: 'cloud',
      },
      elementSets,
      detector: FRAGMENTATION_DETECTOR,
      detectorVersion: FRAGMENTATION_DETECTOR_VERSION,
      parameters: { ...p },
      assessment: assessCloud({
        fragments: fragments.length,
        pinchAlongTrackSpreadMps: spread,
        minSpreadMps: p.minCloudDeltaVSpreadMps,
        namedDebris: named,
      }),
    },
    mode: 'cloud',
    launch,
    gabbard: points,
    pinch,
    epochFit: null,
    deltaV: [],
    deltaVSummary: null,
  };
}

/**
 * Detects fragmentations: bursts of new pieces of one launch between two snapshots, or (with
 * one snapshot) old debris clouds. Reports come sorted by launch.
 */
export function detectFragmentations(input: FragmentationInput): FragmentationDetection {
  const p: FragmentationParameters = { ...DEFAULT_FRAGMENTATION_PARAMETERS, ...input.parameters };
  if (!(p.minFragments >= 6)) throw new RangeError('minFragments must be at least 6 (the epoch fit has 3 unknowns)');
  const after = latestPerObject(input.after);
  const reports: FragmentationReport[] = [];
  if (input.before === undefined) {
    const groups = groupByLaunch(after.values());
    for (const launch of [...groups.keys()].sort()) {
      const g = groups.get(launch);
      if (g === undefined || g.length < p.minFragments) continue;
      const r = cloudReport(launch, g, p);
      if (r !== undefined) reports.push(r);
    }
    return { reports };
  }
  const before = latestPerObject(input.before);
  const beforeGroups = groupByLaunch(before.values());
  const newSets = [...after.values()].filter((s) => !before.has(s.noradId));
  const newGroups = groupByLaunch(newSets);
  for (const launch of [...newGroups.keys()].sort()) {
    const g = newGroups.get(launch);
    const candidates = beforeGroups.get(launch);
    if (g === undefined || candidates === undefined || g.length < p.minFragments) continue;
    const fragments = g.map(fragmentOrbit).filter((o) => o.perigeeAltitudeKm >= p.minPerigeeKm);
    if (fragments.length < p.minFragments) continue;
    const r = burstReport(launch, fragments, candidates, after, p);
    if (r !== undefined) reports.push(r);
  }
  return { reports };
}
