/**
 * The report use case on real data: the Fengyun-1C debris cloud (CelesTrak debris group of
 * 2025-02-15) and the ISS history, in a temporary SQLite store. Every event gets a page in HTML
 * and Markdown, an evidence bundle and at least one non-empty SVG plot; the findings follow the
 * default norms.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectedEvent } from '@orbwatch/core';
import { DEFAULT_NORM_FILE, detectFragmentations, instant, parseNorms, parseTle } from '@orbwatch/core';
import type { SqliteCatalogRepository, StoredEvent } from '@orbwatch/store';
import { contentHash, ingestElementSets, openSqliteCatalog } from '@orbwatch/store';
import type { ReportSink } from '../src/report/write-report.js';
import { writeReport } from '../src/report/write-report.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');
const read = (rel: string) => {
  const b = readFileSync(resolve(FIXTURES, rel));
  return (rel.endsWith('.gz') ? gunzipSync(b) : b).toString('utf8');
};
const now = () => instant(Date.UTC(2026, 11, 6));
const norms = parseNorms(JSON.stringify(DEFAULT_NORM_FILE), 'default').items;

class MemorySink implements ReportSink {
  readonly files = new Map<string, string>();
  write(path: string, content: string): Promise<void> {
    this.files.set(path, content);
    return Promise.resolve();
  }
}

describe('writeReport on the Fengyun-1C debris cloud', () => {
  let dir: string;
  let repo: SqliteCatalogRepository;
  let events: StoredEvent[];
  const sink = new MemorySink();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orbwatch-report-'));
    repo = openSqliteCatalog(join(dir, 'r.db'));
    const sets = parseTle(read('fragmentation/fengyun-1c-debris.txt'), { file: 'fengyun-1c-debris.txt' }).items;
    await ingestElementSets(
      repo,
      {
        source: { name: 'celestrak', kind: 'official' },
        retrievedAt: now(),
        files: ['fy1c'],
        elementSets: sets,
        issues: [],
      },
      { now },
    );
    const detected: DetectedEvent[] = detectFragmentations({ after: sets }).reports.map((r) => r.event);
    const { ids } = repo.saveEvents(detected, now());
    events = ids.map((id) => repo.getEvent(id)).filter((e): e is StoredEvent => e !== null);
  });
  afterAll(() => {
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a page, a bundle and a Gabbard plot per event, and the index with its timeline', async () => {
    const r = await writeReport(repo, events, sink, { norms, now: now() });
    expect(r.events).toBe(1);
    const id = events[0]!.id;
    for (const f of [
      `events/${id}.html`,
      `events/${id}.md`,
      `evidence/${id}.json`,
      `events/${id}-gabbard.svg`,
      'index.html',
      'index.md',
      'data.json',
      'timeline.svg',
    ])
      expect(sink.files.get(f)?.length ?? 0, f).toBeGreaterThan(100);
    const svg = sink.files.get(`events/${id}-gabbard.svg`)!;
    expect(svg).toMatch(/^<svg/);
    // One point per piece for apogee and for perigee.
    const pieces = events[0]!.objects.filter((o) => o.role === 'fragment').length;
    expect((svg.match(/<path aria-label/g) ?? []).length).toBe(2 * pieces);
    const page = sink.files.get(`events/${id}.html`)!;
    expect(page).toContain('debris-cloud');
    expect(page).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // nothing to fetch when the page opens
  });

  it('the bundle carries the raw sets with their hashes, sources and the findings', () => {
    const id = events[0]!.id;
    const b = JSON.parse(sink.files.get(`evidence/${id}.json`)!) as {
      elementSets: { raw: string; format: 'tle'; contentHash: string; sourceKind: string; cited: boolean }[];
      findings: { normId: string; verdict: string }[];
    };
    expect(b.elementSets.length).toBeGreaterThan(1000);
    for (const s of b.elementSets.slice(0, 50)) expect(contentHash(s)).toBe(s.contentHash);
    expect(new Set(b.elementSets.map((s) => s.sourceKind))).toEqual(new Set(['official']));
    // Intent is not in element sets: both destruction norms answer "cannot be assessed".
    expect(b.findings.map((f) => [f.normId, f.verdict])).toEqual([
      ['no-destructive-da-asat-tests', 'not-assessable'],
      ['copuos-sdm-guideline-4', 'not-assessable'],
    ]);
  });
});
