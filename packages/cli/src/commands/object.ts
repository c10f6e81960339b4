/**
 * `orbwatch object <norad>`: one object as the HTTP API's object detail shows it (catalogue
 * facts, names, latest element set, number of events) and its decay: the decay date with where it
 * came from, or, when there is none, the latest decay prediction labelled as a prediction with
 * the epoch of the message that made it. Text, or `--json` (the API document).
 * @module
 */
import type { NoradId } from '@orbwatch/core';
import type { DecayMessageDocument, ObjectDetailDocument } from '@orbwatch/app';
import { objectDetail } from '@orbwatch/app';
import type { CatalogRepository } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';

const dayOrTime = (utc: string, precision: 'day' | 'time'): string =>
  precision === 'day' ? `${utc.slice(0, 10)} (UTC day)` : utc;

/** The decay line(s) of the text output. */
export function decayLines(d: ObjectDetailDocument['decay']): string[] {
  const made = (m: DecayMessageDocument): string =>
    `${m.messageEpochUtc === null ? 'no message epoch' : `issued ${m.messageEpochUtc}`}, Space-Track ${m.messageSource}, stored from ${m.storedSource}`;
  if (d.status === 'decayed') {
    const day =
      d.message === null
        ? (d.decayDateUtc ?? '').slice(0, 10)
        : dayOrTime(d.message.decayEpochUtc, d.message.precision);
    const from =
      d.message === null
        ? `from the catalogue (SATCAT${d.source === null ? '' : `, source ${d.source}`})`
        : `from a Historical decay message (${made(d.message)}); no catalogue row in the store gave a date`;
    return [`decayed: ${day} — ${from}`];
  }
  if (d.status === 'predicted' && d.latestPrediction !== null) {
    const p = d.latestPrediction;
    return [
      'decayed: not known',
      `decay PREDICTION (not a decay date): ${dayOrTime(p.decayEpochUtc, p.precision)} — ${made(p)}`,
    ];
  }
  return ['decayed: not known; no decay prediction stored'];
}

export async function runObject(
  repo: CatalogRepository,
  norad: NoradId,
  output: 'text' | 'json',
  ctx: CliContext,
): Promise<number> {
  const doc = await objectDetail(repo, norad);
  if (output === 'json') {
    writeJson(ctx, doc);
    return 0;
  }
  const o = doc.object;
  writeLine(ctx.stdout, `${String(o.norad)} ${o.name ?? ''} ${o.cosparId ?? ''}`.trimEnd());
  const facts = [
    o.objectType === null ? null : `type ${o.objectType}`,
    o.owner === null ? null : `owner ${o.owner}`,
    o.launchDateUtc === null ? null : `launched ${o.launchDateUtc.slice(0, 10)}`,
    doc.satcatSource === null ? null : `catalogue source ${doc.satcatSource}`,
  ].filter((x) => x !== null);
  if (facts.length > 0) writeLine(ctx.stdout, facts.join(', '));
  writeLine(
    ctx.stdout,
    `element sets: ${String(o.elementSets)}${o.lastEpochUtc === null ? '' : `, latest epoch ${o.lastEpochUtc}`}; events: ${String(doc.eventCount)}`,
  );
  for (const l of decayLines(doc.decay)) writeLine(ctx.stdout, l);
  return 0;
}
