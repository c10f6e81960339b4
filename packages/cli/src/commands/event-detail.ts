/**
 * `orbwatch event <id>` (also `orbwatch events <id>`): one event in full — its measures with σ and
 * units, the assessment with every reason and threshold, the objects with names, roles, COSPAR
 * ids and owners, the element sets it was computed from with their epochs, their ages relative to
 * the event and their sources (official or amateur), and the detector with its version and
 * parameters. The id may be shortened to any unique prefix, as git does with commit hashes; an
 * ambiguous prefix is a usage error listing the candidates, an unknown one `NOT_FOUND`.
 * `--json` prints the event document of `events --json` with names added to its objects. A
 * superseded event says so first, with its later estimate and the current one
 * (`supersededBy`, `latestEstimateId` in `--json`).
 * @module
 */
import type { Instant, MeasureValue } from '@orbwatch/core';
import { OrbwatchError, formatIso, isOrbwatchError, noradId } from '@orbwatch/core';
import type { EventCandidate } from '@orbwatch/app';
import {
  eventDetail,
  eventReference,
  eventSetSources,
  latestEstimate,
  resolveEventId,
  sigmaPartners,
} from '@orbwatch/app';
import type { CatalogRepository, StoredEvent } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK } from '../exit-codes.js';
import { assessmentCell } from '../presentation/event-tables.js';
import { significant } from '../presentation/measure-format.js';
import { loadObjectNames } from '../presentation/object-names.js';
import { renderTable } from '../text-table.js';
import { supersededText } from './events.js';

/**
 * The event whose id is `idOrPrefix` or starts with it (the app's `resolveEventId`); an
 * ambiguous prefix lists its candidates with their objects' names.
 */
export async function resolveEvent(repo: CatalogRepository, idOrPrefix: string): Promise<StoredEvent> {
  try {
    return await resolveEventId(repo, idOrPrefix);
  } catch (e) {
    const candidates = isOrbwatchError(e) ? (e.details['candidates'] as EventCandidate[] | undefined) : undefined;
    if (!isOrbwatchError(e) || candidates === undefined) throw e;
    const names = await loadObjectNames(
      repo,
      candidates.flatMap((c) => c.objects.map((n) => noradId(n))),
    );
    const lines = candidates.map(
      (c) =>
        `  ${c.id}  ${c.kind}  ${c.start.slice(0, 16)}  ${names.list(
          c.objects.map((n) => noradId(n)),
          2,
        )}`,
    );
    throw new OrbwatchError(e.code, `${e.message}. Candidates:\n${lines.join('\n')}`, {
      ...e.details,
      candidates: candidates.map((c) => c.id),
    });
  }
}

/** Units by measure-name suffix (longest first). */
const UNITS: readonly [string, string][] = [
  ['KmPerSec', 'km/s'],
  ['KmPerDay', 'km/day'],
  ['PerEarthRadii', '1/Earth radii'],
  ['Mps', 'm/s'],
  ['Km', 'km'],
  ['Sec', 's'],
  ['Deg', 'deg'],
  ['Days', 'days'],
  ['Min', 'min'],
  ['Utc', 'UTC'],
  ['Fraction', 'fraction'],
];

/** The unit a measure's name carries, '' when none. */
export function measureUnit(key: string): string {
  return UNITS.find(([suffix]) => key.endsWith(suffix))?.[1] ?? '';
}

/** Each measure's σ measure, by the naming rule the app's same-estimate test uses. */
export const pairSigmas = sigmaPartners;

function valueText(v: MeasureValue | undefined): string {
  if (v === null || v === undefined) return 'n/a';
  if (typeof v === 'number') return String(Number(v.toPrecision(6)));
  return String(v);
}

function sigmaText(v: MeasureValue | undefined): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '';
  // The stored σ at full meaning; a σ of zero is never true of an estimate.
  return v > 0 ? significant(v, 3) : 'n/a (stored as 0)';
}

export { eventReference };

function ageText(sec: number): string {
  const a = Math.abs(sec);
  const sign = sec < 0 ? '−' : '+';
  if (a < 3600) return `${sign}${(a / 60).toFixed(0)} min`;
  if (a < 2 * 86_400) return `${sign}${(a / 3600).toFixed(1)} h`;
  return `${sign}${(a / 86_400).toFixed(1)} d`;
}

