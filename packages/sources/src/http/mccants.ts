/**
 * Mike McCants' amateur elements for objects the official catalogue does not publish
 * (`classfd.tle`, usually served zipped as `classfd.zip`). Fetched conditionally at most once
 * per interval (default 12 h; the file changes a few times a week), unzipped when it is a ZIP,
 * and stored under the source name `mccants-classfd` with kind `amateur`, so every result built
 * on it says it rests on amateur observations.
 * @module
 */
import { ErrorCode, OrbwatchError } from '@orbwatch/core';
import type { PoliteFetcher } from './polite-fetcher.js';
import { everySchedule } from './schedule.js';
import type { WatchSource } from './watch-source.js';
import { readZipMember } from './zip.js';

export const MCCANTS_CLASSFD_URL = 'https://www.prismnet.com/~mmccants/tles/classfd.zip';
export const MCCANTS_SOURCE_NAME = 'mccants-classfd';
export const MCCANTS_DEFAULT_INTERVAL_MS = 12 * 3_600_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function isZip(b: Uint8Array): boolean {
  return ZIP_MAGIC.every((x, i) => b[i] === x);
}

/** The TLE text of a classfd download: the `.tle`/`.txt` member of a ZIP, or the bytes themselves. */
export function classfdText(body: Uint8Array, url: string): { file: string; data: Uint8Array } {
  if (!isZip(body)) return { file: url, data: body };
  let member;
  try {
    member =
      readZipMember(body, (n) => /classfd\.(tle|txt)$/i.test(n)) ?? readZipMember(body, (n) => /\.(tle|txt)$/i.test(n));
  } catch (e) {
    throw new OrbwatchError(ErrorCode.SOURCE_UNAVAILABLE, `${url}: ${e instanceof Error ? e.message : String(e)}`, {
      url,
    });
  }
  if (member === undefined)
    throw new OrbwatchError(ErrorCode.SOURCE_UNAVAILABLE, `${url}: the archive holds no .tle or .txt file`, { url });
  return { file: `${url}#${member.name}`, data: member.data };
}

export interface McCantsSourceOptions {
  readonly fetcher: PoliteFetcher;
  readonly url?: string;
  readonly intervalMs?: number;
}

export function mccantsSource(o: McCantsSourceOptions): WatchSource {
  const url = o.url ?? MCCANTS_CLASSFD_URL;
  const intervalMs = o.intervalMs ?? MCCANTS_DEFAULT_INTERVAL_MS;
  return {
    key: `mccants:classfd`,
    description: 'McCants classfd (amateur)',
    storedAs: { name: MCCANTS_SOURCE_NAME, kind: 'amateur' },
    schedule: everySchedule(intervalMs),
    failureDelayMs: intervalMs,
    fetch: async (previous) => {
      const r = await o.fetcher.request(url, {
        ...(previous?.etag == null ? {} : { etag: previous.etag }),
        ...(previous?.lastModified == null ? {} : { lastModified: previous.lastModified }),
      });
      if (r.kind === 'not-modified') return { kind: 'not-modified', url };
      const { file, data } = classfdText(r.body, url);
      return { kind: 'payload', url, file, data, etag: r.etag ?? null, lastModified: r.lastModified ?? null };
    },
  };
}
