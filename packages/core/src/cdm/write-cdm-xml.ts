/**
 * Writes a {@link Cdm} as CCSDS NDM/XML (508.0-B-1 §5): `<cdm>` with `<header>` and a `<body>`
 * of `<relativeMetadataData>` and two `<segment>`s; keywords in the standard's order inside their
 * containers, numbers in CCSDS units with a `units` attribute, comments as `<COMMENT>` first in
 * their block. Text is escaped.
 * @module
 */
import type { Cdm, CdmBlockData } from './cdm.js';
import type { CdmBlock } from './cdm-keywords.js';
import { CDM_KEYWORDS, XML_BLOCK_ELEMENT } from './cdm-keywords.js';
import { formatCdmValue } from './format-cdm-value.js';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function leaves(b: CdmBlockData | undefined, indent: string, group: string | undefined): string[] {
  if (b === undefined) return [];
  const out: string[] = [];
  for (const def of CDM_KEYWORDS) {
    if (def.block !== b.block || def.keyword === 'CCSDS_CDM_VERS' || def.xmlGroup !== group) continue;
    const v = b.values.get(def.keyword);
    if (v === undefined) continue;
    const units = def.unit === '' ? '' : ` units="${escape(def.unit)}"`;
    out.push(`${indent}<${def.keyword}${units}>${escape(formatCdmValue(def, v))}</${def.keyword}>`);
  }
  return out;
}

const comments = (b: CdmBlockData | undefined, indent: string): string[] =>
  (b?.comments ?? []).map((c) => `${indent}<COMMENT>${escape(c)}</COMMENT>`);

const find = (blocks: readonly CdmBlockData[], name: CdmBlock): CdmBlockData | undefined =>
  blocks.find((b) => b.block === name);

/** The CDM as XML text. */
export function writeCdmXml(cdm: Cdm): string {
  const header = find(cdm.blocks, 'header');
  const rel = find(cdm.blocks, 'relative');
  const version = String(header?.values.get('CCSDS_CDM_VERS') ?? '1.0');
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<cdm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://sanaregistry.org/r/ndmxml/ndmxml-1.0-master.xsd" id="CCSDS_CDM_VERS" version="${escape(version)}">`,
    '  <header>',
    ...comments(header, '    '),
    ...leaves(header, '    ', undefined),
    '  </header>',
    '  <body>',
    '    <relativeMetadataData>',
    ...comments(rel, '      '),
  ];
  const relLeaves = leaves(rel, '      ', undefined);
  const relState = leaves(rel, '        ', 'relativeStateVector');
  // relativeStateVector sits after RELATIVE_SPEED, before START_SCREEN_PERIOD.
  const split = relLeaves.findIndex((l) => !/<(TCA|MISS_DISTANCE|RELATIVE_SPEED)[ >]/.test(l));
  const cut = split === -1 ? relLeaves.length : split;
  out.push(...relLeaves.slice(0, cut));
  if (relState.length > 0) out.push('      <relativeStateVector>', ...relState, '      </relativeStateVector>');
  out.push(...relLeaves.slice(cut), '    </relativeMetadataData>');
  for (const o of cdm.objects) {
    const meta = find(o.blocks, 'metadata');
    out.push(
      '    <segment>',
      '      <metadata>',
      ...comments(meta, '        '),
      ...leaves(meta, '        ', undefined),
      '      </metadata>',
      '      <data>',
    );
    for (const name of ['od', 'additional', 'state', 'covariance'] as const) {
      const b = find(o.blocks, name);
      if (b === undefined) continue;
      const el = XML_BLOCK_ELEMENT[name];
      out.push(
        `        <${el}>`,
        ...comments(b, '          '),
        ...leaves(b, '          ', undefined),
        `        </${el}>`,
      );
    }
    out.push('      </data>', '    </segment>');
  }
  out.push('  </body>', '</cdm>', '');
  return out.join('\n');
}