/** Rows shown per role in the text view (a breakup has a thousand fragments; --json lists all). */
const MAX_ROWS_PER_ROLE = 20;

const ROLE_ORDER = ['parent', 'chaser', 'target', 'subject', 'primary', 'secondary', 'participant', 'sibling', 'child'];
const roleRank = (role: string): number => {
  const i = ROLE_ORDER.indexOf(role);
  return i < 0 ? ROLE_ORDER.length : i;
};

/** The first rows of each role, and a line per role saying how many more there are. */
function capPerRole<T>(rows: readonly T[], role: (row: T) => string): { shown: T[]; notes: string[] } {
  const seen = new Map<string, number>();
  const shown: T[] = [];
  for (const r of rows) {
    const k = role(r);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    if (n <= MAX_ROWS_PER_ROLE) shown.push(r);
  }
  const notes = [...seen.entries()]
    .filter(([, n]) => n > MAX_ROWS_PER_ROLE)
    .map(
      ([k, n]) => `  … and ${String(n - MAX_ROWS_PER_ROLE)} more with role ${k || '(none)'} (--json lists every one)`,
    );
  return { shown, notes };
}

/** The event's element sets as the text view lists them (source and age from the app's query). */
async function setRows(repo: CatalogRepository, e: StoredEvent, ref: Instant) {
  const sources = await eventSetSources(repo, e, ref);
  return e.elementSets.map((r, i) => ({
    storedId: r.storedId ?? '',
    norad: r.noradId,
    name: sources[i]?.name ?? '',
    epochUtc: formatIso(r.epoch, 6),
    ageSec: sources[i]?.ageSec ?? (r.epoch - ref) / 1000,
    role: r.role ?? '',
    source: sources[i]?.source ?? 'unknown',
    sourceKind: sources[i]?.sourceKind ?? 'unknown',
  }));
}

