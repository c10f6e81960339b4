/**
 * Reads CCSDS 502.0 Orbit Mean-elements Messages in any of their published syntaxes — JSON
 * (CelesTrak numbers or Space-Track strings), XML (NDM/OMM 2.0/3.0), KVN and CelesTrak CSV —
 * into `ElementSet`s. Good records are kept when others are rejected; every issue carries the
 * file, line and column. Never throws on bad input.
 * @module
 */
import type { ElementSet } from '../element-set.js';
import type { ParseResult } from '../parse-issue.js';
import { IssueCode, makeIssue } from '../parse-issue.js';
import { detectElementFormat } from './detect-format.js';
import { parseOmmCsv } from './parse-omm-csv.js';
import { parseOmmJson } from './parse-omm-json.js';
import { parseOmmKvn } from './parse-omm-kvn.js';
import { parseOmmXml } from './parse-omm-xml.js';

/** The OMM syntaxes. */
export type OmmSyntax = 'json' | 'xml' | 'kvn' | 'csv';

/** Options of {@link parseOmm}: the file name for issues, and the syntax when known. */
export interface ParseOmmOptions {
  readonly file: string;
  /** Detected from the text when absent (see `detectElementFormat`). */
  readonly format?: OmmSyntax;
}

/**
 * Parses OMM text. Angles come out in radians, mean motion in rad/s, epochs as `Instant`
 * with their microseconds; `epochText` and `raw` keep the text as written.
 */
export function parseOmm(text: string, options: ParseOmmOptions): ParseResult<ElementSet> {
  const { file } = options;
  if (text.trim() === '' || text === '\ufeff') {
    return {
      items: [],
      issues: [makeIssue(IssueCode.EMPTY_INPUT, { file, line: 1, column: 0 }, 'an OMM', 'the input is empty')],
    };
  }
  let syntax = options.format;
  if (syntax === undefined) {
    const detected = detectElementFormat(text);
    switch (detected) {
      case 'omm-json':
        syntax = 'json';
        break;
      case 'omm-xml':
        syntax = 'xml';
        break;
      case 'omm-kvn':
        syntax = 'kvn';
        break;
      case 'omm-csv':
        syntax = 'csv';
        break;
      case 'tle':
      case 'satcat-csv':
      case 'satcat-json':
      case 'decay-json':
      case 'decay-csv':
      case 'unknown':
        return {
          items: [],
          issues: [
            makeIssue(
              IssueCode.UNKNOWN_FORMAT,
              { file, line: 1, column: 0 },
              'OMM as JSON, XML, KVN or CSV',
              detected === 'unknown'
                ? 'the input is not a recognisable OMM'
                : `the input looks like ${detected}, not an OMM`,
            ),
          ],
        };
    }
  }
  switch (syntax) {
    case 'json':
      return parseOmmJson(text, file);
    case 'xml':
      return parseOmmXml(text, file);
    case 'kvn':
      return parseOmmKvn(text, file);
    case 'csv':
      return parseOmmCsv(text, file);
  }
}
