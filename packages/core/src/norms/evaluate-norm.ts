/**
 * Judges events against norms. Each norm names one rule; a rule turns the event's assessment and
 * measures (with σ), plus published facts where element sets cannot speak (intent, notice,
 * consent), into a verdict. Norms concern events by kind and assessment label; an event whose
 * label is `undetermined` or `unexplained` cannot be assessed against a norm of its kind.
 * @module
 */
import type { AssessmentConfidence, EventAssessment } from '../detectors/assessment/event-assessment.js';
import { Z95 } from '../detectors/assessment/classify-by-interval.js';
import type { DetectedEvent } from '../detectors/detected-event.js';
import type { Instant } from '../time/instant.js';
import { formatIso, instant, instantFromUtcFields, parseIsoInstant } from '../time/instant.js';
import type { Finding, FindingReason, FindingVerdict, PublishedFact } from './finding.js';
import type { Norm } from './norm.js';
import { describeInstruments, numberParameter } from './norm.js';

/** What a rule may know about an object beyond the event: owner and orbit, from SATCAT and sets. */
export interface FindingObjectFacts {
  readonly owner?: string | null;
  readonly perigeeKm?: number;
  readonly apogeeKm?: number;
}

export interface FindingContext {
  /** Names of the sources whose element sets are amateur observations. */
  readonly amateurSources?: ReadonlySet<string>;
  /** Published facts (case files): attributions, notices, consents. */
  readonly facts?: readonly PublishedFact[];
  readonly objects?: ReadonlyMap<number, FindingObjectFacts>;
  /** Sets farther than this from the event's span lower the confidence, days (default 7). */
  readonly maxSetAgeDays?: number;
}

/** An event as stored: the detector's event plus its id. */
export type JudgedEvent = DetectedEvent & { readonly id: string };

type RuleResult = { verdict: FindingVerdict; reasons: FindingReason[]; capConfidence?: AssessmentConfidence } | null;

const UNDECIDED = new Set(['undetermined', 'unexplained']);
const ORDER: readonly AssessmentConfidence[] = ['low', 'medium', 'high'];

function lower(c: AssessmentConfidence, steps = 1): AssessmentConfidence {
  return ORDER[Math.max(0, ORDER.indexOf(c) - steps)] ?? 'low';
}
function cap(c: AssessmentConfidence, max: AssessmentConfidence): AssessmentConfidence {
  return ORDER.indexOf(c) > ORDER.indexOf(max) ? max : c;
}

function factsFor(e: JudgedEvent, ctx: FindingContext, kind: PublishedFact['kind']): PublishedFact[] {
  const norads = new Set(e.objects.filter((o) => o.role !== 'fragment').map((o) => Number(o.norad)));
  return (ctx.facts ?? []).filter((f) => f.kind === kind && norads.has(f.norad));
}

function factReason(f: PublishedFact): FindingReason {
  return { text: `${f.statement}${f.date === undefined ? '' : ` (${f.date})`}`, source: f.source };
}

