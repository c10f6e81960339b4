/**
 * Physical plausibility checks shared by every element-set parser: a set that passes its format
 * checks can still be impossible (eccentricity ≥ 1, negative mean motion, angles out of range).
 * @module
 */
import type { ParseIssue } from './parse-issue.js';
import { IssueCode, makeIssue } from './parse-issue.js';

/** The mean elements to check, in the units the formats publish them (degrees, rev/day). */
export interface PublishedElements {
  readonly eccentricity: number;
  readonly meanMotionRevPerDay: number;
  readonly inclinationDeg: number;
  readonly raanDeg: number;
  readonly argPerigeeDeg: number;
  readonly meanAnomalyDeg: number;
}

/** Where each field sits, so an issue can point at its column (1-based; 0 = whole record). */
export type ElementColumns = Partial<Record<keyof PublishedElements, number>>;

/**
 * Returns one issue per impossible value. Empty when the elements are physically possible.
 * Mean motion must be positive and below 17 rev/day (a period under ~85 min is below the surface);
 * eccentricity in [0, 1); inclination in [0, 180]; the other angles in [0, 360].
 */
export function checkElements(
  el: PublishedElements,
  at: { file: string; line: number },
  columns: ElementColumns = {},
): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const col = (k: keyof PublishedElements): number => columns[k] ?? 0;
  if (!(el.eccentricity >= 0 && el.eccentricity < 1)) {
    issues.push(
      makeIssue(
        IssueCode.ELEMENTS_ECCENTRICITY,
        { ...at, column: col('eccentricity') },
        '0 ≤ e < 1',
        `eccentricity ${String(el.eccentricity)} is not that of a closed orbit`,
        String(el.eccentricity),
      ),
    );
  }
  if (!(el.meanMotionRevPerDay > 0 && el.meanMotionRevPerDay < 17)) {
    issues.push(
      makeIssue(
        IssueCode.ELEMENTS_MEAN_MOTION,
        { ...at, column: col('meanMotionRevPerDay') },
        '0 < n < 17 rev/day',
        `mean motion ${String(el.meanMotionRevPerDay)} rev/day is impossible for an Earth orbit`,
        String(el.meanMotionRevPerDay),
      ),
    );
  }
  if (!(el.inclinationDeg >= 0 && el.inclinationDeg <= 180)) {
    issues.push(
      makeIssue(
        IssueCode.ELEMENTS_ANGLE,
        { ...at, column: col('inclinationDeg') },
        '0 ≤ inclination ≤ 180 deg',
        `inclination ${String(el.inclinationDeg)}° out of range`,
        String(el.inclinationDeg),
      ),
    );
  }
  for (const k of ['raanDeg', 'argPerigeeDeg', 'meanAnomalyDeg'] as const) {
    const v = el[k];
    if (!(v >= 0 && v <= 360)) {
      issues.push(
        makeIssue(
          IssueCode.ELEMENTS_ANGLE,
          { ...at, column: col(k) },
          `0 ≤ ${k.replace('Deg', '')} ≤ 360 deg`,
          `${k.replace('Deg', '')} ${String(v)}° out of range`,
          String(v),
        ),
      );
    }
  }
  return issues;
}
