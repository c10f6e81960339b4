/**
 * Superseded events through the built binary, on the real ISS history (fixtures/history-2026)
 * ingested in two parts with `detect` after each, as a daily monitor would: `events` lists only
 * the current estimates, `--include-superseded` adds the earlier ones with `supersededBy` and
 * `supersededUtc`, and `event <id>` of a superseded event says so and names its later estimate.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDb } from './run-cli.js';
import { split3le } from './support/catalogue-server.js';

interface Ev {
  id: string;
  kind: string;
  start: string;
  end: string;
  supersededBy: string | null;
  supersededUtc: string | null;
  supersessionReason: string | null;
}

describe('orbwatch events and event with superseded estimates (built binary)', () => {
  it('lists current estimates by default, earlier ones on request, and names the later estimate', () => {
    const records = split3le(
      gunzipSync(readFileSync(join(REPO_ROOT, 'fixtures/history-2026/iss.3le.gz'))).toString('utf8'),
    );
    const db = tempDb();
    const part = (name: string, keep: (day: string) => boolean): string => {
      const path = `${db}.${name}.3le`;
      writeFileSync(
        path,
        `${records
          .filter((r) => keep(r.day))
          .flatMap((r) => r.lines)
          .join('\n')}\n`,
      );
      return path;
    };
    // the ISS burn of 2026-03-24 seen the day after, then with the weeks after it
    const first = part('a', (d) => d <= '2026-03-25');
    const rest = part('b', (d) => d > '2026-03-25');
    for (const file of [first, rest]) {
      expect(runCli(['ingest', '--db', db, '--quiet', file]).code).toBe(0);
      expect(runCli(['detect', '--db', db, '--kinds', 'maneuver', '--quiet']).code).toBe(0);
    }
    const live = (JSON.parse(runCli(['events', '--db', db, '--json']).stdout) as { events: Ev[] }).events;
    const all = (
      JSON.parse(runCli(['events', '--db', db, '--json', '--include-superseded']).stdout) as { events: Ev[] }
    ).events;
    expect(live.every((e) => e.supersededBy === null && e.supersededUtc === null)).toBe(true);
    const old = all.filter((e) => e.supersededUtc !== null);
    expect(old.length).toBeGreaterThan(0);
    expect(all.length).toBe(live.length + old.length);
    const liveIds = new Set(live.map((e) => e.id));
    for (const e of old) {
      expect(liveIds.has(e.id)).toBe(false);
      expect(e.supersessionReason).toBe(e.supersededBy === null ? 'withdrawn' : 're-estimated');
    }
    const reEstimated = old.find((e) => e.supersededBy !== null);
    expect(reEstimated).toBeDefined();
    const later = all.find((e) => e.id === reEstimated?.supersededBy);
    // the later estimate covers the same time (overlapping spans)
    expect(later !== undefined && later.start <= reEstimated!.end && reEstimated!.start <= later.end).toBe(true);

    const text = runCli(['event', '--db', db, reEstimated!.id]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('SUPERSEDED');
    expect(text.stdout).toContain(reEstimated!.supersededBy!);
    const doc = JSON.parse(runCli(['event', '--db', db, reEstimated!.id, '--json']).stdout) as Ev & {
      latestEstimateId: string | null;
    };
    expect(doc.supersededBy).toBe(reEstimated!.supersededBy);
    expect(doc.latestEstimateId === null || liveIds.has(doc.latestEstimateId)).toBe(true);
    const listed = runCli(['events', '--db', db, '--include-superseded']);
    expect(listed.stdout).toContain(`${reEstimated!.id} superseded`);
    const [header, ...rows] = runCli(['events', '--db', db, '--csv', '--include-superseded'])
      .stdout.trimEnd()
      .split('\n');
    const cols = header!.split(',');
    const row = rows.map((r) => r.split(',')).find((f) => f[0] === reEstimated!.id);
    expect(row?.[cols.indexOf('supersededBy')]).toBe(reEstimated!.supersededBy);
    expect(row?.[cols.indexOf('supersededUtc')]).toBe(reEstimated!.supersededUtc);
  });
});
