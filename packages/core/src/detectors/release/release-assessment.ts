/**
 * The assessment of a release event: what a person may say it is, and why.
 *
 * - A parent → child release is classed by its separation speed |Δv| ± σ: `deployment` below
 *   `deploymentMaxMps`, `high-speed-release` from `highSpeedMinMps` on, `ejection` between — each
 *   only when the whole 95 % interval of |Δv| lies inside the class (`classifyByInterval`),
 *   otherwise `undetermined` with the classes that remain possible.
 * - A deployment group is `deployment-group` when the 95 % interval of the siblings' median
 *   relative speed lies below `maxSiblingDeltaVMps` (faster siblings were not deployed together),
 *   otherwise `undetermined`.
 * - A σ larger than the value is said to be so (reason text, and `sigmaExceedsValue` reasons),
 *   never printed as a measured number beside a class.
 * The threshold sources are in docs/design/release-detector.md.
 * @module
 */
import type { AssessmentReason, EventAssessment, ReleaseLabel } from '../assessment/event-assessment.js';
import type { IntervalClass } from '../assessment/classify-by-interval.js';
import { classifyByInterval, formatWithSigma } from '../assessment/classify-by-interval.js';
import type { ReleaseParameters } from './release-parameters.js';
import { formatIso, instant } from '../../time/instant.js';

type SpeedLabel = 'deployment' | 'ejection' | 'high-speed-release';

const SOURCE_DEPLOYMENT =
  'spring deployers separate at 1-2 m/s (P-POD ~1.6 m/s); sibling speeds of the deployments measured here are 1-6 m/s';
const SOURCE_HIGH_SPEED =
  'a quarter of the ~180 m/s of Cosmos 2543 releasing an object on 2020-07-15, and 10x a spring deployer';
const SOURCE_SIBLING =
  'siblings deployed together separate at metres per second; 20 m/s is 4x the deployment limit (release-detector.md)';

export function speedClasses(params: ReleaseParameters): readonly IntervalClass<SpeedLabel>[] {
  return [
    { label: 'deployment', lowerInclusive: 0, upperExclusive: params.deploymentMaxMps },
    { label: 'ejection', lowerInclusive: params.deploymentMaxMps, upperExclusive: params.highSpeedMinMps },
    { label: 'high-speed-release', lowerInclusive: params.highSpeedMinMps, upperExclusive: Infinity },
  ];
}

function sigmaFlag(measure: string, value: number, sigma: number, unit: string): AssessmentReason[] {
  if (Number.isFinite(sigma) && sigma > 0 && sigma <= Math.abs(value)) return [];
  return [
    {
      measure: `${measure}SigmaExceedsValue`,
      value: true,
      sigma: null,
      text:
        `σ of ${measure} (${Number.isFinite(sigma) ? sigma.toFixed(3) : 'n/a'} ${unit}) is not smaller than the value ` +
        `(${value.toFixed(3)} ${unit}): the data do not measure it; the value is no measurement of the speed`,
    },
  ];
}

/** Extra reasons (distance at separation, parent evidence, launch check) passed through. */
export interface ReleaseContext {
  readonly reasons: readonly AssessmentReason[];
}

/** Assessment of a parent → child release from its |Δv| ± σ. */
export function assessRelease(
  deltaVMps: number,
  deltaVSigmaMps: number,
  params: ReleaseParameters,
  context: ReleaseContext,
): EventAssessment {
  const d = classifyByInterval(deltaVMps, deltaVSigmaMps, speedClasses(params), 0);
  const shown = formatWithSigma(deltaVMps, deltaVSigmaMps, 2);
  const interval = `95 % interval [${d.lo.toFixed(2)}, ${Number.isFinite(d.hi) ? d.hi.toFixed(2) : '∞'}] m/s`;
  const thresholds = `deployment < ${String(params.deploymentMaxMps)} m/s (${SOURCE_DEPLOYMENT}); high-speed release ≥ ${String(params.highSpeedMinMps)} m/s (${SOURCE_HIGH_SPEED})`;
  const speed: AssessmentReason = {
    measure: 'deltaVMps',
    value: deltaVMps,
    sigma: deltaVSigmaMps,
    comparison: d.label !== null ? 'inside' : 'straddles',
    threshold: d.label === 'high-speed-release' ? params.highSpeedMinMps : params.deploymentMaxMps,
    thresholdSource: thresholds,
    text:
      d.label !== null
        ? `separation speed ${shown} m/s, ${interval}, lies inside the ${d.label} class (${thresholds})`
        : `separation speed ${shown} m/s, ${interval}, spans ${d.possible.join(', ')}: no class can be given (${thresholds})`,
  };
  const reasons = [speed, ...sigmaFlag('deltaVMps', deltaVMps, deltaVSigmaMps, 'm/s'), ...context.reasons];
  if (d.label === null) {
    return { label: 'undetermined', confidence: 'low', reasons, possibleLabels: d.possible };
  }
  const relSigma = deltaVSigmaMps / Math.max(deltaVMps, 1e-9);
  return { label: d.label, confidence: relSigma <= 1 / 3 ? 'high' : 'medium', reasons };
}

