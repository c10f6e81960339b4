/**
 * `orbwatch webhooks`: the alert feed's webhook subscriptions and their dead letters (deliveries
 * that failed every retry, with the last error and the payload); `webhooks add <url> [--kind]
 * [--label] [--secret]` subscribes a URL from now on and prints its signing secret once;
 * `webhooks remove <id>` ends a subscription. `orbwatch serve` delivers.
 * @module
 */
import { addWebhook, listWebhooks, removeWebhook } from '@orbwatch/app';
import type { CatalogRepository } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK } from '../exit-codes.js';
import { renderTable } from '../text-table.js';
import { printable } from '@orbwatch/app';

export async function runWebhooksList(
  repo: CatalogRepository,
  o: { readonly json?: boolean },
  ctx: CliContext,
): Promise<number> {
  const doc = await listWebhooks(repo);
  if (o.json === true) {
    writeJson(ctx, doc);
    return EXIT_OK;
  }
  writeLine(ctx.stdout, `Webhooks (${String(doc.webhooks.length)}):`);
  writeLine(
    ctx.stdout,
    renderTable(doc.webhooks, [
      { header: '  ID', value: (h) => `  ${h.id}` },
      { header: 'URL', value: (h) => printable(h.url) },
      { header: 'KINDS', value: (h) => h.kinds?.join(',') ?? 'all' },
      { header: 'LABELS', value: (h) => h.labels?.join(',') ?? 'all' },
      { header: 'DELIVERED THROUGH', value: (h) => String(h.deliveredThroughSeq), align: 'right' },
    ]),
  );
  writeLine(ctx.stdout);
  writeLine(ctx.stdout, `Dead letters (${String(doc.deadLetters.length)}):`);
  writeLine(
    ctx.stdout,
    renderTable(doc.deadLetters, [
      { header: '  FAILED (UTC)', value: (d) => `  ${d.failedUtc.slice(0, 19)}` },
      { header: 'WEBHOOK', value: (d) => d.webhookId },
      { header: 'URL', value: (d) => printable(d.url) },
      { header: 'FEED SEQ', value: (d) => String(d.feedSeq), align: 'right' },
      { header: 'TRIES', value: (d) => String(d.attempts), align: 'right' },
      { header: 'LAST ERROR', value: (d) => printable(d.lastError) },
    ]),
  );
  return EXIT_OK;
}

export async function runWebhooksAdd(
  repo: CatalogRepository,
  url: string,
  o: { readonly kind?: string[]; readonly label?: string[]; readonly secret?: string; readonly json?: boolean },
  ctx: CliContext,
): Promise<number> {
  const h = await addWebhook(
    repo,
    {
      url,
      ...(o.kind === undefined ? {} : { kinds: o.kind }),
      ...(o.label === undefined ? {} : { labels: o.label }),
      ...(o.secret === undefined ? {} : { secret: o.secret }),
    },
    { now: ctx.now },
  );
  if (o.json === true) writeJson(ctx, h);
  else {
    writeLine(ctx.stdout, `webhook ${h.id} → ${printable(h.url)}`);
    writeLine(ctx.stdout, `signing secret (shown once): ${h.secret}`);
  }
  return EXIT_OK;
}

export async function runWebhooksRemove(
  repo: CatalogRepository,
  id: string,
  o: { readonly json?: boolean },
  ctx: CliContext,
): Promise<number> {
  await removeWebhook(repo, id);
  if (o.json === true) writeJson(ctx, { removed: id });
  else writeLine(ctx.stdout, `removed webhook ${id}`);
  return EXIT_OK;
}
