/**
 * Detection as a use case: runs the chosen behaviour detectors over the stored element-set
 * history and stores what they find as events. Incremental: each detector keeps a watermark per
 * object (the highest element-set id it has processed), so a run only redoes the objects that new
 * element sets can change; `full` ignores the watermarks. Re-finding a stored event changes
 * nothing (events are fingerprinted). The CLI's `detect`, the demo, case files, the watcher and
 * the API all run detection through here.
 * @module
 */
import { ErrorCode, OrbwatchError } from '@orbwatch/core';
import type { CatalogRepository } from '@orbwatch/store';
import type { Clock } from './clock.js';
import type { DetectOptions, DetectReport } from './detect-options.js';
import { DETECTOR_KINDS } from './detect-options.js';
import { runFragmentation } from './run-fragmentation.js';
import { PER_OBJECT_DETECTORS, runPerObject } from './run-per-object.js';
import { runProximity } from './run-proximity.js';
import { runRelease } from './run-release.js';

/** Runs the detectors of `options.kinds` in a fixed order; throws USAGE for an unknown kind. */
export async function runDetection(
  repo: CatalogRepository,
  options: DetectOptions,
  clock: Clock,
): Promise<DetectReport> {
  for (const k of options.kinds) {
    if (!(DETECTOR_KINDS as readonly string[]).includes(k)) {
      throw new OrbwatchError(ErrorCode.USAGE, `unknown detector '${k}'; available: ${DETECTOR_KINDS.join(', ')}`, {
        kind: k,
      });
    }
  }
  const detectors: DetectReport['detectors'] = [];
  for (const d of PER_OBJECT_DETECTORS.filter((x) => options.kinds.includes(x.kind)))
    detectors.push(await runPerObject(repo, d, options, clock));
  if (options.kinds.includes('release')) detectors.push(await runRelease(repo, options, clock));
  if (options.kinds.includes('proximity')) detectors.push(await runProximity(repo, options, clock));
  if (options.kinds.includes('fragmentation')) detectors.push(await runFragmentation(repo, options, clock));
  return { detectors };
}
