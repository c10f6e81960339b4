/**
 * The maneuver detector on real public element sets: operator ground truth (dpshorten
 * benchmark), ISS reboosts, Starlink/Kuiper orbit raising, and the false-alarm population.
 * The nine satellites with operator manoeuvre lists are scored in detect-maneuvers.benchmark.test.ts.
 */
import { twoline2satrec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../../elements/element-set.js';
import { parseTle } from '../../elements/tle/parse-tle.js';
import { readFixture } from '../../../test/support/fixtures.js';
import { cleanHistory } from './clean-history.js';
import { detectManeuvers } from './detect-maneuvers.js';

const MU = 398_600.8; // WGS-72, km³/s² (SGP4's and satellite.js's constant)
const RE_KM = 6378.135; // WGS-72 equatorial radius, km
const DAY_MS = 86_400_000;

function load(rel: string): ElementSet[] {
  const { items, issues } = parseTle(readFixture(rel), { file: rel });
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  return items;
}

function byObject(sets: readonly ElementSet[]): Map<number, ElementSet[]> {
  const m = new Map<number, ElementSet[]>();
  for (const s of sets) {
    const list = m.get(s.noradId) ?? [];
    list.push(s);
    m.set(s.noradId, list);
  }
  return m;
}

describe('lowering steps beyond drag', () => {
  it('Jason-3: the operator lowering manoeuvres of 2016-07-26 and 2019-06-17 are reported as lowering steps', () => {
    // Operator times (dpshorten manoeuvre list): 2016-07-26 02:50 and 2019-06-17 19:47 UTC. At
    // 1,336 km the a″ trend of the neighbouring sets is ≈ 0.1–0.2 m/day; a step of −2…−3 m within
    // one interval is > 10× that, with the along-track residual ahead (a lowered orbit) at > 5σ.
    const sets = load('maneuvers/Jason-3.tle.gz');
    const { events } = detectManeuvers(sets);
    for (const iso of ['2016-07-26T02:50:00Z', '2019-06-17T19:47:00Z']) {
      const t = Date.parse(iso);
      const near = events.filter((e) => t >= e.start - DAY_MS && t <= e.end + DAY_MS);
      expect(near, iso).toHaveLength(1);
      const m = near[0]!.measures;
      const da = m['deltaSemiMajorAxisKm'] as number;
      const decay = m['localDecayKmPerDay'] as number;
      expect(m['method']).toBe('level-step');
      expect(da).toBeLessThan(-0.001); // a lowering of more than 1 m
      expect(da).toBeGreaterThan(-0.01); // and less than 10 m (a station-keeping trim)
      // The bound applied: 10 × the local decay over the step's interval (at least a day).
      expect(m['dragBoundKm'] as number).toBeGreaterThanOrEqual(10 * Math.abs(decay) * 0.999);
      expect(-da).toBeGreaterThanOrEqual(m['dragBoundKm'] as number);
      expect(Math.abs(decay)).toBeLessThan(0.0005); // < 0.5 m/day at 1,336 km
      expect(m['alongTrackResidualKm'] as number).toBeGreaterThan(0); // ahead of the prediction
      // Δv = v·|Δa|/(2a) (Gauss, tangential): ≈ 1.2–1.4 mm/s.
      const a = m['semiMajorAxisBeforeKm'] as number;
      expect(m['deltaVMps'] as number).toBeCloseTo((Math.sqrt(MU / a) * 1000 * -da) / (2 * a), 6);
    }
  });
});

describe('ISS (ZARYA) 2026-03-15 .. 2026-05-07', () => {
  it('collapses re-published duplicates and finds the 2026-04-16 reboost', () => {
    const sets = load('history-2026/iss.3le.gz');
    const { events, diagnostics } = detectManeuvers(sets);
    expect(diagnostics.duplicatesCollapsed).toBeGreaterThan(30); // same fit re-published 1 ms apart
    const raises = events.filter((e) => (e.measures['alongTrackDeltaVMps'] as number) > 0.1);
    for (const e of events) {
      console.log(
        `ISS ${new Date(e.start).toISOString()} .. ${new Date(e.end).toISOString()} ${String(e.measures['kind'])} Δv ${(e.measures['deltaVMps'] as number).toFixed(3)} ± ${(e.measures['deltaVSigmaMps'] as number).toFixed(3)} m/s, Δa ${(e.measures['deltaSemiMajorAxisKm'] as number).toFixed(3)} km`,
      );
    }
    // Our detection (no public report of this reboost found): Δa ≈ +0.44 km between the sets of
    // 2026-04-16 04:47 and 20:16 UTC → Δv ≈ v·Δa/(2a) ≈ 0.25 m/s.
    expect(raises).toHaveLength(1);
    const r = raises[0]!;
    expect(r.start).toBeLessThanOrEqual(Date.parse('2026-04-16T12:00:00Z'));
    expect(r.end).toBeGreaterThanOrEqual(Date.parse('2026-04-16T12:00:00Z'));
    const a = r.measures['semiMajorAxisBeforeKm'] as number;
    const da = r.measures['deltaSemiMajorAxisKm'] as number;
    expect(da).toBeGreaterThan(0.3);
    expect(da).toBeLessThan(0.6);
    // Physical cross-check of Δv: vis-viva circular speeds at the two radii.
    const dvVisViva = (Math.sqrt(MU / a) - Math.sqrt(MU / (a + da))) * 1000;
    expect(r.measures['alongTrackDeltaVMps'] as number).toBeCloseTo(dvVisViva, 2);
    expect(r.elementSets.map((s) => s.epochText)).toHaveLength(2);
  });
});

describe('launches 2026-03..05 and the background population', () => {
  const launches = byObject(load('history-2026/launches-2026-03-to-05.3le.gz'));

  it('reports the orbit raising of every Starlink and Kuiper batch, each with its vis-viva spiral Δv', () => {
    // Independent reference for the mean semi-major axis: satellite.js's own SGP4 initialisation
    // (twoline2satrec → satrec.a, Brouwer a″ in Earth radii, WGS-72), not our meanSemiMajorAxis.
    const aOf = (s: ElementSet): number => {
      const lines = s.raw.split('\n');
      const sat = twoline2satrec(lines[lines.length - 2] ?? '', lines[lines.length - 1] ?? '');
      return sat.a * RE_KM;
    };
    // What happened, from the sets alone: the largest rise of the held mean orbit (levels = running
    // median of 3 consecutive sets, so one bad fit cannot make or hide a rise), km.
    const heldRise = (a: readonly number[]): number => {
      let lo = Infinity;
      let rise = 0;
      a.forEach((x, k) => {
        const level = k === 0 || k === a.length - 1 ? x : [a[k - 1]!, x, a[k + 1]!].sort((p, q) => p - q)[1]!;
        lo = Math.min(lo, level);
        rise = Math.max(rise, level - lo);
      });
      return rise;
    };
    // A batch "raises inside the window" through its objects whose held orbit rises by at least the
    // detector's minimum climb (5 km); every such object must be reported, except those listed
    // here by object with the reason — none (the design note, "History", records the 75 of 456
    // once missed: raises carried by one long interval or a data gap, bad-fit sets inside a climb).
    // Objects that do NOT raise ≥ 5 km inside the window (history ends 2026-05-07), from their sets:
    //  - 2026-072 Kuiper: 19 of 29 hold the 447–461 km insertion orbit (decaying ≈ 0.1 km/day);
    //    68579 and 68586 step up ≈ 5 km on 05-01 and hold it, at the threshold: 68586's end sets
    //    differ by 5.04 km (reported, unresolved raise), 68579's by < 5 km (reported as a 5.2 km
    //    burn, labelled station-keeping: its a″ stays inside the 15 km band).
    //  - 2026-081 Starlink: 68699, 68700, 68701 rise only 3.5–4.2 km from their first set to the
    //    328 km level the batch holds (the other 26 rise 5–19 km to it and are reported).
    //  - 2026-082 Starlink: 68728, 68730, 68733 hold 325 km all window (the other 22 go to 341 km).
    //  - 2026-095 Kuiper (first sets 04-30): 28 of 29 hold the 451–461 km insertion orbit; 68885
    //    starts raising on 05-02 (reported, ongoing).
    //  - 2026-098 Kuiper (first sets 05-05, 12 sets each): all 32 hold the 458–473 km insertion orbit.
    const exceptions = new Map<number, string>([]);
    const perBatch = new Map<string, { n: number; rising: number; reported: number; missed: number[] }>();
    let worstDvError = 0;
    for (const [norad, history] of launches) {
      const name = history[history.length - 1]?.name ?? '';
      if (!/STARLINK|KUIPER/.test(name)) continue;
      const batch = `${history[0]?.cosparId?.slice(0, 8) ?? '?'} ${name.startsWith('KUIPER') ? 'Kuiper' : 'Starlink'}`;
      const b = perBatch.get(batch) ?? { n: 0, rising: 0, reported: 0, missed: [] };
      b.n++;
      // In epoch order, each fit once (CelesTrak re-publishes a fit with epochs ms apart).
      const sorted = cleanHistory(history, 60).sets;
      const byEpoch = new Map(sorted.map((s) => [s.epoch, s]));
      const rise = heldRise(sorted.map(aOf));
      const raising = detectManeuvers(history).events.filter((e) => e.measures['kind'] === 'orbit-raising');
      if (rise >= 5) b.rising++;
      if (raising.length > 0) b.reported++;
      if (rise >= 5 && raising.length === 0) b.missed.push(norad);
      perBatch.set(batch, b);
      // No raising reported where the sets show none (1 km margin: the running median shaves noise).
      if (raising.length > 0) expect(rise, `${norad} ${name}`).toBeGreaterThanOrEqual(4);
      let reportedKm = 0;
      for (const e of raising) {
        const m = e.measures;
        const [before, after] = e.elementSets.map((r) => byEpoch.get(r.epoch));
        expect(before && after, `${norad}: event sets found in the history`).toBeTruthy();
        const a0 = aOf(before!);
        const a1 = aOf(after!);
        // Low-thrust tangential spiral between circular orbits: Δv = √(μ/a0) − √(μ/a1) (vis-viva
        // circular speeds). The detector sums v·Δa/(2a) over the intervals (midpoint rule), which
        // telescopes to the same value up to ≈ 0.16·(Δa/a)² relative per interval (< 3·10⁻⁵ for
        // the largest, 110 km, interval here) — 0.1 % + 1 cm/s bounds that and the rounding of the
        // eight-digit mean motion.
        const spiral = (Math.sqrt(MU / a0) - Math.sqrt(MU / a1)) * 1000;
        const dv = m['deltaVMps'] as number;
        worstDvError = Math.max(worstDvError, Math.abs(dv - spiral));
        expect(Math.abs(dv - spiral), `${norad} Δv ${dv} vs spiral ${spiral}`).toBeLessThanOrEqual(
          0.001 * spiral + 0.01,
        );
        // The impulsive (Hohmann) transfer between the same circles is the cheapest: the spiral is
        // above it, by O((Δa/a)²).
        const at = Math.sqrt((2 * a1) / (a0 + a1));
        const hohmann =
          (Math.sqrt(MU / a0) * (at - 1) + Math.sqrt(MU / a1) * (1 - Math.sqrt((2 * a0) / (a0 + a1)))) * 1000;
        expect(dv).toBeGreaterThanOrEqual(0.999 * hohmann);
        expect(a1 - a0).toBeGreaterThanOrEqual(5);
        // σ = v·σ_d/(2a), σ_d the median local σ of a″ differences outside climbs (≈ 0.1 % of Δv
        // in the median here); histories too short for it (2026-097: 14 sets, all climbing) fall
        // back on the scatter of all differences, climb included (≈ 7 %): conservative.
        expect(m['deltaVSigmaMps'] as number).toBeGreaterThan(0);
        expect(m['deltaVSigmaMps'] as number).toBeLessThan(0.1 * dv);
        // Ends of the climb: from the first set it began at or before that set; at the last set it
        // may still be under way.
        expect(m['climbStart']).toBe(e.start === sorted[0]!.epoch ? 'before-first-set' : 'observed');
        if (m['climbEnd'] === 'ongoing') expect(e.end).toBeLessThanOrEqual(sorted[sorted.length - 1]!.epoch);
        reportedKm += a1 - a0;
      }
      // The reported raising is the total: at least 80 % of the held rise (what is left out is a
      // step of a few km held apart from the main climb, e.g. 2026-082's first-day +2 km).
      if (rise >= 5 && raising.length > 0) expect(reportedKm, `${norad} ${name}`).toBeGreaterThanOrEqual(0.8 * rise);
    }
    let rising = 0;
    let reported = 0;
    for (const [batch, b] of [...perBatch].sort()) {
      console.log(
        `batch ${batch}: ${b.n} objects, ${b.rising} raise ≥ 5 km inside the window, ${b.reported} reported` +
          (b.missed.length > 0 ? `, missed ${b.missed.join(' ')}` : ''),
      );
      for (const norad of b.missed)
        expect(exceptions.has(norad), `${batch}: ${norad} raises but is not reported`).toBe(true);
      rising += b.rising;
      reported += b.rising - b.missed.length;
    }
    console.log(
      `Starlink/Kuiper: ${reported}/${rising} raising objects reported; worst |Δv − spiral| ${worstDvError.toFixed(4)} m/s`,
    );
    expect(reported).toBe(rising - exceptions.size);
  });

  it('background sample: rate per object-month, top objects are station-keepers', () => {
    const bg = byObject(load('history-2026/background-sample-600.3le.gz'));
    let months = 0;
    let count = 0;
    const rows: { name: string; n: number; periodMin: number; incDeg: number; events: number }[] = [];
    for (const [n, history] of bg) {
      const epochs = history.map((s) => s.epoch);
      months += (Math.max(...epochs) - Math.min(...epochs)) / (30.44 * DAY_MS);
      const { events } = detectManeuvers(history);
      count += events.length;
      const s0 = history[0]!;
      rows.push({
        name: s0.name ?? '',
        n,
        periodMin: (2 * Math.PI) / s0.meanMotionRadPerSec / 60,
        incDeg: (s0.inclinationRad * 180) / Math.PI,
        events: events.length,
      });
    }
    const rate = count / months;
    console.log(
      `background: ${count} events over ${months.toFixed(1)} object-months = ${rate.toFixed(2)} per object-month`,
    );
    rows.sort((x, y) => y.events - x.events);
    // v2.0: with GEO bad fits no longer reported, LEO objects with propulsion lead: SDA Tranche
    // satellites, the SPACEVAN orbital transfer vehicle, COSMOS 2550 (Pion-NKS) and 2600.
    const maneuveringClass =
      /STARLINK|ONEWEB|IRIDIUM|KUIPER|GLOBALSTAR|O3B|GPS|GALILEO|BEIDOU|GLONASS|SDA_|SPACEVAN|COSMOS 2550|COSMOS 2600/;
    // Top 10 asserted: maneuvering classes, except at most four not yet explained — GRUS-1E (LEO
    // imager, 20 events), HAISHAO-1 and CHECKMATE 7 (12 each) rose into the top 10 when v2.0 stopped reporting GEO
    // bad fits (design note, "GEO"); GLOBAL-34 (BlackSky imager, 12 events, the same count in 2.1,
    // then ranked 11th) moved up a tie when 2.2 stopped reporting SDA_1665/1667's bad-fit
    // excursions (±0.9–1.5 km for hours, the along-track angle undisturbed; design note, "2.2").
    let unexplained = 0;
    for (const [rank, r] of rows.slice(0, 15).entries()) {
      const geo = r.periodMin > 1400 && r.periodMin < 1480 && r.incDeg < 20;
      console.log(
        `  ${String(r.events).padStart(3)} ${r.n} ${r.name} period ${r.periodMin.toFixed(0)} min, i ${r.incDeg.toFixed(1)}°${geo ? ' (GEO station keeping)' : ''}`,
      );
      if (rank < 10 && !(geo || maneuveringClass.test(r.name))) unexplained++;
    }
    expect(unexplained).toBeLessThanOrEqual(4);
    expect(rate).toBeLessThan(3);
  });
});
