/**
 * SQLite implementation of the launch-report part of the repository port (table
 * `launch_reports`, migration 005; used by SqliteCatalogRepository).
 * @module
 */
import type Database from 'better-sqlite3';
import type { Instant, LaunchGroupReport } from '@orbwatch/core';
import { ErrorCode, OrbwatchError, instant } from '@orbwatch/core';
import type { StoredLaunchReport } from '../launch-report-repository.js';

interface LaunchReportRow {
  cospar: string;
  detector: string;
  detector_version: string;
  report_json: string;
  examined_at_ms: number;
}

const COSPAR_LAUNCH = /^\d{4}-\d{3}$/;

export class SqliteLaunchReports {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  save(detector: string, detectorVersion: string, reports: readonly LaunchGroupReport[], now: Instant): number {
    for (const r of reports)
      if (!COSPAR_LAUNCH.test(r.launch))
        throw new OrbwatchError(
          ErrorCode.INPUT_REJECTED,
          `launch report for "${r.launch}": not a COSPAR launch YYYY-NNN`,
          {
            launch: r.launch,
          },
        );
    const upsert = this.#db.prepare(`INSERT INTO launch_reports
      (cospar, detector, detector_version, status, report_json, examined_at_ms) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (cospar) DO UPDATE SET detector = excluded.detector, detector_version = excluded.detector_version,
        status = excluded.status, report_json = excluded.report_json, examined_at_ms = excluded.examined_at_ms`);
    const tx = this.#db.transaction(() => {
      for (const r of reports) upsert.run(r.launch, detector, detectorVersion, r.status, JSON.stringify(r), now);
    });
    tx();
    return reports.length;
  }

  list(filter?: { readonly cospar?: string }): StoredLaunchReport[] {
    const rows = (
      filter?.cospar !== undefined
        ? this.#db.prepare('SELECT * FROM launch_reports WHERE cospar = ? ORDER BY cospar').all(filter.cospar)
        : this.#db.prepare('SELECT * FROM launch_reports ORDER BY cospar').all()
    ) as LaunchReportRow[];
    return rows.map((r) => ({
      cospar: r.cospar,
      detector: r.detector,
      detectorVersion: r.detector_version,
      examinedAt: instant(r.examined_at_ms),
      report: JSON.parse(r.report_json) as LaunchGroupReport,
    }));
  }
}
