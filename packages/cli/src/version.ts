/**
 * `orbwatch --version` (`-V`): the package version and each detector's name and version, the
 * versions every stored event names (a changed detector output bumps its version).
 * @module
 */
import { readFileSync } from 'node:fs';
import {
  FRAGMENTATION_DETECTOR,
  FRAGMENTATION_DETECTOR_VERSION,
  MANEUVER_DETECTOR,
  MANEUVER_DETECTOR_VERSION,
  PROXIMITY_DETECTOR,
  PROXIMITY_DETECTOR_VERSION,
  RELEASE_DETECTOR,
  RELEASE_DETECTOR_VERSION,
} from '@orbwatch/core';

/** The detectors and their versions, in the order `detect` runs them. */
export const DETECTOR_VERSIONS: readonly { readonly detector: string; readonly version: string }[] = [
  { detector: MANEUVER_DETECTOR, version: MANEUVER_DETECTOR_VERSION },
  { detector: RELEASE_DETECTOR, version: RELEASE_DETECTOR_VERSION },
  { detector: PROXIMITY_DETECTOR, version: PROXIMITY_DETECTOR_VERSION },
  { detector: FRAGMENTATION_DETECTOR, version: FRAGMENTATION_DETECTOR_VERSION },
];

/** The version of the `@orbwatch/cli` package (its package.json, beside `src/` and `dist/`). */
export function orbwatchVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

/** The text `orbwatch --version` prints. */
export function versionText(): string {
  return [`orbwatch ${orbwatchVersion()}`, ...DETECTOR_VERSIONS.map((d) => `detector ${d.detector} ${d.version}`)].join(
    '\n',
  );
}
