/**
 * The recorded split of the bundled launches for the release detector's parameters: the launches
 * whose data chose a parameter value (TUNING), and the launches kept for checking (CHECK). Every
 * data-chosen value in release-parameters.ts names its tuning launches here; bench/releases.ts
 * reports figures on both sides (docs/benchmarks.md, "Release detection").
 *
 * The other parameters are not chosen on launch data: class thresholds from published speeds
 * (spring deployers, Cosmos 2543's 2020 release), acceptance distances from the simulation,
 * `deploymentPhaseDays` and the one-revolution launch-time tolerance from how launches and
 * revolution counts work (release-checks.ts).
 * @module
 */

/** A parameter chosen on launch data, and the launches that chose it. */
export interface TunedParameter {
  readonly parameter: string;
  readonly launches: readonly string[];
  readonly why: string;
}

export const RELEASE_TUNED_PARAMETERS: readonly TunedParameter[] = [
  {
    parameter: 'manoeuvreRiseKm',
    launches: ['2026-057', '2026-098'],
    why: '0.5 km let raising Starlinks of 2026-057 pass as thrust-free; 0.2 km took set scatter of 2026-098 for thrust',
  },
  {
    parameter: 'maxCountStartRangeSec',
    launches: ['2026-052', '2026-076', '2026-095', '2026-098'],
    why: 'counts of deployments catalogued within a day agree within 2 h (052, 076); counts days apart (095, 098) are not a launch time',
  },
  {
    parameter: 'maxConvergenceFromCountStartDays',
    launches: ['2026-075'],
    why: 'Qianfan 2026-075: arcs converge 6 days after the launch, at a common manoeuvre',
  },
  {
    parameter: 'epochSigmaSecPerLagDay2',
    launches: ['2025-241'],
    why: "TEN-KOH 2: 2.2 h error after a 7.6-day lag against JAXA's published release time",
  },
  {
    parameter: 'minGroupSize',
    launches: ['2026-049', '2026-068'],
    why: 'two of 29 Starlinks that manoeuvred before cataloguing meet by chance',
  },
  {
    parameter: 'convergence member admission (maxDistance* along track)',
    launches: ['2026-052', '2026-072', '2026-098'],
    why: 'admitting crossings within 6 h took in a 399 m/s member (052) and an 85-km "group" (098)',
  },
];

/** Launches whose data chose a parameter value (the union of the above). */
export const RELEASE_TUNING_LAUNCHES: readonly string[] = [
  ...new Set(RELEASE_TUNED_PARAMETERS.flatMap((p) => p.launches)),
].sort();

/**
 * Launches kept for checking: every other multi-payload launch of the bundled data
 * (fixtures/history-2026 and fixtures/releases). They were looked at during development (the
 * design note tabulates them), but no parameter value was chosen on them.
 */
export function isCheckLaunch(launch: string): boolean {
  return !RELEASE_TUNING_LAUNCHES.includes(launch);
}
