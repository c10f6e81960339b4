/**
 * `orbwatch events --csv` on real data (HTV-X1 releasing TEN-KOH 2): one row per event with the
 * same id, kind, label and measures as `--json`; `--csv` with `--json` is a usage error.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempDb } from './run-cli.js';

describe('orbwatch events --csv (built binary)', () => {
  it('writes the rows --json describes, and refuses --csv with --json', () => {
    const db = tempDb();
    expect(runCli(['ingest', '--db', db, '--quiet', 'fixtures/releases/htv-x1-and-ten-koh-2.3le']).code).toBe(0);
    expect(runCli(['detect', '--db', db, '--kinds', 'release', '--quiet']).code).toBe(0);
    const json = JSON.parse(runCli(['events', '--db', db, '--json']).stdout) as {
      events: { id: string; kind: string; assessment: { label: string } | null; measures: Record<string, unknown> }[];
    };
    const csv = runCli(['events', '--db', db, '--csv']);
    expect(csv.code).toBe(0);
    const [header, ...rows] = csv.stdout.trimEnd().split('\n');
    const cols = header!.split(',');
    expect(cols.slice(0, 4)).toEqual(['id', 'kind', 'label', 'confidence']);
    expect(rows).toHaveLength(json.events.length);
    expect(json.events.length).toBeGreaterThan(0);
    for (const [i, e] of json.events.entries()) {
      const f = rows[i]!.split(',');
      expect(f[0]).toBe(e.id);
      expect(f[1]).toBe(e.kind);
      expect(f[2]).toBe(e.assessment?.label ?? '');
      expect(Number(f[cols.indexOf('deltaVMps')])).toBe(e.measures['deltaVMps']);
    }
    const both = runCli(['events', '--db', db, '--csv', '--json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('USAGE');
  });
});
