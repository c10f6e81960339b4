/**
 * The parts of the repository port the HTTP API needs beyond the catalogue: the alert feed (new
 * events and findings in commit order, whoever wrote them), write tokens (kept as hashes) and
 * webhook subscriptions with their dead letters.
 * @module
 */
import type { Instant } from '@orbwatch/core';
import type { Awaitable } from './awaitable.js';

/** One row of the alert feed: a new event, a new or changed finding, or an event superseded. */
export interface FeedEntry {
  /** Increasing, never reused: the Server-Sent Events `id:`. */
  readonly seq: number;
  readonly type: 'event' | 'finding' | 'supersession';
  /** The event's (also the superseded event's) or the finding's id. */
  readonly refId: string;
  readonly createdAt: Instant;
}

export interface FeedRepository {
  /** Feed rows with `seq > afterSeq`, in order, at most `limit`. */
  feedAfter(afterSeq: number, limit: number): Awaitable<FeedEntry[]>;
  /** The highest `seq` stored (0 when the feed is empty). */
  feedHead(): Awaitable<number>;
  /**
   * A token that changes whenever anything in the database may have changed, written by this
   * connection or by another process (the watcher, `orbwatch detect`); equal tokens mean nothing
   * changed in between. The API keys its response cache on it.
   */
  dataVersion(): Awaitable<string>;
}

/** A write token as stored: never the secret, only its SHA-256. */
export interface StoredApiToken {
  readonly id: string;
  readonly name: string;
  readonly secretSha256: string;
  readonly createdAt: Instant;
  readonly lastUsedAt: Instant | null;
  readonly revokedAt: Instant | null;
}

export interface TokenRepository {
  saveApiToken(token: Omit<StoredApiToken, 'lastUsedAt' | 'revokedAt'>): Awaitable<void>;
  apiTokens(): Awaitable<StoredApiToken[]>;
  /** The token (revoked or not) whose secret hashes to `secretSha256`. */
  apiTokenByHash(secretSha256: string): Awaitable<StoredApiToken | null>;
  /** Marks a token revoked and returns it; null when no single unrevoked token has that id or id prefix. */
  revokeApiToken(idOrPrefix: string, now: Instant): Awaitable<StoredApiToken | null>;
  touchApiToken(id: string, now: Instant): Awaitable<void>;
}

export interface StoredWebhook {
  readonly id: string;
  readonly url: string;
  readonly secret: string;
  /** Event kinds delivered (null: all). */
  readonly kinds: readonly string[] | null;
  /** Assessment labels delivered (null: all). */
  readonly labels: readonly string[] | null;
  readonly createdAt: Instant;
  /** Feed rows up to here were delivered or dead-lettered. */
  readonly lastSeq: number;
}

export interface WebhookDeadLetter {
  readonly id: number;
  readonly webhookId: string;
  readonly url: string;
  readonly feedSeq: number;
  readonly payload: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly failedAt: Instant;
}

export interface WebhookRepository {
  saveWebhook(hook: StoredWebhook): Awaitable<void>;
  webhooks(): Awaitable<StoredWebhook[]>;
  removeWebhook(id: string): Awaitable<boolean>;
  setWebhookSeq(id: string, lastSeq: number): Awaitable<void>;
  saveDeadLetter(letter: Omit<WebhookDeadLetter, 'id' | 'url'>): Awaitable<void>;
  deadLetters(webhookId?: string): Awaitable<WebhookDeadLetter[]>;
}
