/**
 * The launch-report part of the repository port: the release detector's conclusion for each
 * multi-payload launch (a deployment group, or why none could be measured), one per launch, the
 * latest examination winning.
 * @module
 */
import type { Instant, LaunchGroupReport } from '@orbwatch/core';
import type { Awaitable } from './awaitable.js';

/** A stored launch report: the detector's report, who made it and when. */
export interface StoredLaunchReport {
  /** COSPAR launch `YYYY-NNN`. */
  readonly cospar: string;
  readonly detector: string;
  readonly detectorVersion: string;
  readonly examinedAt: Instant;
  readonly report: LaunchGroupReport;
}

export interface LaunchReportRepository {
  /** Stores (replacing per launch) the reports of one detection run, in one transaction. */
  saveLaunchReports(
    detector: string,
    detectorVersion: string,
    reports: readonly LaunchGroupReport[],
    now: Instant,
  ): Awaitable<number>;
  /** Stored reports ordered by launch; only `cospar` when given. */
  launchReports(filter?: { readonly cospar?: string }): Awaitable<StoredLaunchReport[]>;
}
