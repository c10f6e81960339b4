/**
 * The keywords of the CCSDS Conjunction Data Message (CCSDS 508.0-B-1, 2013), in the order the
 * standard lists them, with the block each belongs to, its value kind, whether it is mandatory,
 * its CCSDS unit and the divisor that turns the CCSDS value into orbwatch's internal unit
 * (metres → km at this boundary: internal = CCSDS value / divisor). The parsers, the builder
 * and both writers are driven by this one table.
 * @module
 */

/** Where a keyword sits: the message header, the relative metadata/data, or an object's blocks. */
export type CdmBlock = 'header' | 'relative' | 'metadata' | 'od' | 'additional' | 'state' | 'covariance';

/** How a value is read: a number, a UTC time, or text. */
export type CdmKind = 'number' | 'time' | 'text';

export interface CdmKeyword {
  readonly keyword: string;
  readonly block: CdmBlock;
  readonly kind: CdmKind;
  readonly mandatory: boolean;
  /** CCSDS unit as written in KVN brackets / XML `units`, or '' for none. */
  readonly unit: string;
  /** internal value = CCSDS value / divisor (1, 1e3 or 1e6: exact in binary). */
  readonly divisor: number;
  /** XML container inside the block, for the writer (e.g. relativeStateVector). */
  readonly xmlGroup?: string;
}

const k = (
  keyword: string,
  block: CdmBlock,
  kind: CdmKind,
  mandatory: boolean,
  unit = '',
  divisor = 1,
  xmlGroup?: string,
): CdmKeyword =>
  xmlGroup === undefined
    ? { keyword, block, kind, mandatory, unit, divisor }
    : { keyword, block, kind, mandatory, unit, divisor, xmlGroup };

/** Covariance row/column parameters: position, velocity, drag, SRP, thrust. */
const COV_AXES = ['R', 'T', 'N', 'RDOT', 'TDOT', 'NDOT', 'DRG', 'SRP', 'THR'] as const;
/** Keyword prefix of each covariance row. */
const COV_ROW_PREFIX = ['CR', 'CT', 'CN', 'CRDOT', 'CTDOT', 'CNDOT', 'CDRG', 'CSRP', 'CTHR'] as const;
type AxisKind = 'pos' | 'vel' | 'drg' | 'srp' | 'thr';
const AXIS_KIND: readonly AxisKind[] = ['pos', 'pos', 'pos', 'vel', 'vel', 'vel', 'drg', 'srp', 'thr'];

function covUnit(a: AxisKind, b: AxisKind): string {
  const key = [a, b].sort().join('·');
  const units: Record<string, string> = {
    'pos·pos': 'm**2',
    'pos·vel': 'm**2/s',
    'vel·vel': 'm**2/s**2',
    'drg·pos': 'm**3/kg',
    'pos·srp': 'm**3/kg',
    'drg·vel': 'm**3/(kg*s)',
    'srp·vel': 'm**3/(kg*s)',
    'drg·drg': 'm**4/kg**2',
    'drg·srp': 'm**4/kg**2',
    'srp·srp': 'm**4/kg**2',
    'pos·thr': 'm**2/s**2',
    'thr·vel': 'm**2/s**3',
    'drg·thr': 'm**3/(kg*s**2)',
    'srp·thr': 'm**3/(kg*s**2)',
    'thr·thr': 'm**2/s**4',
  };
  return units[key] ?? '';
}

/** Metres-per-km factor an axis contributes: position, velocity and thrust carry one metre. */
const axisDivisor = (a: AxisKind): number => (a === 'drg' || a === 'srp' ? 1 : 1e3);

/** Covariance keywords in CCSDS order: row i (0…8), column j ≤ i, e.g. CT_R, CRDOT_RDOT, CTHR_THR. */
export const COVARIANCE_KEYWORDS: readonly string[] = COV_ROW_PREFIX.flatMap((p, i) =>
  COV_AXES.slice(0, i + 1).map((a) => `${p}_${a}`),
);

function covarianceKeywords(): CdmKeyword[] {
  const out: CdmKeyword[] = [];
  COV_ROW_PREFIX.forEach((p, i) => {
    for (let j = 0; j <= i; j++) {
      const a = AXIS_KIND[i] ?? 'pos';
      const b = AXIS_KIND[j] ?? 'pos';
      out.push(
        k(`${p}_${COV_AXES[j] ?? ''}`, 'covariance', 'number', i < 6, covUnit(a, b), axisDivisor(a) * axisDivisor(b)),
      );
    }
  });
  return out;
}

