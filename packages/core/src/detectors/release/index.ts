/**
 * The release / deployment detector: newly catalogued objects in, release events out
 * (parent → child releases, and deployment groups of one launch whose carrier is not catalogued).
 * The numeric kernels (closest approach, periodic-ambiguity resolution) stay internal.
 * @module
 */
export {
  classifyRelease,
  detectReleases,
  RELEASE_DETECTOR,
  RELEASE_DETECTOR_VERSION,
  revImpliedEpoch,
} from './detect-releases.js';
export type { ReleaseDetection } from './detect-releases.js';
export { DEFAULT_RELEASE_PARAMETERS } from './release-parameters.js';
export type { ReleaseParameters } from './release-parameters.js';
export type {
  GroupMethod,
  LaunchGroupReport,
  NewcomerOutcome,
  ObjectHistory as ReleaseObjectHistory,
  PairEstimate as ReleasePairEstimate,
  ReleaseClass,
  ReleaseDetectionInput,
} from './release-types.js';
