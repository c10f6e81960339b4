/**
 * CCSDS Conjunction Data Messages (508.0-B-1): read KVN and XML with located issues, write KVN
 * and XML, and compute the collision probability a CDM's states and covariances imply.
 * Design notes: docs/design/collision-probability-and-cdm.md.
 * @module
 */
export type { Cdm, CdmBlockData, CdmObject, CdmValue } from './cdm.js';
export type { CdmIssue, CdmParseResult } from './cdm-issue.js';
export { CdmIssueCode } from './cdm-issue.js';
export type { CdmBlock, CdmKeyword, CdmKind } from './cdm-keywords.js';
export { CDM_KEYWORDS, COVARIANCE_KEYWORDS, cdmKeyword } from './cdm-keywords.js';
export { parseCdm } from './parse-cdm.js';
export { parseCdmKvn } from './parse-cdm-kvn.js';
export { parseCdmXml } from './parse-cdm-xml.js';
export { writeCdmKvn } from './write-cdm-kvn.js';
export { writeCdmXml } from './write-cdm-xml.js';
export { formatCdmNumber } from './format-cdm-value.js';
export type { CdmEncounterResult } from './cdm-encounter.js';
export { cdmEncounter, cdmHardBodyRadiusKm, cdmPc } from './cdm-encounter.js';
