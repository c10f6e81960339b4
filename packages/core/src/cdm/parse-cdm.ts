/**
 * Reads a CDM in either encoding: XML when the first non-blank character is `<`, KVN otherwise.
 * @module
 */
import type { Cdm } from './cdm.js';
import type { CdmParseResult } from './cdm-issue.js';
import { parseCdmKvn } from './parse-cdm-kvn.js';
import { parseCdmXml } from './parse-cdm-xml.js';

/** Parses a CDM text (KVN or XML); never throws on bad input. */
export function parseCdm(text: string, file: string): CdmParseResult<Cdm> {
  const first = text.replace(/^\uFEFF/, '').trimStart();
  return first.startsWith('<') ? parseCdmXml(text, file) : parseCdmKvn(text, file);
}
