/**
 * Test support: locate and read the real-data fixtures bundled under the repository's
 * `fixtures/` folder (each subfolder has a PROVENANCE.md). `.gz` files are decompressed.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** Absolute path of the repository's fixtures folder. */
export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures');

/** Absolute path of a fixture, `rel` relative to `fixtures/`. */
export function fixturePath(rel: string): string {
  return resolve(FIXTURES_DIR, rel);
}

/** A fixture's text (UTF-8; `.gz` decompressed). */
export function readFixture(rel: string): string {
  const buf = readFileSync(fixturePath(rel));
  return (rel.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}
