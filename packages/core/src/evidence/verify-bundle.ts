/**
 * Checks an evidence bundle from the bundle alone: every element set's text must still match its
 * content hash, then the event is recomputed by running its detector, with the recorded version's
 * parameters, on the bundled element sets, and each stored measure is compared with the
 * recomputed one. A bundle that keeps its object's history in a shared element-history file
 * ({@link ElementHistoryRef}) is checked with the sets of that file it names, each hash-checked
 * like its own. Pure: the hash function and the reading of that file are passed in.
 * @module
 */
import { conjunctionEvent } from '../detectors/conjunction/conjunction-event.js';
import type { ConjunctionParameters } from '../detectors/conjunction/conjunction-parameters.js';
import { DEFAULT_CONJUNCTION_PARAMETERS } from '../detectors/conjunction/conjunction-parameters.js';
import { conjunctionMeasureAgrees } from '../detectors/conjunction/conjunction-verify.js';
import type { DetectedEvent, MeasureValue } from '../detectors/detected-event.js';
import { detectFragmentations } from '../detectors/fragmentation/detect-fragmentations.js';
import { detectManeuvers } from '../detectors/maneuver/detect-maneuvers.js';
import { detectProximity } from '../detectors/proximity/detect-proximity.js';
import { detectReleases } from '../detectors/release/detect-releases.js';
import type { ReleaseParameters } from '../detectors/release/release-parameters.js';
import { DEFAULT_RELEASE_PARAMETERS } from '../detectors/release/release-parameters.js';
import type { ElementSet } from '../elements/element-set.js';
import { parseElementFile } from '../elements/parse-element-file.js';
import { parseIsoInstant } from '../time/instant.js';
import type { BundledElementSet, ElementHistoryFile, EvidenceBundle } from './evidence-bundle.js';
import {
  ELEMENT_HISTORY_FORMAT,
  ELEMENT_HISTORY_VERSION,
  EVIDENCE_FORMAT,
  EVIDENCE_VERSION,
} from './evidence-bundle.js';

export type VerifyFailureCode =
  /** Not JSON, truncated, or not an orbwatch evidence bundle. */
  | 'BUNDLE_UNREADABLE'
  /** An element set's text no longer matches its content hash. */
  | 'BUNDLE_HASH_MISMATCH'
  /** An element set's text could not be parsed again. */
  | 'BUNDLE_SET_UNPARSEABLE'
  /** The element-history file the bundle names is missing, unreadable or lacks a set it names. */
  | 'BUNDLE_HISTORY_MISSING'
  /** The detector run on the bundle did not give the event again. */
  | 'EVENT_NOT_RECOMPUTED';

export interface MeasureCheck {
  readonly measure: string;
  readonly stored: MeasureValue;
  readonly recomputed: MeasureValue | undefined;
  readonly match: boolean;
}

export type VerifyResult =
  | {
      readonly ok: true;
      readonly eventId: string;
      readonly checks: readonly MeasureCheck[];
      readonly mismatches: readonly MeasureCheck[];
    }
  | { readonly ok: false; readonly code: VerifyFailureCode; readonly message: string; readonly eventId?: string };

/** What verification needs from outside: the content hash of an element set's text. */
export interface VerifyEnvironment {
  /** sha256 hex of the element content of a set (TLE: lines 1 and 2 joined by `\n`; OMM: the record). */
  readonly contentHash: (set: Pick<BundledElementSet, 'format' | 'raw'>) => string;
  /** The text of a file named by the bundle, path relative to the bundle's folder; null if absent. */
  readonly readFile?: (relativePath: string) => string | null;
}

/**
 * Measures a detection run records about its own inputs (the proximity search window): passed to
 * the detector again, not compared.
 */
export const RUN_INPUT_MEASURES: readonly string[] = ['searchWindowStartUtc', 'searchWindowEndUtc'];

/** Relative tolerance of a recomputed number: the same code on the same input, up to float order. */
const REL_TOL = 1e-9;
const ABS_TOL = 1e-9;

