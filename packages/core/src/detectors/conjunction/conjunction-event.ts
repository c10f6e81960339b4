/**
 * A conjunction event from a close approach of two element sets: refined TCA, miss distance,
 * relative speed, miss vector in the primary's radial / in-track / cross-track frame, each
 * set's age at TCA, and the Pc with its method named (`conjunction-pc.ts`). Screening calls it
 * on every approach its engine finds, and evidence verification calls it again on the bundled
 * sets with the stored TCA as the guess, so the stored numbers are exactly what the two sets
 * give.
 *
 * The assessment label is always `close-approach` (design.md); its confidence says whether the
 * approach is below the threshold for certain: `high` when miss + 1.96σ (σ: the default
 * covariance along the miss vector) is still below it, `medium` when only the miss is, `low`
 * when refinement put the miss at or above the threshold the engine screened with.
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';
import { createSgp4Propagator } from '../../propagation/create-sgp4-propagator.js';
import type { Instant } from '../../time/instant.js';
import { diffDays, formatIso, instant } from '../../time/instant.js';
import type { EventAssessment } from '../assessment/event-assessment.js';
import type { DetectedEvent } from '../detected-event.js';
import type { ConjunctionParameters } from './conjunction-parameters.js';
import { CONJUNCTION_DETECTOR, CONJUNCTION_DETECTOR_VERSION } from './conjunction-parameters.js';
import { conjunctionPc, PC_MAX_METHOD, PC_METHOD } from './conjunction-pc.js';
import type { ConjunctionGeometry } from './refine-conjunction.js';
import { refineConjunction } from './refine-conjunction.js';

/** One of the two element sets of a conjunction, with its stored id and source. */
export interface ConjunctionSet {
  readonly set: ElementSet;
  readonly storedId: string;
  readonly source?: string;
}

export interface ConjunctionEventInput {
  readonly primary: ConjunctionSet;
  readonly secondary: ConjunctionSet;
  /** A first estimate of the TCA (the engine's, or the stored one when verifying). */
  readonly tcaGuess: Instant;
  readonly parameters: ConjunctionParameters;
}

export type ConjunctionEventResult =
  | { readonly ok: true; readonly event: DetectedEvent; readonly geometry: ConjunctionGeometry }
  | { readonly ok: false; readonly code: string; readonly message: string };

const Z95 = 1.959964;

function assess(
  missKm: number,
  sigmaKm: number,
  thresholdKm: number,
  speedKmPerSec: number,
  minSpeedKmPerSec: number,
): EventAssessment {
  const upper = missKm + Z95 * sigmaKm;
  const confidence = !(missKm < thresholdKm)
    ? 'low'
    : Number.isFinite(upper) && upper < thresholdKm
      ? 'high'
      : 'medium';
  const text =
    confidence === 'high'
      ? `miss distance ${missKm.toFixed(3)} km ± ${sigmaKm.toFixed(3)} km (1σ, default element-set covariance): the 95 % interval is below the ${String(thresholdKm)} km threshold`
      : confidence === 'medium'
        ? `miss distance ${missKm.toFixed(3)} km is below the ${String(thresholdKm)} km threshold, but with ± ${sigmaKm.toFixed(3)} km (1σ, default element-set covariance) the 95 % interval reaches past it`
        : `refined miss distance ${missKm.toFixed(3)} km is not below the ${String(thresholdKm)} km threshold`;
  return {
    label: 'close-approach',
    confidence,
    reasons: [
      {
        measure: 'missDistanceKm',
        value: missKm,
        sigma: Number.isFinite(sigmaKm) ? sigmaKm : null,
        comparison: '<',
        threshold: thresholdKm,
        thresholdSource: 'screening threshold (orbwatch screen --threshold-km)',
        text,
      },
      ...(speedKmPerSec < minSpeedKmPerSec
        ? [
            {
              measure: 'relativeSpeedKmPerSec',
              value: speedKmPerSec,
              sigma: null,
              comparison: '<',
              threshold: minSpeedKmPerSec,
              thresholdSource: 'short-term encounter model (docs/design/conjunction-events.md)',
              text: `relative speed ${(speedKmPerSec * 1000).toFixed(1)} m/s: the two move together (docked, in formation or co-orbital), not a crossing; no Pc, and one event per pair in the window (its closest approach)`,
            },
          ]
        : []),
    ],
  };
}