/** Every CDM keyword in CCSDS 508.0-B-1 order (COMMENT excluded). */
export const CDM_KEYWORDS: readonly CdmKeyword[] = [
  k('CCSDS_CDM_VERS', 'header', 'text', true),
  k('CREATION_DATE', 'header', 'time', true),
  k('ORIGINATOR', 'header', 'text', true),
  k('MESSAGE_FOR', 'header', 'text', false),
  k('MESSAGE_ID', 'header', 'text', true),
  k('TCA', 'relative', 'time', true),
  k('MISS_DISTANCE', 'relative', 'number', true, 'm', 1e3),
  k('RELATIVE_SPEED', 'relative', 'number', false, 'm/s', 1e3),
  k('RELATIVE_POSITION_R', 'relative', 'number', false, 'm', 1e3, 'relativeStateVector'),
  k('RELATIVE_POSITION_T', 'relative', 'number', false, 'm', 1e3, 'relativeStateVector'),
  k('RELATIVE_POSITION_N', 'relative', 'number', false, 'm', 1e3, 'relativeStateVector'),
  k('RELATIVE_VELOCITY_R', 'relative', 'number', false, 'm/s', 1e3, 'relativeStateVector'),
  k('RELATIVE_VELOCITY_T', 'relative', 'number', false, 'm/s', 1e3, 'relativeStateVector'),
  k('RELATIVE_VELOCITY_N', 'relative', 'number', false, 'm/s', 1e3, 'relativeStateVector'),
  k('START_SCREEN_PERIOD', 'relative', 'time', false),
  k('STOP_SCREEN_PERIOD', 'relative', 'time', false),
  k('SCREEN_VOLUME_FRAME', 'relative', 'text', false),
  k('SCREEN_VOLUME_SHAPE', 'relative', 'text', false),
  k('SCREEN_VOLUME_X', 'relative', 'number', false, 'm', 1e3),
  k('SCREEN_VOLUME_Y', 'relative', 'number', false, 'm', 1e3),
  k('SCREEN_VOLUME_Z', 'relative', 'number', false, 'm', 1e3),
  k('SCREEN_ENTRY_TIME', 'relative', 'time', false),
  k('SCREEN_EXIT_TIME', 'relative', 'time', false),
  k('COLLISION_PROBABILITY', 'relative', 'number', false),
  k('COLLISION_PROBABILITY_METHOD', 'relative', 'text', false),
  k('OBJECT', 'metadata', 'text', true),
  k('OBJECT_DESIGNATOR', 'metadata', 'text', true),
  k('CATALOG_NAME', 'metadata', 'text', true),
  k('OBJECT_NAME', 'metadata', 'text', true),
  k('INTERNATIONAL_DESIGNATOR', 'metadata', 'text', true),
  k('OBJECT_TYPE', 'metadata', 'text', false),
  k('OPERATOR_CONTACT_POSITION', 'metadata', 'text', false),
  k('OPERATOR_ORGANIZATION', 'metadata', 'text', false),
  k('OPERATOR_PHONE', 'metadata', 'text', false),
  k('OPERATOR_EMAIL', 'metadata', 'text', false),
  k('EPHEMERIS_NAME', 'metadata', 'text', true),
  k('COVARIANCE_METHOD', 'metadata', 'text', true),
  k('MANEUVERABLE', 'metadata', 'text', true),
  k('ORBIT_CENTER', 'metadata', 'text', false),
  k('REF_FRAME', 'metadata', 'text', true),
  k('GRAVITY_MODEL', 'metadata', 'text', false),
  k('ATMOSPHERIC_MODEL', 'metadata', 'text', false),
  k('N_BODY_PERTURBATIONS', 'metadata', 'text', false),
  k('SOLAR_RAD_PRESSURE', 'metadata', 'text', false),
  k('EARTH_TIDES', 'metadata', 'text', false),
  k('INTRACK_THRUST', 'metadata', 'text', false),
  k('TIME_LASTOB_START', 'od', 'time', false),
  k('TIME_LASTOB_END', 'od', 'time', false),
  k('RECOMMENDED_OD_SPAN', 'od', 'number', false, 'd'),
  k('ACTUAL_OD_SPAN', 'od', 'number', false, 'd'),
  k('OBS_AVAILABLE', 'od', 'number', false),
  k('OBS_USED', 'od', 'number', false),
  k('TRACKS_AVAILABLE', 'od', 'number', false),
  k('TRACKS_USED', 'od', 'number', false),
  k('RESIDUALS_ACCEPTED', 'od', 'number', false, '%'),
  k('WEIGHTED_RMS', 'od', 'number', false),
  k('AREA_PC', 'additional', 'number', false, 'm**2'),
  k('AREA_DRG', 'additional', 'number', false, 'm**2'),
  k('AREA_SRP', 'additional', 'number', false, 'm**2'),
  k('MASS', 'additional', 'number', false, 'kg'),
  k('CD_AREA_OVER_MASS', 'additional', 'number', false, 'm**2/kg'),
  k('CR_AREA_OVER_MASS', 'additional', 'number', false, 'm**2/kg'),
  k('THRUST_ACCELERATION', 'additional', 'number', false, 'm/s**2', 1e3),
  k('SEDR', 'additional', 'number', false, 'W/kg'),
  k('X', 'state', 'number', true, 'km'),
  k('Y', 'state', 'number', true, 'km'),
  k('Z', 'state', 'number', true, 'km'),
  k('X_DOT', 'state', 'number', true, 'km/s'),
  k('Y_DOT', 'state', 'number', true, 'km/s'),
  k('Z_DOT', 'state', 'number', true, 'km/s'),
  ...covarianceKeywords(),
];

const BY_NAME = new Map(CDM_KEYWORDS.map((d) => [d.keyword, d]));

/** The table entry of a keyword, or undefined when CCSDS 508.0-B-1 does not define it. */
export function cdmKeyword(keyword: string): CdmKeyword | undefined {
  return BY_NAME.get(keyword);
}

/** Position of a keyword in the standard's order (for writing). */
export const CDM_KEYWORD_ORDER: ReadonlyMap<string, number> = new Map(CDM_KEYWORDS.map((d, i) => [d.keyword, i]));

/** The XML container element of each object block. */
export const XML_BLOCK_ELEMENT: Readonly<Record<'od' | 'additional' | 'state' | 'covariance', string>> = {
  od: 'odParameters',
  additional: 'additionalParameters',
  state: 'stateVector',
  covariance: 'covarianceMatrix',
};

/** Units that mean the same as the CCSDS spelling (as found in real CDMs). */
export function normaliseUnit(unit: string): string {
  return unit
    .trim()
    .replace(/\bsec\b/g, 's')
    .replace(/\^/g, '**')
    .replace(/\s+/g, '');
}
