/**
 * KML 2.2 (OGC 07-147r2) ground tracks: a Document with one Placemark per object holding a
 * MultiGeometry of clamped, tessellated LineStrings (`lon,lat,0`, cut at the antimeridian and at
 * gaps like the GeoJSON export), a TimeSpan over the samples, ExtendedData with NORAD id, COSPAR
 * id, role and the element sets used, and a description with the event's assessment; and a second
 * Placemark with a `gx:Track` (Google's extension) of the samples at their height above the
 * ellipsoid (`altitudeMode absolute`, metres), which Google Earth animates over time.
 * @module
 */
import { formatIso } from '../time/instant.js';
import type { ExportDocument, ExportObject } from './export-document.js';
import { assessmentLines, exportObjectLabel } from './export-document.js';
import { groundTrackParts, trackPoint } from './ground-track.js';

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const COLOURS = ['ff00d7ff', 'ffffbf00', 'ff4763ff', 'ff00fc7c', 'ffee82ee', 'ff00a5ff'];

const fixed6 = (x: number): string => x.toFixed(6);

function data(name: string, value: string): string {
  return `<Data name="${xml(name)}"><value>${xml(value)}</value></Data>`;
}

function description(doc: ExportDocument, o: ExportObject): string {
  const lines = [
    `${exportObjectLabel(o)}${o.cosparId === null ? '' : `, COSPAR ${o.cosparId}`}${o.role === undefined ? '' : `, role ${o.role}`}`,
    `SGP4 every ${String(doc.stepSec)} s, ${formatIso(doc.from)} … ${formatIso(doc.to)}, newest element set at or before each time; WGS-84 geodetic via ITRF without Earth orientation data.`,
    ...o.elementSets.map(
      (s) => `element set ${String(s.id)}: epoch ${formatIso(s.epoch, 6)}, source ${s.source} (${s.format})`,
    ),
    ...o.failures.map(
      (f) => `${String(f.count)} step(s) not computed (${f.code}), ${formatIso(f.firstUtc)} … ${formatIso(f.lastUtc)}`,
    ),
  ];
  if (doc.event !== undefined)
    lines.push(`event ${doc.event.id} (${doc.event.kind})`, ...assessmentLines(doc.event.assessment));
  return lines.join('\n');
}

function placemarks(doc: ExportDocument, o: ExportObject, i: number): string[] {
  const first = o.samples[0];
  const last = o.samples[o.samples.length - 1];
  if (first === undefined || last === undefined) return [];
  const style = `#track-${String(i % COLOURS.length)}`;
  const parts = groundTrackParts(o.samples, doc.stepSec).filter((p) => p.length >= 2);
  const lines = parts.map(
    (p) =>
      `<LineString><tessellate>1</tessellate><altitudeMode>clampToGround</altitudeMode><coordinates>${p
        .map((q) => `${fixed6(q.lonDeg)},${fixed6(q.latDeg)},0`)
        .join(' ')}</coordinates></LineString>`,
  );
  const extended = [
    data('noradId', String(o.noradId)),
    data('objectName', o.name ?? ''),
    data('cosparId', o.cosparId ?? ''),
    ...(o.role === undefined ? [] : [data('role', o.role)]),
    data('elementSets', o.elementSets.map((s) => `${String(s.id)} ${formatIso(s.epoch, 6)} ${s.source}`).join('; ')),
    ...(doc.event === undefined ? [] : [data('eventId', doc.event.id)]),
  ];
  const span = `<TimeSpan><begin>${formatIso(first.state.t)}</begin><end>${formatIso(last.state.t)}</end></TimeSpan>`;
  const name = xml(exportObjectLabel(o));
  const points = o.samples.map(trackPoint);
  return [
    `<Placemark id="norad-${String(o.noradId)}-ground-track"><name>${name} ground track</name><description>${xml(description(doc, o))}</description>${span}<styleUrl>${style}</styleUrl><ExtendedData>${extended.join('')}</ExtendedData><MultiGeometry>${lines.join('')}</MultiGeometry></Placemark>`,
    `<Placemark id="norad-${String(o.noradId)}-track"><name>${name}</name><styleUrl>${style}</styleUrl><ExtendedData>${extended.join('')}</ExtendedData><gx:Track><altitudeMode>absolute</altitudeMode>${points
      .map((q) => `<when>${formatIso(q.t)}</when>`)
      .join('')}${points
      .map((q) => `<gx:coord>${fixed6(q.lonDeg)} ${fixed6(q.latDeg)} ${(q.heightKm * 1000).toFixed(1)}</gx:coord>`)
      .join('')}</gx:Track></Placemark>`,
  ];
}

/** KML text (ends with a newline). */
export function writeKml(doc: ExportDocument): string {
  const styles = COLOURS.map(
    (c, i) => `<Style id="track-${String(i)}"><LineStyle><color>${c}</color><width>2</width></LineStyle></Style>`,
  );
  const head = [
    doc.title,
    `written by ${doc.generator} at ${formatIso(doc.created)}`,
    ...(doc.event === undefined
      ? []
      : [
          `event ${doc.event.id}: ${doc.event.kind} by ${doc.event.detector} ${doc.event.detectorVersion}`,
          ...assessmentLines(doc.event.assessment),
        ]),
  ].join('\n');
  const body = doc.objects.flatMap((o, i) => placemarks(doc, o, i));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">',
    `<Document><name>${xml(doc.title)}</name><description>${xml(head)}</description>`,
    ...styles,
    ...body,
    '</Document>',
    '</kml>',
    '',
  ].join('\n');
}
