/**
 * The export use case: loads an event and its objects' element sets (or a list of objects) from
 * the store, samples every object on one time grid with the newest set at or before each time,
 * and writes CZML, GeoJSON, KML or a CCSDS OEM with core's writers. Default window for an event:
 * its start minus one orbit to its end plus one orbit (the longest period among its objects, from
 * the mean motion of the set nearest the event's start), widened to whole steps; `--objects` needs
 * an explicit window.
 * Errors are OrbwatchErrors with codes: an object without stored sets is NOT_FOUND, a bad window
 * USAGE, nothing computable PROPAGATION_FAILED.
 * @module
 */
import type {
  CzmlReferenceFrame,
  ExportDocument,
  ExportObject,
  Instant,
  NoradId,
  OemReferenceFrame,
  SourcedElementSet,
} from '@orbwatch/core';
import {
  ErrorCode,
  MAX_EXPORT_SAMPLES,
  OrbwatchError,
  chooseElementSet,
  exportGrid,
  formatIso,
  instant,
  sampleExportObject,
  writeCzml,
  writeGeoJson,
  writeKml,
  writeOem,
} from '@orbwatch/core';
import type { CatalogRepository, StoredElementSet, StoredEvent } from '@orbwatch/store';

export const EXPORT_FORMATS = ['czml', 'geojson', 'kml', 'oem'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Default sampling step, seconds. */
export const DEFAULT_EXPORT_STEP_SEC = 60;
/** Most samples over all objects in one export. */
export const MAX_EXPORT_TOTAL_SAMPLES = 2_000_000;

export interface ExportRequest {
  readonly format: ExportFormat;
  /** The event to export (its objects with their roles), or … */
  readonly event?: StoredEvent;
  /** … these objects. */
  readonly objects?: readonly NoradId[];
  readonly from?: Instant;
  readonly to?: Instant;
  readonly stepSec?: number;
  /** OEM REF_FRAME (default TEME). */
  readonly oemFrame?: OemReferenceFrame;
  /** CZML position frame (default INERTIAL). */
  readonly czmlFrame?: CzmlReferenceFrame;
  readonly allowStale?: boolean;
  /** When the file is written. */
  readonly now: Instant;
  /** Program and version for the files' metadata. */
  readonly generator: string;
}

export interface ExportResult {
  readonly text: string;
  readonly document: ExportDocument;
}

/** Orbital period, seconds, of a set (2π / n). */
const periodSec = (s: { readonly meanMotionRadPerSec: number }): number => (2 * Math.PI) / s.meanMotionRadPerSec;

/** The window: explicit, or the event's span padded by one orbit of its slowest object. */
function windowOf(
  r: ExportRequest,
  histories: ReadonlyMap<number, readonly StoredElementSet[]>,
): { from: Instant; to: Instant; padSec: number } {
  if (r.from !== undefined && r.to !== undefined) return { from: r.from, to: r.to, padSec: 0 };
  const e = r.event;
  if (e === undefined)
    throw new OrbwatchError(ErrorCode.USAGE, 'exporting objects needs a window: give --from and --to', {});
  let padSec = 0;
  for (const h of histories.values()) {
    const c = chooseElementSet(h, e.start, 'nearest');
    if (c.ok) padSec = Math.max(padSec, periodSec(c.elementSet));
  }
  if (padSec === 0) padSec = 5400;
  // Outward to whole steps, so that the grid falls on round times.
  const stepMs = (r.stepSec ?? DEFAULT_EXPORT_STEP_SEC) * 1000;
  return {
    from: r.from ?? instant(Math.floor((e.start - padSec * 1000) / stepMs) * stepMs),
    to: r.to ?? instant(Math.ceil((e.end + padSec * 1000) / stepMs) * stepMs),
    padSec,
  };
}

/** Loads, samples and writes. */
export async function exportEphemeris(repo: CatalogRepository, r: ExportRequest): Promise<ExportResult> {
  const stepSec = r.stepSec ?? DEFAULT_EXPORT_STEP_SEC;
  if (!(Number.isFinite(stepSec) && stepSec > 0))
    throw new OrbwatchError(ErrorCode.USAGE, `--step must be a positive duration, got ${String(stepSec)}`, { stepSec });
  const members: { norad: NoradId; role?: string }[] =
    r.event !== undefined
      ? [...new Map(r.event.objects.map((o) => [Number(o.norad), { norad: o.norad, role: o.role }])).values()]
      : [...new Set(r.objects ?? [])].map((norad) => ({ norad }));
  if (members.length === 0)
    throw new OrbwatchError(ErrorCode.USAGE, 'nothing to export: give an event id or --objects', {});

  const histories = new Map<number, StoredElementSet[]>();
  for (const m of members) {
    const h = await repo.history(m.norad);
    if (h.length === 0 && r.event === undefined)
      throw new OrbwatchError(ErrorCode.NOT_FOUND, `no element sets stored for ${String(m.norad)}`, { norad: m.norad });
    histories.set(Number(m.norad), h);
  }
  const { from, to } = windowOf(r, histories);
  if (to < from)
    throw new OrbwatchError(ErrorCode.USAGE, `--to (${formatIso(to)}) is before --from (${formatIso(from)})`, {
      from: formatIso(from),
      to: formatIso(to),
    });
  const perObject = Math.floor((to - from) / (stepSec * 1000)) + 2;
  if (perObject > MAX_EXPORT_SAMPLES || perObject * members.length > MAX_EXPORT_TOTAL_SAMPLES)
    throw new OrbwatchError(
      ErrorCode.USAGE,
      `${String(perObject * members.length)} samples requested (${String(members.length)} object(s) × ${String(perObject)}); at most ${String(MAX_EXPORT_TOTAL_SAMPLES)}: use a larger --step or a shorter window`,
      { objects: members.length, samplesPerObject: perObject },
    );
  const times = exportGrid(from, to, stepSec);

  const objects: ExportObject[] = [];
  for (const m of members) {
    const history = (histories.get(Number(m.norad)) ?? []).filter((s) => s.epoch <= to);
    const detail = await repo.getObject(m.norad);
    const latest = history[history.length - 1];
    objects.push(
      sampleExportObject({
        noradId: m.norad,
        name: detail?.name ?? latest?.name ?? null,
        cosparId: detail?.cosparId ?? latest?.cosparId ?? null,
        ...(m.role === undefined ? {} : { role: m.role }),
        history: history satisfies readonly SourcedElementSet[],
        times,
        ...(r.allowStale === true ? { allowStale: true } : {}),
      }),
    );
  }
  if (objects.every((o) => o.samples.length === 0)) {
    const failures = objects.flatMap((o) =>
      o.failures.map((f) => `${String(o.noradId)}: ${f.code} × ${String(f.count)} (${f.message})`),
    );
    throw new OrbwatchError(
      ErrorCode.PROPAGATION_FAILED,
      `no state could be computed in ${formatIso(from)} … ${formatIso(to)}: ${failures.join('; ')}`,
      { from: formatIso(from), to: formatIso(to), failures },
    );
  }

  const e = r.event;
  const document: ExportDocument = {
    title:
      e === undefined
        ? `orbwatch export: ${members.map((m) => String(m.norad)).join(', ')}`
        : `orbwatch export: ${e.kind} event ${e.id}`,
    from,
    to,
    stepSec,
    created: r.now,
    generator: r.generator,
    ...(e === undefined
      ? {}
      : {
          event: {
            id: e.id,
            kind: e.kind,
            start: e.start,
            end: e.end,
            detector: e.detector,
            detectorVersion: e.detectorVersion,
            assessment: e.assessment ?? null,
          },
        }),
    objects,
  };
  const text =
    r.format === 'czml'
      ? writeCzml(document, { referenceFrame: r.czmlFrame ?? 'INERTIAL' })
      : r.format === 'geojson'
        ? writeGeoJson(document)
        : r.format === 'kml'
          ? writeKml(document)
          : writeOem(document, { refFrame: r.oemFrame ?? 'TEME' });
  return { text, document };
}
