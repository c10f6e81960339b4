/**
 * Request and response schemas (zod), from which the OpenAPI 3.1 document is generated. Response
 * objects are open (`looseObject`): fields may be added, never renamed or removed, as with the
 * CLI's `--json` documents they share their shapes with.
 * @module
 */
import { z } from '@hono/zod-openapi';
import { parseIsoInstant } from '@orbwatch/core';
import { EVENT_KINDS } from './event-kinds.js';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'USAGE' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .openapi('Error');

const isoTime = z.string().openapi({ example: '2026-01-05T12:00:00.000Z' });
const nullableIso = isoTime.nullable();

export const HealthSchema = z
  .looseObject({
    ok: z.boolean(),
    schemaVersion: z.number().int(),
    elementSets: z.number().int(),
    feedHead: z.number().int(),
  })
  .openapi('Health');

export const ObjectSchema = z
  .looseObject({
    norad: z.number().int(),
    name: z.string().nullable(),
    cosparId: z.string().nullable(),
    cospar: z.string().nullable(),
    objectType: z.string().nullable(),
    owner: z.string().nullable(),
    launchDateUtc: nullableIso,
    decayDateUtc: nullableIso,
    elementSets: z.number().int(),
    firstEpochUtc: nullableIso,
    lastEpochUtc: nullableIso,
  })
  .openapi('Object');

export const ObjectsPageSchema = z
  .object({ items: z.array(ObjectSchema), nextCursor: z.string().nullable() })
  .openapi('ObjectsPage');

export const ElementSetSchema = z
  .looseObject({
    id: z.number().int(),
    elementSetId: z.number().int(),
    epochUtc: isoTime,
    source: z.string(),
    sourceKind: z.string(),
    name: z.string().nullable().optional(),
    inclinationDeg: z.number(),
    raanDeg: z.number(),
    eccentricity: z.number(),
    argPerigeeDeg: z.number(),
    meanAnomalyDeg: z.number(),
    meanMotionRevPerDay: z.number(),
    bstarPerEarthRadii: z.number(),
    semiMajorAxisKm: z.number(),
    perigeeKm: z.number(),
    apogeeKm: z.number(),
    periodMin: z.number(),
    gapToNextDays: z.number().nullable(),
    raw: z.string(),
  })
  .openapi('ElementSet');

export const ElementSetsPageSchema = z
  .object({ norad: z.number().int(), items: z.array(ElementSetSchema), nextCursor: z.string().nullable() })
  .openapi('ElementSetsPage');

export const DecayMessageSchema = z
  .looseObject({
    type: z.enum(['Historical', 'Prediction']),
    messageEpochUtc: nullableIso,
    decayEpochUtc: isoTime,
    precision: z.enum(['day', 'time']),
    decayEpochText: z.string(),
    messageSource: z.string(),
    precedence: z.number().int(),
    storedSource: z.string(),
    runId: z.string(),
  })
  .openapi('DecayMessage');

/** The decay: a fact (`decayed`) or the latest prediction (`predicted`, with its message epoch), never mixed. */
export const ObjectDecaySchema = z
  .looseObject({
    status: z.enum(['decayed', 'predicted', 'none']),
    decayDateUtc: nullableIso,
    from: z.enum(['satcat', 'decay-message']).nullable(),
    source: z.string().nullable(),
    message: DecayMessageSchema.nullable(),
    latestPrediction: DecayMessageSchema.nullable(),
    messages: z.array(DecayMessageSchema),
  })
  .openapi('ObjectDecay');

export const ObjectDetailSchema = z
  .looseObject({
    object: ObjectSchema,
    names: z.array(z.looseObject({ name: z.string(), firstSeenUtc: isoTime, lastSeenUtc: isoTime })),
    satcatSource: z.string().nullable(),
    latestElementSet: ElementSetSchema.nullable(),
    eventCount: z.number().int(),
    decay: ObjectDecaySchema,
  })
  .openapi('ObjectDetail');

const MeasureValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);

export const AssessmentSchema = z
  .looseObject({
    label: z.string().nullable(),
    confidence: z.enum(['high', 'medium', 'low']),
    reasons: z.array(z.looseObject({ measure: z.string(), text: z.string() })),
    possibleLabels: z.array(z.string()).optional(),
  })
  .openapi('Assessment');

