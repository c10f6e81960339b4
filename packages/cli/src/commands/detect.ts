/**
 * `orbwatch detect [--kinds maneuver,…] [--objects …] [--since …]`: runs the behaviour detectors
 * over the stored element-set history and stores what they find as events. Incremental: each
 * detector keeps a watermark per object (the highest element-set id it has processed), so a run
 * only redoes the objects that new element sets can change; `--full` ignores the watermarks.
 * Re-finding an event already stored changes nothing (events are fingerprinted). The runners
 * live in `../detection/`, one file per detector.
 * @module
 */
import { ErrorCode, OrbwatchError } from '@orbwatch/core';
import type { CatalogRepository } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import type { DetectOptions, DetectReport } from '../detection/detect-options.js';
import { DETECTOR_KINDS } from '../detection/detect-options.js';
import { runFragmentation } from '../detection/run-fragmentation.js';
import { PER_OBJECT_DETECTORS, runPerObject } from '../detection/run-per-object.js';
import { runProximity } from '../detection/run-proximity.js';
import { runRelease } from '../detection/run-release.js';
import { EXIT_OK } from '../exit-codes.js';
import { detectorProgressBars } from '../progress/detector-progress.js';

export type { DetectOptions, DetectReport, DetectorKind } from '../detection/detect-options.js';
export { DETECTOR_KINDS } from '../detection/detect-options.js';
export type { ProximityPreset } from '../detection/proximity-presets.js';
export { PROXIMITY_PRESETS } from '../detection/proximity-presets.js';

export async function runDetect(repo: CatalogRepository, o: DetectOptions, ctx: CliContext): Promise<number> {
  for (const k of o.kinds) {
    if (!(DETECTOR_KINDS as readonly string[]).includes(k)) {
      throw new OrbwatchError(ErrorCode.USAGE, `unknown detector '${k}'; available: ${DETECTOR_KINDS.join(', ')}`, {
        kind: k,
      });
    }
  }
  const report: DetectReport['detectors'] = [];
  // A bar per detector on a terminal, unless the caller (the demo) draws its own.
  const bars =
    o.onProgress === undefined ? detectorProgressBars(ctx.stderr, o.quiet !== true && o.json !== true) : null;
  const opts: DetectOptions = bars === null ? o : { ...o, onProgress: bars.onProgress };
  for (const d of PER_OBJECT_DETECTORS.filter((x) => o.kinds.includes(x.kind)))
    report.push(await runPerObject(repo, d, opts, ctx));
  if (o.kinds.includes('release')) report.push(await runRelease(repo, opts, ctx));
  if (o.kinds.includes('proximity')) report.push(await runProximity(repo, opts, ctx));
  if (o.kinds.includes('fragmentation')) report.push(await runFragmentation(repo, opts, ctx));
  bars?.stop();
  if (o.json === true) writeJson(ctx, { detectors: report });
  else if (o.quiet !== true) {
    for (const r of report) {
      writeLine(
        ctx.stdout,
        `${r.kind}: ${String(r.objectsExamined)} object(s) with new element sets examined, ${String(r.eventsFound)} event(s) found, ${String(r.inserted)} new, ${String(r.existing)} already stored (detector ${r.detector} ${r.version})`,
      );
    }
  }
  return EXIT_OK;
}
