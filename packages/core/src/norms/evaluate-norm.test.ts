/**
 * Every default norm against events that are consistent with it, inconsistent with it, and that
 * cannot be assessed against it. The events are simulated (their assessments are written here,
 * not detected); the detectors' own tests cover the assessments on real data.
 */
import { describe, expect, it } from 'vitest';
import type { EventAssessment } from '../detectors/assessment/event-assessment.js';
import type { EventKind, EventObject } from '../detectors/detected-event.js';
import { noradId } from '../ids/norad-id.js';
import { instantFromUtcFields } from '../time/instant.js';
import { DEFAULT_NORM_FILE } from './default-norms.js';
import type { JudgedEvent } from './evaluate-norm.js';
import { evaluateNorm, evaluateNorms } from './evaluate-norm.js';
import type { PublishedFact } from './finding.js';
import { parseNorms } from './parse-norms.js';

const norms = parseNorms(JSON.stringify(DEFAULT_NORM_FILE), 'default').items;
const norm = (id: string) => norms.find((n) => n.id === id)!;
const T = instantFromUtcFields(2026, 7, 16, 0, 0, 0);

function simulated(
  kind: EventKind,
  label: EventAssessment['label'],
  measures: Record<string, number | string | null> = {},
  objects: [number, EventObject['role']][] = [
    [59773, 'participant'],
    [48247, 'participant'],
  ],
  extra: Partial<JudgedEvent> = {},
): JudgedEvent {
  return {
    id: `sim-${kind}-${label}`,
    kind,
    objects: objects.map(([n, role]) => ({ norad: noradId(n), role })),
    start: T,
    end: T,
    measures,
    elementSets: objects.map(([n]) => ({ noradId: noradId(n), epoch: T, epochText: 'sim', source: 'celestrak' })),
    detector: 'simulated',
    detectorVersion: '0',
    parameters: {},
    assessment: { label, confidence: 'high', reasons: [{ measure: 'm', value: 1, text: 'simulated' }] },
    ...extra,
  };
}

const fact = (kind: PublishedFact['kind'], norad: number): PublishedFact => ({
  kind,
  norad,
  statement: `simulated ${kind}`,
  source: 'test',
});

describe('destructive DA-ASAT tests (A/RES/77/41)', () => {
  const n = norm('no-destructive-da-asat-tests');
  const breakup = simulated('fragmentation', 'breakup', { altitudeKm: 480 }, [
    [13552, 'parent'],
    [49863, 'fragment'],
  ]);
  it('inconsistent when a published attribution says the breakup was deliberate', () => {
    const f = evaluateNorm(n, breakup, { facts: [fact('deliberate-destruction', 13552)] })!;
    expect(f.verdict).toBe('inconsistent');
    expect(f.statement).toMatch(/^Inconsistent with .*A\/RES\/77\/41.*un-resolution/);
    expect(f.statement).not.toMatch(/illegal|violation/i);
    expect(f.dissent.some((d) => d.startsWith('Russian Federation'))).toBe(true);
  });
  it('consistent when the breakup is attributed to an accident', () => {
    expect(evaluateNorm(n, breakup, { facts: [fact('accidental-breakup', 13552)] })?.verdict).toBe('consistent');
  });
  it('cannot be assessed from element sets alone (intent is not visible), nor for an undetermined label', () => {
    const f = evaluateNorm(n, breakup)!;
    expect(f).toMatchObject({ verdict: 'not-assessable', confidence: 'low' });
    expect(evaluateNorm(n, simulated('fragmentation', 'undetermined'))?.verdict).toBe('not-assessable');
  });
  it('says when an event predates the instrument (Cosmos 1408, 2021-11-15, before 2022-12-07)', () => {
    const early = {
      ...breakup,
      start: instantFromUtcFields(2021, 11, 15, 0, 0, 0),
      end: instantFromUtcFields(2021, 11, 15, 3, 0, 0),
    };
    const f = evaluateNorm(n, early, { facts: [fact('deliberate-destruction', 13552)] })!;
    expect(f.reasons.at(-1)?.text).toMatch(/predates the instrument \(2022-04-18\)/);
  });
  it('does not concern other kinds', () => {
    expect(evaluateNorm(n, simulated('maneuver', 'station-keeping'))).toBeNull();
  });
});

