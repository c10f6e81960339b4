/**
 * Catalogue screening for close approaches: the request and result contract shared by the
 * screening engine, the `screen` use case and the proximity detector, and the close-approach
 * engine itself (single thread; `@orbwatch/workers` runs its chunks in parallel).
 * @module
 */
export type * from './screening-types.js';
export {
  screenCloseApproaches,
  mergeScreeningParts,
  screenedPairCount,
  summarizePlan,
} from './screen-close-approaches.js';
export type { ScreeningOptions, ScreeningPlanSummary } from './screen-close-approaches.js';
export {
  DEFAULT_SCREENING_ENGINE_PARAMETERS,
  SCREENING_ENGINE,
  SCREENING_ENGINE_VERSION,
  planScreening,
} from './screening-plan.js';
export type { ScreeningEngineParameters, ScreeningPlan } from './screening-plan.js';
export { createChunkScratch, createScreeningPart, screenChunk } from './screen-chunk.js';
export type { ChunkScratch, ScreeningPart } from './screen-chunk.js';
export { rangeRateRoot } from './range-rate-root.js';
export type { RangeRateRoot } from './range-rate-root.js';
export { hermitePositionBoundKm, speedBoundKmPerSec } from './interpolation-bound.js';
