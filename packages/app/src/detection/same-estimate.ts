/**
 * When a detector finds an event again from the same element sets, is it the stored estimate or
 * a new one? The same estimate when it claims the same (label, confidence, possible labels, and
 * every text or flag measure) and every measure with a σ lies within the 95 % interval of the
 * stored value (|later − earlier| ≤ 1.96 σ_earlier): the stored statement still holds, so it stays
 * the event. Otherwise the later estimate is stored as a new event that supersedes the earlier
 * one. Measures without a σ (derived from the same element sets) and the run's inputs (the
 * search window) do not make a new estimate. Without this, a refinement of the noise scale (fitted
 * over the whole history on every run) would store every past manoeuvre again each day.
 * @module
 */
import type { DetectedEvent, MeasureValue } from '@orbwatch/core';
import { RUN_INPUT_MEASURES } from '@orbwatch/core';

/** Two-sided 95 % of a normal distribution, in σ. */
const Z95 = 1.96;

/**
 * The σ measure of each measure, by the naming rule of every detector: `deltaVSigmaMps` is the σ
 * of `deltaVMps`, `minRangeSigmaKm` of `minRangeKm`, and a σ in seconds of a time
 * (`epochSigmaSec`) belongs to the `…Utc` measure of that time.
 */
export function sigmaPartners(measures: Readonly<Record<string, MeasureValue>>): Map<string, string> {
  const sigmaOf = new Map<string, string>();
  for (const key of Object.keys(measures)) {
    if (!key.includes('Sigma')) continue;
    const base = key.replace('Sigma', '');
    if (base !== key && base in measures && !base.includes('Sigma')) sigmaOf.set(base, key);
    else if (base.endsWith('Sec') && `${base.slice(0, -3)}Utc` in measures) sigmaOf.set(`${base.slice(0, -3)}Utc`, key);
  }
  return sigmaOf;
}

/** A number, or a `…Utc` time in seconds. */
function numeric(key: string, v: MeasureValue | undefined): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && key.endsWith('Utc')) {
    const t = Date.parse(v);
    return Number.isFinite(t) ? t / 1000 : null;
  }
  return null;
}

const sortedLabels = (a: DetectedEvent['assessment']): string => JSON.stringify([...(a?.possibleLabels ?? [])].sort());

/** The rule above, as the store's `SameEstimate`. */
export function sameEstimate(
  earlier: Pick<DetectedEvent, 'measures' | 'assessment'>,
  later: Pick<DetectedEvent, 'measures' | 'assessment'>,
): boolean {
  const a = earlier.assessment;
  const b = later.assessment;
  if ((a === undefined) !== (b === undefined)) return false;
  if (a?.label !== b?.label || a?.confidence !== b?.confidence || sortedLabels(a) !== sortedLabels(b)) return false;
  const keys = new Set([...Object.keys(earlier.measures), ...Object.keys(later.measures)]);
  const sigmaOf = sigmaPartners(earlier.measures);
  const sigmas = new Set(sigmaOf.values());
  for (const k of keys) {
    if (RUN_INPUT_MEASURES.includes(k) || sigmas.has(k)) continue;
    const x = earlier.measures[k];
    const y = later.measures[k];
    const s = sigmaOf.get(k);
    if (s !== undefined) {
      const sigma = earlier.measures[s];
      const nx = numeric(k, x);
      const ny = numeric(k, y);
      if (nx === null || ny === null) {
        if ((x ?? null) !== (y ?? null)) return false;
        continue;
      }
      const ok =
        typeof sigma === 'number' && Number.isFinite(sigma) && sigma > 0 ? Math.abs(ny - nx) <= Z95 * sigma : nx === ny;
      if (!ok) return false;
    } else if (typeof x !== 'number' || typeof y !== 'number') {
      // texts, flags, nulls: what the event says it is
      if ((x ?? null) !== (y ?? null)) return false;
    }
  }
  return true;
}
