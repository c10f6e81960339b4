/**
 * Samples an element set over a time range (used by `orbwatch propagate`).
 * @module
 */
import type { ElementSet } from '../elements/element-set.js';
import type { Instant } from '../time/instant.js';
import { instant } from '../time/instant.js';
import type { Sec } from '../units/quantity.js';
import type { Sgp4InitResult } from './create-sgp4-propagator.js';
import { createSgp4Propagator } from './create-sgp4-propagator.js';
import type { PropagateOptions, PropagateResult } from './propagate-teme.js';
import { propagateTeme } from './propagate-teme.js';

/** Upper bound on samples per call, so that a typo in `stepSec` cannot exhaust memory. */
export const MAX_RANGE_SAMPLES = 1_000_000;

/** One sample: the requested time and its TEME state (km, km/s) or failure code. */
export interface RangeSample {
  readonly t: Instant;
  readonly result: PropagateResult;
}

/** Result of {@link propagateRange}: the init failure, or one sample per time. */
export type PropagateRangeResult =
  { readonly ok: true; readonly samples: readonly RangeSample[] } | Extract<Sgp4InitResult, { ok: false }>;

/**
 * Propagates `set` at `from`, `from + stepSec`, … up to and including `to` (the last sample is
 * `to` itself when the steps do not land on it). Times are `from + i·step` computed from `from`
 * each time, so no error accumulates. Each sample carries its own result: a failure at one time
 * (e.g. ELEMENTS_TOO_OLD at the far end, SGP4_DECAYED after re-entry) does not stop the others.
 * Throws RangeError for a programmer error: non-positive or non-finite step, `to` before `from`,
 * or more than {@link MAX_RANGE_SAMPLES} samples.
 */
export function propagateRange(
  set: ElementSet,
  from: Instant,
  to: Instant,
  stepSec: Sec | number,
  options: PropagateOptions = {},
): PropagateRangeResult {
  if (!(Number.isFinite(stepSec) && stepSec > 0))
    throw new RangeError(`step must be a positive number of seconds, got ${String(stepSec)}`);
  if (!(Number.isFinite(from) && Number.isFinite(to) && to >= from))
    throw new RangeError('the range must end at or after its start');
  const stepMs = stepSec * 1000;
  const whole = Math.floor((to - from) / stepMs + 1e-9);
  const count = whole + 1 + (from + whole * stepMs < to ? 1 : 0);
  if (count > MAX_RANGE_SAMPLES)
    throw new RangeError(`${String(count)} samples exceed the limit of ${String(MAX_RANGE_SAMPLES)}`);
  const init = createSgp4Propagator(set);
  if (!init.ok) return init;
  const samples: RangeSample[] = [];
  for (let i = 0; i < count; i++) {
    const t = i <= whole ? instant(Math.min(from + i * stepMs, to)) : to;
    samples.push({ t, result: propagateTeme(init.propagator, t, options) });
  }
  return { ok: true, samples };
}
