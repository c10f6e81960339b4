/**
 * `orbwatch export <event-id> | --objects <list> --format czml|geojson|kml|oem`: an event's or some
 * objects' SGP4 states as files other tools read (Cesium, GIS, flight-dynamics software). The use
 * case (`exportEphemeris` in app) loads and samples; this command resolves the event id (a unique
 * prefix is enough), checks the arguments, and writes the text to `--out` or stdout. Steps that
 * could not be computed are summed up on stderr as a warning; `--json` with `--out` prints a
 * summary of what was written.
 * @module
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ExportFormat } from '@orbwatch/app';
import { exportEphemeris } from '@orbwatch/app';
import type { CzmlReferenceFrame, Instant, NoradId, OemReferenceFrame } from '@orbwatch/core';
import { ErrorCode, OrbwatchError, formatIso } from '@orbwatch/core';
import type { CatalogRepository } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK } from '../exit-codes.js';
import { resolveEvent } from './event-detail.js';

export interface ExportCommandOptions {
  readonly format: ExportFormat;
  readonly objects?: readonly NoradId[];
  readonly from?: Instant;
  readonly to?: Instant;
  readonly step?: number;
  readonly frame?: OemReferenceFrame;
  readonly czmlFrame?: 'inertial' | 'fixed';
  readonly allowStale?: boolean;
  readonly out?: string;
  readonly json?: boolean;
}

/** `orbwatch <version>`, from the CLI package (the files' generator / ORIGINATOR). */
function generator(): string {
  const pkg = createRequire(import.meta.url)('../../package.json') as { version?: string };
  return `orbwatch ${pkg.version ?? 'unknown'}`;
}

export async function runExport(
  repo: CatalogRepository,
  eventId: string | undefined,
  o: ExportCommandOptions,
  ctx: CliContext,
): Promise<number> {
  if (eventId !== undefined && o.objects !== undefined)
    throw new OrbwatchError(ErrorCode.USAGE, 'give an event id or --objects, not both', {});
  if (eventId === undefined && o.objects === undefined)
    throw new OrbwatchError(ErrorCode.USAGE, 'give an event id (or a unique prefix) or --objects <norad,…>', {});
  if (o.frame !== undefined && o.format !== 'oem')
    throw new OrbwatchError(ErrorCode.USAGE, '--frame is for --format oem (CZML: --czml-frame)', {});
  if (o.czmlFrame !== undefined && o.format !== 'czml')
    throw new OrbwatchError(ErrorCode.USAGE, '--czml-frame is for --format czml', {});
  if (o.objects !== undefined && (o.from === undefined || o.to === undefined))
    throw new OrbwatchError(ErrorCode.USAGE, 'exporting objects needs a window: give --from and --to', {});
  const event = eventId === undefined ? undefined : await resolveEvent(repo, eventId);
  const czmlFrame: CzmlReferenceFrame | undefined =
    o.czmlFrame === undefined ? undefined : o.czmlFrame === 'fixed' ? 'FIXED' : 'INERTIAL';
  const { text, document } = await exportEphemeris(repo, {
    format: o.format,
    ...(event === undefined ? {} : { event }),
    ...(o.objects === undefined ? {} : { objects: o.objects }),
    ...(o.from === undefined ? {} : { from: o.from }),
    ...(o.to === undefined ? {} : { to: o.to }),
    ...(o.step === undefined ? {} : { stepSec: o.step }),
    ...(o.frame === undefined ? {} : { oemFrame: o.frame }),
    ...(czmlFrame === undefined ? {} : { czmlFrame }),
    ...(o.allowStale === true ? { allowStale: true } : {}),
    now: ctx.now(),
    generator: generator(),
  });
  for (const obj of document.objects)
    for (const f of obj.failures)
      writeLine(
        ctx.stderr,
        `orbwatch export: warning: ${String(obj.noradId)}: ${String(f.count)} step(s) not computed (${f.code}), ${formatIso(f.firstUtc)} … ${formatIso(f.lastUtc)}: ${f.message}${
          f.code === 'ELEMENTS_TOO_OLD' && o.allowStale !== true
            ? ' (--allow-stale propagates beyond the age limits)'
            : ''
        }`,
      );
  if (o.out === undefined) {
    ctx.stdout.write(text);
    return EXIT_OK;
  }
  writeFileSync(o.out, text);
  const summary = {
    file: o.out,
    format: o.format,
    eventId: event?.id ?? null,
    fromUtc: formatIso(document.from),
    toUtc: formatIso(document.to),
    stepSec: document.stepSec,
    objects: document.objects.map((x) => ({
      norad: Number(x.noradId),
      name: x.name,
      role: x.role ?? null,
      samples: x.samples.length,
      elementSets: x.elementSets.map((s) => ({ id: s.id, epochUtc: formatIso(s.epoch, 6), source: s.source })),
      failures: x.failures.map((f) => ({ code: f.code, count: f.count })),
    })),
  };
  if (o.json === true) writeJson(ctx, summary);
  else
    writeLine(
      ctx.stdout,
      `wrote ${o.out}: ${o.format}, ${String(summary.objects.length)} object(s), ${summary.fromUtc} … ${summary.toUtc} every ${String(summary.stepSec)} s, ${String(
        summary.objects.reduce((n, x) => n + x.samples, 0),
      )} states from ${String(summary.objects.reduce((n, x) => n + x.elementSets.length, 0))} element set(s)`,
    );
  return EXIT_OK;
}
