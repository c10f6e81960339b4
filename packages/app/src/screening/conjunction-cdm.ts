/**
 * One conjunction as a CCSDS Conjunction Data Message (508.0-B-1), for tools that read CDMs.
 * States at TCA are SGP4's TEME states converted to GCRF (IAU-76/80, zero EOP: CDM 1.0 has no
 * TEME frame); the covariance is each object's documented default RTN covariance at its set's
 * age (COVARIANCE_METHOD = DEFAULT), position only — the velocity rows are written as 0, which a
 * COMMENT says, since element sets give no velocity uncertainty either. The Pc is the Foster
 * (1992) Pc orbwatch computed; the hard-body radius, Alfano's maximum Pc, the element sets used
 * and their ages are COMMENT lines (`HBR = 10 [m]` as CARA writes it).
 * @module
 */
import type { Cdm, CdmBlockData, CdmValue, Instant, Mat3, OrbitRegime } from '@orbwatch/core';
import {
  convertPv,
  defaultTleCovarianceRtnKm2,
  frameTimeOf,
  instant,
  parseIsoInstant,
  rtnRotation,
  writeCdmKvn,
} from '@orbwatch/core';
import type { Conjunction, ScreeningRun } from './screen-catalogue.js';

const block = (b: CdmBlockData['block'], entries: [string, CdmValue][], comments: string[] = []): CdmBlockData => ({
  block: b,
  comments,
  values: new Map(entries),
});

const COV_6X6 = [
  'CR_R',
  'CT_R',
  'CT_T',
  'CN_R',
  'CN_T',
  'CN_N',
  'CRDOT_R',
  'CRDOT_T',
  'CRDOT_N',
  'CRDOT_RDOT',
  'CTDOT_R',
  'CTDOT_T',
  'CTDOT_N',
  'CTDOT_RDOT',
  'CTDOT_TDOT',
  'CNDOT_R',
  'CNDOT_T',
  'CNDOT_N',
  'CNDOT_RDOT',
  'CNDOT_TDOT',
  'CNDOT_NDOT',
];

function covarianceEntries(c: Mat3): [string, CdmValue][] {
  const pos: Record<string, number> = {
    CR_R: c[0],
    CT_R: c[3],
    CT_T: c[4],
    CN_R: c[6],
    CN_T: c[7],
    CN_N: c[8],
  };
  return COV_6X6.map((k) => [k, pos[k] ?? 0]);
}

/** File name of a conjunction's CDM: `<norad1>_<norad2>_<TCA compact>.cdm`. */
export function cdmFileName(c: Conjunction): string {
  return `${String(c.norad1)}_${String(c.norad2)}_${c.tcaUtc.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.cdm`;
}

