/**
 * Builds the evidence bundle of one stored event: the raw text of every element set the detector
 * read, each with source, source kind, retrieval time, ingest run and content hash; the detector,
 * version and parameters; measures and assessment; the plot series; the findings.
 * @module
 */
import type {
  BundledElementSet,
  BundledObject,
  EventObjectRole,
  EvidenceBundle,
  Finding,
  Instant,
  NoradId,
} from '@orbwatch/core';
import { EVIDENCE_FORMAT, EVIDENCE_VERSION, OWNER_SOURCE_SATCAT, eventSeries, formatIso } from '@orbwatch/core';
import type { CatalogRepository, StoredEvent } from '@orbwatch/store';
import { eventInputs } from '../event-inputs.js';

export interface BuildEvidenceOptions {
  readonly findings?: readonly Finding[];
  readonly now: Instant;
  /** Extra detector inputs to record (e.g. the fragmentation baseline). */
  readonly inputs?: Readonly<Record<string, string | number | boolean | null>>;
}

export async function buildEvidenceBundle(
  repo: CatalogRepository,
  e: StoredEvent,
  o: BuildEvidenceOptions,
): Promise<EvidenceBundle> {
  const inputs = await eventInputs(repo, e);
  const kinds = new Map((await repo.sources()).map((s) => [s.name, s.kind]));
  const cited = new Set(e.elementSetIds);
  const roleOf = new Map<string, string>();
  for (const r of e.elementSets)
    if (r.role !== undefined) roleOf.set(`${String(r.noradId)}@${String(r.epoch)}`, r.role);
  const sets: BundledElementSet[] = inputs.all
    .slice()
    .sort((a, b) => a.noradId - b.noradId || a.epoch - b.epoch || a.id - b.id)
    .map((s) => ({
      storedId: s.id,
      noradId: Number(s.noradId),
      epochUtc: formatIso(s.epoch, 6),
      epochText: s.epochText,
      format: s.format,
      raw: s.raw,
      contentHash: s.contentHash,
      source: s.source,
      sourceKind: kinds.get(s.source) ?? 'unknown',
      retrievedUtc: formatIso(s.retrievedAt),
      ingestRunId: s.ingestRunId,
      cited: cited.has(s.id),
      role: cited.has(s.id) ? (roleOf.get(`${String(s.noradId)}@${String(s.epoch)}`) ?? null) : null,
    }));
  const objects: BundledObject[] = [];
  const describe = async (norad: NoradId, role: EventObjectRole, context: boolean): Promise<BundledObject> => {
    const d = await repo.getObject(norad);
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
    series: eventSeries(e, inputs.setsByObject),
    findings: o.findings ?? [],
  };
}
