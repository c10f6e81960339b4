/**
 * One object as `orbwatch object <norad> --json` and `GET /api/objects/{norad}` show it:
 * catalogue facts, names over time, the latest element set, the number of events, and its decay.
 * The decay is a fact (`decayed`: the catalogue's date, or a Space-Track Historical message's
 * where the catalogue had none, naming which) or, failing one, the latest prediction, always
 * labelled `predicted` with the epoch of the message that made it: a prediction is never shown
 * as a decay date.
 * @module
 */
import type { Instant, NoradId } from '@orbwatch/core';
import { ErrorCode, OrbwatchError, formatIso, radToDeg } from '@orbwatch/core';
import type { CatalogObjectDetail, CatalogRepository, StoredDecayMessage } from '@orbwatch/store';
import { elementSetDocument, objectDocument } from './documents.js';

const iso = (t: Instant | null): string | null => (t === null ? null : formatIso(t));

/** One stored decay message in boundary form. */
export function decayMessageDocument(m: StoredDecayMessage) {
  return {
    type: m.messageType,
    messageEpochUtc: iso(m.messageEpoch),
    decayEpochUtc: formatIso(m.decayEpoch),
    /** `day`: only a date was published (the decay or predicted decay falls on that UTC day). */
    precision: m.precision,
    decayEpochText: m.decayEpochText,
    /** Space-Track's SOURCE: `satcat`, `decay_msg`, `60day_msg`, `tip_msg`. */
    messageSource: m.messageSource,
    precedence: m.precedence,
    /** The stored source of the ingest run that brought it (e.g. `space-track`). */
    storedSource: m.storedSource,
    runId: m.runId,
  };
}
export type DecayMessageDocument = ReturnType<typeof decayMessageDocument>;

/** The latest prediction: the one with the latest message epoch. */
function latestPrediction(messages: readonly StoredDecayMessage[]): StoredDecayMessage | undefined {
  let best: StoredDecayMessage | undefined;
  for (const m of messages)
    if (m.messageType === 'Prediction' && (best === undefined || (m.messageEpoch ?? 0) > (best.messageEpoch ?? 0)))
      best = m;
  return best;
}

/** An object's decay: the fact when there is one, the latest prediction (labelled so) otherwise. */
export function decayDocument(o: CatalogObjectDetail | null, messages: readonly StoredDecayMessage[]) {
  const linked = o?.decayMessageId == null ? undefined : messages.find((m) => m.id === o.decayMessageId);
  const prediction = latestPrediction(messages);
  const decayed = o !== null && o.decayDate !== null;
  return {
    status: decayed ? ('decayed' as const) : prediction === undefined ? ('none' as const) : ('predicted' as const),
    /** The decay date (a fact), null unless decayed. */
    decayDateUtc: decayed ? iso(o.decayDate) : null,
    /** Where the decay date came from: `satcat` or `decay-message` (a Historical one, where SATCAT had none). */
    from: decayed ? o.decayDateFrom : null,
    /** The stored source of that fact (the SATCAT row's, or the message's). */
    source: !decayed ? null : linked === undefined ? o.satcatSource : linked.storedSource,
    /** The Historical message that gave the date, when one did. */
    message: linked === undefined ? null : decayMessageDocument(linked),
    /** The latest prediction (by message epoch), also when the object has since decayed: a prediction, not a date. */
    latestPrediction: prediction === undefined ? null : decayMessageDocument(prediction),
    /** Every stored message, newest first. */
    messages: messages.map(decayMessageDocument),
  };
}
export type DecayDocument = ReturnType<typeof decayDocument>;

/**
 * The object detail document. An object known only from decay messages (no catalogue row) is
 * shown with what its latest message names; an unknown object is NOT_FOUND.
 */
export async function objectDetail(repo: CatalogRepository, norad: NoradId) {
  const o = await repo.getObject(norad);
  const messages = await repo.decayMessages(norad);
  if (o === null && messages.length === 0)
    throw new OrbwatchError(ErrorCode.NOT_FOUND, `object ${String(norad)} is not in the catalog`, { norad });
  const decay = decayDocument(o, messages);
  if (o === null) {
    const named = messages.find((m) => m.name !== null);
    return {
      object: {
        norad,
        name: named?.name ?? null,
        cosparId: null,
        cospar: null,
        objectType: null,
        owner: null,
        launchDateUtc: null,
        decayDateUtc: null,
        elementSets: 0,
        firstEpochUtc: null,
        lastEpochUtc: null,
      },
      names: [],
      satcatSource: null,
      satcat: null,
      latestElementSet: null,
      eventCount: 0,
      decay,
    };
  }
  const sets = o.lastEpoch === null ? [] : await repo.history(norad, { from: o.lastEpoch });
  const latest = sets[sets.length - 1];
  const kinds = new Map((await repo.sources()).map((s) => [s.name, s.kind]));
  const eventCount = (await repo.listEvents({ norad })).length;
  const doc = objectDocument(o);
  return {
    object: { ...doc, cospar: doc.cosparId },
    names: o.names.map((n) => ({
      name: n.name,
      firstSeenUtc: formatIso(n.firstSeen),
      lastSeenUtc: formatIso(n.lastSeen),
    })),
    satcatSource: o.satcatSource,
    satcat: {
      launchSite: o.launchSite,
      periodSec: o.periodSec,
      inclinationDeg: o.inclinationRad === null ? null : radToDeg(o.inclinationRad),
      apogeeKm: o.apogeeKm,
      perigeeKm: o.perigeeKm,
      rcsM2: o.rcsM2,
      opsStatus: o.opsStatus,
    },
    latestElementSet:
      latest === undefined
        ? null
        : {
            id: latest.id,
            ...elementSetDocument(latest, undefined),
            sourceKind: kinds.get(latest.source) ?? 'unknown',
          },
    eventCount,
    decay,
  };
}
export type ObjectDetailDocument = Awaited<ReturnType<typeof objectDetail>>;
