/**
 * `orbwatch evidence <event-id> --out FILE [--norms FILE]`: writes the event's evidence bundle,
 * one self-contained JSON (raw element sets with sources and hashes, detector, version and
 * parameters, measures, assessment, plot series, findings) that `orbwatch verify` checks.
 * @module
 */
import { writeFileSync } from 'node:fs';
import { buildEvidenceBundle, judgeEvents } from '@orbwatch/app';
import type { CatalogRepository } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK } from '../exit-codes.js';
import { loadNorms } from '../norms-file.js';
import { resolveEvent } from './event-detail.js';

export interface EvidenceOptions {
  readonly out?: string;
  readonly norms?: string;
  readonly json?: boolean;
}

export async function runEvidence(
  repo: CatalogRepository,
  idOrPrefix: string,
  o: EvidenceOptions,
  ctx: CliContext,
): Promise<number> {
  const event = await resolveEvent(repo, idOrPrefix);
  const findings = await judgeEvents(repo, [event], loadNorms(o.norms, ctx));
  const bundle = await buildEvidenceBundle(repo, event, { now: ctx.now(), findings });
  const text = `${JSON.stringify(bundle, null, 1)}\n`;
  if (o.out === undefined) {
    ctx.stdout.write(text);
    return EXIT_OK;
  }
  writeFileSync(o.out, text);
  if (o.json === true)
    writeJson(ctx, {
      file: o.out,
      eventId: event.id,
      elementSets: bundle.elementSets.length,
      findings: findings.length,
    });
  else
    writeLine(
      ctx.stdout,
      `wrote ${o.out}: event ${event.id}, ${String(bundle.elementSets.length)} element sets, ${String(findings.length)} finding(s); check it with \`orbwatch verify ${o.out}\``,
    );
  return EXIT_OK;
}
