/**
 * Exports for other tools: CZML (Cesium), GeoJSON and KML ground tracks, CCSDS OEM ephemerides
 * (written and read back). Writers are pure: they take an {@link ExportDocument} of sampled TEME
 * states and return text. Design notes: docs/design/exports.md.
 * @module
 */
export type {
  ExportDocument,
  ExportElementSet,
  ExportEvent,
  ExportFailure,
  ExportObject,
  ExportSample,
} from './export-document.js';
export { assessmentLines, exportObjectLabel } from './export-document.js';
export type { SampleExportObjectInput, SourcedElementSet } from './sample-export-object.js';
export { MAX_EXPORT_SAMPLES, exportGrid, sampleExportObject } from './sample-export-object.js';
export type { TrackPoint } from './ground-track.js';
export { groundTrackParts, trackPoint } from './ground-track.js';
export type { CzmlOptions, CzmlReferenceFrame } from './write-czml.js';
export { buildCzml, writeCzml } from './write-czml.js';
export { buildGeoJson, writeGeoJson } from './write-geojson.js';
export { writeKml } from './write-kml.js';
export type { OemOptions, OemReferenceFrame } from './write-oem.js';
export { ccsdsTime, writeOem } from './write-oem.js';
export type { Oem, OemIssue, OemMetadata, OemParseResult, OemSegment, OemState, OemVector } from './oem.js';
export { OemIssueCode } from './oem.js';
export { parseOemKvn } from './parse-oem-kvn.js';
