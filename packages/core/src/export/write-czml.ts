/**
 * CZML for Cesium: a document packet (name, version 1.0, clock over the exported window) and one
 * packet per object with a sampled `position`, a `path`, a `point`, a `label` with name and NORAD
 * id, and an HTML `description` listing the element sets used and the event's assessment.
 *
 * Frame. CZML `referenceFrame` is `FIXED` (Earth-fixed) or `INERTIAL`; Cesium reads `INERTIAL`
 * as the ICRF: its PositionProperty converts with `Transforms.computeIcrfToFixedMatrix`, falling
 * back to the TEME→pseudo-fixed rotation only while ICRF data are not loaded. So SGP4's TEME
 * states are written as GCRF (IAU-76/80 reduction, no EOP: the ~23 mas frame bias between FK5
 * J2000 and the ICRF, ≤ 1 m at LEO, is not applied). `FIXED` writes ITRF (no EOP: ~0.5 km
 * along-track at LEO) and needs no frame data in the viewer.
 *
 * Positions are metres, as CZML requires, at `[seconds since epoch, x, y, z, …]`, interpolated by
 * Lagrange degree 5; the path trails one orbit (osculating period of the first state). A change of element set is a small jump in position; the interpolation blends
 * it over a few samples (the OEM keeps sets apart in segments). Structure after the CZML guide
 * (Packet, Clock, Position, Path, Label, Point pages of the czml-writer wiki).
 * @module
 */
import type { Frame } from '../frames/state-vector.js';
import { ZERO_EOP } from '../frames/earth-orientation.js';
import { temeToGcrf, temeToItrf } from '../frames/named-conversions.js';
import { formatIso } from '../time/instant.js';
import type { ExportDocument, ExportObject } from './export-document.js';
import { assessmentLines, exportObjectLabel } from './export-document.js';

/** CZML position frames. */
export type CzmlReferenceFrame = 'INERTIAL' | 'FIXED';

export interface CzmlOptions {
  readonly referenceFrame?: CzmlReferenceFrame;
}

/** A colour per object, cycled (RGBA 0–255). */
const PALETTE: readonly (readonly [number, number, number])[] = [
  [255, 215, 0],
  [0, 191, 255],
  [255, 99, 71],
  [124, 252, 0],
  [238, 130, 238],
  [255, 165, 0],
];

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Earth's gravitational parameter, km³/s² (EGM-96/WGS-84; a trail length needs no more). */
const MU_KM3_PER_S2 = 398600.4418;

/** Osculating period (s) of a state by the vis-viva equation; null when not elliptic. */
function periodSec(s: {
  r: { x: number; y: number; z: number };
  v: { x: number; y: number; z: number };
}): number | null {
  const r = Math.hypot(s.r.x, s.r.y, s.r.z);
  const v2 = s.v.x ** 2 + s.v.y ** 2 + s.v.z ** 2;
  const inverseA = 2 / r - v2 / MU_KM3_PER_S2;
  return inverseA > 0 ? 2 * Math.PI * Math.sqrt(1 / inverseA ** 3 / MU_KM3_PER_S2) : null;
}

/** Rounds metres to the millimetre. */
const mm = (km: number): number => Math.round(km * 1e6) / 1e3;

function describeObject(doc: ExportDocument, o: ExportObject, frame: CzmlReferenceFrame): string {
  const rows = [
    `<p><b>${escapeHtml(exportObjectLabel(o))}</b>${o.cosparId === null ? '' : ` — COSPAR ${escapeHtml(o.cosparId)}`}${
      o.role === undefined ? '' : ` — role: ${escapeHtml(o.role)}`
    }</p>`,
    `<p>SGP4 states sampled every ${String(doc.stepSec)} s from ${formatIso(doc.from)} to ${formatIso(doc.to)}, each from the newest element set with epoch at or before its time; written in ${
      frame === 'INERTIAL' ? 'GCRF (CZML INERTIAL)' : 'ITRF (CZML FIXED)'
    } without Earth orientation data.</p>`,
    '<table><tr><th>element set</th><th>epoch (UTC)</th><th>source</th></tr>',
    ...o.elementSets.map(
      (s) =>
        `<tr><td>${String(s.id)}</td><td>${formatIso(s.epoch, 6)}</td><td>${escapeHtml(s.source)} (${s.format})</td></tr>`,
    ),
    '</table>',
  ];
  for (const f of o.failures)
    rows.push(
      `<p>${String(f.count)} step(s) not computed (${escapeHtml(f.code)}), ${formatIso(f.firstUtc)} … ${formatIso(f.lastUtc)}: ${escapeHtml(f.message)}</p>`,
    );
  if (doc.event !== undefined)
    rows.push(
      `<p>Event ${escapeHtml(doc.event.id)} (${escapeHtml(doc.event.kind)}, ${formatIso(doc.event.start)} … ${formatIso(doc.event.end)}):</p>`,
      `<ul>${assessmentLines(doc.event.assessment)
        .map((l) => `<li>${escapeHtml(l)}</li>`)
        .join('')}</ul>`,
    );
  return rows.join('');
}

