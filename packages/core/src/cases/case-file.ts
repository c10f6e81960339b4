/**
 * A case file: one named episode as data. It names the objects (with the roles published for
 * them and where), the time window, the element-set files to ingest (paths relative to the case
 * file, each with its source name and kind), the detectors to run and with what options, the
 * published facts with their sources (each optionally paired with the orbwatch measure to print
 * beside it), the published facts that findings may rest on ({@link PublishedFact}: what element
 * sets cannot show), and what data is missing and which file would fill it. The schema is zod's;
 * {@link parseCaseFile} reports what a file gets wrong by file, line, column and JSON path.
 * @module
 */
import { z } from 'zod';

export const CASE_FILE_FORMAT = 'orbwatch-case';
export const CASE_FILE_VERSION = 1;

const isoInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/, 'an ISO 8601 UTC time ending in Z')
  .refine((s) => Number.isFinite(Date.parse(s)), 'a real calendar time');
const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date YYYY-MM-DD (or YYYY-MM)');
const norad = z.number().int('an integer NORAD id').min(1).max(339_999);
const text = z.string().min(1, 'a non-empty text');

const windowSchema = z
  .strictObject({ from: isoInstant, to: isoInstant })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { error: 'from before to', path: ['to'] });

const caseObjectSchema = z.strictObject({
  norad,
  name: text,
  cospar: z
    .string()
    .regex(/^\d{4}-\d{3}[A-Z]{1,3}$/, 'a COSPAR id YYYY-NNNA')
    .optional(),
  /** The role as published ("inspector", "released object", "US satellite approached"). */
  role: text,
  /** Where that role was published (or which catalogue gives the identity). */
  source: text,
});

const elementSetFileSchema = z.strictObject({
  /** Relative to the case file; a glob is allowed. */
  path: text,
  /** The source name every set is stored under (part of its key). */
  source: text,
  sourceKind: z.enum(['official', 'amateur', 'simulated', 'derived']),
  /** What the file holds, in a phrase (printed with the data coverage). */
  covers: text.optional(),
});

const objectsOption = z.array(norad).min(1).optional();

const detectStepSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('maneuver'), objects: objectsOption }),
  z.strictObject({ kind: z.literal('release'), objects: objectsOption }),
  z.strictObject({
    kind: z.literal('proximity'),
    objects: objectsOption,
    preset: z.enum(['screen', 'inspection']).optional(),
    since: isoInstant.optional(),
    until: isoInstant.optional(),
    maxRangeKm: z.number().positive().optional(),
    maxRelativeSpeedKmPerSec: z.number().positive().optional(),
  }),
  z.strictObject({
    kind: z.literal('fragmentation'),
    objects: objectsOption,
    /** The earlier catalogue snapshot's time. */
    baseline: isoInstant.optional(),
  }),
]);

/** Which orbwatch measure to print beside a published fact. */
const compareSchema = z.discriminatedUnion('measure', [
  /** The proximity episode of the pair: closest approach time, range and relative speed with σ. */
  z.strictObject({ measure: z.literal('closest-approach'), objects: z.tuple([norad, norad]) }),
  /** The release of `child` (from `parent` when given): separation time and Δv with σ. */
  z.strictObject({ measure: z.literal('release'), child: norad, parent: norad.optional() }),
  /** The breakup of `parent`: epoch ± σ, altitude, fragments. */
  z.strictObject({ measure: z.literal('breakup'), parent: norad }),
  /** The object's detected maneuvers in the window (or the case window). */
  z.strictObject({
    measure: z.literal('maneuvers'),
    object: norad,
    from: isoInstant.optional(),
    to: isoInstant.optional(),
  }),
  /** Each object's orbit from its latest element set before `at` (default: the window's end). */
  z.strictObject({ measure: z.literal('orbit'), objects: z.array(norad).min(1), at: isoInstant.optional() }),
]);

