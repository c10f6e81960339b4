/**
 * The `screen` use case: catalogue-wide conjunction screening from stored element sets.
 *
 * 1. The catalogue as of `at` (default: the newest stored epoch): each object's latest set with
 *    epoch ≤ `at`. Objects are left out, each with a code, when SATCAT says they decayed by
 *    `at` (`DECAYED`), when SGP4 cannot start from their set (its SGP4 code), or when their set
 *    is older at `at` than their regime's age limit (`ELEMENTS_TOO_OLD`, docs/accuracy.md §3).
 * 2. Primaries: all (every pair), SATCAT payloads, or given NORAD ids, against everything.
 * 3. The injected engine finds close approaches below the threshold in [at, at + window].
 * 4. Each approach is refined again and turned into a conjunction event by core's
 *    `conjunctionEvent` (TCA to 1 µs, RIC miss vector, set ages at TCA, Foster Pc with the
 *    default covariance and Alfano's maximum Pc), so every stored number is what the two cited
 *    sets give and an evidence bundle recomputes it.
 *    A pair slower than the short-term encounter speed (docked, formation, co-orbital) has a
 *    range minimum every revolution: it gives one event, its closest approach in the window.
 * 5. Events are stored (idempotent by fingerprint) with the run record (window, threshold, mode,
 *    counts, engine and parameters, event ids); conjunctions are returned sorted by Pc
 *    (descending, no Pc last), then miss distance.
 * @module
 */
import type {
  ConjunctionGeometry,
  ConjunctionParameters,
  DetectedEvent,
  Instant,
  NoradId,
  ScreeningMode,
  ScreeningObject,
  ScreeningStageCount,
} from '@orbwatch/core';
import {
  CONJUNCTION_DETECTOR,
  CONJUNCTION_DETECTOR_VERSION,
  DEFAULT_CONJUNCTION_PARAMETERS,
  ErrorCode,
  OrbwatchError,
  conjunctionEvent,
  createSgp4Propagator,
  formatIso,
  instant,
} from '@orbwatch/core';
import type { CatalogObject, CatalogRepository, StoredElementSet } from '@orbwatch/store';
import { latestSetsAsOf, newestStoredEpoch } from './catalogue-as-of.js';
import type { ScreeningEngine, ScreeningEngineInfo, ScreeningProgress } from './screening-engine.js';

/** Which objects are primaries. */
export type ScreenPrimaries =
  { readonly kind: 'all' } | { readonly kind: 'payloads' } | { readonly kind: 'ids'; readonly ids: readonly NoradId[] };

export interface ScreenRequest {
  /** The catalogue is taken as of this instant; default the newest stored epoch. */
  readonly at?: Instant;
  readonly windowSec: number;
  readonly thresholdKm: number;
  readonly primaries: ScreenPrimaries;
  /** Combined hard-body radius, km (default {@link DEFAULT_CONJUNCTION_PARAMETERS}). */
  readonly hardBodyRadiusKm?: number;
  /** Store the events and the run record (default true). */
  readonly store?: boolean;
}

export interface ScreenDependencies {
  readonly engine: ScreeningEngine;
  readonly engineInfo: ScreeningEngineInfo;
  readonly now: () => Instant;
  /** Run id for the time given (UUIDv7 in production). */
  readonly newId: (now: Instant) => string;
  readonly onProgress?: (p: ScreeningProgress) => void;
}

/** One object of a conjunction as the analyst needs it. */
export interface ConjunctionObject {
  readonly norad: number;
  readonly name: string | null;
  readonly cosparId: string | null;
  readonly owner: string | null;
  readonly objectType: string | null;
}

/** The element set a conjunction used for one object. */
export interface ConjunctionElementSet {
  readonly id: number;
  readonly epochUtc: string;
  readonly epochText: string;
  readonly source: string;
  /** TCA − epoch, days. */
  readonly ageAtTcaDays: number;
  /** Orbit regime of the set (chooses its default covariance). */
  readonly regime: string;
}

