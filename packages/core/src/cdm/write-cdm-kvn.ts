/**
 * Writes a {@link Cdm} as KVN (CCSDS 508.0-B-1 §4): header, relative metadata/data, then
 * OBJECT1's and OBJECT2's blocks, keywords in the standard's order, each block's comments
 * before its first keyword (the header's after CCSDS_CDM_VERS, which must open the message), values in CCSDS units with the unit in brackets.
 * @module
 */
import type { Cdm, CdmBlockData } from './cdm.js';
import type { CdmBlock } from './cdm-keywords.js';
import { CDM_KEYWORDS } from './cdm-keywords.js';
import { formatCdmValue } from './format-cdm-value.js';

const WIDTH = 36;

function writeBlocks(blocks: readonly CdmBlockData[], order: readonly CdmBlock[], out: string[]): void {
  for (const name of order) {
    const b = blocks.find((x) => x.block === name);
    if (b === undefined) continue;
    let commented = false;
    const writeComments = (): void => {
      if (!commented) for (const c of b.comments) out.push(c === '' ? 'COMMENT' : `COMMENT ${c}`);
      commented = true;
    };
    for (const def of CDM_KEYWORDS) {
      if (def.block !== name) continue;
      const v = b.values.get(def.keyword);
      if (v === undefined) continue;
      // CCSDS_CDM_VERS must be the first line; the header's comments follow it.
      if (def.keyword !== 'CCSDS_CDM_VERS') writeComments();
      const unit = def.unit === '' ? '' : ` [${def.unit}]`;
      out.push(`${def.keyword.padEnd(WIDTH)} = ${formatCdmValue(def, v)}${unit}`);
    }
    writeComments();
  }
}

/** The CDM as KVN text (ends with a newline). */
export function writeCdmKvn(cdm: Cdm): string {
  const out: string[] = [];
  writeBlocks(cdm.blocks, ['header', 'relative'], out);
  for (const o of cdm.objects) writeBlocks(o.blocks, ['metadata', 'od', 'additional', 'state', 'covariance'], out);
  return `${out.join('\n')}\n`;
}
