/**
 * The keywords of a CCSDS 502.0 Orbit Mean-elements Message (OMM 2.0/3.0, KVN and XML), as
 * listed in the ODM Blue Book's OMM tables: header, metadata, mean elements, spacecraft
 * parameters, TLE parameters, covariance and user-defined parameters. A KVN keyword outside
 * this list is an `OMM_UNKNOWN_KEYWORD`.
 * @module
 */

const COVARIANCE = [
  'CX_X',
  'CY_X',
  'CY_Y',
  'CZ_X',
  'CZ_Y',
  'CZ_Z',
  'CX_DOT_X',
  'CX_DOT_Y',
  'CX_DOT_Z',
  'CX_DOT_X_DOT',
  'CY_DOT_X',
  'CY_DOT_Y',
  'CY_DOT_Z',
  'CY_DOT_X_DOT',
  'CY_DOT_Y_DOT',
  'CZ_DOT_X',
  'CZ_DOT_Y',
  'CZ_DOT_Z',
  'CZ_DOT_X_DOT',
  'CZ_DOT_Y_DOT',
  'CZ_DOT_Z_DOT',
] as const;

/** Every keyword an OMM may carry (the `USER_DEFINED_*` family is matched by prefix). */
export const OMM_KEYWORDS: ReadonlySet<string> = new Set([
  // header
  'CCSDS_OMM_VERS',
  'COMMENT',
  'CLASSIFICATION',
  'CREATION_DATE',
  'ORIGINATOR',
  'MESSAGE_ID',
  // metadata
  'OBJECT_NAME',
  'OBJECT_ID',
  'CENTER_NAME',
  'REF_FRAME',
  'REF_FRAME_EPOCH',
  'TIME_SYSTEM',
  'MEAN_ELEMENT_THEORY',
  // mean elements
  'EPOCH',
  'SEMI_MAJOR_AXIS',
  'MEAN_MOTION',
  'ECCENTRICITY',
  'INCLINATION',
  'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER',
  'MEAN_ANOMALY',
  'GM',
  // spacecraft parameters
  'MASS',
  'SOLAR_RAD_AREA',
  'SOLAR_RAD_COEFF',
  'DRAG_AREA',
  'DRAG_COEFF',
  // TLE parameters
  'EPHEMERIS_TYPE',
  'CLASSIFICATION_TYPE',
  'NORAD_CAT_ID',
  'ELEMENT_SET_NO',
  'REV_AT_EPOCH',
  'BSTAR',
  'BTERM',
  'MEAN_MOTION_DOT',
  'MEAN_MOTION_DDOT',
  'AGOM',
  // covariance
  'COV_REF_FRAME',
  ...COVARIANCE,
]);

/** True for a keyword the OMM standard defines (including `USER_DEFINED_<name>`). */
export function isOmmKeyword(keyword: string): boolean {
  return OMM_KEYWORDS.has(keyword) || /^USER_DEFINED_[A-Z0-9_]+$/.test(keyword);
}

/** XML elements that only group others (never a value). */
export const OMM_XML_CONTAINERS: ReadonlySet<string> = new Set([
  'ndm',
  'omm',
  'header',
  'body',
  'segment',
  'metadata',
  'data',
  'meanElements',
  'spacecraftParameters',
  'tleParameters',
  'covarianceMatrix',
  'userDefinedParameters',
]);
