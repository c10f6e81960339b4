/**
 * Builds the evidence bundle of one stored event: the raw text of every element set the detector
 * read, each with source, source kind, retrieval time, ingest run and content hash; the detector,
 * version and parameters; measures and assessment; the plot series; the findings.
 * With `sharedHistory` (a report site), a maneuver's bundle carries only its cited sets and names
 * the element-history file that holds the rest of its object's history, the series narrowed to
 * the sets around the burn (the object's plot is drawn once from the whole history).
 * @module
 */
import type {
  BundledObject,
  ElementHistoryRef,
  EventSeries,
  EventObjectRole,
  EvidenceBundle,
  Finding,
  Instant,
  NoradId,
} from '@orbwatch/core';
import { EVIDENCE_FORMAT, EVIDENCE_VERSION, OWNER_SOURCE_SATCAT, eventSeries, formatIso } from '@orbwatch/core';
import type { CatalogRepository, StoredEvent } from '@orbwatch/store';
import type { EventInputs } from '../event-inputs.js';
import { eventInputs } from '../event-inputs.js';
import type { SourceKinds } from './element-history-file.js';
import { bundleOrder, bundledElementSet } from './element-history-file.js';

export interface BuildEvidenceOptions {
  readonly findings?: readonly Finding[];
  readonly now: Instant;
  /** Extra detector inputs to record (e.g. the fragmentation baseline). */
  readonly inputs?: Readonly<Record<string, string | number | boolean | null>>;
  /** The detector's inputs, when the caller has loaded them (one history for many burns). */
  readonly loaded?: EventInputs;
  /** Looks an object up (a caller writing many events may remember them). */
  readonly getObject?: CatalogRepository['getObject'];
  /** Source kinds, when the caller has them. */
  readonly sourceKinds?: SourceKinds;
  /** A maneuver's history is in this element-history file (path relative to the bundle). */
  readonly sharedHistory?: { readonly path: string };
}

/** Sets on each side of a burn that a bundle with a shared history keeps in its series. */
const SERIES_NEIGHBOURS = 3;

/** The series narrowed to the burn's span and a few sets each side. */
function narrowed(series: EventSeries | null, e: StoredEvent): EventSeries | null {
  if (series?.kind !== 'maneuver') return series;
  const t = series.history.map((p) => Date.parse(p.tUtc));
  const first = t.findIndex((x) => x >= e.start);
  let last = t.length - 1;
  while (last >= 0 && (t[last] ?? 0) > e.end) last--;
  const from = Math.max(0, (first < 0 ? t.length : first) - SERIES_NEIGHBOURS);
  const to = Math.min(t.length, last + 1 + SERIES_NEIGHBOURS);
  return { ...series, history: series.history.slice(from, to) };
}

export async function buildEvidenceBundle(
  repo: CatalogRepository,
  e: StoredEvent,
  o: BuildEvidenceOptions,
): Promise<EvidenceBundle> {
  const inputs = o.loaded ?? (await eventInputs(repo, e));
  const kinds = o.sourceKinds ?? new Map((await repo.sources()).map((s) => [s.name, s.kind]));
  const cited = new Set(e.elementSetIds);
  const roleOf = new Map<string, string>();
  for (const r of e.elementSets)
    if (r.role !== undefined) roleOf.set(`${String(r.noradId)}@${String(r.epoch)}`, r.role);
  const read = bundleOrder(inputs.all);
  const shared = o.sharedHistory !== undefined && e.kind === 'maneuver' && e.objects.length === 1;
  const history: ElementHistoryRef | undefined =
    shared && o.sharedHistory !== undefined
      ? { path: o.sharedHistory.path, norad: Number(e.objects[0]?.norad), storedIds: read.map((s) => s.id) }
      : undefined;
  const sets = (shared ? read.filter((s) => cited.has(s.id)) : read).map((s) =>
    bundledElementSet(
      s,
      kinds,
      cited.has(s.id),
      cited.has(s.id) ? (roleOf.get(`${String(s.noradId)}@${String(s.epoch)}`) ?? null) : null,
    ),
  );
  const objects: BundledObject[] = [];
  const describe = async (norad: NoradId, role: EventObjectRole, context: boolean): Promise<BundledObject> => {
    const d = await (o.getObject ?? ((n: NoradId) => repo.getObject(n)))(norad);
    const owner = d?.owner ?? null;
    return {
      norad: Number(norad),
      role,
      name: d?.name ?? null,
      cosparId: d?.cosparId ?? null,
      objectType: d?.objectType ?? null,
      owner,
      ownerSource: owner === null ? null : OWNER_SOURCE_SATCAT,
      launchDateUtc: d?.launchDate === null || d?.launchDate === undefined ? null : formatIso(d.launchDate),
      ...(context ? { context: true } : {}),
    };
  };
  for (const x of e.objects) objects.push(await describe(x.norad, x.role, false));
  for (const n of inputs.context) objects.push(await describe(n, 'participant', true));
  return {
    format: EVIDENCE_FORMAT,
    version: EVIDENCE_VERSION,
    createdUtc: formatIso(o.now),
    event: {
      id: e.id,
      kind: e.kind,
      startUtc: formatIso(e.start),
      endUtc: formatIso(e.end),
      measures: e.measures,
      assessment: e.assessment ?? null,
      detector: e.detector,
      detectorVersion: e.detectorVersion,
      parameters: e.parameters,
      inputs: o.inputs ?? {},
    },
    objects,
    elementSets: sets,
    ...(history === undefined ? {} : { elementHistory: history }),
    series: shared ? narrowed(eventSeries(e, inputs.setsByObject), e) : eventSeries(e, inputs.setsByObject),
    findings: o.findings ?? [],
  };
}