/** The conjunction as a {@link Cdm} (see the module comment). */
export function conjunctionCdm(
  c: Conjunction,
  run: Pick<ScreeningRun, 'id' | 'windowStartUtc' | 'windowEndUtc'>,
  created: Instant,
): Cdm {
  const tca = parseIsoInstant(c.tcaUtc) ?? instant(NaN);
  const ft = frameTimeOf(tca);
  const gcrf = (s: readonly number[]) =>
    convertPv([s[0] ?? NaN, s[1] ?? NaN, s[2] ?? NaN], [s[3] ?? NaN, s[4] ?? NaN, s[5] ?? NaN], 'TEME', 'GCRF', ft);
  const s1 = gcrf(c.state1Teme);
  const s2 = gcrf(c.state2Teme);
  const m = rtnRotation(s1.r, s1.v);
  const dv = [s2.v[0] - s1.v[0], s2.v[1] - s1.v[1], s2.v[2] - s1.v[2]] as const;
  const row = (i: number): number =>
    m === null
      ? NaN
      : (m[i * 3] as number) * dv[0] + (m[i * 3 + 1] as number) * dv[1] + (m[i * 3 + 2] as number) * dv[2];
  const vRtn = [row(0), row(1), row(2)];
  const objectBlocks = (
    n: 1 | 2,
    o: Conjunction['object1'],
    set: Conjunction['elementSet1'],
    s: { r: readonly number[]; v: readonly number[] },
  ): CdmBlockData[] => [
    block(
      'metadata',
      [
        ['OBJECT', `OBJECT${String(n)}`],
        ['OBJECT_DESIGNATOR', String(o.norad).padStart(5, '0')],
        ['CATALOG_NAME', 'SATCAT'],
        ['OBJECT_NAME', o.name ?? 'UNKNOWN'],
        ['INTERNATIONAL_DESIGNATOR', o.cosparId ?? 'UNKNOWN'],
        ...(o.objectType === null ? [] : ([['OBJECT_TYPE', o.objectType.toUpperCase()]] as [string, CdmValue][])),
        ['EPHEMERIS_NAME', 'NONE'],
        ['COVARIANCE_METHOD', 'DEFAULT'],
        ['MANEUVERABLE', 'N/A'],
        ['REF_FRAME', 'GCRF'],
      ],
      [
        `orbwatch element set ${String(set.id)}, epoch ${set.epochUtc} (${set.epochText}), source ${set.source}`,
        `element set age at TCA = ${set.ageAtTcaDays.toFixed(6)} [d]; propagated with SGP4, TEME converted to GCRF (IAU-76/80, zero EOP)`,
      ],
    ),
    block('state', [
      ['X', s.r[0] ?? NaN],
      ['Y', s.r[1] ?? NaN],
      ['Z', s.r[2] ?? NaN],
      ['X_DOT', s.v[0] ?? NaN],
      ['Y_DOT', s.v[1] ?? NaN],
      ['Z_DOT', s.v[2] ?? NaN],
    ]),
    block('covariance', covarianceEntries(defaultTleCovarianceRtnKm2(set.regime as OrbitRegime, set.ageAtTcaDays)), [
      `default element-set covariance ${c.pcCovariance}, regime ${set.regime} (docs/accuracy.md section 5); velocity terms not estimated, written as 0`,
    ]),
  ];
  const relative: [string, CdmValue][] = [
    ['TCA', tca],
    ['MISS_DISTANCE', c.missDistanceKm],
    ['RELATIVE_SPEED', c.relativeSpeedKmPerSec],
    ['RELATIVE_POSITION_R', c.missRicKm.radialKm],
    ['RELATIVE_POSITION_T', c.missRicKm.inTrackKm],
    ['RELATIVE_POSITION_N', c.missRicKm.crossTrackKm],
    ['RELATIVE_VELOCITY_R', vRtn[0] ?? NaN],
    ['RELATIVE_VELOCITY_T', vRtn[1] ?? NaN],
    ['RELATIVE_VELOCITY_N', vRtn[2] ?? NaN],
    ['START_SCREEN_PERIOD', parseIsoInstant(run.windowStartUtc) ?? instant(NaN)],
    ['STOP_SCREEN_PERIOD', parseIsoInstant(run.windowEndUtc) ?? instant(NaN)],
    ...(c.pc === null
      ? []
      : ([
          ['COLLISION_PROBABILITY', c.pc],
          ['COLLISION_PROBABILITY_METHOD', 'FOSTER-1992'],
        ] as [string, CdmValue][])),
  ];
  const hbrM = c.hardBodyRadiusKm * 1000;
  const messageId = `ORBWATCH_${run.id}_${String(c.norad1)}_${String(c.norad2)}_${cdmFileName(c).split('_')[2]?.replace('.cdm', '') ?? ''}`;
  return {
    file: cdmFileName(c),
    line: 1,
    format: 'kvn',
    messageId,
    tca,
    missDistanceKm: c.missDistanceKm,
    ...(c.pc === null ? {} : { statedPc: c.pc, statedPcMethod: 'FOSTER-1992' }),
    blocks: [
      block(
        'header',
        [
          ['CCSDS_CDM_VERS', '1.0'],
          ['CREATION_DATE', created],
          ['ORIGINATOR', 'ORBWATCH'],
          ['MESSAGE_ID', messageId],
        ],
        [`orbwatch screening run ${run.id}: element sets only, no covariance published with them`],
      ),
      block('relative', relative, [
        `HBR = ${String(hbrM)} [m]`,
        `Pc ${c.pcMethod} with covariance ${c.pcCovariance}: indicative; maximum Pc (${c.pcMaxMethod}) = ${c.pcMax === null ? 'n/a' : String(c.pcMax)}`,
        ...(c.pcNote === null ? [] : [`no Pc: ${c.pcNote}`]),
      ]),
    ],
    objects: [
      {
        object: 'OBJECT1',
        designator: String(c.norad1),
        name: c.object1.name ?? 'UNKNOWN',
        refFrame: 'GCRF',
        rKm: s1.r,
        vKmPerSec: s1.v,
        positionCovarianceRtnKm2: defaultTleCovarianceRtnKm2(
          c.elementSet1.regime as OrbitRegime,
          c.elementSet1.ageAtTcaDays,
        ),
        blocks: objectBlocks(1, c.object1, c.elementSet1, s1),
      },
      {
        object: 'OBJECT2',
        designator: String(c.norad2),
        name: c.object2.name ?? 'UNKNOWN',
        refFrame: 'GCRF',
        rKm: s2.r,
        vKmPerSec: s2.v,
        positionCovarianceRtnKm2: defaultTleCovarianceRtnKm2(
          c.elementSet2.regime as OrbitRegime,
          c.elementSet2.ageAtTcaDays,
        ),
        blocks: objectBlocks(2, c.object2, c.elementSet2, s2),
      },
    ],
  };
}

/** The conjunction's CDM as KVN text. */
export function conjunctionCdmKvn(
  c: Conjunction,
  run: Pick<ScreeningRun, 'id' | 'windowStartUtc' | 'windowEndUtc'>,
  created: Instant,
): string {
  return writeCdmKvn(conjunctionCdm(c, run, created));
}
