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
export { beforeLaunch, isCarrier, launchTimes } from './release-checks.js';
export { RELEASE_TUNED_PARAMETERS, RELEASE_TUNING_LAUNCHES, isCheckLaunch } from './release-split.js';
export type { TunedParameter } from './release-split.js';
export { assessGroup, assessRelease, speedClasses } from './release-assessment.js';
export type {
  CandidateRejection,
  GroupMethod,
  LaunchMember,
  LaunchStatus,
  LaunchTime,
  LaunchTimeSource,
  ReleaseCheck,
  ReleaseObjectFacts,
  LaunchGroupReport,
  NewcomerOutcome,
  ObjectHistory as ReleaseObjectHistory,
  PairEstimate as ReleasePairEstimate,
  ReleaseClass,
  ReleaseDetectionInput,
} from './release-types.js';
