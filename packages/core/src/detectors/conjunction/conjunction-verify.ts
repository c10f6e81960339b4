/**
 * Tolerances, in physical units, for comparing a conjunction measure recomputed from an evidence
 * bundle with the stored one. Refinement starts from the stored TCA (written to the
 * microsecond) rather than the engine's guess, so the root lands within the 1 µs root
 * tolerance of the stored one — not on the same double. Moving the TCA by δt moves the miss
 * vector's components by up to v_rel·δt (15 km/s × 1 µs = 1.5 cm) and the miss distance and
 * speeds by far less, so: times within 1 ms, lengths within 10 cm, speeds within 1 mm/s,
 * ages within 1 ms, Pc within 1e-4 relative (or 1e-15 absolute); text must be equal.
 * @module
 */
import type { MeasureValue } from '../detected-event.js';
import { parseIsoInstant } from '../../time/instant.js';

function within(a: number, b: number, abs: number, rel = 0): boolean {
  return a === b || Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}

/** True when a recomputed conjunction measure agrees with the stored one (see the module comment). */
export function conjunctionMeasureAgrees(
  measure: string,
  stored: MeasureValue,
  recomputed: MeasureValue | undefined,
): boolean {
  if (recomputed === undefined) return false;
  if (measure.endsWith('Utc') && typeof stored === 'string' && typeof recomputed === 'string') {
    const a = parseIsoInstant(stored);
    const b = parseIsoInstant(recomputed);
    return a !== undefined && b !== undefined && Math.abs(a - b) <= 1;
  }
  if (typeof stored !== 'number' || typeof recomputed !== 'number') return stored === recomputed;
  if (measure.endsWith('KmPerSec')) return within(stored, recomputed, 1e-6);
  if (measure.endsWith('Km')) return within(stored, recomputed, 1e-4);
  if (measure.endsWith('Days')) return within(stored, recomputed, 1 / 86_400_000);
  if (measure.startsWith('pc')) return within(stored, recomputed, 1e-15, 1e-4);
  return within(stored, recomputed, 1e-9, 1e-9);
}
