/**
 * Satellite catalogue (SATCAT) records and their parser (CelesTrak current and legacy tables,
 * Space-Track SATCAT; CSV or JSON).
 * @module
 */
export { parseSatcat } from './parse-satcat.js';
export type { ParseSatcatOptions } from './parse-satcat.js';
export type { RcsSize, SatcatObjectType, SatcatRecord } from './satcat-record.js';
