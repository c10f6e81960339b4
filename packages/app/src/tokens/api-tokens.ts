/**
 * API write tokens: `orbwatch token create` makes a random secret (`ow_` + 32 random bytes,
 * base64url), shows it once and stores only its SHA-256; the API hashes the bearer token of a
 * write request and looks the hash up. A revoked token is refused like an unknown one. SHA-256
 * and not a slow hash: the secret is 256 random bits, not a password, so there is nothing to
 * guess and a lookup by hash stays one index probe per request.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { ErrorCode, OrbwatchError, formatIso } from '@orbwatch/core';
import type { CatalogRepository, StoredApiToken } from '@orbwatch/store';
import { uuidV7 } from '@orbwatch/store';
import type { Clock } from '../detection/clock.js';

const PREFIX = 'ow_';

export const tokenHash = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** A token as listed: never the secret. */
export function tokenDocument(t: StoredApiToken) {
  return {
    id: t.id,
    name: t.name,
    createdUtc: formatIso(t.createdAt),
    lastUsedUtc: t.lastUsedAt === null ? null : formatIso(t.lastUsedAt),
    revokedUtc: t.revokedAt === null ? null : formatIso(t.revokedAt),
  };
}

/** Creates a token; the returned `token` is the only time the secret exists outside the caller. */
export async function createApiToken(repo: CatalogRepository, name: string, clock: Clock) {
  const now = clock.now();
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = uuidV7(now);
  await repo.saveApiToken({ id, name, secretSha256: tokenHash(token), createdAt: now });
  return { id, name, token, createdUtc: formatIso(now) };
}

export async function listApiTokens(repo: CatalogRepository) {
  return (await repo.apiTokens()).map(tokenDocument);
}

/** Revokes the token with this id or unique id prefix; NOT_FOUND when there is no such live token. */
export async function revokeApiToken(repo: CatalogRepository, idOrPrefix: string, clock: Clock) {
  const t = /^[0-9a-f-]{4,36}$/i.test(idOrPrefix) ? await repo.revokeApiToken(idOrPrefix, clock.now()) : null;
  if (t === null)
    throw new OrbwatchError(
      ErrorCode.NOT_FOUND,
      `no single unrevoked token with id or id prefix '${idOrPrefix.slice(0, 64)}' (see 'orbwatch token list')`,
      { id: idOrPrefix.slice(0, 64) },
    );
  return tokenDocument(t);
}

/** The stored token a bearer secret names; UNAUTHORIZED when missing, unknown or revoked. */
export async function verifyApiToken(
  repo: CatalogRepository,
  secret: string | undefined,
  clock: Clock,
): Promise<StoredApiToken> {
  if (secret === undefined || secret === '')
    throw new OrbwatchError(ErrorCode.UNAUTHORIZED, 'this request needs an API token: Authorization: Bearer <token>', {
      how: 'orbwatch token create',
    });
  const t = secret.length <= 200 ? await repo.apiTokenByHash(tokenHash(secret)) : null;
  if (t === null || t.revokedAt !== null)
    throw new OrbwatchError(ErrorCode.UNAUTHORIZED, 'the API token is unknown or revoked', {});
  await repo.touchApiToken(t.id, clock.now());
  return t;
}
