/**
 * SGP4 states of an object from its stored element sets, for `orbwatch propagate` and the HTTP
 * API: each state names the element set it came from and that set's age, so a reader sees how
 * far from its epoch every number was extrapolated. Steps that cannot be computed (a time far
 * from every stored set, a decayed orbit) are summed up once: how many failed and why (per code,
 * with the first message), the stored epochs nearest to the window, and what to try.
 * @module
 */
import type { Instant, NoradId, PropagateResult, Sgp4Propagator } from '@orbwatch/core';
import {
  ErrorCode,
  OrbwatchError,
  chooseElementSet,
  createSgp4Propagator,
  formatIso,
  itrfToGeodetic,
  propagateTeme,
  radPerSecToRevPerDay,
  radToDeg,
  temeToGcrf,
  temeToItrf,
} from '@orbwatch/core';
import type { CatalogRepository, StoredElementSet } from '@orbwatch/store';

export interface PropagateStoredOptions {
  readonly from: Instant;
  readonly to: Instant;
  /** Seconds between states. */
  readonly step: number;
  readonly frame: 'TEME' | 'ITRF' | 'GCRF' | 'geodetic';
  readonly policy: 'latest-before' | 'nearest';
  readonly allowStale?: boolean;
  /** Most states one call may produce (default 1,000,000). */
  readonly maxSamples?: number;
}

/** Most samples one call may produce (a 7-day 1-s grid is 604,800). */
const MAX_SAMPLES = 1_000_000;

export interface PropagatedState {
  t: string;
  frame: string;
  elementSetId: number | null;
  elementSetAgeSec: number | null;
  rKm?: [number, number, number];
  vKmPerSec?: [number, number, number];
  latDeg?: number;
  lonDeg?: number;
  altitudeKm?: number;
  warnings?: readonly string[];
  error?: string;
  message?: string;
}

function describeSet(s: StoredElementSet) {
  return {
    id: s.id,
    norad: s.noradId,
    name: s.name,
    epochUtc: formatIso(s.epoch, 6),
    source: s.source,
    format: s.format,
    meanMotionRevPerDay: radPerSecToRevPerDay(s.meanMotionRadPerSec),
    eccentricity: s.eccentricity,
    inclinationDeg: radToDeg(s.inclinationRad),
    raw: s.raw,
  };
}

/** Failed steps of one code: how many, and the first one's message. */
interface FailureCount {
  readonly code: string;
  count: number;
  readonly message: string;
}

/** A stored set in a summary: id, epoch, source. */
const setRef = (s: StoredElementSet) => ({ id: s.id, epochUtc: formatIso(s.epoch, 6), source: s.source });

/** The stored set whose epoch is nearest to `t`. */
function nearestSet(first: StoredElementSet, history: readonly StoredElementSet[], t: Instant): StoredElementSet {
  let best = first;
  for (const s of history) if (Math.abs(s.epoch - t) < Math.abs(best.epoch - t)) best = s;
  return best;
}

/** The `summary` of `--json`, and the text of the failure summary. */
function summarise(
  history: readonly [StoredElementSet, ...StoredElementSet[]],
  o: PropagateStoredOptions,
  steps: number,
  failures: readonly FailureCount[],
) {
  const failed = failures.reduce((n, f) => n + f.count, 0);
  const first = history[0];
  const last = history[history.length - 1] ?? first;
  const nearest = [
    ...new Map([nearestSet(first, history, o.from), nearestSet(first, history, o.to)].map((s) => [s.id, s])).values(),
  ];
  const hints: string[] = [];
  if (o.allowStale !== true && failures.some((f) => f.code === 'ELEMENTS_TOO_OLD'))
    hints.push('--allow-stale propagates beyond the age limits (accuracy degrades quickly; see docs/accuracy.md)');
  if (o.policy === 'latest-before' && failures.some((f) => f.code === 'NO_ELEMENT_SET'))
    hints.push('--policy nearest also uses sets from after each time');
  const summary = {
    steps,
    computed: steps - failed,
    failed,
    failures: failures.map((f) => ({ code: f.code, count: f.count, firstMessage: f.message })),
    storedElementSets: {
      count: history.length,
      firstEpochUtc: formatIso(first.epoch, 6),
      lastEpochUtc: formatIso(last.epoch, 6),
    },
    nearestElementSets: nearest.map(setRef),
    hints,
  };
  const text = [
    `${String(failed)} of ${String(steps)} step(s) not computed: ${failures.map((f) => `${f.code} × ${String(f.count)} (${f.message})`).join(', ')}`,
    `stored element sets: ${String(history.length)}, epochs ${summary.storedElementSets.firstEpochUtc} … ${summary.storedElementSets.lastEpochUtc}; nearest to the window: ${nearest.map((s) => `#${String(s.id)} ${formatIso(s.epoch, 6)} (${s.source})`).join(', ')}`,
    ...hints,
  ].join('; ');
  return { summary, text };
}