describe('COPUOS debris mitigation guideline 4', () => {
  const n = norm('copuos-sdm-guideline-4');
  const at = (km: number) =>
    simulated('fragmentation', 'breakup', { altitudeKm: km }, [
      [13552, 'parent'],
      [49863, 'fragment'],
    ]);
  const deliberate = { facts: [fact('deliberate-destruction', 13552)] };
  it('inconsistent: deliberate destruction at 480 km, above the 400 km of short-lived fragments', () => {
    const f = evaluateNorm(n, at(480), deliberate)!;
    expect(f.verdict).toBe('inconsistent');
    expect(f.reasons.find((r) => r.measure === 'altitudeKm')).toMatchObject({ value: 480, threshold: 400 });
  });
  it('consistent: deliberate destruction low enough (250 km)', () => {
    expect(evaluateNorm(n, at(250), deliberate)?.verdict).toBe('consistent');
  });
  it('cannot be assessed without an attribution', () => {
    expect(evaluateNorm(n, at(480))?.verdict).toBe('not-assessable');
  });
});

describe('post-mission disposal (IADC 25 years, FCC 5 years)', () => {
  const n = norm('post-mission-disposal');
  const lowering = (perigee: number | null) =>
    simulated('maneuver', 'orbit-lowering', { perigeeAfterKm: perigee }, [[68188, 'subject']]);
  it('consistent: a lowering to 180 km perigee (re-entry within months)', () => {
    expect(evaluateNorm(n, lowering(180))?.verdict).toBe('consistent');
  });
  it('inconsistent: the announced disposal burn left the perigee at 650 km', () => {
    const f = evaluateNorm(n, lowering(650), { facts: [fact('end-of-mission', 68188)] })!;
    expect(f.verdict).toBe('inconsistent');
    expect(f.instruments).toMatch(/FCC 22-74|FCC Second Report/);
  });
  it('cannot be assessed: a lowering to 500 km, not shown to be the final burn; no perigee measured', () => {
    expect(evaluateNorm(n, lowering(500))?.verdict).toBe('not-assessable');
    expect(evaluateNorm(n, lowering(null))?.verdict).toBe('not-assessable');
  });
  it('does not concern station keeping', () => {
    expect(evaluateNorm(n, simulated('maneuver', 'station-keeping', {}, [[68188, 'subject']]))).toBeNull();
  });
});

describe('proximity operations with notice or consent (A/RES/75/36, DoD tenets)', () => {
  const n = norm('rpo-notice-consent');
  it('inconsistent, at most medium confidence: co-orbital approaches with no notice on record', () => {
    const f = evaluateNorm(n, simulated('proximity', 'co-orbital', { minRangeKm: 45, minRangeSigmaKm: 9 }))!;
    expect(f).toMatchObject({ verdict: 'inconsistent', confidence: 'medium' });
    expect(f.reasons.some((r) => /absence of evidence/.test(r.text))).toBe(true);
  });
  it('consistent: a docking, a drift-by, or co-orbital approaches with a published consent', () => {
    expect(evaluateNorm(n, simulated('proximity', 'docking'))?.verdict).toBe('consistent');
    expect(evaluateNorm(n, simulated('proximity', 'drift-by'))?.verdict).toBe('consistent');
    const consented = evaluateNorm(n, simulated('proximity', 'co-orbital'), {
      facts: [fact('notice-or-consent', 59773)],
    });
    expect(consented?.verdict).toBe('consistent');
  });
  it('cannot be assessed: an unexplained episode', () => {
    expect(evaluateNorm(n, simulated('proximity', 'unexplained'))).toMatchObject({
      verdict: 'not-assessable',
      confidence: 'low',
    });
  });
  it('lowers the confidence for amateur element sets and for sets far from the event', () => {
    const e = simulated('proximity', 'docking');
    const amateur = { ...e, elementSets: e.elementSets.map((s) => ({ ...s, source: 'mccants' })) };
    expect(evaluateNorm(n, amateur, { amateurSources: new Set(['mccants']) })?.confidence).toBe('medium');
    const old = {
      ...e,
      elementSets: e.elementSets.map((s) => ({ ...s, epoch: (s.epoch - 20 * 86_400_000) as typeof s.epoch })),
    };
    const f = evaluateNorm(n, old, { amateurSources: new Set(['mccants']) })!;
    expect(f.confidence).toBe('medium');
    expect(f.reasons.find((r) => r.measure === 'elementSetAgeDays')?.value).toBeCloseTo(20, 9);
  });
});

