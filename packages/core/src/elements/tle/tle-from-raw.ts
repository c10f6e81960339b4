/**
 * The element set a stored TLE record holds. orbwatch's store keeps a TLE-format set as its raw
 * lines (with the name line of a 3LE) plus its key, source and provenance, and decodes the
 * elements when the set is read (docs/design/storage.md, "TLE rows"): the text is the record of
 * truth, and decoding it with the parser that accepted it gives exactly the values it gave at
 * ingest. The checksum is not re-checked here: a set stored under `--checksum warn|ignore` was
 * accepted with its checksum as it is.
 * @module
 */
import type { ElementSet } from '../element-set.js';
import { parseTle } from './parse-tle.js';

/**
 * Decodes the raw text of one stored TLE record (2 or 3 lines joined by `\n`). Returns the
 * element set, or `undefined` when the text does not hold exactly one set that passes the
 * parser's checks — which a record the parser accepted at ingest always does; the caller treats
 * anything else as a damaged store.
 */
export function tleFromRaw(raw: string): ElementSet | undefined {
  const { items, issues } = parseTle(raw, { file: '', checksum: 'ignore' });
  if (items.length !== 1 || issues.some((i) => i.severity === 'error')) return undefined;
  return items[0];
}
