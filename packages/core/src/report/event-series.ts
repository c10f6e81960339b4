/**
 * The computed series behind an event's plots, from the event and the element sets of its
 * objects (pure; the report and the evidence bundle both carry them, so a reader can re-plot
 * without orbwatch):
 * - maneuver: the subject's mean semi-major axis and inclination over the sets around the event;
 * - proximity: range and relative speed over the episode, and the relative position in the
 *   reference object's RIC frame (the target's, or the first participant's);
 * - release: the Δv with its 95 % interval against the class thresholds, and the child's
 *   position relative to the parent (or the first sibling) in RIC around the separation;
 * - fragmentation: the Gabbard diagram (period against apogee and perigee) of the pieces;
 * - conjunction: range and the RIC miss vector of the secondary from the primary around TCA,
 *   from the two element sets the conjunction cites.
 * Each propagated sample names the element sets it used and their ages.
 * @module
 */
import type { DetectedEvent } from '../detectors/detected-event.js';
import { Z95 } from '../detectors/assessment/classify-by-interval.js';
import type { ElementSet } from '../elements/element-set.js';
import { orbitSummary } from '../elements/orbit-summary.js';
import { toRic } from '../frames/ric.js';
import { chooseElementSet } from '../propagation/choose-element-set.js';
import { createSgp4Propagator } from '../propagation/create-sgp4-propagator.js';
import { propagateTeme } from '../propagation/propagate-teme.js';
import type { Sgp4Propagator } from '../propagation/sgp4-propagator.js';
import type { Instant } from '../time/instant.js';
import { formatIso, instant, parseIsoInstant } from '../time/instant.js';

const RAD_TO_DEG = 180 / Math.PI;
const DAY_MS = 86_400_000;

export interface ElementHistoryPoint {
  readonly tUtc: string;
  readonly semiMajorAxisKm: number;
  readonly inclinationDeg: number;
  readonly perigeeKm: number;
  readonly apogeeKm: number;
  readonly source: string | null;
}

export interface RelativeSample {
  readonly tUtc: string;
  readonly rangeKm: number;
  readonly relativeSpeedKmPerSec: number;
  readonly radialKm: number;
  readonly inTrackKm: number;
  readonly crossTrackKm: number;
  /** Age of each object's element set at the sample (t − epoch), s. */
  readonly ageSec: readonly [number, number];
}

export interface ManeuverSeries {
  readonly kind: 'maneuver';
  readonly norad: number;
  readonly history: readonly ElementHistoryPoint[];
  readonly marks: readonly { readonly startUtc: string; readonly endUtc: string; readonly label: string }[];
}

export interface ProximitySeries {
  readonly kind: 'proximity';
  /** Reference object (RIC origin) and the other. */
  readonly reference: number;
  readonly other: number;
  readonly samples: readonly RelativeSample[];
  /** 1σ of the range, km, drawn as a band (null when the event gives none). */
  readonly rangeSigmaKm: number | null;
}

export interface ReleaseSeries {
  readonly kind: 'release';
  readonly reference: number | null;
  readonly other: number | null;
  readonly deltaV: {
    readonly valueMps: number | null;
    readonly sigmaMps: number | null;
    readonly lo95Mps: number | null;
    readonly hi95Mps: number | null;
  };
  /** Class thresholds the label was decided against, m/s (from the assessment's reasons). */
  readonly thresholds: readonly { readonly measure: string; readonly valueMps: number; readonly source: string }[];
  readonly geometry: readonly RelativeSample[];
}

export interface FragmentationSeries {
  readonly kind: 'fragmentation';
  readonly gabbard: readonly {
    readonly norad: number;
    readonly periodMin: number;
    readonly apogeeKm: number;
    readonly perigeeKm: number;
  }[];
  readonly pinchAltitudeKm: number | null;
}

export interface ConjunctionSeries {
  readonly kind: 'conjunction';
  /** Primary (RIC origin) and secondary. */
  readonly reference: number;
  readonly other: number;
  readonly tcaUtc: string;
  readonly missDistanceKm: number | null;
  readonly thresholdKm: number | null;
  readonly samples: readonly RelativeSample[];
}

export type EventSeries = ManeuverSeries | ProximitySeries | ReleaseSeries | FragmentationSeries | ConjunctionSeries;