function num(e: JudgedEvent, key: string): number | null {
  const v = e.measures[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function labelReason(a: EventAssessment): FindingReason {
  return {
    text: `orbwatch assessed the event as ${a.label} (${a.confidence} confidence): ${a.reasons.map((r) => r.text).join('; ')}`,
    measure: 'assessment.label',
    value: a.label,
  };
}

function destruction(
  e: JudgedEvent,
  ctx: FindingContext,
): { deliberate: PublishedFact[]; accidental: PublishedFact[] } {
  return { deliberate: factsFor(e, ctx, 'deliberate-destruction'), accidental: factsFor(e, ctx, 'accidental-breakup') };
}

const INTENT_UNSEEN: FindingReason = {
  text: 'element sets show that the object broke up; they do not show whether it was destroyed on purpose, and no published attribution was given',
};

const RULES: Record<Norm['rule'], (n: Norm, e: JudgedEvent, ctx: FindingContext) => RuleResult> = {
  'no-deliberate-debris-generating-destruction': (_n, e, ctx) => {
    const { deliberate, accidental } = destruction(e, ctx);
    if (deliberate.length > 0) return { verdict: 'inconsistent', reasons: deliberate.map(factReason) };
    if (accidental.length > 0) return { verdict: 'consistent', reasons: accidental.map(factReason) };
    return { verdict: 'not-assessable', reasons: [INTENT_UNSEEN] };
  },
  'deliberate-destruction-low-altitude': (n, e, ctx) => {
    const { deliberate, accidental } = destruction(e, ctx);
    const maxKm = numberParameter(n, 'maxAltitudeKm');
    const altitude = num(e, 'altitudeKm');
    if (accidental.length > 0) return { verdict: 'consistent', reasons: accidental.map(factReason) };
    if (deliberate.length === 0) return { verdict: 'not-assessable', reasons: [INTENT_UNSEEN] };
    if (altitude === null)
      return {
        verdict: 'not-assessable',
        reasons: [...deliberate.map(factReason), { text: 'no breakup altitude was measured' }],
      };
    const altReason: FindingReason = {
      text: `the fragments' orbits cross at ${altitude.toFixed(0)} km (Gabbard pinch), against ${String(maxKm)} km for short-lived fragments`,
      measure: 'altitudeKm',
      value: altitude,
      threshold: maxKm,
      source: n.parameters['maxAltitudeKm']?.source ?? '',
    };
    return {
      verdict: altitude > maxKm ? 'inconsistent' : 'consistent',
      reasons: [...deliberate.map(factReason), altReason],
    };
  },
  'post-mission-disposal': (n, e, ctx) => {
    const limit = numberParameter(n, 'disposalPerigeeKm');
    const longLived = numberParameter(n, 'longLivedPerigeeKm');
    const perigee = num(e, 'perigeeAfterKm');
    if (perigee === null)
      return {
        verdict: 'not-assessable',
        reasons: [{ text: 'the perigee reached after the lowering was not measured' }],
      };
    const r: FindingReason = {
      text: `perigee after the burn ${perigee.toFixed(0)} km, against ${String(limit)} km below which drag removes a satellite within months`,
      measure: 'perigeeAfterKm',
      value: perigee,
      threshold: limit,
      source: n.parameters['disposalPerigeeKm']?.source ?? '',
    };
    if (perigee < limit) return { verdict: 'consistent', reasons: [r] };
    const ended = factsFor(e, ctx, 'end-of-mission');
    if (ended.length > 0 && perigee >= longLived)
      return {
        verdict: 'inconsistent',
        reasons: [
          ...ended.map(factReason),
          {
            text: `the disposal left the perigee at ${perigee.toFixed(0)} km, at or above ${String(longLived)} km where natural decay takes longer than 25 years`,
            measure: 'perigeeAfterKm',
            value: perigee,
            threshold: longLived,
            source: n.parameters['longLivedPerigeeKm']?.source ?? '',
          },
        ],
      };
    return {
      verdict: 'not-assessable',
      reasons: [r, { text: 'a lowering that stays higher is not shown to be the final disposal' }],
    };
  },
  'proximity-with-notice-or-consent': (_n, e, ctx) => {
    const label = e.assessment?.label;
    if (label === 'docking' || label === 'formation' || label === 'co-passengers' || label === 'constellation')
      return {
        verdict: 'consistent',
        reasons: [{ text: `a ${label}: the objects fly together by design or by their operators' arrangement` }],
      };
    if (label === 'drift-by')
      return {
        verdict: 'consistent',
        reasons: [{ text: 'the objects pass each other and move on: no sustained approach' }],
      };
    if (label !== 'co-orbital') return null;
    const consent = factsFor(e, ctx, 'notice-or-consent');
    if (consent.length > 0) return { verdict: 'consistent', reasons: consent.map(factReason) };
    return {
      verdict: 'inconsistent',
      reasons: [
        {
          text: "recurring approaches at low drift to another state's satellite, and no notice or consent on public record; operators seldom publish notices, so this rests on an absence of evidence",
        },
      ],
      capConfidence: 'medium',
    };
  },
  'no-high-speed-release': (_n, e) => {
    const label = e.assessment?.label;
    const dv = num(e, 'deltaVMps');
    const sigma = num(e, 'deltaVSigmaMps');
    const r: FindingReason = {
      text:
        dv === null
          ? 'separation speed not measured'
          : `separation speed ${dv.toFixed(1)} m/s${sigma === null ? '' : ` ± ${sigma.toFixed(1)} (1σ)`}`,
      measure: 'deltaVMps',
      value: dv,
      sigma,
    };
    if (label === 'high-speed-release') return { verdict: 'inconsistent', reasons: [r] };
    if (label === 'deployment' || label === 'deployment-group' || label === 'ejection')
      return { verdict: 'consistent', reasons: [r, { text: `a ${label}, not a high-speed release` }] };
    return null;
  },
  'geo-keep-out-distance': (n, e) => {
    const keepOut = numberParameter(n, 'keepOutKm');
    const range = num(e, 'minRangeKm');
    const sigma = num(e, 'minRangeSigmaKm') ?? 0;
    if (range === null) return { verdict: 'not-assessable', reasons: [{ text: 'no minimum range was measured' }] };
    const lo = range - Z95 * sigma;
    const hi = range + Z95 * sigma;
    const r: FindingReason = {
      text: `closest approach ${range.toFixed(1)} km (95 % interval ${lo.toFixed(1)}-${hi.toFixed(1)} km) against a proposed keep-out radius of ${String(keepOut)} km`,
      measure: 'minRangeKm',
      value: range,
      sigma,
      threshold: keepOut,
      source: n.parameters['keepOutKm']?.source ?? '',
    };
    if (hi < keepOut) return { verdict: 'inconsistent', reasons: [r] };
    if (lo >= keepOut) return { verdict: 'consistent', reasons: [r] };
    return { verdict: 'not-assessable', reasons: [r, { text: 'the interval straddles the keep-out radius' }] };
  },
};

/** Rules that concern only some events of their kinds: the pair must be in the GEO ring, of two known owners. */
const SCOPES: Partial<Record<Norm['rule'], (n: Norm, e: JudgedEvent, ctx: FindingContext) => boolean>> = {
  'geo-keep-out-distance': (n, e, ctx) => {
    const geoMin = numberParameter(n, 'geoMinPerigeeKm');
    const facts = e.objects.map((o) => ctx.objects?.get(Number(o.norad)));
    if (facts.some((f) => f?.perigeeKm === undefined || f.perigeeKm < geoMin)) return false;
    const owners = facts.map((f) => f?.owner ?? null);
    return owners.every((o) => o !== null) && new Set(owners).size >= 2;
  },
};

const VERDICT_WORDS: Record<FindingVerdict, string> = {
  consistent: 'Consistent with',
  inconsistent: 'Inconsistent with',
  'not-assessable': 'Cannot be assessed against',
};

/** Confidence after element-set age and amateur sources: each lowers it one step. */
function dataConfidence(
  base: AssessmentConfidence,
  e: JudgedEvent,
  ctx: FindingContext,
): { confidence: AssessmentConfidence; reasons: FindingReason[] } {
  const reasons: FindingReason[] = [];
  let c = base;
  const amateur = e.elementSets.filter((s) => s.source !== undefined && ctx.amateurSources?.has(s.source) === true);
  if (amateur.length > 0) {
    c = lower(c);
    reasons.push({
      text: `${String(amateur.length)} of the event's element sets are amateur observations (${[...new Set(amateur.map((s) => s.source))].join(', ')})`,
    });
  }
  const maxAgeMs = (ctx.maxSetAgeDays ?? 7) * 86_400_000;
  const ages = e.elementSets.map((s) => Math.max(0, e.start - s.epoch, s.epoch - e.end));
  const oldest = ages.length > 0 ? Math.max(...ages) : 0;
  if (oldest > maxAgeMs) {
    c = lower(c);
    reasons.push({
      text: `the element sets reach ${(oldest / 86_400_000).toFixed(1)} days from the event, beyond ${String(ctx.maxSetAgeDays ?? 7)} days`,
      measure: 'elementSetAgeDays',
      value: oldest / 86_400_000,
      threshold: ctx.maxSetAgeDays ?? 7,
    });
  }
  return { confidence: c, reasons };
}

/** When the event happened: its closest approach, separation or breakup epoch, else its end. */
function eventMoment(e: JudgedEvent): Instant {
  for (const k of ['minRangeUtc', 'separationEpochUtc', 'epochUtc']) {
    const v = e.measures[k];
    const t = typeof v === 'string' ? parseIsoInstant(v) : undefined;
    if (t !== undefined) return t;
  }
  return e.end;
}

/** Earliest adoption date of the norm's instruments (1 January of the year when undated). */
function adoptedAt(n: Norm): Instant | null {
  const dates = n.instruments.map((i) => {
    const [y, m, d] = (i.adopted ?? String(i.year)).split('-').map(Number);
    return instantFromUtcFields(y ?? i.year, m ?? 1, d ?? 1, 0, 0, 0);
  });
  return dates.length > 0 ? instant(Math.min(...dates)) : null;
}

/**
 * The finding of one event against one norm, or null when the norm does not concern the event
 * (another kind, a label the norm does not name, or outside the rule's scope such as a pair
 * outside the GEO ring).
 */
export function evaluateNorm(n: Norm, e: JudgedEvent, ctx: FindingContext = {}): Finding | null {
  if (!n.behaviour.kinds.includes(e.kind)) return null;
  if (SCOPES[n.rule]?.(n, e, ctx) === false) return null;
  const a = e.assessment;
  const label = a?.label ?? null;
  let result: RuleResult;
  if (a === undefined || label === null) {
    result = { verdict: 'not-assessable', reasons: [{ text: 'the event has no assessment' }] };
  } else if (UNDECIDED.has(label)) {
    result = {
      verdict: 'not-assessable',
      reasons: [
        {
          text: `orbwatch could not class the event (${label}${a.possibleLabels === undefined ? '' : `; possible: ${a.possibleLabels.join(', ')}`})`,
          measure: 'assessment.label',
          value: label,
        },
      ],
    };
  } else if (!n.behaviour.labels.includes(label)) {
    return null;
  } else {
    result = RULES[n.rule](n, e, ctx);
    if (result === null) return null;
  }
  const base = a?.confidence ?? 'low';
  const data = dataConfidence(base, e, ctx);
  let confidence = data.confidence;
  if (result.capConfidence !== undefined) confidence = cap(confidence, result.capConfidence);
  if (result.verdict === 'not-assessable') confidence = 'low';
  const reasons = [...(a === undefined ? [] : [labelReason(a)]), ...result.reasons, ...data.reasons];
  const adopted = adoptedAt(n);
  const moment = eventMoment(e);
  if (adopted !== null && moment < adopted)
    reasons.push({
      text: `the event (${formatIso(moment).slice(0, 10)}) predates the instrument (${formatIso(adopted).slice(0, 10)}): the finding compares the behaviour with the norm as stated today, not with a commitment then in force`,
    });
  const instruments = describeInstruments(n);
  return {
    eventId: e.id,
    normId: n.id,
    normVersion: n.version,
    verdict: result.verdict,
    confidence,
    statement: `${VERDICT_WORDS[result.verdict]} "${n.title}" (${instruments})`,
    label,
    reasons,
    instruments,
    dissent: n.opponents.map((o) => `${o.who} (${o.source})`),
    contested: n.contested ?? null,
  };
}

/** Every finding of the events against the norms, event by event in norm order. */
export function evaluateNorms(
  norms: readonly Norm[],
  events: readonly JudgedEvent[],
  ctx: FindingContext = {},
): Finding[] {
  const out: Finding[] = [];
  for (const e of events)
    for (const n of norms) {
      const f = evaluateNorm(n, e, ctx);
      if (f !== null) out.push(f);
    }
  return out;
}
