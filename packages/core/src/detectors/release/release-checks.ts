/**
 * Physical limits on a release claim, applied to every candidate before it becomes an event:
 *
 * - **No separation before the launch.** The launch time of a COSPAR launch is SATCAT's launch
 *   date (00:00 UTC of the day) when any object of the launch has one; otherwise the lower median
 *   of the revolution-count starts of its objects' first sets (first epoch − rev × period), good
 *   to about one revolution. A separation whose 95 % interval ends before launch − tolerance is
 *   rejected.
 * - **No parent that was not yet in orbit.** A candidate parent must have been in orbit as itself
 *   before the separation (− `parentPrecedenceSec`): since its SATCAT launch date, its own count
 *   start or its first set, whichever is earliest; a newcomer released from a parent, since that
 *   separation.
 * - **No parent of another launch.** The catalogue files an object under the launch that carried it,
 *   and an object released in orbit under its parent's launch (cubesats deployed from the ISS are
 *   1998-067 objects; Cosmos 2543 and what it released are 2019-079): a candidate of another launch
 *   than the child's is a chance crossing of orbits. Objects without a COSPAR launch are not checked.
 * - **No co-passenger as parent.** An object of the child's own launch is a parent only when it
 *   can have carried the child: a rocket body or a carrier known by name (transfer vehicles,
 *   dispensers), or — the late release of a payload that flew attached for a while (TEN-KOH 2
 *   from HTV-X1) — when the separation comes more than `deploymentPhaseDays` after the launch, the
 *   candidate has counted revolutions since the launch and the child's own count starts at the
 *   separation (it was not a free object before). Otherwise it is a sibling deployed with the child.
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';
import type { Instant } from '../../time/instant.js';
import { formatIso, instant } from '../../time/instant.js';
import { Z95 } from '../assessment/classify-by-interval.js';
import type { LaunchTime, ReleaseCheck, ReleaseObjectFacts } from './release-types.js';

const MS_PER_DAY = 86_400_000;

/** What the checks need to know of an object. */
export interface CheckedObject {
  readonly noradId: number;
  readonly launch: string | null;
  readonly sets: readonly ElementSet[];
  readonly facts: ReleaseObjectFacts | undefined;
  readonly newcomer: boolean;
  /** A newcomer released from a parent: in orbit as itself since that separation. */
  readonly released: boolean;
  /** The epoch of that separation (ms), when released. */
  readonly inOrbitSince: number;
}

/** Count start of a set (first epoch − rev × period), ms; null without a revolution number. */
export function countStartMs(set: ElementSet | undefined): number | null {
  if (set === undefined || set.revAtEpoch === null || !(set.revAtEpoch > 0)) return null;
  return set.epoch - (set.revAtEpoch * 2 * Math.PI * 1000) / set.meanMotionRadPerSec;
}

const periodMs = (s: ElementSet): number => (2 * Math.PI * 1000) / s.meanMotionRadPerSec;

/**
 * Launch time per COSPAR launch from the objects given (catalogued and new): SATCAT's earliest
 * launch date among them, else the lower median of their first sets' count starts with a
 * tolerance of one revolution (the count's own uncertainty).
 */
export function launchTimes(objects: readonly CheckedObject[]): Map<string, LaunchTime> {
  const byLaunch = new Map<string, CheckedObject[]>();
  for (const o of objects) if (o.launch !== null) byLaunch.set(o.launch, [...(byLaunch.get(o.launch) ?? []), o]);
  const out = new Map<string, LaunchTime>();
  for (const [launch, objs] of byLaunch) {
    const dates = objs
      .map((o) => o.facts?.launchDate)
      .filter((d): d is Instant => d !== null && d !== undefined && Number.isFinite(d));
    if (dates.length > 0) {
      out.set(launch, { launch, time: instant(Math.min(...dates)), source: 'satcat', toleranceSec: 0 });
      continue;
    }
    const starts: { t: number; p: number }[] = [];
    for (const o of objs) {
      const first = o.sets[0];
      const t = countStartMs(first);
      if (first !== undefined && t !== null && t <= first.epoch) starts.push({ t, p: periodMs(first) });
    }
    if (starts.length === 0) continue;
    starts.sort((a, b) => a.t - b.t);
    const lower = starts[Math.floor((starts.length - 1) / 2)];
    if (lower === undefined) continue;
    out.set(launch, { launch, time: instant(lower.t), source: 'revolution-count', toleranceSec: lower.p / 1000 });
  }
  return out;
}

/**
 * The launch time that bounds an object's separation: its launch's (see {@link launchTimes}), or,
 * for an object without a COSPAR launch, its own SATCAT launch date or count start.
 */
export function objectLaunchTime(o: CheckedObject, byLaunch: ReadonlyMap<string, LaunchTime>): LaunchTime | undefined {
  const known = o.launch !== null ? byLaunch.get(o.launch) : undefined;
  if (known !== undefined) return known;
  return launchTimes([{ ...o, launch: o.launch ?? `object-${String(o.noradId)}` }])
    .values()
    .next().value;
}

