/**
 * One entry point for ingest: detect what a text holds (TLE/3LE, OMM in JSON/XML/KVN/CSV, a
 * SATCAT table or Space-Track decay messages) and parse it with the matching parser. Pure: the caller reads the file.
 * @module
 */
import type { DecayMessage } from '../decay/decay-message.js';
import { parseDecayMessages } from '../decay/parse-decay.js';
import type { SatcatRecord } from '../satcat/satcat-record.js';
import { parseSatcat } from '../satcat/parse-satcat.js';
import type { ElementSet } from './element-set.js';
import { detectElementFormat } from './omm/detect-format.js';
import { parseOmm } from './omm/parse-omm.js';
import type { ParseIssue } from './parse-issue.js';
import { IssueCode, makeIssue } from './parse-issue.js';
import { parseTle } from './tle/parse-tle.js';

export type ElementFileFormat = ReturnType<typeof detectElementFormat>;

export interface ParsedElementFile {
  readonly format: ElementFileFormat;
  readonly elementSets: ElementSet[];
  readonly satcat: SatcatRecord[];
  /** Space-Track decay messages (facts and predictions; never element sets or SATCAT rows). */
  readonly decay: DecayMessage[];
  readonly issues: ParseIssue[];
}

export interface ParseElementFileOptions {
  readonly file: string;
  /** Force a format instead of detecting it. */
  readonly format?: Exclude<ElementFileFormat, 'unknown'>;
  readonly checksum?: 'verify' | 'warn' | 'ignore';
}

/** Detects the format of `text` and parses it; an undetectable text is one UNKNOWN_FORMAT issue. */
export function parseElementFile(text: string, options: ParseElementFileOptions): ParsedElementFile {
  const { file } = options;
  const format = options.format ?? detectElementFormat(text);
  switch (format) {
    case 'tle': {
      const r = parseTle(text, options.checksum === undefined ? { file } : { file, checksum: options.checksum });
      return { format, elementSets: r.items, satcat: [], decay: [], issues: r.issues };
    }
    case 'omm-json':
    case 'omm-xml':
    case 'omm-kvn':
    case 'omm-csv': {
      const r = parseOmm(text, { file, format: format.slice(4) as 'json' | 'xml' | 'kvn' | 'csv' });
      return { format, elementSets: r.items, satcat: [], decay: [], issues: r.issues };
    }
    case 'satcat-csv':
    case 'satcat-json': {
      const r = parseSatcat(text, { file, format: format === 'satcat-csv' ? 'csv' : 'json' });
      return { format, elementSets: [], satcat: r.items, decay: [], issues: r.issues };
    }
    case 'decay-json':
    case 'decay-csv': {
      const r = parseDecayMessages(text, { file, format: format === 'decay-csv' ? 'csv' : 'json' });
      return { format, elementSets: [], satcat: [], decay: r.items, issues: r.issues };
    }
    case 'unknown': {
      const empty = text.trim().length === 0;
      return {
        format,
        elementSets: [],
        satcat: [],
        decay: [],
        issues: [
          makeIssue(
            empty ? IssueCode.EMPTY_INPUT : IssueCode.UNKNOWN_FORMAT,
            { file, line: 1, column: 0 },
            'TLE/3LE, OMM (JSON, XML, KVN, CSV), SATCAT (CSV, JSON) or Space-Track decay messages (JSON, CSV)',
            empty ? 'the input is empty' : 'the input is not a recognised element-set, SATCAT or decay format',
            text.split('\n', 1)[0] ?? '',
          ),
        ],
      };
    }
  }
}
