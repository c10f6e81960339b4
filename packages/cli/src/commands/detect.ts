/**
 * `orbwatch detect [--kinds maneuver,…] [--objects …] [--since …]`: runs the behaviour detectors
 * over the stored element-set history and stores what they find as events. Incremental: each
 * detector keeps a watermark per object (the highest element-set id it has processed), so a run
 * only redoes the objects that new element sets can change; `--full` ignores the watermarks.
 * Re-finding an event already stored changes nothing (events are fingerprinted). A thin shell over
 * the `runDetection` use case of @orbwatch/app.
 * @module
 */
import type { CatalogRepository } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import type { DetectOptions } from '@orbwatch/app';
import { runDetection } from '@orbwatch/app';
import { EXIT_OK } from '../exit-codes.js';
import { detectorProgressBars } from '../progress/detector-progress.js';

export type { DetectOptions, DetectReport, DetectorKind, ProximityPreset } from '@orbwatch/app';
export { DETECTOR_KINDS, PROXIMITY_PRESETS } from '@orbwatch/app';

export async function runDetect(repo: CatalogRepository, o: DetectOptions, ctx: CliContext): Promise<number> {
  // A bar per detector on a terminal, unless the caller (the demo) draws its own.
  const bars =
    o.onProgress === undefined ? detectorProgressBars(ctx.stderr, o.quiet !== true && o.json !== true) : null;
  const opts: DetectOptions = bars === null ? o : { ...o, onProgress: bars.onProgress };
  let report;
  try {
    report = await runDetection(repo, opts, ctx);
  } finally {
    bars?.stop();
  }
  if (o.json === true) writeJson(ctx, report);
  else if (o.quiet !== true) {
    for (const r of report.detectors) {
      writeLine(
        ctx.stdout,
        `${r.kind}: ${String(r.objectsExamined)} object(s) with new element sets examined, ${String(r.eventsFound)} event(s) found, ${String(r.inserted)} new, ${String(r.existing)} already stored, ${String(r.superseded)} earlier estimate(s) superseded (detector ${r.detector} ${r.version})`,
      );
    }
  }
  return EXIT_OK;
}
