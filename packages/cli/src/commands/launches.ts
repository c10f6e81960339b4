/**
 * `orbwatch launches`: every multi-payload launch in the store, one line each — its members
 * (with names and how long after the launch each was first catalogued) and the release
 * detector's outcome: the deployment group with its common epoch ± σ and sibling speeds, or the
 * reason none could be measured. The outcomes are the launch reports `orbwatch detect` stored
 * (a read, no detection here). A multi-payload launch that detection has not examined is listed
 * with outcome `not-examined` and says so.
 *
 * A launch is multi-payload when two or more of its objects with element sets are payloads: SATCAT
 * type PAYLOAD, or — without SATCAT — any object whose name does not mark it as a rocket body or
 * debris. Launches with a stored report are listed whatever their objects.
 * @module
 */
import { formatIso, instant } from '@orbwatch/core';
import type { LaunchLine } from '@orbwatch/app';
import { NOT_EXAMINED, launchDocument, launchLines, launchMembers } from '@orbwatch/app';
import type { CatalogRepository } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';

/** A COSPAR launch designator `YYYY-NNN`. */
export const COSPAR_LAUNCH = /^\d{4}-\d{3}$/;

export async function runLaunches(
  repo: CatalogRepository,
  o: { readonly cospar?: string; readonly json?: boolean },
  ctx: CliContext,
): Promise<number> {
  const lines = await launchLines(repo, o);
  if (o.json === true) {
    writeJson(ctx, { launches: lines.map(launchDocument) });
    return 0;
  }
  for (const l of lines) writeLine(ctx.stdout, launchText(l));
  const examined = lines.filter((l) => l.stored !== undefined).length;
  writeLine(
    ctx.stdout,
    `${String(lines.length)} multi-payload launch(es); ${String(examined)} examined by release detection, ` +
      `${String(lines.filter((l) => l.stored?.report.status === 'grouped').length)} with a deployment group`,
  );
  return 0;
}

const lag = (d: number | null): string => (d === null ? '' : ` +${d.toFixed(1)}d`);

function launchText(l: LaunchLine): string {
  const r = l.stored?.report;
  const ms = launchMembers(l);
  const who = ms.map((m) => `${String(m.norad)} ${m.name ?? '?'}${lag(m.firstSetLagDays)}`).join(', ');
  if (r === undefined) return `${l.cospar}  not-examined  ${String(ms.length)} objects: ${who} — ${NOT_EXAMINED}`;
  if (r.status === 'grouped' && r.epoch !== null) {
    const sigma = r.epochSigmaSec === null ? 'σ n/a' : `± ${(r.epochSigmaSec / 60).toFixed(0)} min`;
    const speeds =
      r.siblingSpeedMedianMps === null
        ? ''
        : `, sibling speeds median ${r.siblingSpeedMedianMps.toFixed(1)} / max ${(r.siblingSpeedMaxMps ?? NaN).toFixed(1)} m/s`;
    return (
      `${l.cospar}  deployment group of ${String(r.grouped)}/${String(ms.length)} at ${formatIso(instant(r.epoch), 0)} ${sigma}` +
      `${speeds} (${r.method ?? ''}) — ${who}`
    );
  }
  return `${l.cospar}  ${r.status}  ${String(ms.length)} objects: ${who} — ${r.reason}`;
}
