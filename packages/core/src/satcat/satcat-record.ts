/**
 * One entry of a satellite catalogue (SATCAT): who owns an object, what it is, when it was
 * launched and decayed, and its orbit's summary as the catalogue publishes it. Read from
 * CelesTrak's current CSV/JSON, CelesTrak's older SATCAT table or Space-Track's SATCAT.
 * Units inside: seconds, radians, km, m².
 * @module
 */
import type { NoradId } from '../ids/norad-id.js';
import type { Instant } from '../time/instant.js';
import type { Km, Rad, Sec } from '../units/quantity.js';

/** What a catalogued object is. `TBA`: Space-Track's "to be assigned". */
export type SatcatObjectType = 'PAYLOAD' | 'ROCKET BODY' | 'DEBRIS' | 'UNKNOWN' | 'TBA';

/** Space-Track's radar cross-section class (its numeric RCS values are no longer published). */
export type RcsSize = 'SMALL' | 'MEDIUM' | 'LARGE';

export interface SatcatRecord {
  readonly noradId: NoradId;
  /** International designator `YYYY-NNNP`; null when blank or not of that form. */
  readonly cosparId: string | null;
  readonly name: string;
  readonly objectType: SatcatObjectType;
  /** Owner / source code as published, e.g. `CIS`, `US`, `PRC`; null when blank. */
  readonly owner: string | null;
  /** Launch date (00:00 UTC of the day when only a date is given). */
  readonly launchDate: Instant | null;
  /** Launch site code, e.g. `PKMTR`, `AFWTR`; null when the source does not give it. */
  readonly launchSite: string | null;
  readonly decayDate: Instant | null;
  /** Orbital period (published in minutes). */
  readonly periodSec: Sec | null;
  readonly inclinationRad: Rad | null;
  /** Apogee altitude above the Earth's surface, as published. */
  readonly apogeeKm: Km | null;
  /** Perigee altitude above the Earth's surface, as published. */
  readonly perigeeKm: Km | null;
  /** Radar cross-section, m²; null when not published (CelesTrak legacy `-1`, Space-Track `0`). */
  readonly rcsM2: number | null;
  /** Space-Track's RCS size class; null elsewhere. */
  readonly rcsSize: RcsSize | null;
  /** CelesTrak operational status code (`+`, `-`, `P`, `B`, `S`, `X`, `D`, `?`); null when blank or not published. */
  readonly opsStatus: string | null;
  /** 1-based line of the record in its input. */
  readonly line: number;
}