const EventObjectSchema = z.looseObject({
  norad: z.number().int(),
  role: z.string(),
  name: z.string().nullable(),
  cosparId: z.string().nullable(),
  owner: z.string().nullable(),
  objectType: z.string().nullable(),
});

const EventElementSetSchema = z.looseObject({
  noradId: z.number().int(),
  epoch: z.number(),
  epochUtc: isoTime,
  storedId: z.string().optional(),
  source: z.string().optional(),
  role: z.string().optional(),
});

export const EventSchema = z
  .looseObject({
    id: z.string(),
    kind: z.enum(EVENT_KINDS),
    objects: z.array(EventObjectSchema),
    start: isoTime,
    end: isoTime,
    measures: z.record(z.string(), MeasureValue),
    assessment: AssessmentSchema.nullable(),
    elementSets: z.array(EventElementSetSchema),
    elementSetIds: z.array(z.number().int()),
    detector: z.string(),
    detectorVersion: z.string(),
    parameters: z.record(z.string(), z.unknown()),
    createdUtc: isoTime,
    supersededUtc: isoTime
      .nullable()
      .openapi({ description: 'when a later detection run superseded this estimate; null: live' }),
    supersededBy: z
      .string()
      .nullable()
      .openapi({ description: 'the later estimate of the same event; null when live or withdrawn' }),
    supersessionReason: z.enum(['re-estimated', 'withdrawn']).nullable(),
  })
  .openapi('Event');

export const EventsPageSchema = z
  .object({ items: z.array(EventSchema), nextCursor: z.string().nullable() })
  .openapi('EventsPage');

export const FindingSchema = z
  .looseObject({
    id: z.string(),
    eventId: z.string(),
    normId: z.string(),
    normVersion: z.string(),
    verdict: z.enum(['consistent', 'inconsistent', 'not-assessable']),
    confidence: z.string(),
    statement: z.string(),
    reasons: z.array(z.looseObject({ text: z.string() })),
    createdUtc: isoTime,
  })
  .openapi('Finding');

export const EventDetailSchema = EventSchema.extend({
  elementSets: z.array(
    EventElementSetSchema.extend({
      source: z.string(),
      sourceKind: z.string(),
      ageRelativeToEventSec: z.number().nullable(),
    }),
  ),
  ownerSources: z.record(z.string(), z.string().nullable()),
  referenceUtc: isoTime,
  reference: z.string(),
  findings: z.array(FindingSchema),
  latestEstimateId: z.string().nullable().openapi({
    description: 'a superseded event: the live end of its supersededBy chain (null when withdrawn or live)',
  }),
}).openapi('EventDetail');

export const FindingsSchema = z
  .object({ items: z.array(FindingSchema), nextCursor: z.string().nullable() })
  .openapi('FindingsPage');

// ---- query and path parameters ----

/**
 * A whole number written in decimal digits only: `0x10`, `1e3`, ` 5` or `5.0` are refused
 * (Number() would read them), so a parameter means one thing.
 */
export function digits(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,15}$/, { error: 'decimal digits' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** A non-negative decimal number (`60`, `0.5`). */
export function decimal(minExclusive: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,12}(\.\d{1,9})?$/, { error: 'a decimal number' })
    .transform(Number)
    .pipe(z.number().gt(minExclusive).max(max));
}

const MAX_NORAD = 339_999;

export const noradParam = digits(1, MAX_NORAD).openapi({
  param: { name: 'norad', in: 'path' },
  example: 25544,
  type: 'integer',
});

export const noradQuery = digits(1, MAX_NORAD).openapi({ type: 'integer', example: 25544 });

/** An ISO 8601 time with `Z` or an offset. */
export const isoQuery = z
  .string()
  .max(40)
  .refine((t) => parseIsoInstant(t) !== undefined, {
    error: 'an ISO 8601 time with Z or an offset, e.g. 2026-01-05T00:00:00Z',
  })
  .openapi({ example: '2026-01-05T00:00:00Z' });

export const cursorQuery = z.string().max(512).optional().openapi({ description: 'nextCursor of the previous page' });

export function limitQuery(defaultSize: number, max: number) {
  return digits(1, max)
    .optional()
    .transform((n) => n ?? defaultSize)
    .openapi({ type: 'integer', default: defaultSize });
}

export const ObjectsQuery = (d: number, max: number) =>
  z.object({
    q: z.string().max(200).optional().openapi({ description: 'name, NORAD id or COSPAR id' }),
    norad: noradQuery.optional(),
    owner: z.string().max(50).optional(),
    type: z.string().max(50).optional(),
    cospar: z.string().max(20).optional(),
    all: z.enum(['true', 'false']).optional().openapi({ description: 'also objects without element sets' }),
    limit: limitQuery(d, max),
    cursor: cursorQuery,
  });

