/**
 * @orbwatch/app — the use cases every front end shares (CLI now; the HTTP API and workers
 * later): findings against norms, evidence bundles, reports. Front ends pass in the repository,
 * the clock and progress; nothing here parses arguments or prints.
 * @module
 */
export * from './event-inputs.js';
export * from './findings/judge-events.js';
export * from './evidence/build-evidence-bundle.js';
export * from './report/plot-specs.js';
export * from './report/render-svg.js';
export * from './report/report-text.js';
export * from './report/report-pages.js';
export * from './report/write-report.js';
export type { Clock } from './detection/clock.js';
export * from './detection/detect-options.js';
export * from './detection/proximity-presets.js';
export * from './detection/catalog-snapshot.js';
export * from './detection/run-detection.js';
export { runFragmentation } from './detection/run-fragmentation.js';
export { PER_OBJECT_DETECTORS, runPerObject } from './detection/run-per-object.js';
export { runProximity } from './detection/run-proximity.js';
export { runRelease } from './detection/run-release.js';
export { sameEstimate, sigmaPartners } from './detection/same-estimate.js';
export * from './detection/supersede.js';
export * from './ingest/ingest-texts.js';
export * from './ingest/printable.js';
export * from './export/export-ephemeris.js';
export * from './watch/watch-log.js';
export * from './watch/watch-sources.js';
export * from './screening/screening-engine.js';
export * from './screening/catalogue-as-of.js';
export * from './screening/screen-catalogue.js';
export * from './screening/conjunction-cdm.js';
export * from './queries/cursor.js';
export * from './queries/documents.js';
export * from './queries/object-detail.js';
export * from './queries/object-labels.js';
export * from './queries/list-events.js';
export * from './queries/resolve-event.js';
export * from './queries/event-detail.js';
export * from './queries/latest-estimate.js';
export * from './queries/search-objects.js';
export * from './queries/element-set-page.js';
export * from './queries/feed.js';
export * from './queries/launches.js';
export * from './queries/propagate-stored.js';
export * from './tokens/api-tokens.js';
export * from './queries/event-evidence.js';
export * from './webhooks/webhooks.js';
// Front ends that take only types from the store (the HTTP API) get these two values here.
export { SCHEMA_VERSION, uuidV7 } from '@orbwatch/store';
