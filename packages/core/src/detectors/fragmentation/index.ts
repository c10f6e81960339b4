/**
 * The fragmentation detector: bursts of new pieces of one launch between two catalogue
 * snapshots (breakup epoch ± σ from node convergence, altitude from the Gabbard pinch, fragment
 * count, Δv spread), and old debris clouds in one snapshot (Gabbard data only).
 * @module
 */
export {
  detectFragmentations,
  FRAGMENTATION_DETECTOR,
  FRAGMENTATION_DETECTOR_VERSION,
} from './detect-fragmentations.js';
export type { FragmentationDetection, FragmentationInput, FragmentationReport } from './detect-fragmentations.js';
export { DEFAULT_FRAGMENTATION_PARAMETERS } from './fragmentation-parameters.js';
export type { FragmentationParameters } from './fragmentation-parameters.js';
export { estimateBreakupEpoch } from './estimate-breakup-epoch.js';
export type { BreakupEpochEstimate, BreakupEpochOptions } from './estimate-breakup-epoch.js';
export { circularPeriodMin, gabbardPinch, gabbardPoints } from './gabbard-diagram.js';
export type { GabbardPinch, GabbardPoint } from './gabbard-diagram.js';
export { fragmentDeltaV, summarizeDeltaV } from './fragment-delta-v.js';
export type { DeltaVSummary, FragmentDeltaV, ParentAtBreakup } from './fragment-delta-v.js';
export { fragmentOrbit } from './fragment-orbit.js';
export type { FragmentOrbit } from './fragment-orbit.js';