/** One conjunction (the elements of `screen --json`'s `conjunctions`). */
export interface Conjunction {
  readonly norad1: number;
  readonly norad2: number;
  readonly tcaUtc: string;
  readonly missDistanceKm: number;
  readonly relativeSpeedKmPerSec: number;
  readonly pc: number | null;
  readonly pcMethod: string;
  readonly pcCovariance: string;
  readonly pcMax: number | null;
  readonly pcMaxMethod: string;
  readonly pcNote: string | null;
  readonly hardBodyRadiusKm: number;
  /** Miss vector (object 2 − object 1) in object 1's radial / in-track / cross-track frame, km. */
  readonly missRicKm: { readonly radialKm: number; readonly inTrackKm: number; readonly crossTrackKm: number };
  readonly missDistanceSigmaKm: number | null;
  readonly object1: ConjunctionObject;
  readonly object2: ConjunctionObject;
  readonly elementSet1: ConjunctionElementSet;
  readonly elementSet2: ConjunctionElementSet;
  readonly assessment: { readonly label: string; readonly confidence: string };
  /** Stored event id (null when the run did not store). */
  readonly eventId: string | null;
  /** TEME states at TCA, [x, y, z, vx, vy, vz] km and km/s (for CDMs and plots). */
  readonly state1Teme: readonly number[];
  readonly state2Teme: readonly number[];
}

/** The screening run record (`screen --json`'s `run`, also stored). */
export interface ScreeningRun {
  readonly id: string;
  readonly createdUtc: string;
  readonly atUtc: string;
  /** How `at` was chosen. */
  readonly atSource: 'given' | 'newest-epoch';
  readonly windowStartUtc: string;
  readonly windowEndUtc: string;
  readonly windowSec: number;
  readonly thresholdKm: number;
  readonly mode: ScreeningMode['kind'];
  readonly primaries: 'all' | 'payloads' | readonly number[];
  readonly counts: {
    readonly objectsWithSets: number;
    readonly objectsScreened: number;
    readonly primaries: number;
    readonly skipped: Readonly<Record<string, number>>;
    readonly approaches: number;
    readonly conjunctions: number;
    readonly notRefined: number;
    /** Range minima of slow pairs (below the Pc speed) left out: one event per slow pair, its closest. */
    readonly slowApproachesMerged: number;
    /** Pairs on one published orbit (see {@link ScreenOutcome.coincident}). */
    readonly coincidentPairs: number;
    readonly inserted: number;
    readonly existing: number;
  };
  readonly stages: readonly ScreeningStageCount[];
  readonly engine: ScreeningEngineInfo;
  readonly conjunctionDetector: { readonly name: string; readonly version: string };
  readonly parameters: ConjunctionParameters;
  readonly elapsedSec: number;
  readonly stored: boolean;
  readonly eventIds: readonly string[];
}

export interface ScreenOutcome {
  readonly run: ScreeningRun;
  readonly conjunctions: readonly Conjunction[];
  /** Objects left out, by NORAD id, with a code. */
  readonly skipped: readonly { readonly norad: number; readonly code: string }[];
  /**
   * Pairs the engine found on one published orbit throughout (a vehicle docked to a station and
   * published with its elements): range zero at every instant, no TCA, so no conjunction.
   */
  readonly coincident: readonly { readonly norad1: number; readonly norad2: number }[];
  /** Approaches the engine reported that refinement could not confirm. */
  readonly notRefined: readonly {
    readonly norad1: number;
    readonly norad2: number;
    readonly code: string;
    readonly message: string;
  }[];
}

const DAY_MS = 86_400_000;

function describe(o: CatalogObject | undefined, norad: number, set: StoredElementSet): ConjunctionObject {
  return {
    norad,
    name: o?.name ?? set.name,
    cosparId: o?.cosparId ?? set.cosparId,
    owner: o?.owner ?? null,
    objectType: o?.objectType ?? null,
  };
}