/** Element sets by NORAD id, each sorted by epoch. */
export type SetsByObject = ReadonlyMap<number, readonly ElementSet[]>;

function historyPoint(s: ElementSet): ElementHistoryPoint {
  const o = orbitSummary(s);
  return {
    tUtc: formatIso(s.epoch),
    semiMajorAxisKm: o.semiMajorAxisKm,
    inclinationDeg: s.inclinationRad * RAD_TO_DEG,
    perigeeKm: o.perigeeAltitudeKm,
    apogeeKm: o.apogeeAltitudeKm,
    source: (s as ElementSet & { source?: string }).source ?? null,
  };
}

/** The mean semi-major axis, inclination, perigee and apogee of each set (an object's plot). */
export function elementHistoryPoints(sets: readonly ElementSet[]): ElementHistoryPoint[] {
  return sets.map(historyPoint);
}

/** Propagators per set, built once. */
class PropagatorCache {
  readonly #cache = new Map<ElementSet, Sgp4Propagator | null>();
  get(s: ElementSet): Sgp4Propagator | null {
    let p = this.#cache.get(s);
    if (p === undefined) {
      const r = createSgp4Propagator(s);
      p = r.ok ? r.propagator : null;
      this.#cache.set(s, p);
    }
    return p;
  }
}

function relativeSample(
  cache: PropagatorCache,
  ref: readonly ElementSet[],
  other: readonly ElementSet[],
  t: Instant,
): RelativeSample | null {
  const a = chooseElementSet(ref, t, 'nearest');
  const b = chooseElementSet(other, t, 'nearest');
  if (!a.ok || !b.ok) return null;
  const pa = cache.get(a.elementSet);
  const pb = cache.get(b.elementSet);
  if (pa === null || pb === null) return null;
  const sa = propagateTeme(pa, t, { allowStale: true });
  const sb = propagateTeme(pb, t, { allowStale: true });
  if (!sa.ok || !sb.ok) return null;
  const ric = toRic(sb.state, sa.state);
  return {
    tUtc: formatIso(t),
    rangeKm: Math.hypot(ric.r.x, ric.r.y, ric.r.z),
    relativeSpeedKmPerSec: Math.hypot(
      sb.state.v.x - sa.state.v.x,
      sb.state.v.y - sa.state.v.y,
      sb.state.v.z - sa.state.v.z,
    ),
    radialKm: ric.r.x,
    inTrackKm: ric.r.y,
    crossTrackKm: ric.r.z,
    ageSec: [a.ageSec, b.ageSec],
  };
}

/** Samples from `from` to `to`: `count` evenly spaced, plus any extra instants, in time order. */
function sampleTimes(from: number, to: number, count: number, extra: readonly number[]): Instant[] {
  const out = new Set<number>();
  const span = Math.max(0, to - from);
  for (let k = 0; k <= count; k++) out.add(from + (span * k) / count);
  for (const x of extra) if (x >= from && x <= to) out.add(x);
  return [...out].sort((p, q) => p - q).map((x) => instant(x));
}

