/**
 * CCSDS OEM in KVN (CCSDS_OEM_VERS = 2.0, the keyword set of CCSDS 502.0-B-2 that 502.0-B-3
 * keeps): header with CREATION_DATE and ORIGINATOR, then for every object one segment per run of
 * samples propagated from the same element set. A change of set is a discontinuity, and the
 * standard's segments are how an OEM states one: a reader interpolates within a segment, never
 * across. Each segment's metadata names the object (OBJECT_NAME, OBJECT_ID = COSPAR designator or
 * `UNKNOWN`), CENTER_NAME EARTH, REF_FRAME (TEME: SGP4's own output, or GCRF via IAU-76/80 without
 * EOP), TIME_SYSTEM UTC, START/STOP_TIME and Lagrange interpolation; its comments name the NORAD
 * id and the element set (id, epoch, source). States are km to 6 decimals (1 mm) and km/s to 9
 * (1 µm/s).
 * @module
 */
import { ZERO_EOP } from '../frames/earth-orientation.js';
import { temeToGcrf } from '../frames/named-conversions.js';
import type { Instant } from '../time/instant.js';
import { formatIso } from '../time/instant.js';
import type { ExportDocument, ExportObject, ExportSample } from './export-document.js';
import { assessmentLines } from './export-document.js';

export type OemReferenceFrame = 'TEME' | 'GCRF';

export interface OemOptions {
  readonly refFrame?: OemReferenceFrame;
}

/** CCSDS time: UTC, microseconds, no zone letter. */
export const ccsdsTime = (t: Instant): string => formatIso(t, 6).replace(/Z$/, '');

const KEY_WIDTH = 20;
const kv = (k: string, v: string): string => `${k.padEnd(KEY_WIDTH)} = ${v}`;
/** Common symbols of orbwatch's texts, spelt in ASCII. */
const ASCII_SPELLING: Readonly<Record<string, string>> = {
  σ: 'sigma',
  '±': '+/-',
  Δ: 'delta-',
  '…': '...',
  '×': 'x',
  '°': ' deg',
  '≤': '<=',
  '≥': '>=',
  '—': '-',
  '–': '-',
  '→': '->',
  '²': '^2',
};
/** KVN is ASCII on one line: known symbols spelt out, anything else `?`. */
const ascii = (s: string): string => s.replace(/[^ -~]/g, (c) => ASCII_SPELLING[c] ?? '?');

/** Runs of consecutive samples (no missing step) from the same set. */
function segmentsOf(o: ExportObject, stepSec: number): ExportSample[][] {
  const runs: ExportSample[][] = [];
  let run: ExportSample[] = [];
  let prev: ExportSample | undefined;
  for (const s of o.samples) {
    if (
      prev !== undefined &&
      (s.elementSetId !== prev.elementSetId || (s.state.t - prev.state.t) / 1000 > 1.5 * stepSec)
    ) {
      runs.push(run);
      run = [];
    }
    run.push(s);
    prev = s;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** OEM KVN text (ends with a newline). */
export function writeOem(doc: ExportDocument, options: OemOptions = {}): string {
  const frame = options.refFrame ?? 'TEME';
  const out: string[] = [kv('CCSDS_OEM_VERS', '2.0')];
  out.push(`COMMENT ${ascii(doc.title)}`);
  out.push(
    `COMMENT SGP4 states every ${String(doc.stepSec)} s from ${ccsdsTime(doc.from)} to ${ccsdsTime(doc.to)}, each from the newest element set with epoch at or before its time`,
  );
  if (frame === 'GCRF') out.push('COMMENT GCRF from TEME by the IAU-76/80 reduction without Earth orientation data');
  if (doc.event !== undefined) {
    out.push(
      `COMMENT event ${doc.event.id}: ${doc.event.kind} ${ccsdsTime(doc.event.start)} .. ${ccsdsTime(doc.event.end)}, ${doc.event.detector} ${doc.event.detectorVersion}`,
    );
    for (const l of assessmentLines(doc.event.assessment)) out.push(`COMMENT ${ascii(l)}`);
  }
  for (const o of doc.objects)
    for (const f of o.failures)
      out.push(
        `COMMENT NORAD ${String(o.noradId)}: ${String(f.count)} step(s) not computed (${f.code}) ${ccsdsTime(f.firstUtc)} .. ${ccsdsTime(f.lastUtc)}`,
      );
  out.push(kv('CREATION_DATE', ccsdsTime(doc.created)));
  out.push(kv('ORIGINATOR', ascii(doc.generator.split(' ')[0] ?? 'orbwatch').toUpperCase()));
  for (const o of doc.objects) {
    const sets = new Map(o.elementSets.map((s) => [s.id, s]));
    for (const run of segmentsOf(o, doc.stepSec)) {
      const first = run[0];
      const last = run[run.length - 1];
      if (first === undefined || last === undefined) continue;
      const set = sets.get(first.elementSetId);
      out.push('', 'META_START');
      out.push(
        `COMMENT NORAD ${String(o.noradId)}${o.role === undefined ? '' : `, role ${o.role}`}; element set ${String(first.elementSetId)}${
          set === undefined
            ? ''
            : `, epoch ${ccsdsTime(set.epoch)} (${ascii(set.epochText)}), source ${ascii(set.source)}, ${set.format}`
        }`,
      );
      out.push(kv('OBJECT_NAME', ascii(o.name ?? `NORAD ${String(o.noradId)}`)));
      out.push(kv('OBJECT_ID', o.cosparId ?? 'UNKNOWN'));
      out.push(kv('CENTER_NAME', 'EARTH'));
      out.push(kv('REF_FRAME', frame));
      out.push(kv('TIME_SYSTEM', 'UTC'));
      out.push(kv('START_TIME', ccsdsTime(first.state.t)));
      out.push(kv('STOP_TIME', ccsdsTime(last.state.t)));
      if (run.length >= 2) {
        out.push(kv('INTERPOLATION', 'LAGRANGE'));
        out.push(kv('INTERPOLATION_DEGREE', String(Math.min(5, run.length - 1))));
      }
      out.push('META_STOP', '');
      out.push(`COMMENT element set ${String(first.elementSetId)}`);
      for (const s of run) {
        const st = frame === 'GCRF' ? temeToGcrf(s.state, ZERO_EOP) : s.state;
        out.push(
          [
            ccsdsTime(st.t),
            st.r.x.toFixed(6),
            st.r.y.toFixed(6),
            st.r.z.toFixed(6),
            st.v.x.toFixed(9),
            st.v.y.toFixed(9),
            st.v.z.toFixed(9),
          ].join(' '),
        );
      }
    }
  }
  return `${out.join('\n')}\n`;
}