/** Sort: Pc descending (no Pc last), then miss distance ascending, then TCA. */
export function compareConjunctions(a: Conjunction, b: Conjunction): number {
  if (a.pc !== b.pc) {
    if (a.pc === null) return 1;
    if (b.pc === null) return -1;
    if (a.pc !== b.pc) return b.pc - a.pc;
  }
  return a.missDistanceKm - b.missDistanceKm || a.tcaUtc.localeCompare(b.tcaUtc);
}

/** Runs one screening (see the module comment). */
export async function screenCatalogue(
  repo: CatalogRepository,
  request: ScreenRequest,
  deps: ScreenDependencies,
): Promise<ScreenOutcome> {
  if (!(request.windowSec > 0) || !Number.isFinite(request.windowSec))
    throw new OrbwatchError(ErrorCode.USAGE, `window must be a positive duration, got ${String(request.windowSec)} s`);
  if (!(request.thresholdKm > 0) || !Number.isFinite(request.thresholdKm))
    throw new OrbwatchError(
      ErrorCode.USAGE,
      `threshold must be a positive distance, got ${String(request.thresholdKm)} km`,
    );
  const started = deps.now();
  const newest = request.at === undefined ? await newestStoredEpoch(repo) : null;
  const at = request.at ?? newest;
  if (at === null || at === undefined)
    throw new OrbwatchError(ErrorCode.NOT_FOUND, 'the store holds no element sets to screen');
  const endUtc = instant(at + request.windowSec * 1000);
  const parameters: ConjunctionParameters = {
    ...DEFAULT_CONJUNCTION_PARAMETERS,
    thresholdKm: request.thresholdKm,
    ...(request.hardBodyRadiusKm === undefined ? {} : { hardBodyRadiusKm: request.hardBodyRadiusKm }),
  };

  // 1. The catalogue as of `at`.
  const latest = await latestSetsAsOf(repo, at);
  const catalogue = new Map((await repo.listObjects({})).map((o) => [Number(o.noradId), o]));
  const skipped: { norad: number; code: string }[] = [];
  const objects: ScreeningObject[] = [];
  const setById = new Map<string, StoredElementSet>();
  for (const [norad, set] of [...latest.entries()].sort((a, b) => a[0] - b[0])) {
    const facts = catalogue.get(Number(norad));
    if (facts?.decayDate != null && facts.decayDate <= at) {
      skipped.push({ norad, code: 'DECAYED' });
      continue;
    }
    const p = createSgp4Propagator(set);
    if (!p.ok) {
      skipped.push({ norad, code: p.code });
      continue;
    }
    if ((at - set.epoch) / DAY_MS > p.propagator.defaultMaxAgeDays) {
      skipped.push({ norad, code: 'ELEMENTS_TOO_OLD' });
      continue;
    }
    objects.push({ norad, elementSet: set, elementSetId: String(set.id) });
    setById.set(String(set.id), set);
  }

  // 2. Primaries.
  const screened = new Set(objects.map((o) => Number(o.norad)));
  let mode: ScreeningMode;
  let primaries: ScreeningRun['primaries'];
  if (request.primaries.kind === 'all') {
    mode = { kind: 'all-vs-all' };
    primaries = 'all';
  } else if (request.primaries.kind === 'payloads') {
    const ids = new Set(
      objects.map((o) => Number(o.norad)).filter((n) => catalogue.get(n)?.objectType?.toUpperCase() === 'PAYLOAD'),
    );
    if (ids.size === 0)
      throw new OrbwatchError(
        ErrorCode.NOT_FOUND,
        'no payloads among the objects screened: object types come from SATCAT; ingest a SATCAT file, or name the primaries by NORAD id',
      );
    mode = { kind: 'primaries-vs-all', primaries: ids };
    primaries = 'payloads';
  } else {
    const missing = request.primaries.ids.filter((n) => !screened.has(Number(n)));
    if (missing.length > 0) {
      const why = missing.map((n) => {
        const s = skipped.find((x) => x.norad === Number(n));
        return `${String(n)} (${s?.code ?? 'no element set as of ' + formatIso(at)})`;
      });
      throw new OrbwatchError(ErrorCode.NOT_FOUND, `primaries that cannot be screened: ${why.join(', ')}`, {
        norads: missing.map(Number),
      });
    }
    const ids = new Set(request.primaries.ids.map(Number));
    mode = { kind: 'primaries-vs-all', primaries: ids };
    primaries = [...ids].sort((a, b) => a - b);
  }

  // 3. The engine.
  const result = await deps.engine(
    { objects, mode, startUtc: at, endUtc, thresholdKm: request.thresholdKm },
    deps.onProgress === undefined ? {} : { onProgress: deps.onProgress },
  );
  for (const s of result.skipped) skipped.push({ norad: Number(s.norad), code: s.code });

  // 4. Refinement and conjunction events.
  const seen = new Set<string>();
  const built: {
    event: DetectedEvent;
    geometry: ConjunctionGeometry;
    set1: StoredElementSet;
    set2: StoredElementSet;
  }[] = [];
  const notRefined: ScreenOutcome['notRefined'][number][] = [];
  for (const a of result.approaches) {
    const set1 = setById.get(a.elementSetId1);
    const set2 = setById.get(a.elementSetId2);
    if (set1 === undefined || set2 === undefined) {
      notRefined.push({
        norad1: a.norad1,
        norad2: a.norad2,
        code: 'UNKNOWN_ELEMENT_SET',
        message: 'the engine cited a set not in the request',
      });
      continue;
    }
    const r = conjunctionEvent({
      primary: { set: set1, storedId: String(set1.id), source: set1.source },
      secondary: { set: set2, storedId: String(set2.id), source: set2.source },
      tcaGuess: a.tcaUtc,
      parameters,
    });
    if (!r.ok) {
      notRefined.push({ norad1: a.norad1, norad2: a.norad2, code: r.code, message: r.message });
      continue;
    }
    // One event per pair and TCA (to the second), whatever order the engine gave them in.
    const key = `${String(Math.min(a.norad1, a.norad2))}-${String(Math.max(a.norad1, a.norad2))}@${String(Math.round(r.event.start / 1000))}`;
    if (seen.has(key)) continue;
    seen.add(key);
    built.push({ event: r.event, geometry: r.geometry, set1, set2 });
  }
  // A slow pair (docked, formation, co-orbital: below the short-term encounter speed) has a
  // range minimum every revolution; one event per pair (its closest) says what there is to say.
  const slowKept = new Map<string, (typeof built)[number]>();
  let slowCollapsed = 0;
  const fast = built.filter((b) => {
    if (!(b.geometry.relativeSpeedKmPerSec < parameters.minRelativeSpeedForPcKmPerSec)) return true;
    const k = `${String(Math.min(b.set1.noradId, b.set2.noradId))}-${String(Math.max(b.set1.noradId, b.set2.noradId))}`;
    const other = slowKept.get(k);
    if (other !== undefined) slowCollapsed++;
    if (other === undefined || b.geometry.missDistanceKm < other.geometry.missDistanceKm) slowKept.set(k, b);
    return false;
  });
  built.splice(0, built.length, ...fast, ...slowKept.values());

  // 5. Store, describe, sort.
  const store = request.store !== false;
  const saved =
    store && built.length > 0
      ? await repo.saveEvents(
          built.map((b) => b.event),
          deps.now(),
        )
      : null;
  const conjunctions = built.map((b, i): Conjunction => {
    const m = b.event.measures;
    const num = (k: string): number => Number(m[k]);
    const nullable = (k: string): number | null => (typeof m[k] === 'number' ? m[k] : null);
    const setOf = (s: StoredElementSet, n: 1 | 2): ConjunctionElementSet => ({
      id: s.id,
      epochUtc: formatIso(s.epoch, 6),
      epochText: s.epochText,
      source: s.source,
      ageAtTcaDays: num(`elementSetAge${String(n)}Days`),
      regime: String(m[`regime${String(n)}`]),
    });
    const n1 = Number(b.set1.noradId);
    const n2 = Number(b.set2.noradId);
    return {
      norad1: n1,
      norad2: n2,
      tcaUtc: String(m['tcaUtc']),
      missDistanceKm: num('missDistanceKm'),
      relativeSpeedKmPerSec: num('relativeSpeedKmPerSec'),
      pc: nullable('pc'),
      pcMethod: String(m['pcMethod']),
      pcCovariance: String(m['pcCovariance']),
      pcMax: nullable('pcMax'),
      pcMaxMethod: String(m['pcMaxMethod']),
      pcNote: typeof m['pcNote'] === 'string' ? m['pcNote'] : null,
      hardBodyRadiusKm: parameters.hardBodyRadiusKm,
      missRicKm: {
        radialKm: num('missRadialKm'),
        inTrackKm: num('missInTrackKm'),
        crossTrackKm: num('missCrossTrackKm'),
      },
      missDistanceSigmaKm: nullable('missDistanceSigmaKm'),
      object1: describe(catalogue.get(n1), n1, b.set1),
      object2: describe(catalogue.get(n2), n2, b.set2),
      elementSet1: setOf(b.set1, 1),
      elementSet2: setOf(b.set2, 2),
      assessment: {
        label: b.event.assessment?.label ?? 'close-approach',
        confidence: b.event.assessment?.confidence ?? 'low',
      },
      eventId: saved?.ids[i] ?? null,
      state1Teme: [...b.geometry.state1Teme],
      state2Teme: [...b.geometry.state2Teme],
    };
  });
  conjunctions.sort(compareConjunctions);

  const skippedCounts: Record<string, number> = {};
  for (const s of skipped) skippedCounts[s.code] = (skippedCounts[s.code] ?? 0) + 1;
  const finished = deps.now();
  const run: ScreeningRun = {
    id: deps.newId(started),
    createdUtc: formatIso(started),
    atUtc: formatIso(at, 6),
    atSource: request.at === undefined ? 'newest-epoch' : 'given',
    windowStartUtc: formatIso(at, 6),
    windowEndUtc: formatIso(endUtc, 6),
    windowSec: request.windowSec,
    thresholdKm: request.thresholdKm,
    mode: mode.kind,
    primaries,
    counts: {
      objectsWithSets: latest.size,
      objectsScreened: objects.length - result.skipped.length,
      primaries: mode.kind === 'all-vs-all' ? objects.length : mode.primaries.size,
      skipped: skippedCounts,
      approaches: result.approaches.length,
      conjunctions: conjunctions.length,
      notRefined: notRefined.length,
      slowApproachesMerged: slowCollapsed,
      coincidentPairs: result.coincident?.length ?? 0,
      inserted: saved?.inserted ?? 0,
      existing: saved?.existing ?? 0,
    },
    stages: result.stages,
    engine:
      result.engine === undefined
        ? deps.engineInfo
        : (() => {
            const { name, version, ...engineParameters } = result.engine;
            return { name, version, parameters: engineParameters };
          })(),
    conjunctionDetector: { name: CONJUNCTION_DETECTOR, version: CONJUNCTION_DETECTOR_VERSION },
    parameters,
    elapsedSec: (finished - started) / 1000,
    stored: store,
    eventIds: conjunctions.flatMap((c) => (c.eventId === null ? [] : [c.eventId])),
  };
  if (store) await repo.saveScreeningRun({ id: run.id, createdAt: started, at, document: { ...run } });
  return {
    run,
    conjunctions,
    skipped,
    notRefined,
    coincident: (result.coincident ?? []).map((c) => ({ norad1: Number(c.norad1), norad2: Number(c.norad2) })),
  };
}
