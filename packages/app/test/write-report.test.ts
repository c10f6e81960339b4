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
import type { DetectedEvent, EvidenceBundle } from '@orbwatch/core';
import {
  DEFAULT_NORM_FILE,
  detectFragmentations,
  detectManeuvers,
  instant,
  noradId,
  parseNorms,
  parseTle,
  verifyBundle,
} from '@orbwatch/core';
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
  readonly binary = new Map<string, Uint8Array>();
  write(path: string, content: string | Uint8Array): Promise<void> {
    if (typeof content === 'string') this.files.set(path, content);
    else this.binary.set(path, content);
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

describe('writeReport on the ISS burns of 2026 (one history plot, one element-history file)', () => {
  let dir: string;
  let repo: SqliteCatalogRepository;
  let events: StoredEvent[];
  const sink = new MemorySink();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orbwatch-report-iss-'));
    repo = openSqliteCatalog(join(dir, 'r.db'));
    const sets = parseTle(read('history-2026/iss.3le.gz'), { file: 'iss.3le.gz' }).items;
    await ingestElementSets(
      repo,
      {
        source: { name: 'celestrak', kind: 'official' },
        retrievedAt: now(),
        files: ['iss'],
        elementSets: sets,
        issues: [],
      },
      { now },
    );
    // As `orbwatch detect` does: on the stored history (the ingest drops repeated sets).
    const { ids } = repo.saveEvents(detectManeuvers(repo.history(noradId(25544))).events, now());
    events = ids.map((id) => repo.getEvent(id)).filter((e): e is StoredEvent => e !== null);
  });
  afterAll(() => {
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every burn has its pages and bundle; all share the object plot, each outlined on it', async () => {
    expect(events.length).toBeGreaterThanOrEqual(2);
    const r = await writeReport(repo, events, sink, { norms, now: now() });
    expect(r).toMatchObject({ events: events.length, plots: 1, objectPlots: 1 });
    const plot = sink.files.get('plots/object-25544.svg')!;
    expect(plot).toMatch(/^<svg/);
    // Both panels draw the history line, and each burn is shaded (a rect and a rule each).
    expect((plot.match(/class="mark-line role-mark/g) ?? []).length).toBe(2);
    expect((plot.match(/class="mark-rect role-mark/g) ?? []).length).toBe(2);
    for (const e of events) {
      const page = sink.files.get(`events/${e.id}.html`)!;
      expect(page).toContain('src="../plots/object-25544.svg"');
      const box = /class="event-span" style="left:([\d.]+)%;width:([\d.]+)%;top:([\d.]+)%;height:([\d.]+)%"/.exec(page);
      expect(box, e.id).not.toBeNull();
      const [left, width, top, height] = box!.slice(1).map(Number) as [number, number, number, number];
      expect(left).toBeGreaterThan(0);
      expect(left + width).toBeLessThan(100);
      expect(top).toBeGreaterThan(0);
      expect(top + height).toBeLessThan(100);
      expect(sink.files.get(`events/${e.id}.md`)).toContain('](../plots/object-25544.svg)');
    }
    // Burns in time order are outlined left to right.
    const lefts = [...events]
      .sort((a, b) => a.start - b.start)
      .map((e) => Number(/class="event-span" style="left:([\d.]+)%/.exec(sink.files.get(`events/${e.id}.html`)!)![1]));
    expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
  });

  it('each compact bundle names the shared history and verifies against it exactly', () => {
    const history = gunzipSync(sink.binary.get('evidence/objects/25544.json.gz')!).toString('utf8');
    const file = JSON.parse(history) as { format: string; norad: number; elementSets: { storedId: number }[] };
    expect(file).toMatchObject({ format: 'orbwatch-element-history', norad: 25544 });
    const env = {
      contentHash: (s: { format: string; raw: string }) => contentHash({ format: s.format as 'tle', raw: s.raw }),
      readFile: (p: string) => (p === 'objects/25544.json.gz' ? history : null),
    };
    for (const e of events) {
      const text = sink.files.get(`evidence/${e.id}.json`)!;
      const b = JSON.parse(text) as EvidenceBundle;
      // Only the cited sets travel in the bundle; the rest is named by stored id.
      expect(b.elementSets.every((s) => s.cited)).toBe(true);
      expect(b.elementHistory?.storedIds.length).toBe(file.elementSets.length);
      const v = verifyBundle(text, env);
      expect(v.ok, JSON.stringify(v)).toBe(true);
      if (v.ok) {
        expect(v.mismatches).toEqual([]);
        expect(v.checks.length).toBeGreaterThan(10);
      }
      // Without the history file the bundle says what is missing.
      expect(verifyBundle(text, { contentHash: env.contentHash })).toMatchObject({
        ok: false,
        code: 'BUNDLE_HISTORY_MISSING',
      });
    }
  });
});