/**
 * The states of `norad` from `o.from` to `o.to` every `o.step` seconds, the `propagate --json`
 * document, and the failure summary's text. Throws USAGE for a window that is backwards or has
 * too many steps, NOT_FOUND when the object has no stored set.
 */
export async function propagateStored(repo: CatalogRepository, norad: NoradId, o: PropagateStoredOptions) {
  if (!(o.step > 0)) throw new OrbwatchError(ErrorCode.USAGE, 'the step must be positive', { step: o.step });
  if (o.to < o.from) throw new OrbwatchError(ErrorCode.USAGE, '--to is before --from', { from: o.from, to: o.to });
  const count = Math.floor((o.to - o.from) / (o.step * 1000)) + 1;
  if (count > (o.maxSamples ?? MAX_SAMPLES)) {
    throw new OrbwatchError(
      ErrorCode.USAGE,
      `${String(count)} samples requested; at most ${String(o.maxSamples ?? MAX_SAMPLES)} (use a larger --step)`,
      { count },
    );
  }
  const history = await repo.history(norad);
  if (history.length === 0)
    throw new OrbwatchError(ErrorCode.NOT_FOUND, `no element sets stored for ${String(norad)}`, { norad });

  const propagators = new Map<number, Sgp4Propagator | { code: string; message: string }>();
  const propagatorFor = (s: StoredElementSet): Sgp4Propagator | { code: string; message: string } => {
    let p = propagators.get(s.id);
    if (p === undefined) {
      const r = createSgp4Propagator(s);
      p = r.ok ? r.propagator : { code: r.code, message: r.message };
      propagators.set(s.id, p);
    }
    return p;
  };

  const used = new Map<number, StoredElementSet>();
  const samples: PropagatedState[] = [];
  const failureCounts = new Map<string, FailureCount>();
  const fail = (sample: PropagatedState & { error: string; message: string }): void => {
    samples.push(sample);
    const f = failureCounts.get(sample.error);
    if (f === undefined) failureCounts.set(sample.error, { code: sample.error, count: 1, message: sample.message });
    else f.count++;
  };
  for (let k = 0; k < count; k++) {
    const t = (o.from + k * o.step * 1000) as Instant;
    const tIso = formatIso(t);
    const choice = chooseElementSet(history, t, o.policy);
    if (!choice.ok) {
      fail({
        t: tIso,
        frame: o.frame,
        elementSetId: null,
        elementSetAgeSec: null,
        error: choice.code,
        message: 'no element set for this time under the policy',
      });
      continue;
    }
    const set = history[choice.index];
    if (set === undefined) throw new Error('chooseElementSet returned an index outside the history');
    used.set(set.id, set);
    const p = propagatorFor(set);
    const ageSec = (t - set.epoch) / 1000;
    if ('code' in p) {
      fail({
        t: tIso,
        frame: o.frame,
        elementSetId: set.id,
        elementSetAgeSec: ageSec,
        error: p.code,
        message: p.message,
      });
      continue;
    }
    const r: PropagateResult = propagateTeme(p, t, o.allowStale === true ? { allowStale: true } : {});
    if (!r.ok) {
      fail({
        t: tIso,
        frame: o.frame,
        elementSetId: set.id,
        elementSetAgeSec: ageSec,
        error: r.code,
        message: r.message,
      });
      continue;
    }
    const base = {
      t: tIso,
      frame: o.frame,
      elementSetId: set.id,
      elementSetAgeSec: ageSec,
      ...(r.warnings.length > 0 ? { warnings: r.warnings } : {}),
    };
    if (o.frame === 'geodetic') {
      const g = itrfToGeodetic(temeToItrf(r.state));
      samples.push({ ...base, latDeg: radToDeg(g.latRad), lonDeg: radToDeg(g.lonRad), altitudeKm: g.heightKm });
    } else {
      const s = o.frame === 'TEME' ? r.state : o.frame === 'ITRF' ? temeToItrf(r.state) : temeToGcrf(r.state);
      samples.push({ ...base, rKm: [s.r.x, s.r.y, s.r.z], vKmPerSec: [s.v.x, s.v.y, s.v.z] });
    }
  }

  const sets = [...used.values()].sort((a, b) => a.epoch - b.epoch);
  const first = sets[0];
  const failures = [...failureCounts.values()];
  const failed = failures.reduce((n, f) => n + f.count, 0);
  const [firstStored, ...laterStored] = history;
  if (firstStored === undefined) throw new Error('history emptied while propagating');
  const { summary, text } = summarise([firstStored, ...laterStored], o, count, failures);
  const document = {
    norad,
    elementSet: first === undefined ? null : describeSet(first),
    elementSets: sets.map(describeSet),
    policy: o.policy,
    earthOrientation:
      'none (dUT1 = 0, no polar motion): ITRF/geodetic good to ~0.5 km along-track at LEO, see docs/accuracy.md',
    states: samples,
    summary,
  };
  return { document, samples, sets, count, failed, text };
}
