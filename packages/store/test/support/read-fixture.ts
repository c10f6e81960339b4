/**
 * Test support: reads a real-data fixture from the repository's `fixtures/` folder (`.gz`
 * decompressed). Same behaviour as core's test/support/fixtures.ts, kept here because the store's
 * test tsconfig (rootDir = packages/store) cannot include files of another package.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures');

/** A fixture's text (UTF-8), `rel` relative to `fixtures/`. */
export function readFixture(rel: string): string {
  const buf = readFileSync(resolve(FIXTURES_DIR, rel));
  return (rel.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}
