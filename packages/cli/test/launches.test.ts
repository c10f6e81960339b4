/**
 * `orbwatch launches` on the built binary with real bundled data: a multi-payload launch that
 * detection grouped (2026-052, 9 payloads catalogued within a day), a late release from a
 * payload of the same launch (TEN-KOH 2 from HTV-X1, 2025-241), and a launch ingested after
 * detection ran (2026-076), which must be listed as not examined rather than left out.
 * The checks are independent of the detector: the revolution numbers published in the sets
 * (their count starts at the launch), and JAXA's published release time of TEN-KOH 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDb } from './run-cli.js';

interface LaunchJson {
  cospar: string;
  members: number[];
  outcome: string;
  reason: string | null;
  epochUtc: string | null;
  epochSigmaSec: number | null;
  launchTimeUtc: string | null;
  detectorVersion: string | null;
  parameters: Record<string, number> | null;
  memberDetails: { norad: number; name: string | null; firstSetLagDays: number | null; role: string }[];
}

const fixture = (p: string): string => join(REPO_ROOT, 'fixtures', p);

/** The 3LE records of one launch (`26052` = 2026-052) from the bundled spring-2026 launches file. */
function launchRecords(text: string, intl: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0; i + 2 < lines.length; i++) {
    const l1 = lines[i + 1] ?? '';
    if (l1.startsWith('1 ') && (lines[i + 2] ?? '').startsWith('2 ') && l1.slice(9, 14) === intl) {
      out.push(lines[i] ?? '', l1, lines[i + 2] ?? '');
      i += 2;
    }
  }
  return out.join('\n') + '\n';
}

/** Count start (first epoch − rev × period) of each object's first set, ms: the launch, ± 1 revolution. */
function countStarts(records: string): number[] {
  const first = new Map<string, { epoch: number; start: number }>();
  const lines = records.split('\n');
  for (let i = 0; i + 2 < lines.length; i += 3) {
    const l1 = lines[i + 1] ?? '';
    const l2 = lines[i + 2] ?? '';
    const epoch = Date.UTC(2000 + Number(l1.slice(18, 20)), 0, 1) + (Number(l1.slice(20, 32)) - 1) * 86_400_000;
    const revPerDay = Number(l2.slice(52, 63));
    const rev = Number(l2.slice(63, 68));
    const id = l1.slice(2, 7);
    const seen = first.get(id);
    if (rev > 0 && (seen === undefined || epoch < seen.epoch))
      first.set(id, { epoch, start: epoch - (rev / revPerDay) * 86_400_000 });
  }
  return [...first.values()].map((v) => v.start);
}

describe('orbwatch launches (built binary, bundled data)', () => {
  it('lists every multi-payload launch with its members and outcome, examined or not', { timeout: 120_000 }, () => {
    const db = tempDb();
    const dir = dirname(db);
    const spring = gunzipSync(readFileSync(fixture('history-2026/launches-2026-03-to-05.3le.gz'))).toString('utf8');
    const l052 = launchRecords(spring, '26052');
    const l076 = launchRecords(spring, '26076');
    writeFileSync(join(dir, 'l052.3le'), l052);
    writeFileSync(join(dir, 'l076.3le'), l076);

    const ingest = (paths: string[]): void => {
      const r = runCli(['ingest', ...paths, '--db', db, '--source', 'celestrak', '--quiet']);
      expect(r.code, r.stderr).toBe(0);
    };
    ingest([fixture('history-2026/iss.3le.gz'), join(dir, 'l052.3le'), fixture('releases/htv-x1-and-ten-koh-2.3le')]);
    const detect = runCli(['detect', '--kinds', 'release', '--db', db, '--quiet']);
    expect(detect.code, detect.stderr).toBe(0);
    ingest([join(dir, 'l076.3le')]); // after detection: not examined yet

    const out = runCli(['launches', '--db', db, '--json']);
    expect(out.code, out.stderr).toBe(0);
    const { launches } = JSON.parse(out.stdout) as { launches: LaunchJson[] };
    expect(launches.map((l) => l.cospar)).toEqual(['2025-241', '2026-052', '2026-076']);
    const [htv, g052, l076r] = launches as [LaunchJson, LaunchJson, LaunchJson];

    // 2026-052: a deployment group; its common epoch after the launch that the published
    // revolution counts imply (median count start, ± one revolution ≈ 1.6 h), within 3 h.
    expect(g052.outcome).toBe('grouped');
    expect(g052.members).toHaveLength(9);
    expect(g052.memberDetails.every((m) => m.name !== null && m.firstSetLagDays !== null)).toBe(true);
    const starts = countStarts(l052).sort((a, b) => a - b);
    const launchFromRevs = starts[starts.length >> 1]!;
    const epoch = Date.parse(g052.epochUtc!);
    expect(epoch - launchFromRevs).toBeGreaterThan(-1.6 * 3_600_000);
    expect(epoch - launchFromRevs).toBeLessThan(3 * 3_600_000);
    expect(g052.epochSigmaSec).toBeGreaterThan(0);
    // Evidence: the stored report names the detector version and its parameters.
    expect(g052.detectorVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(g052.parameters).toMatchObject({ maxSiblingDeltaVMps: 20, deploymentPhaseDays: 2 });

    // No member of the group is named parent of its siblings.
    const events = JSON.parse(runCli(['events', '--kind', 'release', '--db', db, '--json']).stdout) as {
      events: { objects: { norad: number; role: string }[]; measures: Record<string, unknown> }[];
    };
    const group = events.events.find((e) => e.objects.some((o) => o.norad === g052.members[0]))!;
    expect(group.objects.every((o) => o.role === 'sibling')).toBe(true);

    // 2025-241: TEN-KOH 2 released by HTV-X1 (JAXA: 2026-03-11 09:34 UTC).
    expect(htv.outcome).toBe('has-parent');
    expect(htv.members.sort()).toEqual([66174, 68261]);
    const tenKoh = events.events.find((e) => e.objects.some((o) => o.norad === 68261 && o.role === 'child'))!;
    expect(tenKoh.objects).toContainEqual({ norad: 66174, role: 'parent' });
    const sep = Number(tenKoh.measures['separationEpoch']);
    expect(Math.abs(sep - Date.UTC(2026, 2, 11, 9, 34)) / 1000).toBeLessThan(
      3 * Number(tenKoh.measures['separationEpochSigmaSec']),
    );

    // 2026-076, ingested after detection: listed, and it says why it has no outcome.
    expect(l076r.outcome).toBe('not-examined');
    expect(l076r.members.length).toBe(5);
    expect(l076r.reason).toMatch(/detect --kinds release/);
    expect(l076r.epochUtc).toBeNull();

    // One line per launch in the text form; --cospar narrows; a malformed one is a usage error.
    const text = runCli(['launches', '--db', db]);
    expect(text.stdout.trim().split('\n')).toHaveLength(4);
    const one = JSON.parse(runCli(['launches', '--db', db, '--cospar', '2026-052', '--json']).stdout) as {
      launches: LaunchJson[];
    };
    expect(one.launches.map((l) => l.cospar)).toEqual(['2026-052']);
    const bad = runCli(['launches', '--db', db, '--cospar', '2026-52']);
    expect(bad.code).toBe(2);
  });
});
