/**
 * No false alarms and no accusations over the whole two months of history-2026's background and
 * Starlink samples (2026-03-15 … 05-07, 50 km / 0.5 km/s, sustained ≥ 3 h or ≥ 6 close
 * approaches): every episode carries an assessment whose reasons name measures and thresholds;
 * every episode between objects of different owners (Space-Track SATCAT subset) has a label
 * other than `unexplained` (the four that stay unexplained are listed with why); none is `co-orbital`; no object is called chaser or target except a
 * vehicle docked to a station. The assessment thresholds were set on 2026-03-15 … 03-29 (the
 * tuning weeks); the rest of the window is the check (docs/design/proximity-detector.md).
 */
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../time/instant.js';
import { PROXIMITY_LABELS } from '../assessment/event-assessment.js';
import { backgroundSample } from './background-sample.test-support.js';
import { detectProximity } from './detect-proximity.js';

const iso = (t: string) => {
  const v = parseIsoInstant(t);
  if (v === undefined) throw new Error(t);
  return v;
};

describe('no false alarms and no accusations over the whole of history-2026', () => {
  it('labels every episode, 2026-03-15 … 05-07, from its own measures', () => {
    const { objects, cospar } = backgroundSample();
    const r = detectProximity({
      objects,
      start: iso('2026-03-15T00:00:00Z'),
      end: iso('2026-05-07T00:00:00Z'),
      parameters: {
        maxRangeKm: 50,
        maxRelativeSpeedKmPerSec: 0.5,
        stepSec: 120,
        minDurationSec: 3 * 3600,
        minApproaches: 6,
      },
    });
    expect(r.episodes.length).toBeGreaterThan(20);
    const labels = new Map<string, number>();
    for (const e of r.episodes) {
      const [a, b] = e.event.objects;
      const key = `${String(a?.norad)}-${String(b?.norad)}`;
      const m = e.event.measures;
      const as = e.event.assessment;
      expect(as, key).toBeDefined();
      if (as === undefined) continue;
      labels.set(as.label, (labels.get(as.label) ?? 0) + 1);
      expect(PROXIMITY_LABELS as readonly string[]).toContain(as.label);
      // The deciding reason names a measure, and a threshold with its source where it compares.
      const first = as.reasons[0];
      expect(first?.measure, key).toBeTruthy();
      if (first?.comparison !== undefined && first.threshold !== undefined) expect(first.thresholdSource).toBeTruthy();
      expect(as.label, key).not.toBe('co-orbital');
      const different = m['ownerA'] !== null && m['ownerB'] !== null && m['ownerA'] !== m['ownerB'];
      if (different) expect(as.label, key).not.toBe('unexplained');
      // Each label is backed by the episode's own facts.
      const launchA = (cospar.get(a?.norad ?? 0) ?? '').slice(0, 8);
      const launchB = (cospar.get(b?.norad ?? 0) ?? '').slice(0, 8);
      if (as.label === 'co-passengers') expect(launchA, key).toBe(launchB);
      if (as.label === 'drift-by') {
        const d = Math.abs(Number(m['driftRateFromElementsKmPerDay']));
        expect(d - 1.96 * Number(m['driftRateSigmaKmPerDay']), key).toBeGreaterThan(100);
      }
      if (as.label !== 'docking') expect([a?.role, b?.role], key).toEqual(['participant', 'participant']);
    }
    // What stays unexplained, and why: in each pair one owner is missing from the LEO SATCAT subset,
    // so neither a shared nor a different owner can be stated, and the drift keeps the pair within
    // 50 km for more than a day (the drift-by bound), so it is not a pass either.
    const STAYS_UNEXPLAINED: Record<string, string> = {
      '43562-37602': 'Telstar 19V / 14R, GEO co-location at 63° W (both Telesat in fact), 10 km/day',
      '67294-60249':
        'SITRO-AIS-63 (2025-313) / Gaofen-11 05 (PRC), 66 km/day after a 2 km raise of Gaofen-11 05; planes 3.2° apart (crossed at 0.43 km/s, so no approach is claimed)',
      '66771-44836': 'GYEONGGISAT-1 (2025-276) / Jilin-1 Gaofen 2B (PRC), 30 km/day, planes 2.4° apart',
      '68140-65851':
        'Shiyan-30 04 / Shiyan-30 01 (one series, launched after the SATCAT subset), 7 km/day, planes 3.3° apart',
    };
    const unexplained = r.episodes
      .filter((e) => e.event.assessment?.label === 'unexplained')
      .map((e) => `${String(e.event.objects[0]?.norad)}-${String(e.event.objects[1]?.norad)}`);
    expect(unexplained.sort()).toEqual(Object.keys(STAYS_UNEXPLAINED).sort());
    for (const e of r.episodes.filter((x) => x.event.assessment?.label === 'unexplained')) {
      const m = e.event.measures;
      expect(m['ownerA'] === null || m['ownerB'] === null).toBe(true);
      expect(Math.abs(Number(m['driftRateFromElementsKmPerDay']))).toBeLessThan(100);
    }
    // Named real cases (different owners, Space-Track SATCAT subset).
    const NAMED: Record<string, { label: string; what: string }> = {
      '54383-2874': { label: 'drift-by', what: 'Cosmos 2566 (CIS) / OPS 5712 (US), 103-min near-polar shell' },
      '57172-43111': { label: 'drift-by', what: 'Umka 1 / Cartosat-2F (IND), SSO shell' },
      '62635-58024': { label: 'drift-by', what: 'Garai-A (SPN) / MACSAT (LUXE), SSO shell' },
      '42835-42831': { label: 'co-passengers', what: 'WNISAT 1R (JPN) / Flying Laptop (GER), Soyuz 2017-042' },
      '58295-58262': { label: 'co-passengers', what: 'SpaceVan-001 (FR) / Platero (SPN), Transporter-9 2023-174' },
    };
    for (const [key, want] of Object.entries(NAMED)) {
      const eps = r.episodes.filter(
        (e) => `${String(e.event.objects[0]?.norad)}-${String(e.event.objects[1]?.norad)}` === key,
      );
      expect(eps.length, want.what).toBeGreaterThan(0);
      for (const e of eps) {
        expect(e.event.assessment?.label, want.what).toBe(want.label);
        expect(e.event.objects.map((o) => o.role)).toEqual(['participant', 'participant']);
      }
    }
    expect(labels.get('drift-by') ?? 0).toBeGreaterThan(0);
    expect(labels.get('co-passengers') ?? 0).toBeGreaterThan(0);
  }, 600_000);
});
