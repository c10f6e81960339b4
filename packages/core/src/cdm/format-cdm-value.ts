/**
 * Values back to CCSDS text. A number is written in its CCSDS unit with the fewest significant
 * digits that read back (÷ divisor) to exactly the same double, so read → write → read returns
 * identical numbers and a value read from a file is written as it was (41.42, not
 * 41.419999999999995). Times are written as UTC `YYYY-MM-DDThh:mm:ss.ffffff` (no zone letter,
 * as CCSDS files carry them).
 * @module
 */
import { formatIso, instant } from '../time/instant.js';
import type { CdmValue } from './cdm.js';
import type { CdmKeyword } from './cdm-keywords.js';

/** The shortest decimal text of `internal × divisor` that reads back to `internal`. */
export function formatCdmNumber(internal: number, divisor: number): string {
  if (Number.isNaN(internal)) return 'NaN';
  if (Object.is(internal, -0)) return '-0';
  const ccsds = internal * divisor;
  for (let p = 1; p <= 17; p++) {
    const s = ccsds.toPrecision(p);
    if (Number(s) / divisor === internal) return tidy(String(Number(s)));
  }
  return tidy(ccsds.toPrecision(17));
}

/** JavaScript's shortest form, with the exponent (below 1e-6, from 1e21) written `1.5E-07`. */
function tidy(s: string): string {
  const [mantissa = s, exp] = s.split('e');
  const m = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  if (exp === undefined) return m;
  return `${m}E${exp.startsWith('-') ? '-' : '+'}${exp.replace(/^[+-]/, '').padStart(2, '0')}`;
}

/** A value as CCSDS text, by its keyword's kind. */
export function formatCdmValue(def: CdmKeyword, value: CdmValue): string {
  if (def.kind === 'text') return String(value);
  if (def.kind === 'time') return formatIso(instant(typeof value === 'number' ? value : NaN), 6).replace(/Z$/, '');
  return formatCdmNumber(typeof value === 'number' ? value : NaN, def.divisor);
}