export const EventsQuery = (d: number, max: number) =>
  z.object({
    kind: z.enum(EVENT_KINDS).optional(),
    label: z.string().max(60).optional(),
    object: noradQuery.optional(),
    from: isoQuery.optional(),
    to: isoQuery.optional(),
    includeSuperseded: z
      .enum(['true', 'false'])
      .optional()
      .openapi({ description: 'also events superseded by a later estimate (default: only live ones)' }),
    limit: limitQuery(d, max),
    cursor: cursorQuery,
  });

export const PageQuery = (d: number, max: number) => z.object({ limit: limitQuery(d, max), cursor: cursorQuery });

export const eventIdParam = z
  .string()
  .min(1)
  .max(64)
  .openapi({ param: { name: 'id', in: 'path' }, description: 'event id or a unique prefix of it' });

export const EvidenceBundleSchema = z
  .looseObject({
    format: z.literal('orbwatch-evidence'),
    version: z.number().int(),
    createdUtc: isoTime,
    event: z.looseObject({ id: z.string(), kind: z.enum(EVENT_KINDS), startUtc: isoTime, endUtc: isoTime }),
    objects: z.array(z.looseObject({ norad: z.number().int() })),
    elementSets: z.array(
      z.looseObject({
        storedId: z.number().int(),
        noradId: z.number().int(),
        epochUtc: isoTime,
        raw: z.string(),
        contentHash: z.string(),
        source: z.string(),
        sourceKind: z.string(),
      }),
    ),
    series: z.looseObject({ kind: z.string() }).nullable(),
    findings: z.array(z.looseObject({ eventId: z.string(), normId: z.string(), verdict: z.string() })),
  })
  .openapi('EvidenceBundle');

export const PlotsSchema = z
  .object({
    eventId: z.string(),
    plots: z.array(
      z.object({
        name: z.string(),
        title: z.string(),
        spec: z.record(z.string(), z.unknown()).openapi({ description: 'a Vega-Lite specification, data inline' }),
      }),
    ),
  })
  .openapi('Plots');

export const LaunchSchema = z
  .looseObject({
    cospar: z.string(),
    members: z.array(z.number().int()),
    outcome: z.string(),
    reason: z.string().nullable(),
    epochUtc: nullableIso,
    epochSigmaSec: z.number().nullable(),
  })
  .openapi('Launch');

export const LaunchesSchema = z.object({ items: z.array(LaunchSchema) }).openapi('Launches');

export const PropagationSchema = z
  .looseObject({
    norad: z.number().int(),
    elementSet: z.looseObject({ id: z.number().int(), epochUtc: isoTime }).nullable(),
    elementSets: z.array(z.looseObject({ id: z.number().int(), epochUtc: isoTime, source: z.string() })),
    policy: z.string(),
    states: z.array(
      z.looseObject({
        t: isoTime,
        frame: z.string(),
        elementSetId: z.number().int().nullable(),
        elementSetAgeSec: z.number().nullable(),
        rKm: z.array(z.number()).length(3).optional(),
        vKmPerSec: z.array(z.number()).length(3).optional(),
        latDeg: z.number().optional(),
        lonDeg: z.number().optional(),
        altitudeKm: z.number().optional(),
        error: z.string().optional(),
        message: z.string().optional(),
      }),
    ),
    summary: z.looseObject({ steps: z.number().int(), computed: z.number().int(), failed: z.number().int() }),
  })
  .openapi('Propagation');

export const PropagateQuery = z.object({
  from: isoQuery,
  to: isoQuery,
  stepSec: decimal(0, 86_400 * 30)
    .optional()
    .transform((n) => n ?? 60)
    .openapi({ type: 'number', default: 60 }),
  frame: z.enum(['TEME', 'ITRF', 'GCRF', 'geodetic']).default('TEME'),
  policy: z.enum(['latest-before', 'nearest']).default('latest-before'),
  allowStale: z.enum(['true', 'false']).optional(),
});

