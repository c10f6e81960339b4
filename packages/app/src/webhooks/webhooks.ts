/**
 * Webhook subscriptions of the alert feed, for `orbwatch webhooks` and the API server's
 * dispatcher: add (with a random signing secret unless one is given), list, remove, and the
 * dead letters (deliveries that failed every retry). A delivery's body is signed with
 * HMAC-SHA256 over `<unix seconds>.<body>`, sent as `X-Orbwatch-Signature: t=<seconds>,v1=<hex>`
 * so a receiver can check both the sender and the freshness ({@link verifyWebhookSignature}).
 * @module
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ErrorCode, OrbwatchError, formatIso } from '@orbwatch/core';
import type { CatalogRepository, StoredWebhook, WebhookDeadLetter } from '@orbwatch/store';
import { uuidV7 } from '@orbwatch/store';
import type { Clock } from '../detection/clock.js';

export const SIGNATURE_HEADER = 'x-orbwatch-signature';

/** The signature header value of `body` sent at `unixSec`. */
export function signWebhookBody(secret: string, unixSec: number, body: string): string {
  const mac = createHmac('sha256', secret)
    .update(`${String(unixSec)}.${body}`, 'utf8')
    .digest('hex');
  return `t=${String(unixSec)},v1=${mac}`;
}

/** Whether `header` signs `body` with `secret`, sent no more than `toleranceSec` from `nowSec`. */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowSec: number,
  toleranceSec = 300,
): boolean {
  const m = header === undefined ? null : /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (m?.[1] === undefined || m[2] === undefined) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSec - t) > toleranceSec) return false;
  const expected = Buffer.from(signWebhookBody(secret, t, body).slice(-64), 'hex');
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}

export function webhookDocument(h: StoredWebhook) {
  return {
    id: h.id,
    url: h.url,
    kinds: h.kinds,
    labels: h.labels,
    createdUtc: formatIso(h.createdAt),
    deliveredThroughSeq: h.lastSeq,
  };
}

export function deadLetterDocument(d: WebhookDeadLetter) {
  return {
    id: d.id,
    webhookId: d.webhookId,
    url: d.url,
    feedSeq: d.feedSeq,
    attempts: d.attempts,
    lastError: d.lastError,
    failedUtc: formatIso(d.failedAt),
    payload: d.payload,
  };
}

export interface AddWebhook {
  readonly url: string;
  readonly secret?: string;
  readonly kinds?: readonly string[];
  readonly labels?: readonly string[];
}

/**
 * Adds a subscription that receives the feed from now on (rows already stored are not sent).
 * Returns it with its secret (shown once by the CLI).
 */
export async function addWebhook(repo: CatalogRepository, w: AddWebhook, clock: Clock) {
  let url: URL;
  try {
    url = new URL(w.url);
  } catch {
    throw new OrbwatchError(ErrorCode.USAGE, `'${w.url}' is not a URL`, { url: w.url });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OrbwatchError(ErrorCode.USAGE, `a webhook URL is http or https, not ${url.protocol}`, { url: w.url });
  const now = clock.now();
  const hook: StoredWebhook = {
    id: uuidV7(now),
    url: url.href,
    secret: w.secret ?? randomBytes(32).toString('base64url'),
    kinds: w.kinds === undefined || w.kinds.length === 0 ? null : [...w.kinds],
    labels: w.labels === undefined || w.labels.length === 0 ? null : [...w.labels],
    createdAt: now,
    lastSeq: await repo.feedHead(),
  };
  await repo.saveWebhook(hook);
  return { ...webhookDocument(hook), secret: hook.secret };
}

export async function listWebhooks(repo: CatalogRepository) {
  return {
    webhooks: (await repo.webhooks()).map(webhookDocument),
    deadLetters: (await repo.deadLetters()).map(deadLetterDocument),
  };
}

export async function removeWebhook(repo: CatalogRepository, id: string): Promise<void> {
  if (!(await repo.removeWebhook(id)))
    throw new OrbwatchError(ErrorCode.NOT_FOUND, `no webhook '${id.slice(0, 64)}' (see 'orbwatch webhooks')`, {
      id: id.slice(0, 64),
    });
}
