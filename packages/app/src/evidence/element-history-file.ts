/**
 * Element sets as evidence carries them (raw text, content hash, source and its kind, retrieval
 * time, ingest run), and one object's history as the element-history file that the bundles of
 * its maneuvers share in a report site (see core's `ElementHistoryRef`).
 * @module
 */
import type { BundledElementSet, ElementHistoryFile } from '@orbwatch/core';
import { ELEMENT_HISTORY_FORMAT, ELEMENT_HISTORY_VERSION, formatIso } from '@orbwatch/core';
import type { StoredElementSet } from '@orbwatch/store';

/** Source name → its kind (`official`, `amateur`, …). */
export type SourceKinds = ReadonlyMap<string, string>;

/** One stored set as a bundle carries it. */
export function bundledElementSet(
  s: StoredElementSet,
  kinds: SourceKinds,
  cited: boolean,
  role: string | null,
): BundledElementSet {
  return { ...historySet(s, kinds), cited, role };
}

/** Sets in the order bundles list them: NORAD id, epoch, stored id. */
export function bundleOrder<T extends Pick<StoredElementSet, 'noradId' | 'epoch' | 'id'>>(sets: readonly T[]): T[] {
  return sets.slice().sort((a, b) => a.noradId - b.noradId || a.epoch - b.epoch || a.id - b.id);
}

/** The element-history file of one object. */
export function elementHistoryFile(
  norad: number,
  sets: readonly StoredElementSet[],
  kinds: SourceKinds,
): ElementHistoryFile {
  return {
    format: ELEMENT_HISTORY_FORMAT,
    version: ELEMENT_HISTORY_VERSION,
    norad,
    elementSets: bundleOrder(sets).map((s) => historySet(s, kinds)),
  };
}

function historySet(s: StoredElementSet, kinds: SourceKinds): ElementHistoryFile['elementSets'][number] {
  return {
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
  };
}

/** The file's text: one set per line, so a reader can page through it. */
export function elementHistoryText(f: ElementHistoryFile): string {
  const head = JSON.stringify({ format: f.format, version: f.version, norad: f.norad });
  return `${head.slice(0, -1)},"elementSets":[\n${f.elementSets.map((s) => JSON.stringify(s)).join(',\n')}\n]}\n`;
}