function measure(e: DetectedEvent, key: string): number | null {
  const v = e.measures[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function isoMeasure(e: DetectedEvent, key: string): number | null {
  const v = e.measures[key];
  return typeof v === 'string' ? (parseIsoInstant(v) ?? null) : null;
}

const REFERENCE_ROLES = ['target', 'parent', 'primary', 'participant', 'sibling', 'child', 'chaser', 'secondary'];

/** The two objects of a pair event: the reference (RIC origin) first. */
function pair(e: DetectedEvent): [number, number] | null {
  const sorted = [...e.objects].sort((a, b) => REFERENCE_ROLES.indexOf(a.role) - REFERENCE_ROLES.indexOf(b.role));
  const [a, b] = sorted;
  return a === undefined || b === undefined ? null : [Number(a.norad), Number(b.norad)];
}

/** Samples of the series over an episode. */
export const SERIES_SAMPLES = 400;

/** The series behind an event's plots; null when the sets needed are missing. */
export function eventSeries(e: DetectedEvent, sets: SetsByObject): EventSeries | null {
  const cache = new PropagatorCache();
  switch (e.kind) {
    case 'maneuver': {
      const subject = e.objects[0];
      if (subject === undefined) return null;
      const history = (sets.get(Number(subject.norad)) ?? []).filter(
        (s) => s.epoch >= e.start - 15 * DAY_MS && s.epoch <= e.end + 15 * DAY_MS,
      );
      return {
        kind: 'maneuver',
        norad: Number(subject.norad),
        history: history.map(historyPoint),
        marks: [{ startUtc: formatIso(e.start), endUtc: formatIso(e.end), label: e.assessment?.label ?? 'maneuver' }],
      };
    }
    case 'proximity': {
      const p = pair(e);
      if (p === null) return null;
      const [ref, other] = p;
      const a = sets.get(ref) ?? [];
      const b = sets.get(other) ?? [];
      const tMin = isoMeasure(e, 'minRangeUtc');
      const samples = sampleTimes(e.start, e.end, SERIES_SAMPLES, tMin === null ? [] : [tMin])
        .map((t) => relativeSample(cache, a, b, t))
        .filter((x): x is RelativeSample => x !== null);
      return { kind: 'proximity', reference: ref, other, samples, rangeSigmaKm: measure(e, 'minRangeSigmaKm') };
    }
    case 'release': {
      const p = pair(e);
      const dv = measure(e, 'deltaVMps');
      const sigma = measure(e, 'deltaVSigmaMps');
      const thresholds = (e.assessment?.reasons ?? [])
        .filter((r) => typeof r.threshold === 'number' && /Mps$/.test(r.measure))
        .map((r) => ({ measure: r.measure, valueMps: r.threshold as number, source: r.thresholdSource ?? '' }));
      const sep = isoMeasure(e, 'separationEpochUtc');
      let geometry: RelativeSample[] = [];
      if (p !== null && sep !== null) {
        const [ref, other] = p;
        geometry = sampleTimes(sep - 3 * 3_600_000, sep + 3 * 3_600_000, 180, [sep])
          .map((t) => relativeSample(cache, sets.get(ref) ?? [], sets.get(other) ?? [], t))
          .filter((x): x is RelativeSample => x !== null);
      }
      return {
        kind: 'release',
        reference: p?.[0] ?? null,
        other: p?.[1] ?? null,
        deltaV: {
          valueMps: dv,
          sigmaMps: sigma,
          lo95Mps: dv === null || sigma === null ? null : Math.max(0, dv - Z95 * sigma),
          hi95Mps: dv === null || sigma === null ? null : dv + Z95 * sigma,
        },
        thresholds,
        geometry,
      };
    }
    case 'fragmentation': {
      const gabbard = e.objects
        .filter((o) => o.role === 'fragment' || o.role === 'child')
        .flatMap((o) => {
          const s = (sets.get(Number(o.norad)) ?? []).at(-1);
          if (s === undefined) return [];
          const orbit = orbitSummary(s);
          return [
            {
              norad: Number(o.norad),
              periodMin: orbit.periodSec / 60,
              apogeeKm: orbit.apogeeAltitudeKm,
              perigeeKm: orbit.perigeeAltitudeKm,
            },
          ];
        });
      return { kind: 'fragmentation', gabbard, pinchAltitudeKm: measure(e, 'altitudeKm') };
    }
    case 'conjunction': {
      const p = pair(e);
      const tca = isoMeasure(e, 'tcaUtc');
      if (p === null || tca === null) return null;
      const [ref, other] = p;
      // Long enough for the range to pass the screening threshold twice over, 10 s to 30 min.
      const threshold = typeof e.parameters['thresholdKm'] === 'number' ? e.parameters['thresholdKm'] : null;
      const speed = measure(e, 'relativeSpeedKmPerSec');
      const halfSec = Math.min(1800, Math.max(10, speed !== null && speed > 0 ? (4 * (threshold ?? 5)) / speed : 600));
      const samples = sampleTimes(tca - halfSec * 1000, tca + halfSec * 1000, 200, [tca])
        .map((t) => relativeSample(cache, sets.get(ref) ?? [], sets.get(other) ?? [], t))
        .filter((x): x is RelativeSample => x !== null);
      return {
        kind: 'conjunction',
        reference: ref,
        other,
        tcaUtc: formatIso(instant(tca), 6),
        missDistanceKm: measure(e, 'missDistanceKm'),
        thresholdKm: threshold,
        samples,
      };
    }
  }
}
