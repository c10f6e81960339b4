/**
 * `orbwatch token create [--name]` / `list` / `revoke <id>`: API write tokens. `create` prints
 * the secret once (only its SHA-256 is stored); `list` shows ids, names and when each was created,
 * last used and revoked; `revoke` takes an id or a unique prefix of one.
 * @module
 */
import { createApiToken, listApiTokens, revokeApiToken } from '@orbwatch/app';
import type { CatalogRepository } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK } from '../exit-codes.js';
import { renderTable } from '../text-table.js';

const clockOf = (ctx: CliContext) => ({ now: ctx.now });

export async function runTokenCreate(
  repo: CatalogRepository,
  o: { readonly name: string; readonly json?: boolean },
  ctx: CliContext,
): Promise<number> {
  const t = await createApiToken(repo, o.name, clockOf(ctx));
  if (o.json === true) writeJson(ctx, t);
  else {
    writeLine(ctx.stdout, t.token);
    writeLine(
      ctx.stderr,
      `token ${t.id} (${t.name}) created; it is shown this once. Send it as 'Authorization: Bearer <token>'.`,
    );
  }
  return EXIT_OK;
}

export async function runTokenList(
  repo: CatalogRepository,
  o: { readonly json?: boolean },
  ctx: CliContext,
): Promise<number> {
  const tokens = await listApiTokens(repo);
  if (o.json === true) {
    writeJson(ctx, { tokens });
    return EXIT_OK;
  }
  writeLine(
    ctx.stdout,
    renderTable(tokens, [
      { header: 'ID', value: (t) => t.id },
      { header: 'NAME', value: (t) => t.name },
      { header: 'CREATED (UTC)', value: (t) => t.createdUtc.slice(0, 19) },
      { header: 'LAST USED', value: (t) => t.lastUsedUtc?.slice(0, 19) ?? 'never' },
      { header: 'REVOKED', value: (t) => t.revokedUtc?.slice(0, 19) ?? '' },
    ]),
  );
  writeLine(ctx.stdout, `${String(tokens.length)} token(s)`);
  return EXIT_OK;
}

export async function runTokenRevoke(
  repo: CatalogRepository,
  id: string,
  o: { readonly json?: boolean },
  ctx: CliContext,
): Promise<number> {
  const t = await revokeApiToken(repo, id, clockOf(ctx));
  if (o.json === true) writeJson(ctx, t);
  else writeLine(ctx.stdout, `revoked token ${t.id} (${t.name})`);
  return EXIT_OK;
}
