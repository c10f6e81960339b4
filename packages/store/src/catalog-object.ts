/**
 * A catalogued object as the store knows it: identity and SATCAT facts, the names it has carried
 * over time, and a summary of its element-set history.
 * @module
 */
import type { Instant, Km, NoradId, Rad, Sec } from '@orbwatch/core';

/** One name an object carried, and the span of epochs over which it was seen with that name. */
export interface ObjectName {
  readonly name: string;
  /** Earliest element-set epoch published with this name (SATCAT names: the retrieval time). */
  readonly firstSeen: Instant;
  /** Latest element-set epoch published with this name (SATCAT names: the retrieval time). */
  readonly lastSeen: Instant;
}

export interface CatalogObject {
  readonly noradId: NoradId;
  /** The most recently seen name (by epoch), null when no name was ever published. */
  readonly name: string | null;
  /** COSPAR `YYYY-NNNP`; from SATCAT, else from the first element set that carried one. */
  readonly cosparId: string | null;
  /** SATCAT object type (`PAYLOAD`, `ROCKET BODY`, `DEBRIS`, `UNKNOWN`…), null until a SATCAT ingest. */
  readonly objectType: string | null;
  /** SATCAT owner/country code, null until a SATCAT ingest. */
  readonly owner: string | null;
  readonly launchDate: Instant | null;
  readonly decayDate: Instant | null;
  readonly elementSetCount: number;
  /** Epoch of the earliest and latest stored element sets (null when none). */
  readonly firstEpoch: Instant | null;
  readonly lastEpoch: Instant | null;
}

/** Catalogue (SATCAT) orbit summary and status; units km, s, rad, m². */
export interface SatcatFacts {
  readonly launchSite: string | null;
  readonly periodSec: Sec | null;
  readonly inclinationRad: Rad | null;
  readonly apogeeKm: Km | null;
  readonly perigeeKm: Km | null;
  readonly rcsM2: number | null;
  readonly opsStatus: string | null;
}

/** {@link CatalogObject} with every name over time (ordered by first seen). */
export interface CatalogObjectDetail extends CatalogObject, SatcatFacts {
  readonly names: readonly ObjectName[];
  /** The SATCAT row as received (raw text or JSON), null when none was ingested. */
  readonly satcatRaw: string | null;
  /** Name of the source whose SATCAT row gave the owner and other facts, null when none did. */
  readonly satcatSource: string | null;
  /**
   * Where `decayDate` came from: the catalogue (SATCAT) row, or a Space-Track Historical decay
   * message (`decayMessageId`) where the catalogue had none. Null when there is no decay date.
   */
  readonly decayDateFrom: 'satcat' | 'decay-message' | null;
  readonly decayMessageId: number | null;
}
