/**
 * Samples one object for an export: at each time of the grid `from, from + step, …, to` (the
 * last sample is `to` itself when the steps do not land on it) the state comes from the newest
 * element set with epoch at or before that time (`latest-before`: what an observer could have
 * known then, never a later set). A time before the object's first set, or one SGP4 cannot
 * compute (age limit, decay), is left out and counted per code in `failures`.
 * @module
 */
import type { ElementSet } from '../elements/element-set.js';
import type { NoradId } from '../ids/norad-id.js';
import { chooseElementSet } from '../propagation/choose-element-set.js';
import { createSgp4Propagator } from '../propagation/create-sgp4-propagator.js';
import { propagateTeme } from '../propagation/propagate-teme.js';
import type { Sgp4Propagator } from '../propagation/sgp4-propagator.js';
import type { Instant } from '../time/instant.js';
import { instant } from '../time/instant.js';
import type { ExportElementSet, ExportFailure, ExportObject, ExportSample } from './export-document.js';

/** An element set with the stored id and source name an export cites. */
export type SourcedElementSet = ElementSet & { readonly id: number; readonly source: string };

/** Most samples one object may have (a 7-day 1-s grid is 604,800). */
export const MAX_EXPORT_SAMPLES = 1_000_000;

/** The sample times of the grid; throws RangeError on a bad step or window (programmer error). */
export function exportGrid(from: Instant, to: Instant, stepSec: number): Instant[] {
  if (!(Number.isFinite(stepSec) && stepSec > 0)) throw new RangeError(`step must be positive, got ${String(stepSec)}`);
  if (!(Number.isFinite(from) && Number.isFinite(to) && to >= from))
    throw new RangeError('window ends before it starts');
  const stepMs = stepSec * 1000;
  const whole = Math.floor((to - from) / stepMs + 1e-9);
  const count = whole + 1 + (from + whole * stepMs < to ? 1 : 0);
  if (count > MAX_EXPORT_SAMPLES)
    throw new RangeError(`${String(count)} samples exceed the limit of ${String(MAX_EXPORT_SAMPLES)}`);
  const out: Instant[] = [];
  for (let i = 0; i <= whole; i++) out.push(instant(Math.min(from + i * stepMs, to)));
  if (count > whole + 1) out.push(to);
  return out;
}

export interface SampleExportObjectInput {
  readonly noradId: NoradId;
  readonly name: string | null;
  readonly cosparId: string | null;
  readonly role?: string;
  /** The object's sets, sorted by epoch ascending. */
  readonly history: readonly SourcedElementSet[];
  readonly times: readonly Instant[];
  /** Propagate beyond the default age limits (see propagateTeme). */
  readonly allowStale?: boolean;
}

/** The object's samples on `times`, the sets used and the failures. */
export function sampleExportObject(input: SampleExportObjectInput): ExportObject {
  const propagators = new Map<number, Sgp4Propagator | { code: string; message: string }>();
  const used = new Map<number, ExportElementSet>();
  const failures = new Map<
    string,
    { code: string; count: number; firstUtc: Instant; lastUtc: Instant; message: string }
  >();
  const samples: ExportSample[] = [];
  const fail = (code: string, message: string, t: Instant): void => {
    const f = failures.get(code);
    if (f === undefined) failures.set(code, { code, count: 1, firstUtc: t, lastUtc: t, message });
    else {
      f.count++;
      f.lastUtc = t;
    }
  };
  for (const t of input.times) {
    const choice = chooseElementSet(input.history, t, 'latest-before');
    if (!choice.ok) {
      fail(choice.code, 'no element set with epoch at or before this time', t);
      continue;
    }
    const set = input.history[choice.index];
    if (set === undefined) throw new Error('chooseElementSet returned an index outside the history');
    let p = propagators.get(set.id);
    if (p === undefined) {
      const r = createSgp4Propagator(set);
      p = r.ok ? r.propagator : { code: r.code, message: r.message };
      propagators.set(set.id, p);
    }
    if ('code' in p) {
      fail(p.code, p.message, t);
      continue;
    }
    const r = propagateTeme(p, t, input.allowStale === true ? { allowStale: true } : {});
    if (!r.ok) {
      fail(r.code, r.message, t);
      continue;
    }
    used.set(set.id, {
      id: set.id,
      epoch: set.epoch,
      epochText: set.epochText,
      source: set.source,
      format: set.format,
    });
    samples.push({ state: r.state, elementSetId: set.id });
  }
  return {
    noradId: input.noradId,
    name: input.name,
    cosparId: input.cosparId,
    ...(input.role === undefined ? {} : { role: input.role }),
    samples,
    elementSets: [...used.values()].sort((a, b) => a.epoch - b.epoch || a.id - b.id),
    failures: [...failures.values()] satisfies ExportFailure[],
  };
}