describe('no high-speed release (USSPACECOM statement of 2020-07-23)', () => {
  const n = norm('no-high-speed-release-near-others');
  it('inconsistent: a high-speed release (its 95 % interval above the threshold)', () => {
    const f = evaluateNorm(n, simulated('release', 'high-speed-release', { deltaVMps: 186, deltaVSigmaMps: 12 }))!;
    expect(f.verdict).toBe('inconsistent');
    expect(f.instruments).toMatch(/national-statement/);
    expect(f.dissent[0]).toMatch(/^Russian Federation .*inspection/);
  });
  it('consistent: a deployment', () => {
    expect(evaluateNorm(n, simulated('release', 'deployment', { deltaVMps: 1.2, deltaVSigmaMps: 0.3 }))?.verdict).toBe(
      'consistent',
    );
  });
  it('cannot be assessed: an undetermined release (σ larger than the value)', () => {
    const f = evaluateNorm(n, simulated('release', 'undetermined', { deltaVMps: 1.7, deltaVSigmaMps: 2777 }))!;
    expect(f).toMatchObject({ verdict: 'not-assessable', confidence: 'low' });
  });
});

describe('GEO keep-out distance (a contested proposal)', () => {
  const n = norm('geo-keep-out-distance');
  const geo = new Map([
    [59773, { owner: 'CIS', perigeeKm: 35_700 }],
    [48247, { owner: 'US', perigeeKm: 35_780 }],
  ]);
  const pass = (km: number, sigma: number) =>
    simulated('proximity', 'co-orbital', { minRangeKm: km, minRangeSigmaKm: sigma });
  it('inconsistent: closest approach 45 ± 9 km, inside 700 km; says the norm is contested', () => {
    const f = evaluateNorm(n, pass(45, 9), { objects: geo })!;
    expect(f.verdict).toBe('inconsistent');
    expect(f.contested).toMatch(/not agreed/);
    expect(f.instruments).toMatch(/proposal/);
  });
  it('consistent: 900 ± 20 km; not assessable when the interval straddles 700 km', () => {
    expect(evaluateNorm(n, pass(900, 20), { objects: geo })?.verdict).toBe('consistent');
    expect(evaluateNorm(n, pass(690, 20), { objects: geo })?.verdict).toBe('not-assessable');
  });
  it('does not concern LEO pairs or pairs of one owner', () => {
    const leo = new Map([
      [59773, { owner: 'CIS', perigeeKm: 500 }],
      [48247, { owner: 'US', perigeeKm: 510 }],
    ]);
    expect(evaluateNorm(n, pass(45, 9), { objects: leo })).toBeNull();
    const same = new Map([
      [59773, { owner: 'US', perigeeKm: 35_700 }],
      [48247, { owner: 'US', perigeeKm: 35_780 }],
    ]);
    expect(evaluateNorm(n, pass(45, 9), { objects: same })).toBeNull();
  });
});

describe('evaluateNorms', () => {
  it('judges each event against every norm that concerns it', () => {
    const findings = evaluateNorms(norms, [
      simulated('proximity', 'co-orbital', { minRangeKm: 45, minRangeSigmaKm: 9 }),
      simulated('maneuver', 'station-keeping'),
    ]);
    expect(findings.map((f) => f.normId)).toEqual(['rpo-notice-consent']);
  });
});