function sameValue(a: MeasureValue, b: MeasureValue | undefined): boolean {
  if (b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Math.abs(a - b) <= Math.max(ABS_TOL, REL_TOL * Math.max(Math.abs(a), Math.abs(b)));
  return a === b;
}

function isBundle(x: unknown): x is EvidenceBundle {
  if (typeof x !== 'object' || x === null) return false;
  const b = x as Partial<EvidenceBundle>;
  return (
    b.format === EVIDENCE_FORMAT &&
    b.version === EVIDENCE_VERSION &&
    typeof b.event === 'object' &&
    b.event !== null &&
    typeof b.event.kind === 'string' &&
    typeof b.event.measures === 'object' &&
    Array.isArray(b.elementSets) &&
    Array.isArray(b.objects)
  );
}

/** Parses one bundled set's raw text again; the source rides along for the detectors. */
function reparse(s: BundledElementSet): ElementSet | null {
  const r = parseElementFile(s.raw, { file: `set ${String(s.storedId)}`, format: s.format as 'tle' });
  const set = r.elementSets[0];
  return set === undefined || r.elementSets.length !== 1 ? null : set;
}

function sameObjects(a: DetectedEvent, b: EvidenceBundle): boolean {
  const x = a.objects.map((o) => `${String(o.norad)}:${o.role}`).sort();
  const y = b.objects
    .filter((o) => o.context !== true)
    .map((o) => `${String(o.norad)}:${o.role}`)
    .sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function closeTime(a: number, b: string): boolean {
  const t = parseIsoInstant(b);
  return t !== undefined && Math.abs(a - t) <= 1;
}

/** Runs the event's detector on the bundle's sets; the event it gives again, or null. */
function recompute(
  b: EvidenceBundle,
  sets: readonly { set: ElementSet; bundled: BundledElementSet }[],
): DetectedEvent | null {
  const params = b.event.parameters;
  const byObject = new Map<number, ElementSet[]>();
  for (const { set } of sets) byObject.set(Number(set.noradId), [...(byObject.get(Number(set.noradId)) ?? []), set]);
  const matchSpan = (e: DetectedEvent) => closeTime(e.start, b.event.startUtc) && closeTime(e.end, b.event.endUtc);
  switch (b.event.kind) {
    case 'maneuver': {
      const subject = b.objects[0];
      if (subject === undefined) return null;
      const events = detectManeuvers(byObject.get(subject.norad) ?? [], params).events;
      return events.find((e) => matchSpan(e) && sameObjects(e, b)) ?? null;
    }
    case 'fragmentation': {
      const role = (s: BundledElementSet) => s.role ?? '';
      const before = sets.filter((x) => role(x.bundled) === 'parent-before').map((x) => x.set);
      const after = sets.filter((x) => role(x.bundled) !== 'parent-before').map((x) => x.set);
      const reports = detectFragmentations({
        after,
        ...(b.event.measures['mode'] === 'burst' ? { before } : {}),
        parameters: params,
      }).reports;
      return reports.map((r) => r.event).find((e) => e.measures['launch'] === b.event.measures['launch']) ?? null;
    }
    case 'release': {
      const carriers = new Set(b.objects.filter((o) => o.role === 'parent').map((o) => o.norad));
      const history = (n: number) => ({
        noradId: (byObject.get(n)?.[0]?.noradId ?? n) as ElementSet['noradId'],
        sets: byObject.get(n) ?? [],
      });
      const input = {
        newObjects: b.objects.filter((o) => !carriers.has(o.norad)).map((o) => history(o.norad)),
        catalogued: [...carriers].map((n) => history(n)),
      };
      const p = { ...DEFAULT_RELEASE_PARAMETERS, ...(params as Partial<ReleaseParameters>) };
      return detectReleases(input, p).events.find((e) => sameObjects(e, b)) ?? null;
    }
    case 'proximity': {
      const start = parseIsoInstant(String(b.event.measures['searchWindowStartUtc'] ?? b.event.startUtc));
      const end = parseIsoInstant(String(b.event.measures['searchWindowEndUtc'] ?? b.event.endUtc));
      if (start === undefined || end === undefined) return null;
      const objects = b.objects.map((o) => {
        const own = sets.filter((x) => x.set.noradId === o.norad);
        const amateur = own.length > 0 && own.every((x) => x.bundled.sourceKind === 'amateur');
        return {
          noradId: (own[0]?.set.noradId ?? o.norad) as ElementSet['noradId'],
          sets: own.map((x) => x.set),
          ...(o.owner === null ? {} : { owner: o.owner }),
          ...(o.ownerSource === undefined || o.ownerSource === null ? {} : { ownerSource: o.ownerSource }),
          ...(amateur ? { amateur: true } : {}),
          source: own[0]?.bundled.source ?? 'unknown',
        };
      });
      const episodes = detectProximity({ objects, start, end, parameters: params }).episodes;
      return episodes.map((x) => x.event).find((e) => matchSpan(e) && sameObjects(e, b)) ?? null;
    }
    case 'conjunction': {
      // Refined again from the two cited sets, starting at the stored TCA.
      const cited = (role: string) => sets.find((x) => x.bundled.role === role);
      const p = cited('primary');
      const s = cited('secondary');
      const tca = parseIsoInstant(String(b.event.measures['tcaUtc'] ?? b.event.startUtc));
      if (p === undefined || s === undefined || tca === undefined) return null;
      const r = conjunctionEvent({
        primary: { set: p.set, storedId: String(p.bundled.storedId), source: p.bundled.source },
        secondary: { set: s.set, storedId: String(s.bundled.storedId), source: s.bundled.source },
        tcaGuess: tca,
        parameters: { ...DEFAULT_CONJUNCTION_PARAMETERS, ...(params as Partial<ConjunctionParameters>) },
      });
      return r.ok && sameObjects(r.event, b) ? r.event : null;
    }
  }
}

/**
 * The bundle's own sets and, when it names an element-history file, the sets of that file it
 * names (its own copy wins for a set in both: it carries the cited role). A message when the
 * file or one of its sets is missing.
 */
function setsRead(b: EvidenceBundle, env: VerifyEnvironment): BundledElementSet[] | string {
  const ref = b.elementHistory;
  if (ref === undefined) return [...b.elementSets];
  const text = env.readFile?.(ref.path) ?? null;
  if (text === null) return `the element-history file ${ref.path} it names cannot be read`;
  let file: ElementHistoryFile;
  try {
    file = JSON.parse(text) as ElementHistoryFile;
  } catch {
    return `the element-history file ${ref.path} is not JSON`;
  }
  if (
    file.format !== ELEMENT_HISTORY_FORMAT ||
    file.version !== ELEMENT_HISTORY_VERSION ||
    !Array.isArray(file.elementSets)
  )
    return `${ref.path} is not an ${ELEMENT_HISTORY_FORMAT} version ${String(ELEMENT_HISTORY_VERSION)} file`;
  const listed: ElementHistoryFile['elementSets'] = file.elementSets;
  const ids: readonly number[] = Array.isArray(ref.storedIds) ? ref.storedIds : [];
  const own = new Map(b.elementSets.map((s) => [s.storedId, s]));
  const shared = new Map(listed.map((s) => [s.storedId, s]));
  const out: BundledElementSet[] = [];
  for (const id of ids) {
    const mine = own.get(id);
    const theirs = shared.get(id);
    if (mine !== undefined) out.push(mine);
    else if (theirs !== undefined) out.push({ ...theirs, cited: false, role: null });
    else return `the element-history file ${ref.path} lacks stored set ${String(id)}`;
  }
  const named = new Set(ids);
  for (const s of b.elementSets) if (!named.has(s.storedId)) out.push(s);
  return out;
}

/** Verifies a bundle's text. Never throws on bad input. */
export function verifyBundle(text: string, env: VerifyEnvironment): VerifyResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      code: 'BUNDLE_UNREADABLE',
      message: `not JSON (${e instanceof Error ? e.message : String(e)}): truncated or not a bundle`,
    };
  }
  if (!isBundle(parsed))
    return {
      ok: false,
      code: 'BUNDLE_UNREADABLE',
      message: `not an ${EVIDENCE_FORMAT} version ${String(EVIDENCE_VERSION)} bundle`,
    };
  const b = parsed;
  const eventId = b.event.id;
  const read = setsRead(b, env);
  if (typeof read === 'string') return { ok: false, code: 'BUNDLE_HISTORY_MISSING', eventId, message: read };
  const sets: { set: ElementSet; bundled: BundledElementSet }[] = [];
  for (const s of read) {
    if (typeof s.raw !== 'string' || env.contentHash(s) !== s.contentHash)
      return {
        ok: false,
        code: 'BUNDLE_HASH_MISMATCH',
        eventId,
        message: `element set ${String(s.storedId)} (NORAD ${String(s.noradId)}, epoch ${s.epochUtc}): its text no longer matches its content hash`,
      };
    const set = reparse(s);
    if (set === null)
      return {
        ok: false,
        code: 'BUNDLE_SET_UNPARSEABLE',
        eventId,
        message: `element set ${String(s.storedId)} (NORAD ${String(s.noradId)}): its text does not parse as one ${s.format} set`,
      };
    sets.push({ set, bundled: s });
  }
  const again = recompute(b, sets);
  if (again === null)
    return {
      ok: false,
      code: 'EVENT_NOT_RECOMPUTED',
      eventId,
      message: `${b.event.detector} ${b.event.detectorVersion} run on the bundle's ${String(sets.length)} element sets did not find the event again`,
    };
  const checks: MeasureCheck[] = Object.entries(b.event.measures)
    .filter(([measure]) => !RUN_INPUT_MEASURES.includes(measure))
    .map(([measure, stored]) => {
      const recomputed = again.measures[measure];
      const match =
        b.event.kind === 'conjunction'
          ? conjunctionMeasureAgrees(measure, stored, recomputed)
          : sameValue(stored, recomputed);
      return { measure, stored, recomputed, match };
    });
  return { ok: true, eventId, checks, mismatches: checks.filter((c) => !c.match) };
}
