/**
 * A norm of responsible behaviour in space, as data: the behaviour it concerns (event kinds and
 * assessment labels), the instruments that state it (with their bindingness), who supports and
 * who opposes it, the rule orbwatch evaluates it with, and parameters whose every number names
 * its source. The texts are orbwatch's own summaries with references, not the instruments'
 * wording. The schema is zod's; {@link parseNorms} reports what a file gets wrong by JSON path.
 * @module
 */
import { z } from 'zod';
import { ASSESSMENT_LABELS } from '../detectors/assessment/event-assessment.js';
import type { EventKind } from '../detectors/detected-event.js';

/**
 * How binding an instrument is, from a treaty down to a proposal. Beyond the five of design.md,
 * `national-law` (a state's regulation, binding on its own licensees only, e.g. the FCC's 5-year
 * rule) and `national-statement` (a government's public statement, e.g. USSPACECOM's of
 * 2020-07-23) say what those instruments are instead of stretching another class.
 */
export const BINDINGNESS = [
  'treaty',
  'un-resolution',
  'unilateral-pledge',
  'guideline',
  'national-law',
  'national-statement',
  'proposal',
] as const;
export type Bindingness = (typeof BINDINGNESS)[number];

/**
 * The rules orbwatch can evaluate a norm with (code in evaluate-norm.ts). A norm file picks one
 * by name and sets its parameters; a new kind of rule is code, not data.
 */
export const NORM_RULES = [
  'no-deliberate-debris-generating-destruction',
  'deliberate-destruction-low-altitude',
  'post-mission-disposal',
  'proximity-with-notice-or-consent',
  'no-high-speed-release',
  'geo-keep-out-distance',
] as const;
export type NormRule = (typeof NORM_RULES)[number];

/** The number parameters each rule needs; a norm file that lacks one is reported, not run. */
export const RULE_PARAMETERS: Record<NormRule, readonly string[]> = {
  'no-deliberate-debris-generating-destruction': [],
  'deliberate-destruction-low-altitude': ['maxAltitudeKm'],
  'post-mission-disposal': ['disposalPerigeeKm', 'longLivedPerigeeKm'],
  'proximity-with-notice-or-consent': [],
  'no-high-speed-release': [],
  'geo-keep-out-distance': ['keepOutKm', 'geoMinPerigeeKm'],
};

const EVENT_KINDS = Object.keys(ASSESSMENT_LABELS) as [EventKind, ...EventKind[]];

const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date YYYY-MM-DD (or YYYY-MM)');

const voteSchema = z.object({
  inFavour: z.number().int().nonnegative(),
  against: z.number().int().nonnegative(),
  abstentions: z.number().int().nonnegative(),
  againstStates: z.array(z.string().min(1)),
  abstainingStates: z.array(z.string().min(1)),
  source: z.string().min(1),
});

const instrumentSchema = z.object({
  name: z.string().min(1),
  year: z.number().int().min(1957).max(2100),
  adopted: isoDate.optional(),
  bindingness: z.enum(BINDINGNESS),
  reference: z.string().min(1),
  vote: voteSchema.optional(),
});

const partySchema = z.object({
  who: z.string().min(1),
  since: isoDate.optional(),
  source: z.string().min(1),
});

const parameterSchema = z.object({
  value: z.union([z.number(), z.string(), z.boolean()]),
  unit: z.string().optional(),
  source: z.string().min(1),
});

export const normSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    version: z.string().min(1),
    title: z.string().min(1),
    summary: z.string().min(1),
    behaviour: z.object({
      kinds: z.array(z.enum(EVENT_KINDS)).min(1),
      labels: z.array(z.string().min(1)).min(1),
    }),
    rule: z.enum(NORM_RULES),
    instruments: z.array(instrumentSchema).min(1),
    supporters: z.array(partySchema),
    opponents: z.array(partySchema),
    contested: z.string().min(1).optional(),
    parameters: z.record(z.string(), parameterSchema),
  })
  .superRefine((n, ctx) => {
    for (const name of RULE_PARAMETERS[n.rule])
      if (typeof n.parameters[name]?.value !== 'number')
        ctx.addIssue({
          code: 'custom',
          path: ['parameters', name],
          message: `a number parameter ${name} (rule ${n.rule} needs it): {"value": number, "unit": string, "source": string}`,
        });
    n.behaviour.labels.forEach((label, i) => {
      const ok = n.behaviour.kinds.some((k) => (ASSESSMENT_LABELS[k] as readonly string[]).includes(label));
      if (!ok)
        ctx.addIssue({
          code: 'custom',
          path: ['behaviour', 'labels', i],
          message: `an assessment label of ${n.behaviour.kinds.join(' or ')} (${n.behaviour.kinds.flatMap((k) => ASSESSMENT_LABELS[k]).join(', ')})`,
        });
    });
  });

export type Norm = z.infer<typeof normSchema>;
export type NormInstrument = z.infer<typeof instrumentSchema>;
export type NormParty = z.infer<typeof partySchema>;

/** The file format that holds norms. */
export const NORM_FILE_FORMAT = 'orbwatch-norms';
export const NORM_FILE_VERSION = 1;

/** The instrument line a finding quotes: `A/RES/77/41 (2022, un-resolution)`. */
export function describeInstruments(n: Norm): string {
  return n.instruments.map((i) => `${i.name} (${String(i.year)}, ${i.bindingness})`).join('; ');
}

/** A number parameter of a norm; throws (a programmer error) when the norm lacks it. */
export function numberParameter(n: Norm, name: string): number {
  const p = n.parameters[name];
  if (p === undefined || typeof p.value !== 'number')
    throw new TypeError(`norm ${n.id} has no number parameter ${name}`);
  return p.value;
}