/** Assessment of a deployment group from the siblings' median relative speed ± σ. */
export function assessGroup(
  relativeSpeedMps: number,
  relativeSpeedSigmaMps: number,
  members: number,
  params: ReleaseParameters,
  context: ReleaseContext,
): EventAssessment {
  const classes: readonly IntervalClass<'deployment-group' | 'faster'>[] = [
    { label: 'deployment-group', lowerInclusive: 0, upperExclusive: params.maxSiblingDeltaVMps },
    { label: 'faster', lowerInclusive: params.maxSiblingDeltaVMps, upperExclusive: Infinity },
  ];
  const d = classifyByInterval(relativeSpeedMps, relativeSpeedSigmaMps, classes, 0);
  const shown = formatWithSigma(relativeSpeedMps, relativeSpeedSigmaMps, 2);
  const interval = `95 % interval [${d.lo.toFixed(2)}, ${Number.isFinite(d.hi) ? d.hi.toFixed(2) : '∞'}] m/s`;
  const speed: AssessmentReason = {
    measure: 'siblingRelativeSpeedMps',
    value: relativeSpeedMps,
    sigma: relativeSpeedSigmaMps,
    comparison: d.label === 'deployment-group' ? '<' : 'straddles',
    threshold: params.maxSiblingDeltaVMps,
    thresholdSource: SOURCE_SIBLING,
    text:
      d.label === 'deployment-group'
        ? `${String(members)} objects of one launch meet at a common epoch; their median relative speed ${shown} m/s, ${interval}, is below ${String(params.maxSiblingDeltaVMps)} m/s: deployed together from a carrier not in the catalogue`
        : `${String(members)} objects meet at a common epoch, but their median relative speed ${shown} m/s, ${interval}, reaches ${String(params.maxSiblingDeltaVMps)} m/s: not shown to be deployed together`,
  };
  const reasons = [
    speed,
    ...sigmaFlag('siblingRelativeSpeedMps', relativeSpeedMps, relativeSpeedSigmaMps, 'm/s'),
    ...context.reasons,
  ];
  if (d.label !== 'deployment-group') {
    const possible: ReleaseLabel[] = ['deployment-group', 'ejection', 'high-speed-release'];
    return { label: 'undetermined', confidence: 'low', reasons, possibleLabels: possible };
  }
  return { label: 'deployment-group', confidence: members >= 3 ? 'high' : 'medium', reasons };
}

/** The reason for the launch check that an estimate passed (or null when no launch time is known). */
export function launchReason(
  epochMs: number,
  epochSigmaSec: number,
  launch: { time: number; source: string; toleranceSec: number } | undefined,
): AssessmentReason {
  if (launch === undefined) {
    return {
      measure: 'separationAfterLaunch',
      value: null,
      text: 'no launch time known (no SATCAT launch date, no revolution count): the separation could not be checked against the launch',
    };
  }
  const afterH = (epochMs - launch.time) / 3_600_000;
  return {
    measure: 'separationAfterLaunchHours',
    value: afterH,
    sigma: epochSigmaSec / 3600,
    comparison: '>=',
    threshold: -launch.toleranceSec / 3600,
    thresholdSource:
      launch.source === 'satcat'
        ? 'SATCAT launch date (00:00 UTC of the launch day)'
        : 'lower median of the revolution-count starts of the launch objects, less one revolution (the uncertainty of a count)',
    text: `separation ${afterH.toFixed(1)} h after the launch time ${formatIso(instant(launch.time))} (${launch.source}): not before the launch`,
  };
}
