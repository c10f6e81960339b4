/**
 * The maneuver summary (see `maneuver-summary.ts`) as lines of text for the demo.
 * @module
 */
import { renderTable } from '../text-table.js';
import { utcSpan, withSigma } from './measure-format.js';
import type { LaunchGroup, ManeuverSummary } from './maneuver-summary.js';
import { STANDOUT_RATIO } from './maneuver-summary.js';

const LABEL_ORDER = [
  'orbit-raising',
  'station-keeping',
  'orbit-lowering',
  'plane-change',
  'single-burn',
  'undetermined',
];
const days = (d: number | null): string => (d === null ? 'n/a' : `${d.toFixed(1)} d`);

function launchTable(groups: readonly LaunchGroup[], max: number): string[] {
  const lines = renderTable(groups.slice(0, max), [
    { header: '  LAUNCH', value: (g) => `  ${g.launch}` },
    { header: 'OBJECTS (names)', value: (g) => g.names },
    { header: 'N OBJECTS', value: (g) => String(g.objects), align: 'right' },
    { header: 'BURNS', value: (g) => String(g.burns), align: 'right' },
  ]).split('\n');
  if (groups.length > max) lines.push(`  … and ${String(groups.length - max)} more launch(es)`);
  return lines;
}

/** The summary as text lines. */
export function maneuverSummaryLines(s: ManeuverSummary, maxRows = 8): string[] {
  if (s.total === 0) return ['Maneuvers: none detected.'];
  const labels = [
    ...LABEL_ORDER.filter((l) => s.byLabel[l] !== undefined),
    ...Object.keys(s.byLabel).filter((l) => !LABEL_ORDER.includes(l)),
  ];
  const source =
    s.labelSource === 'assessment'
      ? 'labels: assessment'
      : s.labelSource === 'measures'
        ? "labels: the detector's maneuver kind; no assessment stored"
        : "labels: assessment where stored, else the detector's maneuver kind";
  const out = [
    `Maneuvers: ${String(s.total)} burns — ${labels.map((l) => `${String(s.byLabel[l] ?? 0)} ${l}`).join(', ')} (${source})`,
  ];
  if (s.orbitRaising.length > 0) {
    out.push(`Orbit raising, by launch (${String(s.orbitRaising.length)} launch(es)):`);
    out.push(...launchTable(s.orbitRaising, maxRows));
  }
  if (s.orbitLowering.length > 0) {
    out.push(`Orbit lowering, by launch (${String(s.orbitLowering.length)} launch(es)):`);
    out.push(...launchTable(s.orbitLowering, Math.min(4, maxRows)));
  }
  const sk = s.stationKeeping;
  if (sk.objects > 0) {
    out.push(
      `Station-keeping: ${String(sk.objects)} object(s), ${String(sk.burns)} burns; typical interval between burns ${days(sk.medianIntervalDays)} (median of each object's median). Most burns:`,
    );
    out.push(
      ...renderTable(sk.busiest, [
        { header: '  OBJECT', value: (k) => `  ${k.label}` },
        { header: 'BURNS', value: (k) => String(k.burns), align: 'right' },
        { header: 'MEDIAN INTERVAL', value: (k) => days(k.medianIntervalDays), align: 'right' },
      ]).split('\n'),
    );
  }
  if (s.standouts.length > 0) {
    out.push(
      `Single burns that stand out (Δv − 1.96σ above ${String(STANDOUT_RATIO)}× the object's median burn; ${String(s.standouts.length)}):`,
    );
    out.push(
      ...renderTable(s.standouts.slice(0, maxRows), [
        { header: '  OBJECT', value: (b) => `  ${b.label}` },
        {
          header: 'BETWEEN (UTC)',
          value: (b) => utcSpan(b.start, b.end),
        },
        { header: 'Δv m/s ± 1σ', value: (b) => withSigma(b.deltaVMps, b.deltaVSigmaMps, 3), align: 'right' },
        {
          header: "OBJECT'S MEDIAN Δv m/s",
          value: (b) => `${b.objectMedianDeltaVMps.toFixed(3)} (${String(b.otherBurns)} burns)`,
          align: 'right',
        },
      ]).split('\n'),
    );
    if (s.standouts.length > maxRows) out.push(`  … and ${String(s.standouts.length - maxRows)} more`);
  }
  return out;
}
