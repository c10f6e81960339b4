/**
 * Facts about the objects of a proximity episode: crewed stations (for `docking`) and
 * constellation membership from published names.
 * @module
 */

/** Crewed stations by NORAD id: ISS (ZARYA) and the Chinese station's core module Tianhe. */
export const STATION_NORAD_IDS: ReadonlySet<number> = new Set([25544, 48274]);

const STATION_NAME = /^(ISS|CSS)\b/;

/** True when the object is a crewed station (by id or by its published name). */
export function isStation(noradId: number, name: string | null): boolean {
  return STATION_NORAD_IDS.has(noradId) || (name !== null && STATION_NAME.test(name.trim().toUpperCase()));
}

/**
 * Name prefixes of constellations whose members are named PREFIX-number or PREFIX number.
 * Series names that are not constellations (COSMOS, USA, SHIYAN) are deliberately absent.
 */
const CONSTELLATIONS: readonly string[] = [
  'STARLINK',
  'ONEWEB',
  'KUIPER',
  'IRIDIUM',
  'GLOBALSTAR',
  'ORBCOMM',
  'FLOCK',
  'LEMUR',
  'SPACEBEE',
  'QIANFAN',
  'GUOWANG',
  'YAOGAN',
  'JILIN',
  'SKYSAT',
  'SWARM',
  'HULIANWANG',
  'O3B',
  'GPS',
  'GALILEO',
  'BEIDOU',
  'GLONASS',
  'TIANQI',
  'CENTISPACE',
  'GEELY',
  'ICEYE',
  'CAPELLA',
  'HAWK',
  'YUNHAI',
];

/** Constellation of an object from its name (first word, before digits or a dash), or null. */
export function constellationFromName(name: string | null): string | null {
  if (name === null) return null;
  const up = name.trim().toUpperCase();
  for (const c of CONSTELLATIONS) {
    if (up.startsWith(c) && (up.length === c.length || /[\s\-_(0-9]/.test(up.charAt(c.length)))) return c;
  }
  return null;
}