/** Refines the approach of the two sets near `tcaGuess` and builds its conjunction event. */
export function conjunctionEvent(input: ConjunctionEventInput): ConjunctionEventResult {
  const { primary, secondary, parameters } = input;
  const p1 = createSgp4Propagator(primary.set);
  if (!p1.ok) return { ok: false, code: p1.code, message: `NORAD ${String(primary.set.noradId)}: ${p1.message}` };
  const p2 = createSgp4Propagator(secondary.set);
  if (!p2.ok) return { ok: false, code: p2.code, message: `NORAD ${String(secondary.set.noradId)}: ${p2.message}` };
  const g = refineConjunction(p1.propagator, p2.propagator, input.tcaGuess, parameters.tcaToleranceMs);
  if (g === undefined)
    return {
      ok: false,
      code: 'TCA_NOT_REFINED',
      message: `NORAD ${String(primary.set.noradId)} × ${String(secondary.set.noradId)}: no closest approach near ${formatIso(input.tcaGuess)} (SGP4 failed or no range minimum within ±10 min)`,
    };
  const age1Days = diffDays(g.tcaUtc, primary.set.epoch);
  const age2Days = diffDays(g.tcaUtc, secondary.set.epoch);
  const pc = conjunctionPc(
    { stateTeme: g.state1Teme, regime: p1.propagator.regime, ageDays: age1Days },
    { stateTeme: g.state2Teme, regime: p2.propagator.regime, ageDays: age2Days },
    parameters,
  );
  const ref = (c: ConjunctionSet, role: 'primary' | 'secondary') => ({
    noradId: c.set.noradId,
    epoch: c.set.epoch,
    epochText: c.set.epochText,
    storedId: c.storedId,
    role,
    ...(c.source === undefined ? {} : { source: c.source }),
  });
  const event: DetectedEvent = {
    kind: 'conjunction',
    objects: [
      { norad: primary.set.noradId, role: 'primary' },
      { norad: secondary.set.noradId, role: 'secondary' },
    ],
    // The whole second holding the TCA: refinements from different first guesses (another
    // engine, a bundle) land within the 1 µs root tolerance, not on the same double, and the
    // span is part of the stored event's fingerprint.
    start: instant(Math.floor(g.tcaUtc / 1000) * 1000),
    end: instant(Math.floor(g.tcaUtc / 1000) * 1000 + 1000),
    measures: {
      tcaUtc: formatIso(g.tcaUtc, 6),
      missDistanceKm: g.missDistanceKm,
      relativeSpeedKmPerSec: g.relativeSpeedKmPerSec,
      missRadialKm: g.missRicKm[0],
      missInTrackKm: g.missRicKm[1],
      missCrossTrackKm: g.missRicKm[2],
      missDistanceSigmaKm: Number.isFinite(pc.missSigmaKm) ? pc.missSigmaKm : null,
      pc: pc.pc,
      pcMethod: PC_METHOD,
      pcCovariance: parameters.covarianceModel,
      pcMax: pc.pcMax,
      pcMaxMethod: PC_MAX_METHOD,
      pcNote: pc.note,
      elementSetAge1Days: age1Days,
      elementSetAge2Days: age2Days,
      regime1: p1.propagator.regime,
      regime2: p2.propagator.regime,
    },
    elementSets: [ref(primary, 'primary'), ref(secondary, 'secondary')],
    detector: CONJUNCTION_DETECTOR,
    detectorVersion: CONJUNCTION_DETECTOR_VERSION,
    parameters: { ...parameters },
    assessment: assess(
      g.missDistanceKm,
      pc.missSigmaKm,
      parameters.thresholdKm,
      g.relativeSpeedKmPerSec,
      parameters.minRelativeSpeedForPcKmPerSec,
    ),
  };
  return { ok: true, event, geometry: g };
}
