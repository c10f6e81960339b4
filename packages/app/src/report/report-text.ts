/**
 * Words and numbers as a report shows them: every value with its σ (or why it has none), times
 * in UTC, element-set ages, sources with amateur ones marked. Shared by the HTML and Markdown
 * pages and the terminal story.
 * @module
 */
import type { BundledElementSet, EvidenceBundle, MeasureValue } from '@orbwatch/core';
import { formatWithSigma } from '@orbwatch/core';

/** Escapes text for HTML. */
export function html(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Escapes text for a Markdown table cell. */
export function md(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The σ key of a measure: `deltaVMps` → `deltaVSigmaMps`, `minRangeKm` → `minRangeSigmaKm`. */
export function sigmaKey(key: string): string | null {
  const m = /^(.*?)(Mps|Km|KmPerSec|Sec|Deg|KmPerDay)$/.exec(key);
  return m === null ? null : `${m[1] ?? ''}Sigma${m[2] ?? ''}`;
}

const SIGMA_RE = /Sigma/;

/** Measures as rows: name, value with σ where the event gives one. σ keys are folded in. */
export function measureRows(measures: Readonly<Record<string, MeasureValue>>): { name: string; value: string }[] {
  const rows: { name: string; value: string }[] = [];
  for (const [k, v] of Object.entries(measures)) {
    if (SIGMA_RE.test(k)) continue;
    const sk = sigmaKey(k);
    const sigma = sk === null ? undefined : measures[sk];
    if (typeof v === 'number' && v !== 0 && Math.abs(v) < 1e-3 && sigma === undefined) {
      // Probabilities (a conjunction's Pc) and other small numbers keep their digits.
      rows.push({ name: k, value: v.toExponential(3) });
    } else if (typeof v === 'number') {
      const digits = Math.abs(v) >= 100 ? 1 : 3;
      rows.push({
        name: k,
        value: typeof sigma === 'number' || sigma === null ? formatWithSigma(v, sigma, digits) : v.toFixed(digits),
      });
    } else rows.push({ name: k, value: v === null ? 'n/a' : String(v) });
  }
  return rows;
}

/** Age of a set relative to the event's span, in days (0 inside the span). */
export function setAgeDays(s: BundledElementSet, b: EvidenceBundle): number {
  const t = Date.parse(s.epochUtc);
  const start = Date.parse(b.event.startUtc);
  const end = Date.parse(b.event.endUtc);
  return Math.max(0, start - t, t - end) / 86_400_000;
}

/** `celestrak (official)` or `mccants (AMATEUR)`. */
export function sourceLabel(s: Pick<BundledElementSet, 'source' | 'sourceKind'>): string {
  return s.sourceKind === 'amateur' ? `${s.source} (AMATEUR)` : `${s.source} (${s.sourceKind})`;
}

/** `USA 314 (48247)`, or the bare id when the name is unknown. */
export function objectLabel(o: { norad: number; name: string | null }): string {
  return o.name === null ? String(o.norad) : `${o.name} (${String(o.norad)})`;
}

/** A number as a person reads it: 4 significant digits, no float noise. */
export function readable(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return a >= 1000 ? v.toFixed(0) : a >= 1 ? v.toPrecision(4).replace(/\.?0+$/, '') : v.toPrecision(3);
}

const ROLE_ORDER = [
  'parent',
  'chaser',
  'target',
  'subject',
  'primary',
  'secondary',
  'participant',
  'child',
  'sibling',
  'fragment',
];

/** Objects with the roles that matter most first (parent before its fragments). */
export function byRole<T extends { role: string }>(objects: readonly T[]): T[] {
  return [...objects].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
}

/** Dissent grouped by source: `Belarus, Bolivia, … (voted against A/RES/77/41: …)`. */
export function groupedDissent(dissent: readonly string[]): string[] {
  const bySource = new Map<string, string[]>();
  for (const d of dissent) {
    const m = /^(.*?) \((.*)\)$/.exec(d);
    const who = m?.[1] ?? d;
    const source = m?.[2] ?? '';
    bySource.set(source, [...(bySource.get(source) ?? []), who]);
  }
  return [...bySource.entries()].map(([source, who]) =>
    source === '' ? who.join(', ') : `${who.join(', ')} (${source})`,
  );
}

/** The instant an event is about: closest approach, separation, breakup epoch, or its start. */
export function eventMoment(b: { event: { startUtc: string; measures: Readonly<Record<string, unknown>> } }): string {
  const m = b.event.measures;
  for (const k of ['minRangeUtc', 'separationEpochUtc', 'epochUtc']) if (typeof m[k] === 'string') return m[k];
  return b.event.startUtc;
}
