import { describe, expect, it } from 'vitest';
import type { LaunchGroupReport } from '@orbwatch/core';
import { ErrorCode, instant, noradId } from '@orbwatch/core';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';

const report = (launch: string, status: LaunchGroupReport['status']): LaunchGroupReport => ({
  launch,
  objects: 2,
  grouped: status === 'grouped' ? 2 : 0,
  method: status === 'grouped' ? 'pair-closest-approach' : null,
  epoch: status === 'grouped' ? instant(Date.UTC(2026, 3, 1, 12)) : null,
  countStart: null,
  countStartConsistent: false,
  status,
  reason: `reason for ${status}`,
  manoeuvringAtFirstSet: 0,
  epochSigmaSec: status === 'grouped' ? 600 : null,
  siblingSpeedMedianMps: null,
  siblingSpeedMaxMps: null,
  launchTime: null,
  launchTimeSource: null,
  members: [1, 2].map((n) => ({
    noradId: noradId(n),
    newcomer: true,
    firstEpoch: instant(Date.UTC(2026, 3, 2)),
    firstSetLagDays: null,
    role: 'sibling' as const,
    note: null,
  })),
  rejected: [],
  parameters: { maxSiblingDeltaVMps: 20 },
});

describe('launch reports (migration 005)', () => {
  it('stores one report per launch, the latest examination replacing the earlier one', () => {
    const repo = openSqliteCatalog(':memory:');
    expect(repo.saveLaunchReports('release', '1.2.0', [report('2026-052', 'no-convergence')], instant(1000))).toBe(1);
    repo.saveLaunchReports(
      'release',
      '1.2.0',
      [report('2026-052', 'grouped'), report('2026-060', 'has-parent')],
      instant(2000),
    );
    const all = repo.launchReports();
    expect(all.map((r) => [r.cospar, r.report.status, Number(r.examinedAt)])).toEqual([
      ['2026-052', 'grouped', 2000],
      ['2026-060', 'has-parent', 2000],
    ]);
    expect(all[0]!.report.members.map((m) => m.noradId)).toEqual([1, 2]);
    expect(all[0]!.report.parameters).toEqual({ maxSiblingDeltaVMps: 20 });
    expect(repo.launchReports({ cospar: '2026-060' }).map((r) => r.cospar)).toEqual(['2026-060']);
    repo.close();
  });

  it('refuses a report whose launch is not a COSPAR launch YYYY-NNN, and stores nothing of the batch', () => {
    const repo = openSqliteCatalog(':memory:');
    expect(() =>
      repo.saveLaunchReports(
        'release',
        '1.2.0',
        [report('2026-070', 'grouped'), report('2026-70A', 'grouped')],
        instant(1),
      ),
    ).toThrow(expect.objectContaining({ code: ErrorCode.INPUT_REJECTED }) as Error);
    expect(repo.launchReports()).toEqual([]);
    repo.close();
  });
});