function documentDescription(doc: ExportDocument): string {
  const lines = [
    `<p>${escapeHtml(doc.title)}. Written by ${escapeHtml(doc.generator)} at ${formatIso(doc.created)}.</p>`,
  ];
  if (doc.event !== undefined)
    lines.push(
      `<p>Event ${escapeHtml(doc.event.id)}: ${escapeHtml(doc.event.kind)} by ${escapeHtml(doc.event.detector)} ${escapeHtml(doc.event.detectorVersion)}.</p>`,
      `<ul>${assessmentLines(doc.event.assessment)
        .map((l) => `<li>${escapeHtml(l)}</li>`)
        .join('')}</ul>`,
    );
  return lines.join('');
}

/** The CZML packets as objects (write them with JSON.stringify). */
export function buildCzml(doc: ExportDocument, options: CzmlOptions = {}) {
  const frame = options.referenceFrame ?? 'INERTIAL';
  const from = formatIso(doc.from);
  const to = formatIso(doc.to);
  const documentPacket = {
    id: 'document',
    name: doc.title,
    version: '1.0',
    description: documentDescription(doc),
    clock: {
      interval: `${from}/${to}`,
      currentTime: from,
      multiplier: 60,
      range: 'LOOP_STOP',
      step: 'SYSTEM_CLOCK_MULTIPLIER',
    },
  };
  const packets = doc.objects
    .filter((o) => o.samples.length > 0)
    .map((o, i) => {
      const [r, g, b] = PALETTE[i % PALETTE.length] ?? [255, 255, 255];
      const first = o.samples[0];
      const last = o.samples[o.samples.length - 1];
      if (first === undefined || last === undefined) throw new Error('filtered objects have samples');
      const epoch = first.state.t;
      const cartesian: number[] = [];
      for (const s of o.samples) {
        const st: { r: { x: number; y: number; z: number }; frame: Frame } =
          frame === 'INERTIAL' ? temeToGcrf(s.state, ZERO_EOP) : temeToItrf(s.state, ZERO_EOP);
        cartesian.push((s.state.t - epoch) / 1000, mm(st.r.x), mm(st.r.y), mm(st.r.z));
      }
      const color = { rgba: [r, g, b, 255] };
      return {
        id: `norad-${String(o.noradId)}`,
        name: exportObjectLabel(o),
        availability: `${formatIso(first.state.t)}/${formatIso(last.state.t)}`,
        description: describeObject(doc, o, frame),
        label: {
          text: exportObjectLabel(o),
          font: '12px sans-serif',
          fillColor: color,
          horizontalOrigin: 'LEFT',
          pixelOffset: { cartesian2: [8, 0] },
          show: true,
        },
        point: { pixelSize: 6, color, outlineColor: { rgba: [0, 0, 0, 255] }, outlineWidth: 1 },
        path: {
          show: true,
          width: 1.5,
          leadTime: 0,
          // the last orbit stays drawn behind the object
          trailTime: Math.round(periodSec(first.state) ?? 6000),
          resolution: doc.stepSec,
          material: { solidColor: { color: { rgba: [r, g, b, 160] } } },
        },
        position: {
          epoch: formatIso(epoch, 6),
          referenceFrame: frame,
          interpolationAlgorithm: 'LAGRANGE',
          interpolationDegree: 5,
          cartesian,
        },
      };
    });
  return [documentPacket, ...packets];
}

/** CZML text (a JSON array; ends with a newline). */
export function writeCzml(doc: ExportDocument, options: CzmlOptions = {}): string {
  return `${JSON.stringify(buildCzml(doc, options))}\n`;
}
