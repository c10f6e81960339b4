/**
 * `orbwatch findings [--norm ID] [--object N] [--verdict V] [--norms FILE] [--json]`: the stored
 * events judged against norms. Every event is judged again first (findings are derived data; a
 * new norm file or new events change them), then the stored findings are listed: the verdict
 * sentence, its confidence, the event by label and objects, and the dissent.
 * @module
 */
import type { FindingVerdict, NoradId } from '@orbwatch/core';
import { formatIso } from '@orbwatch/core';
import { judgeStoredEvents } from '@orbwatch/app';
import type { CatalogRepository, StoredFinding } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK } from '../exit-codes.js';
import { loadNorms } from '../norms-file.js';
import { renderTable } from '../text-table.js';

export interface FindingsOptions {
  readonly norm?: string;
  readonly object?: NoradId;
  readonly verdict?: FindingVerdict;
  readonly norms?: string;
  readonly json?: boolean;
}

/** The `--json` form of one finding (design.md contract: id, eventId, normId, verdict, confidence, reasons). */
export function findingJson(f: StoredFinding) {
  return {
    id: f.id,
    eventId: f.eventId,
    normId: f.normId,
    normVersion: f.normVersion,
    verdict: f.verdict,
    confidence: f.confidence,
    statement: f.statement,
    label: f.label,
    reasons: f.reasons,
    instruments: f.instruments,
    dissent: f.dissent,
    contested: f.contested,
    createdUtc: formatIso(f.createdAt),
  };
}

export async function runFindings(repo: CatalogRepository, o: FindingsOptions, ctx: CliContext): Promise<number> {
  const norms = loadNorms(o.norms, ctx);
  await judgeStoredEvents(repo, { norms, now: ctx.now() });
  const findings = await repo.listFindings({
    ...(o.norm === undefined ? {} : { normId: o.norm }),
    ...(o.object === undefined ? {} : { norad: o.object }),
    ...(o.verdict === undefined ? {} : { verdict: o.verdict }),
  });
  if (o.json === true) {
    writeJson(ctx, { findings: findings.map(findingJson) });
    return EXIT_OK;
  }
  const events = new Map((await repo.listEvents({ includeSuperseded: true })).map((e) => [e.id, e]));
  writeLine(
    ctx.stdout,
    renderTable(findings, [
      { header: 'VERDICT', value: (f) => f.verdict },
      { header: 'NORM', value: (f) => f.normId },
      { header: 'CONF.', value: (f) => f.confidence },
      {
        header: 'EVENT (label, start UTC)',
        value: (f) => {
          const e = events.get(f.eventId);
          return e === undefined ? f.eventId : `${f.label ?? e.kind} ${formatIso(e.start).slice(0, 16)}`;
        },
      },
      { header: 'EVENT ID', value: (f) => f.eventId },
      { header: 'WHY', value: (f) => f.reasons.find((r) => !r.text.startsWith('orbwatch assessed'))?.text ?? '' },
    ]),
  );
  const by = (v: FindingVerdict) => findings.filter((f) => f.verdict === v).length;
  writeLine(
    ctx.stdout,
    `${String(findings.length)} finding(s): ${String(by('inconsistent'))} inconsistent, ${String(by('consistent'))} consistent, ${String(by('not-assessable'))} cannot be assessed. Findings say "consistent/inconsistent with" a norm, never "illegal"; see \`orbwatch event <id>\` and the report for reasons and dissent.`,
  );
  return EXIT_OK;
}