export async function runEventDetail(
  repo: CatalogRepository,
  idOrPrefix: string,
  json: boolean,
  ctx: CliContext,
): Promise<number> {
  const e = await resolveEvent(repo, idOrPrefix);
  if (json) {
    writeJson(ctx, await eventDetail(repo, e));
    return EXIT_OK;
  }
  const names = await loadObjectNames(
    repo,
    e.objects.map((o) => o.norad),
  );
  const ref = eventReference(e);
  const sets = await setRows(repo, e, ref.t);
  const latest = await latestEstimate(repo, e);
  const out = (line = ''): void => {
    writeLine(ctx.stdout, line);
  };
  out(`Event ${e.id}`);
  if (e.superseded !== undefined) {
    out(`  SUPERSEDED ${supersededText(e).slice(e.id.length + ' superseded '.length)}`);
    if (latest?.live != null && latest.live.id !== e.superseded.by)
      out(`  current estimate: ${latest.live.id} (orbwatch event ${latest.live.id.slice(0, 13)})`);
    else if (latest?.live != null) out(`  current estimate: orbwatch event ${latest.live.id.slice(0, 13)}`);
    else if (e.superseded.by !== null) out('  the later estimates were withdrawn since: no current estimate');
  }
  out(`  kind       ${e.kind}`);
  out(
    `  when       ${formatIso(e.start).slice(0, 19)} … ${formatIso(e.end).slice(0, 19)} UTC (the span it can have happened in)`,
  );
  out(`  assessment ${assessmentCell(e)}`);
  out(`  detector   ${e.detector} ${e.detectorVersion}; stored ${formatIso(e.createdAt).slice(0, 19)} UTC`);
  out();
  const objects = capPerRole(
    [...e.objects].sort((a, b) => roleRank(a.role) - roleRank(b.role)),
    (o) => o.role,
  );
  const ownerSource = new Map<number, string | null>();
  for (const o of objects.shown) ownerSource.set(o.norad, (await repo.getObject(o.norad))?.satcatSource ?? null);
  out('Objects:');
  out(
    renderTable(objects.shown, [
      { header: '  ROLE', value: (o) => `  ${o.role}` },
      { header: 'NORAD', value: (o) => String(o.norad), align: 'right' },
      { header: 'NAME', value: (o) => names.name(o.norad) },
      { header: 'COSPAR', value: (o) => names.get(o.norad)?.cosparId ?? '' },
      { header: 'OWNER (SATCAT)', value: (o) => names.get(o.norad)?.owner ?? 'unknown' },
      { header: 'OWNER FROM', value: (o) => ownerSource.get(o.norad) ?? '' },
      { header: 'TYPE', value: (o) => names.get(o.norad)?.objectType ?? '' },
    ]),
  );
  for (const line of objects.notes) out(line);
  out();
  const sigmaOf = pairSigmas(e.measures);
  const sigmaKeys = new Set(sigmaOf.values());
  const measures = Object.keys(e.measures).filter((k) => !sigmaKeys.has(k));
  out('Measures (1σ beside each value where the detector gives one):');
  out(
    renderTable(measures, [
      { header: '  MEASURE', value: (k) => `  ${k}` },
      { header: 'VALUE', value: (k) => valueText(e.measures[k]), align: 'right' },
      {
        header: '± 1σ',
        value: (k) => {
          const s = sigmaOf.get(k);
          if (s === undefined) return '';
          const sigma = e.measures[s];
          // A time's σ is in seconds; hours beside it when that long.
          return k.endsWith('Utc') && typeof sigma === 'number' && sigma >= 3600
            ? `${sigmaText(sigma)} (${(sigma / 3600).toFixed(1)} h)`
            : sigmaText(sigma);
        },
        align: 'right',
      },
      {
        header: 'UNIT',
        value: (k) => {
          const s = sigmaOf.get(k);
          // A time's σ is in seconds.
          return k.endsWith('Utc') && s !== undefined ? 'UTC (σ in s)' : measureUnit(k);
        },
      },
    ]),
  );
  out();
  const a = e.assessment;
  if (a === undefined) out('Assessment: — (the detector stored none)');
  else {
    out(`Assessment: ${a.label} (confidence ${a.confidence})`);
    if (a.possibleLabels !== undefined && a.possibleLabels.length > 0)
      out(`  possible labels: ${a.possibleLabels.join(', ')}`);
    for (const r of a.reasons) {
      out(`  - ${r.text}`);
      const value = typeof r.value === 'number' ? String(Number(r.value.toPrecision(4))) : String(r.value);
      const sigma = typeof r.sigma === 'number' ? ` ± ${significant(r.sigma, 3)}` : '';
      const threshold =
        r.threshold === undefined || r.threshold === null
          ? ''
          : ` ${r.comparison ?? 'vs'} ${typeof r.threshold === 'number' ? significant(r.threshold, 4) : String(r.threshold)}`;
      const source = r.thresholdSource === undefined ? '' : ` (threshold: ${r.thresholdSource})`;
      out(`    ${r.measure} = ${value}${sigma}${threshold}${source}`);
    }
  }
  out();
  out(`Element sets (age = epoch − ${ref.what}, ${formatIso(ref.t).slice(0, 19)} UTC):`);
  const shownSets = capPerRole(sets, (s) => s.role);
  out(
    renderTable(shownSets.shown, [
      { header: '  SET ID', value: (s) => `  ${s.storedId}`, align: 'right' },
      {
        header: 'OBJECT',
        value: (s) => `${String(s.norad)} ${s.name || names.name(s.norad)}`,
      },
      { header: 'EPOCH (UTC)', value: (s) => s.epochUtc },
      { header: 'AGE', value: (s) => ageText(s.ageSec), align: 'right' },
      { header: 'ROLE', value: (s) => s.role },
      { header: 'SOURCE (kind)', value: (s) => `${s.source} (${s.sourceKind})` },
    ]),
  );
  for (const line of shownSets.notes) out(line);
  out();
  out(`Detector ${e.detector} ${e.detectorVersion}, parameters:`);
  const params = Object.entries(e.parameters);
  if (params.length === 0) out('  (none)');
  for (const [k, v] of params) out(`  ${k} = ${String(v)}${measureUnit(k) === '' ? '' : ` ${measureUnit(k)}`}`);
  return EXIT_OK;
}
