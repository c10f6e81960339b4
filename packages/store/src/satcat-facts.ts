/**
 * Maps a parsed SATCAT record to the {@link ObjectFacts} the repository stores. SATCAT parsers
 * keep no raw text, so the record itself (JSON) is kept as the object's catalogue row.
 * @module
 */
import type { SatcatRecord } from '@orbwatch/core';
import type { ObjectFacts } from './catalog-repository.js';

export function satcatFacts(r: SatcatRecord): ObjectFacts {
  return {
    noradId: r.noradId,
    name: r.name,
    cosparId: r.cosparId,
    objectType: r.objectType,
    owner: r.owner,
    launchDate: r.launchDate,
    decayDate: r.decayDate,
    launchSite: r.launchSite,
    periodSec: r.periodSec,
    inclinationRad: r.inclinationRad,
    apogeeKm: r.apogeeKm,
    perigeeKm: r.perigeeKm,
    rcsM2: r.rcsM2,
    opsStatus: r.opsStatus,
    raw: JSON.stringify(r),
  };
}