/** True when the separation's 95 % interval ends before the launch (less its tolerance). */
export function beforeLaunch(epochMs: number, epochSigmaSec: number, launch: LaunchTime | undefined): boolean {
  if (launch === undefined) return false;
  const sigma = Number.isFinite(epochSigmaSec) && epochSigmaSec > 0 ? epochSigmaSec : 0;
  return epochMs + Z95 * sigma * 1000 < launch.time - launch.toleranceSec * 1000;
}

/** Carriers known by SATCAT type or by name (transfer vehicles, dispensers, upper stages). */
const CARRIER_NAME =
  /\bR\/B\b|\bROCKET BODY\b|\bION SCV\b|\bSHERPA\b|\bVIGORIDE\b|\bORBITER SN\b|\bOTV\b|\bDISPENSER\b/i;

/** The object is a rocket body or a carrier known by name. */
export function isCarrier(o: CheckedObject): boolean {
  const type = o.facts?.objectType ?? null;
  if (type !== null && /ROCKET BODY|^R\/B$/i.test(type.trim())) return true;
  const names = [o.facts?.name ?? null, o.sets[0]?.name ?? null].filter((n): n is string => n !== null);
  return names.some((n) => CARRIER_NAME.test(n));
}

/**
 * Earliest instant the object is known to be in orbit as itself, ms. A newcomer: since its first
 * set, or its established separation — except a carrier (rocket body, known transfer vehicle),
 * which flew to orbit as itself: since its launch, like a catalogued object.
 */
export function inOrbitSinceMs(o: CheckedObject): number {
  if (o.newcomer && !isCarrier(o)) return o.released ? o.inOrbitSince : (o.sets[0]?.epoch ?? Infinity);
  const first = o.sets[0];
  const candidates = [first?.epoch ?? Infinity];
  const count = countStartMs(first);
  if (count !== null) candidates.push(count);
  const date = o.facts?.launchDate;
  if (date !== null && date !== undefined && Number.isFinite(date)) candidates.push(date);
  return Math.min(...candidates);
}

/** Settings of {@link parentCheck}. */
export interface ParentCheckSettings {
  readonly parentPrecedenceSec: number;
  readonly deploymentPhaseDays: number;
}

/**
 * Why `parent` cannot be the parent of `child` at `epochMs` (± `epochSigmaSec`), or null when it
 * can. `launch` is the child's launch time.
 */
export function parentCheck(
  child: CheckedObject,
  parent: CheckedObject,
  epochMs: number,
  epochSigmaSec: number,
  launch: LaunchTime | undefined,
  settings: ParentCheckSettings,
): { check: ReleaseCheck; text: string } | null {
  const since = inOrbitSinceMs(parent);
  if (!(since < epochMs - settings.parentPrecedenceSec * 1000)) {
    return {
      check: 'parent-not-in-orbit',
      text: `${String(parent.noradId)} is known in orbit only from ${iso(since)}, not before the separation at ${iso(epochMs)}`,
    };
  }
  if (child.launch !== null && parent.launch !== null && parent.launch !== child.launch) {
    return {
      check: 'other-launch',
      text:
        `${String(parent.noradId)} belongs to launch ${parent.launch}, the child to ${child.launch}: an object is catalogued under ` +
        "the launch that carried it, and one released in orbit under its parent's (ISS deployments are 1998-067 objects), " +
        'so a parent of another launch is a chance crossing',
    };
  }
  if (parent.launch === null || child.launch === null || isCarrier(parent)) return null;
  if (parent.newcomer && parent.released) return null; // its own separation was established first (a chain)
  // Late release of a payload that flew attached: long after the launch, the child's count starts
  // at the separation while the candidate has counted since the launch.
  const childStart = countStartMs(child.sets[0]);
  const parentStart = countStartMs(parent.sets[0]);
  const sigmaMs = Math.max(0, epochSigmaSec) * 1000;
  const period = child.sets[0] !== undefined ? periodMs(child.sets[0]) : 0;
  if (
    launch !== undefined &&
    epochMs - launch.time > settings.deploymentPhaseDays * MS_PER_DAY &&
    parentStart !== null &&
    parentStart <= launch.time + settings.deploymentPhaseDays * MS_PER_DAY &&
    childStart !== null &&
    childStart >= epochMs - Z95 * sigmaMs - period
  )
    return null;
  return {
    check: 'co-passenger',
    text:
      `${String(parent.noradId)} belongs to the child's own launch ${child.launch ?? ''} and nothing shows it carried the child ` +
      '(not a rocket body or known carrier; no late release: the child was counting revolutions before the separation, ' +
      'or the separation falls in the deployment phase): a sibling, not a parent',
  };
}

const iso = (ms: number): string => (Number.isFinite(ms) ? formatIso(instant(ms)) : 'never');
