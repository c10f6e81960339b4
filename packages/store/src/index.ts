/**
 * @orbwatch/store — the catalog repository port and its SQLite implementation, plus the batch
 * ingest use case.
 * @module
 */
export type * from './catalog-repository.js';
export type * from './catalog-object.js';
export type * from './ingest-run.js';
export type * from './stored-element-set.js';
export type { IngestIssue } from './ingest-issue.js';
export { StoreIssueCode } from './ingest-issue.js';
export { contentHash, contentHashOf, elementContent } from './content-hash.js';
export { satcatFacts } from './satcat-facts.js';
export { uuidV7 } from './uuid-v7.js';
export type { RandomFill } from './uuid-v7.js';
export { ingestElementSets, DEFAULT_INGEST_BATCH_SIZE } from './ingest-element-sets.js';
export type {
  IngestElementSetsInput,
  IngestElementSetsOptions,
  IngestElementSetsSummary,
  IngestSummary,
} from './ingest-element-sets.js';
export {
  INT_STRIDE,
  IntColumn,
  NUMBER_STRIDE,
  NumberColumn,
  dictionaryEntry,
  elementSetAt,
  packElementSets,
} from './element-set-columns.js';
export type { ElementSetColumns } from './element-set-columns.js';
export {
  DEFAULT_SETS_PER_TRANSACTION,
  ingestElementSetColumns,
  unpackElementSets,
} from './ingest-element-set-columns.js';
export type {
  ColumnarParseBatch,
  IngestElementSetColumnsInput,
  IngestElementSetColumnsOptions,
} from './ingest-element-set-columns.js';
export { openSqliteCatalog, SqliteCatalogRepository } from './sqlite/sqlite-catalog-repository.js';
export type { SqliteCatalogOptions } from './sqlite/sqlite-catalog-repository.js';
export { MIGRATIONS, SCHEMA_VERSION, migrate } from './sqlite/migrations.js';
export type { Migration } from './sqlite/migrations.js';
export type * from './event-repository.js';
export type * from './finding-repository.js';
export type * from './launch-report-repository.js';
export type * from './watch-state-repository.js';
export type * from './decay-repository.js';
export type * from './screening-run-repository.js';
export type * from './api-repository.js';
export type * from './api-run-repository.js';
export { eventFingerprint, eventIdentityFingerprint } from './sqlite/sqlite-event-store.js';
