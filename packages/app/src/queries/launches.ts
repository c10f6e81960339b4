/**
 * Multi-payload launches as data, for `orbwatch launches` and the HTTP API: each launch's members
 * (names, first-set lags) and the release detector's stored outcome — the deployment group with
 * its common epoch ± σ, or the reason none could be measured, or `not-examined`.
 *
 * A launch is multi-payload when two or more of its objects with element sets are payloads: SATCAT
 * type PAYLOAD, or — without SATCAT — any object whose name does not mark it as a rocket body or
 * debris. Launches with a stored report are listed whatever their objects.
 * @module
 */
import type { LaunchGroupReport } from '@orbwatch/core';
import { formatIso } from '@orbwatch/core';
import type { CatalogObject, CatalogRepository, StoredLaunchReport } from '@orbwatch/store';

const NOT_PAYLOAD_NAME = /\bR\/B\b|\bDEB\b|ROCKET BODY|\bAKM\b|\bPLATFORM\b/i;
const MS_PER_DAY = 86_400_000;

const isPayload = (o: CatalogObject): boolean =>
  o.objectType !== null ? /^PAY/i.test(o.objectType) : !NOT_PAYLOAD_NAME.test(o.name ?? '');

const launchOf = (cospar: string | null): string | null =>
  cospar !== null && /^\d{4}-\d{3}/.test(cospar) ? cospar.slice(0, 8) : null;

export interface LaunchLine {
  readonly cospar: string;
  readonly objects: readonly CatalogObject[];
  readonly stored: StoredLaunchReport | undefined;
}

export const NOT_EXAMINED =
  'no release detection has examined this launch: `orbwatch detect --kinds release` has not run since its objects were ' +
  'ingested, or they were not new when it ran (their absence before the first set was not seen; docs/design/cli.md)';

export interface MemberJson {
  norad: number;
  name: string | null;
  objectType: string | null;
  firstEpochUtc: string | null;
  firstSetLagDays: number | null;
  role: string;
  note: string | null;
}

export function launchMembers(l: LaunchLine): MemberJson[] {
  const report: LaunchGroupReport | undefined = l.stored?.report;
  const byId = new Map(l.objects.map((x) => [x.noradId as number, x]));
  const launchMs = report?.launchTime ?? minLaunchDate(l.objects);
  const out: MemberJson[] = [];
  const seen = new Set<number>();
  for (const m of report?.members ?? []) {
    const x = byId.get(m.noradId);
    seen.add(m.noradId);
    out.push({
      norad: m.noradId,
      name: x?.name ?? null,
      objectType: x?.objectType ?? null,
      firstEpochUtc: m.firstEpoch === null ? null : formatIso(m.firstEpoch),
      firstSetLagDays: m.firstSetLagDays,
      role: m.role,
      note: m.note,
    });
  }
  for (const x of l.objects) {
    if (seen.has(x.noradId)) continue;
    out.push({
      norad: x.noradId,
      name: x.name,
      objectType: x.objectType,
      firstEpochUtc: x.firstEpoch === null ? null : formatIso(x.firstEpoch),
      firstSetLagDays: launchMs !== null && x.firstEpoch !== null ? (x.firstEpoch - launchMs) / MS_PER_DAY : null,
      role: report === undefined ? 'not-examined' : 'not-in-report',
      note: null,
    });
  }
  return out;
}

const minLaunchDate = (objs: readonly CatalogObject[]): number | null => {
  const d = objs.map((x) => x.launchDate).filter((t): t is NonNullable<typeof t> => t !== null);
  return d.length > 0 ? Math.min(...d) : null;
};

/** One launch: the `launches --json` element. */
export function launchDocument(l: LaunchLine): Record<string, unknown> {
  const r = l.stored?.report;
  const ms = launchMembers(l);
  return {
    cospar: l.cospar,
    members: ms.map((m) => m.norad),
    outcome: r?.status ?? 'not-examined',
    reason: r?.reason ?? NOT_EXAMINED,
    epochUtc: r?.epoch !== null && r?.epoch !== undefined && r.status === 'grouped' ? formatIso(r.epoch) : null,
    epochSigmaSec: r?.status === 'grouped' ? r.epochSigmaSec : null,
    grouped: r?.grouped ?? 0,
    method: r?.method ?? null,
    siblingSpeedMedianMps: r?.siblingSpeedMedianMps ?? null,
    siblingSpeedMaxMps: r?.siblingSpeedMaxMps ?? null,
    launchTimeUtc: r?.launchTime !== null && r?.launchTime !== undefined ? formatIso(r.launchTime) : null,
    launchTimeSource: r?.launchTimeSource ?? null,
    convergenceEpochUtc: r !== undefined && r.status !== 'grouped' && r.epoch !== null ? formatIso(r.epoch) : null,
    manoeuvringAtFirstSet: r?.manoeuvringAtFirstSet ?? null,
    rejected: r?.rejected.map((x) => ({ ...x, epochUtc: formatIso(x.epoch) })) ?? [],
    memberDetails: ms,
    detectorVersion: l.stored?.detectorVersion ?? null,
    parameters: r?.parameters ?? null,
    examinedAtUtc: l.stored === undefined ? null : formatIso(l.stored.examinedAt),
  };
}

/** The multi-payload launches (or the one `cospar` names), in COSPAR order. */
export async function launchLines(
  repo: CatalogRepository,
  o: { readonly cospar?: string } = {},
): Promise<LaunchLine[]> {
  const objects = (await repo.listObjects(o.cospar === undefined ? {} : { cospar: o.cospar })).filter(
    (x) => x.firstEpoch !== null,
  );
  const stored = await repo.launchReports(o.cospar === undefined ? {} : { cospar: o.cospar });
  const byLaunch = new Map<string, CatalogObject[]>();
  for (const x of objects) {
    const l = launchOf(x.cosparId);
    if (l !== null && (o.cospar === undefined || l === o.cospar)) byLaunch.set(l, [...(byLaunch.get(l) ?? []), x]);
  }
  const reports = new Map(stored.map((r) => [r.cospar, r]));
  const lines: LaunchLine[] = [];
  for (const cospar of new Set([...byLaunch.keys(), ...reports.keys()])) {
    const objs = byLaunch.get(cospar) ?? [];
    const report = reports.get(cospar);
    if (report === undefined && objs.filter(isPayload).length < 2) continue;
    lines.push({ cospar, objects: objs, stored: report });
  }
  lines.sort((a, b) => a.cospar.localeCompare(b.cospar));
  return lines;
}