export const IngestReportSchema = z
  .looseObject({
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
    conflicts: z.number().int(),
    inputProblems: z.number().int(),
    runId: z.string().nullable(),
    source: z.string(),
    decayMessages: z.number().int(),
    decay: z
      .looseObject({
        stored: z.number().int(),
        duplicates: z.number().int(),
        decayDatesFilled: z.number().int(),
      })
      .nullable(),
    files: z.array(z.looseObject({ file: z.string(), format: z.string(), elementSets: z.number().int() })),
    issues: z.array(
      z.looseObject({ file: z.string(), line: z.number().int(), column: z.number().int(), code: z.string() }),
    ),
  })
  .openapi('IngestReport');

export const INGEST_FORMATS = [
  'tle',
  'omm-json',
  'omm-xml',
  'omm-kvn',
  'omm-csv',
  'satcat-csv',
  'satcat-json',
  'decay-json',
  'decay-csv',
] as const;

export const IngestJsonBody = z
  .object({
    text: z.string().min(1),
    format: z.enum(INGEST_FORMATS).optional(),
    source: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[\w.:@-]+$/, { error: 'letters, digits and . : @ _ -' })
      .optional(),
    sourceKind: z.enum(['official', 'amateur', 'derived']).optional(),
  })
  .strict()
  .openapi('IngestRequest');

export const RunRequestSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('detection'),
        kinds: z
          .array(z.enum(['maneuver', 'release', 'proximity', 'fragmentation']))
          .min(1)
          .max(4)
          .optional(),
        full: z.boolean().optional(),
        since: isoQuery.optional(),
        until: isoQuery.optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('screening'),
        /** Screening window from `at`, seconds (default 7 days, at most 30). */
        windowSec: z
          .number()
          .positive()
          .max(30 * 86_400)
          .optional(),
        /** Report approaches below this miss distance, km (default 5). */
        thresholdKm: z.number().positive().max(100).optional(),
        /** `all`, `payloads` or a list of NORAD ids (default all). */
        primaries: z
          .union([z.enum(['all', 'payloads']), z.array(z.number().int().min(1).max(339_999)).min(1).max(10_000)])
          .optional(),
        /** Catalogue as of this time (default: the newest stored epoch). */
        at: isoQuery.optional(),
        /** Combined hard-body radius, metres (default 10). */
        hardBodyRadiusM: z.number().positive().max(1_000).optional(),
      })
      .strict(),
  ])
  .openapi('RunRequest');

/** A run as the API was asked for it (validated by {@link RunRequestSchema}). */
export type RunRequest = z.infer<typeof RunRequestSchema>;
/** A screening run as the API was asked for it (validated by {@link RunRequestSchema}). */
export type ScreeningRunRequest = Extract<RunRequest, { kind: 'screening' }>;

const RunStatusSchema = z.enum(['queued', 'running', 'done', 'failed', 'interrupted']).openapi({
  description:
    'interrupted: the server stopped (crash, kill, shutdown) before the run finished; events it had stored stay',
});

export const RunSchema = z
  .looseObject({
    runId: z.string(),
    kind: z.string(),
    request: z.unknown(),
    status: RunStatusSchema,
    queuedUtc: isoTime,
    startedUtc: nullableIso,
    finishedUtc: nullableIso,
    progress: z
      .looseObject({ stage: z.string(), done: z.number(), total: z.number() })
      .nullable()
      .openapi({ description: 'while running: done of total in the current stage (a detector, a screening phase)' }),
    report: z.unknown(),
    error: z
      .looseObject({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })
      .nullable()
      .openapi({ description: 'failed or interrupted: RUN_INTERRUPTED, RUN_WORKER_FAILED or an API error code' }),
    executor: z
      .string()
      .nullable()
      .openapi({ description: 'where it ran: worker-thread (file database) or in-process' }),
    tokenId: z.string().nullable().openapi({ description: 'the API token that started it' }),
  })
  .openapi('Run');

export const RunsPageSchema = z
  .object({ items: z.array(RunSchema), nextCursor: z.string().nullable() })
  .openapi('RunsPage');

export const RunAcceptedSchema = z.looseObject({ runId: z.string(), status: RunStatusSchema }).openapi('RunAccepted');

export const FindingsQuery = (d: number, max: number) =>
  z.object({
    norm: z.string().max(100).optional(),
    object: noradQuery.optional(),
    event: z.string().min(1).max(64).optional().openapi({ description: 'event id or unique prefix' }),
    verdict: z.enum(['consistent', 'inconsistent', 'not-assessable']).optional(),
    limit: limitQuery(d, max),
    cursor: cursorQuery,
  });