const publishedValueSchema = z.strictObject({
  /** A fact as reported, numbers as the source gives them ("~67 km", "150–300 km"). */
  statement: text,
  date: isoDate.optional(),
  source: text,
  /** The orbwatch measures to print beside it. */
  compare: z.array(compareSchema).optional(),
});

const findingFactSchema = z.strictObject({
  kind: z.enum(['deliberate-destruction', 'accidental-breakup', 'notice-or-consent', 'end-of-mission']),
  norad,
  statement: text,
  source: text,
  date: isoDate.optional(),
});

const missingDataSchema = z.strictObject({
  /** What cannot be measured without it. */
  what: text,
  objects: z.array(norad).min(1),
  window: windowSchema,
  /** The file that would fill the gap, and where it comes from. */
  wouldFill: text,
  /** A request that returns that file (e.g. a Space-Track query URL), when there is one. */
  request: text.optional(),
});

function crossCheck(
  c: {
    objects: readonly { norad: number }[];
    detect: readonly { objects?: readonly number[] | undefined }[];
    publishedFacts: readonly { compare?: readonly z.infer<typeof compareSchema>[] | undefined }[];
    findingFacts: readonly { norad: number }[];
  },
  ctx: z.RefinementCtx,
): void {
  const known = new Set(c.objects.map((o) => o.norad));
  c.objects.forEach((o, i) => {
    if (c.objects.findIndex((x) => x.norad === o.norad) !== i)
      ctx.addIssue({ code: 'custom', path: ['objects', i, 'norad'], message: 'an object listed once' });
  });
  const need = (n: number, path: (string | number)[]): void => {
    if (!known.has(n))
      ctx.addIssue({ code: 'custom', path, message: `an object of the case (${String(n)} is not in $.objects)` });
  };
  c.detect.forEach((d, i) => {
    d.objects?.forEach((n, j) => {
      need(n, ['detect', i, 'objects', j]);
    });
  });
  c.publishedFacts.forEach((f, i) => {
    f.compare?.forEach((m, k) => {
      compared(m, ['publishedFacts', i, 'compare', k]);
    });
  });
  function compared(m: z.infer<typeof compareSchema>, at: (string | number)[]): void {
    if (m.measure === 'closest-approach')
      m.objects.forEach((n, j) => {
        need(n, [...at, 'objects', j]);
      });
    else if (m.measure === 'orbit')
      m.objects.forEach((n, j) => {
        need(n, [...at, 'objects', j]);
      });
    else if (m.measure === 'release') {
      need(m.child, [...at, 'child']);
      if (m.parent !== undefined) need(m.parent, [...at, 'parent']);
    } else if (m.measure === 'breakup') need(m.parent, [...at, 'parent']);
    else need(m.object, [...at, 'object']);
  }
  c.findingFacts.forEach((f, i) => {
    need(f.norad, ['findingFacts', i, 'norad']);
  });
}

export const caseFileSchema = z
  .strictObject({
    format: z.literal(CASE_FILE_FORMAT),
    version: z.literal(CASE_FILE_VERSION),
    /** Short name: the default output folder is `orbwatch-case-<id>`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a slug: lower-case letters, digits and hyphens'),
    title: text,
    summary: text.optional(),
    window: windowSchema,
    objects: z.array(caseObjectSchema).min(1),
    elementSets: z.array(elementSetFileSchema).min(1),
    detect: z.array(detectStepSchema),
    publishedFacts: z.array(publishedValueSchema),
    findingFacts: z.array(findingFactSchema),
    missingData: z.array(missingDataSchema),
  })
  .superRefine(crossCheck);

export type CaseFile = z.infer<typeof caseFileSchema>;
export type CaseObject = CaseFile['objects'][number];
export type CaseElementSetFile = CaseFile['elementSets'][number];
export type CaseDetectStep = CaseFile['detect'][number];
export type CasePublishedValue = CaseFile['publishedFacts'][number];
export type CaseComparison = NonNullable<CasePublishedValue['compare']>[number];
export type CaseMissingData = CaseFile['missingData'][number];
