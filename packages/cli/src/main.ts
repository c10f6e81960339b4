/**
 * The `orbwatch` command: the composition root (config → adapters → use cases). Each command
 * opens the store it needs, runs, and maps errors to exit codes in one place. Commands that read
 * the catalogue refuse a database file that does not exist (only `ingest` and `demo` create one);
 * every command takes `--json` and `--quiet`; a usage error prints one line and where to look
 * (`see 'orbwatch <command> --help'`), never the whole usage text. Every message is printed
 * through {@link printable}.
 * @module
 */
import type { ExportFormat } from '@orbwatch/app';
import { EXPORT_FORMATS } from '@orbwatch/app';
import type { Instant } from '@orbwatch/core';
import { ErrorCode, OrbwatchError, instant, isOrbwatchError } from '@orbwatch/core';
import type { SourceKind } from '@orbwatch/store';
import { openSqliteCatalog } from '@orbwatch/store';
import type { SqliteCatalogOptions, SqliteCatalogRepository } from '@orbwatch/store';
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseDurationSec, parseNoradArg, parseTimeArg, portNumber, positiveNumber } from './cli-arguments.js';
import type { CliContext } from './cli-context.js';
import { quietContext, writeLine } from './cli-context.js';
import { runCaseCommand } from './commands/case.js';
import { runDemo } from './commands/demo.js';
import type { DetectorKind, ProximityPreset } from './commands/detect.js';
import { DETECTOR_KINDS, runDetect } from './commands/detect.js';
import { runEventDetail } from './commands/event-detail.js';
import { runEvents } from './commands/events.js';
import { runEvidence } from './commands/evidence.js';
import { runExport } from './commands/export.js';
import { runFindings } from './commands/findings.js';
import { runHistory } from './commands/history.js';
import { runObject } from './commands/object.js';
import { runIngest } from './commands/ingest.js';
import { COSPAR_LAUNCH, runLaunches } from './commands/launches.js';
import { runObjects } from './commands/objects.js';
import { runPropagate } from './commands/propagate.js';
import { runReport } from './commands/report.js';
import { parsePrimaries, runScreen } from './commands/screen.js';
import { runServe } from './commands/serve.js';
import { runTokenCreate, runTokenList, runTokenRevoke } from './commands/token.js';
import { runWebhooksAdd, runWebhooksList, runWebhooksRemove } from './commands/webhooks.js';
import { runVerify } from './commands/verify.js';
import { runWatch } from './commands/watch.js';
import { versionText } from './version.js';
import { EXIT_RUNTIME, EXIT_USAGE, exitCodeFor } from './exit-codes.js';
import { printable } from '@orbwatch/app';
import { definedOptions } from './defined-options.js';

const DEFAULT_DB = './orbwatch.db';

/** The process's context: real streams and the wall clock (read only here). */
export function processContext(): CliContext {
  // A reader that stops early (`orbwatch events | head`) closes the pipe: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    now: (): Instant => instant(Date.now()),
  };
}

/**
 * How long a command waits for another orbwatch process's lock (a concurrent ingest's batch), ms.
 * A batch is short; a whole first load can be longer than SQLite's usual 5 s.
 */
const CLI_BUSY_TIMEOUT_MS = 30_000;

/**
 * Opens the catalogue at `db`, runs, closes. The file must exist unless `create` (ingest, demo):
 * a command that reads the catalogue never creates an empty database from a mistyped path.
 */
function withRepo<T>(
  db: string,
  run: (repo: SqliteCatalogRepository) => Promise<T>,
  options: SqliteCatalogOptions & { readonly create?: boolean } = {},
): Promise<T> {
  const { create, ...storeOptions } = options;
  const repo = openSqliteCatalog(db, {
    busyTimeoutMs: CLI_BUSY_TIMEOUT_MS,
    ...storeOptions,
    mustExist: create !== true,
  });
  return run(repo).finally(() => {
    repo.close();
  });
}

/** `ctx` for a command run with `--quiet`: informational stderr (progress, notes) goes nowhere. */
const contextFor = (ctx: CliContext, o: { readonly quiet?: boolean }): CliContext =>
  o.quiet === true ? quietContext(ctx) : ctx;

/** The store options `orbwatch ingest` opens the catalogue with. */
export function ingestCatalogOptions(o: { readonly walFirstLoad?: boolean }): SqliteCatalogOptions {
  return o.walFirstLoad === true ? { rollbackFirstLoad: false } : {};
}

const asOption =
  <T>(f: (text: string) => T) =>
  (text: string): T => {
    try {
      return f(text);
    } catch (e) {
      throw new InvalidArgumentError(e instanceof Error ? e.message : String(e));
    }
  };

/**
 * Builds the program; `setExit` receives each command's exit code, `onAction` the name of the
 * command about to run.
 */
export function buildProgram(
  ctx: CliContext,
  setExit: (code: number) => void,
  onAction: (command: string) => void = () => undefined,
): Command {
  const program = new Command('orbwatch')
    .description(
      'orbwatch: monitor satellite behaviour from public orbital data, every number traceable to its element sets',
    )
    .version(versionText(), '-V, --version', "print the version and each detector's version")
    .exitOverride()
    .showHelpAfterError("see 'orbwatch --help'")
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      // commander's `error: …` becomes the same `orbwatch: USAGE: …` line as any other usage error
      outputError: (s, write) => {
        write(`orbwatch: ${ErrorCode.USAGE}: ${printable(s.replace(/^error: /, '').trimEnd())}\n`);
      },
    });

  const dbOption = (): Option => new Option('--db <file>', 'SQLite database file').default(DEFAULT_DB);

  program
    .command('ingest')
    .description(
      'ingest element sets (TLE/3LE, OMM JSON/XML/KVN/CSV) and SATCAT files, globs or - for stdin; .gz is read too',
    )
    .argument('<paths...>', 'files, directories, globs or - (stdin)')
    .addOption(dbOption())
    .option('--source <name>', 'name of the source the data came from (part of each element set key)', 'local-files')
    .addOption(
      new Option(
        '--source-kind <kind>',
        'official, amateur, simulated or derived (default: amateur for McCants/SeeSat-style names, else official)',
      ).choices(['official', 'amateur', 'simulated', 'derived']),
    )
    .addOption(
      new Option('--checksum <policy>', 'TLE checksum policy').choices(['verify', 'warn', 'ignore']).default('verify'),
    )
    .option(
      '--retrieved-at <time>',
      'when the data were retrieved from the source (ISO 8601 with Z); default now',
      asOption((t) => parseTimeArg(t, '--retrieved-at')),
    )
    .addOption(
      new Option(
        '--pipeline <mode>',
        'parse TLE/3LE on a worker thread while storing: auto (large TLE inputs), on, off; same result either way',
      )
        .choices(['auto', 'on', 'off'])
        .default('auto'),
    )
    .option(
      '--wal-first-load',
      'load a fresh database file in WAL mode too (safe against power failure mid-load; slower). Default: the first load into a fresh file uses a rollback journal without fsync (kill-safe; see docs/design/storage.md)',
    )
    .option('--json', 'print one JSON document: {accepted, duplicates, rejected, issues, …}')
    .option('--quiet', 'print nothing but errors and the results')
    .action(
      async (
        paths: string[],
        o: {
          pipeline: 'auto' | 'on' | 'off';
          walFirstLoad?: boolean;
          db: string;
          source: string;
          sourceKind?: SourceKind;
          checksum: 'verify' | 'warn' | 'ignore';
          retrievedAt?: Instant;
          json?: boolean;
          quiet?: boolean;
        },
      ) => {
        await withRepo(
          o.db,
          async (repo) => {
            const { exitCode } = await runIngest(
              repo,
              paths,
              {
                source: o.source,
                checksum: o.checksum,
                pipeline: o.pipeline,
                ...definedOptions({
                  sourceKind: o.sourceKind,
                  retrievedAt: o.retrievedAt,
                  json: o.json,
                  quiet: o.quiet,
                }),
              },
              contextFor(ctx, o),
            );
            setExit(exitCode);
          },
          { ...ingestCatalogOptions(o), create: true },
        );
      },
    );

  program
    .command('objects')
    .description('list catalogued objects (without a filter: those with element sets; --all for every SATCAT entry)')
    .addOption(dbOption())
    .option('--name <text>', 'any name the object carried contains this (case-insensitive)')
    .option('--owner <code>', 'SATCAT owner code, e.g. CIS, US, PRC')
    .option('--type <type>', 'PAYLOAD, ROCKET BODY, DEBRIS, UNKNOWN')
    .option('--cospar <id>', 'COSPAR id or launch prefix, e.g. 2019-079')
    .option(
      '--limit <n>',
      'at most n objects',
      asOption((t) => {
        const n = Number(t);
        if (!Number.isInteger(n) || n < 1) throw new Error(`--limit: '${t}' is not a positive integer`);
        return n;
      }),
    )
    .option('--with-sets', 'only objects with stored element sets (the default when no filter is given)')
    .addOption(
      new Option('--all', 'every catalogued object, SATCAT entries without element sets too').conflicts('withSets'),
    )
    .option('--json', 'print {objects:[…]}')
    .addOption(new Option('--csv', 'print CSV (RFC 4180), one row per object').conflicts('json'))
    .option('--quiet', 'print nothing but errors and the results')
    .action(
      async (o: {
        db: string;
        name?: string;
        owner?: string;
        type?: string;
        cospar?: string;
        limit?: number;
        withSets?: boolean;
        all?: boolean;
        json?: boolean;
        csv?: boolean;
        quiet?: boolean;
      }) => {
        const filtered =
          o.name !== undefined || o.owner !== undefined || o.type !== undefined || o.cospar !== undefined;
        await withRepo(o.db, async (repo) => {
          setExit(
            await runObjects(
              repo,
              {
                ...definedOptions({
                  name: o.name,
                  owner: o.owner,
                  objectType: o.type,
                  cospar: o.cospar,
                  limit: o.limit,
                }),
              },
              {
                withSets: o.withSets === true || (o.all !== true && !filtered),
                output: o.json === true ? 'json' : o.csv === true ? 'csv' : 'text',
              },
              contextFor(ctx, o),
            ),
          );
        });
      },
    );

  program
    .command('object')
    .description(
      'one object: catalogue facts, latest element set, events, and its decay (the date and where it came from, or the latest prediction, labelled)',
    )
    .argument('<norad>', 'NORAD catalog number (digits or Alpha-5)', asOption(parseNoradArg))
    .addOption(dbOption())
    .option('--json', 'print {object, names, satcatSource, satcat, latestElementSet, eventCount, decay}')
    .option('--quiet', 'print nothing but errors and the results')
    .action(async (norad: ReturnType<typeof parseNoradArg>, o: { db: string; json?: boolean; quiet?: boolean }) => {
      await withRepo(o.db, async (repo) => {
        setExit(await runObject(repo, norad, o.json === true ? 'json' : 'text', contextFor(ctx, o)));
      });
    });

  program
    .command('history')
    .description("an object's element-set history: epochs, mean elements, perigee/apogee, period, source")
    .argument('<norad>', 'NORAD catalog number (digits or Alpha-5)', asOption(parseNoradArg))
    .addOption(dbOption())
    .option(
      '--from <time>',
      'first epoch (ISO 8601 with Z)',
      asOption((t) => parseTimeArg(t, '--from')),
    )
    .option(
      '--to <time>',
      'epochs before this (ISO 8601 with Z)',
      asOption((t) => parseTimeArg(t, '--to')),
    )
    .option('--json', 'print {norad, name, elementSets:[…]}')
    .addOption(new Option('--csv', 'print CSV (RFC 4180), one row per element set').conflicts('json'))
    .option('--quiet', 'print nothing but errors and the results')
    .action(
      async (
        norad: ReturnType<typeof parseNoradArg>,
        o: { db: string; from?: Instant; to?: Instant; json?: boolean; csv?: boolean; quiet?: boolean },
      ) => {
        await withRepo(o.db, async (repo) => {
          setExit(
            await runHistory(
              repo,
              norad,
              definedOptions({ from: o.from, to: o.to }),
              o.json === true ? 'json' : o.csv === true ? 'csv' : 'text',
              contextFor(ctx, o),
            ),
          );
        });
      },
    );

  program
    .command('propagate')
    .description('propagate an object with SGP4 from its stored element sets over a time grid')
    .argument('<norad>', 'NORAD catalog number', asOption(parseNoradArg))
    .addOption(dbOption())
    .requiredOption(
      '--from <time>',
      'start (ISO 8601 with Z)',
      asOption((t) => parseTimeArg(t, '--from')),
    )
    .requiredOption(
      '--to <time>',
      'end (ISO 8601 with Z)',
      asOption((t) => parseTimeArg(t, '--to')),
    )
    .option(
      '--step <duration>',
      'step: 90s, 10m, 6h, 7d or seconds',
      asOption((t) => parseDurationSec(t, '--step')),
      60,
    )
    .addOption(
      new Option('--frame <frame>', 'output frame').choices(['TEME', 'ITRF', 'GCRF', 'geodetic']).default('TEME'),
    )
    .addOption(
      new Option('--policy <policy>', 'which element set to use at each time')
        .choices(['latest-before', 'nearest'])
        .default('nearest'),
    )
    .option('--allow-stale', 'propagate beyond the default element-set age limits')
    .option('--json', 'print {norad, elementSet, states:[…], summary}')
    .addOption(new Option('--csv', 'print CSV').conflicts('json'))
    .option('--quiet', 'print nothing but errors and the results')
    .action(
      async (
        norad: ReturnType<typeof parseNoradArg>,
        o: {
          db: string;
          from: Instant;
          to: Instant;
          step: number;
          frame: 'TEME' | 'ITRF' | 'GCRF' | 'geodetic';
          policy: 'latest-before' | 'nearest';
          allowStale?: boolean;
          json?: boolean;
          csv?: boolean;
          quiet?: boolean;
        },
      ) => {
        await withRepo(o.db, async (repo) => {
          setExit(await runPropagate(repo, norad, o, contextFor(ctx, o)));
        });
      },
    );

  program
    .command('screen')
    .description(
      'screen the catalogue for close approaches (conjunctions) from the stored element sets: Pc, miss vector, CDMs; stored as conjunction events',
    )
    .addOption(dbOption())
    .option(
      '--primaries <which>',
      'all (every pair), payloads (SATCAT payloads against everything) or comma-separated NORAD ids',
      asOption((t) => parsePrimaries(t, parseNoradArg)),
      { kind: 'all' } as ReturnType<typeof parsePrimaries>,
    )
    .option(
      '--window <duration>',
      'how far ahead of --at to screen: 90s, 10m, 6h, 7d or seconds',
      asOption((t) => parseDurationSec(t, '--window')),
      7 * 86_400,
    )
    .option(
      '--threshold-km <km>',
      'report approaches with miss distance below this, km',
      asOption((t) => positiveNumber(t, '--threshold-km')),
      5,
    )
    .option(
      '--at <time>',
      "take each object's latest element set as of this time and screen from it (ISO 8601 with Z; default: the newest stored epoch)",
      asOption((t) => parseTimeArg(t, '--at')),
    )
    .option(
      '--hard-body-radius-m <m>',
      'combined hard-body radius of the two objects for the Pc, metres (an assumption: element sets give no size)',
      asOption((t) => positiveNumber(t, '--hard-body-radius-m')),
      10,
    )
    .option(
      '--threads <n>',
      'worker threads for the screening engine (default: the cores available; 1 runs in this thread)',
      asOption((t) => {
        const n = Number(t);
        if (!Number.isInteger(n) || n < 1) throw new Error(`--threads: '${t}' is not a positive integer`);
        return n;
      }),
    )
    .option('--cdm <dir>', 'also write one CCSDS CDM (KVN) per conjunction into this directory')
    .option(
      '--json',
      'print {run:{…}, conjunctions:[{norad1, norad2, tcaUtc, missDistanceKm, relativeSpeedKmPerSec, pc, …}]}',
    )
    .addOption(new Option('--csv', 'print CSV (RFC 4180), one row per conjunction').conflicts('json'))
    .option('--quiet', 'print nothing but errors and the results')
    .action(
      async (o: {
        db: string;
        primaries: ReturnType<typeof parsePrimaries>;
        window: number;
        thresholdKm: number;
        at?: Instant;
        hardBodyRadiusM: number;
        threads?: number;
        cdm?: string;
        json?: boolean;
        csv?: boolean;
        quiet?: boolean;
      }) => {
        await withRepo(o.db, async (repo) => {
          setExit(
            await runScreen(
              repo,
              {
                primaries: o.primaries,
                windowSec: o.window,
                thresholdKm: o.thresholdKm,
                hardBodyRadiusM: o.hardBodyRadiusM,
                threads: o.threads ?? availableParallelism(),
                output: o.json === true ? 'json' : o.csv === true ? 'csv' : 'text',
                ...definedOptions({ at: o.at, cdm: o.cdm, quiet: o.quiet }),
              },
              contextFor(ctx, o),
            ),
          );
        });
      },
    );

  program
    .command('detect')
    .description('run the behaviour detectors over the stored history and store the events they find (incremental)')
    .addOption(dbOption())
    .option(
      '--kinds <list>',
      `comma-separated: ${DETECTOR_KINDS.join(', ')}`,
      (t: string) => t.split(',').map((x) => x.trim()) as DetectorKind[],
      [...DETECTOR_KINDS] as DetectorKind[],
    )
    .option(
      '--objects <list>',
      'comma-separated NORAD ids (default: every object with new element sets)',
      asOption((t) => t.split(',').map((x) => parseNoradArg(x.trim()))),
    )
    .option(
      '--since <time>',
      'store only events ending at or after this time (ISO 8601 with Z)',
      asOption((t) => parseTimeArg(t, '--since')),
    )
    .option('--full', 'ignore what earlier runs processed and examine every object again')
    .option(
      '--baseline <time>',
      'fragmentation: the earlier catalogue snapshot (default: 30 days before the newest epoch)',
      asOption((t) => parseTimeArg(t, '--baseline')),
    )
    .option('--clouds', 'fragmentation: also store old debris clouds recognised in one snapshot')
    .option(
      '--until <time>',
      'proximity: end of the search window (default: newest epoch; start is --since or 7 days before)',
      asOption((t) => parseTimeArg(t, '--until')),
    )
    .option(
      '--max-range-km <km>',
      'proximity: range threshold, km (default 50)',
      asOption((t) => positiveNumber(t, '--max-range-km')),
    )
    .option(
      '--max-speed-km-s <km/s>',
      'proximity: relative-speed threshold, km/s (default 0.5)',
      asOption((t) => positiveNumber(t, '--max-speed-km-s')),
    )
    .option('--same-owner', 'proximity: also pairs of the same owner (labelled as such)')
    .addOption(
      new Option(
        '--preset <preset>',
        'proximity: screen (50 km, 0.5 km/s) or inspection (100 km, 0.2 km/s, recurring passes, older sets)',
      ).choices(['screen', 'inspection']),
    )
    .option('--json', 'print {detectors:[…]}')
    .option('--quiet', 'print nothing but errors and the results')
    .action(
      async (o: {
        db: string;
        kinds: DetectorKind[];
        objects?: ReturnType<typeof parseNoradArg>[];
        since?: Instant;
        full?: boolean;
        baseline?: Instant;
        clouds?: boolean;
        until?: Instant;
        maxRangeKm?: number;
        maxSpeedKmS?: number;
        sameOwner?: boolean;
        preset?: ProximityPreset;
        json?: boolean;
        quiet?: boolean;
      }) => {
        await withRepo(o.db, async (repo) => {
          setExit(
            await runDetect(
              repo,
              {
                kinds: o.kinds,
                ...definedOptions({
                  objects: o.objects,
                  since: o.since,
                  full: o.full,
                  baseline: o.baseline,
                  clouds: o.clouds,
                  until: o.until,
                  maxRangeKm: o.maxRangeKm,
                  maxRelativeSpeedKmPerSec: o.maxSpeedKmS,
                  sameOwner: o.sameOwner,
                  preset: o.preset,
                  json: o.json,
                  quiet: o.quiet,
                }),
              },
              contextFor(ctx, o),
            ),
          );
        });
      },
    );

  program
    .command('events')
    .description('list stored events with their measures, σ, element sets and detector')
    .addOption(dbOption())
    .addOption(
      new Option('--kind <kind>', 'event kind').choices([
        'maneuver',
        'release',
        'proximity',
        'fragmentation',
        'conjunction',
      ]),
    )
    .option('--object <norad>', 'events of this object', asOption(parseNoradArg))
    .option(
      '--since <time>',
      'events ending at or after this time',
      asOption((t) => parseTimeArg(t, '--since')),
    )
    .argument('[id]', 'show this one event in full (a unique prefix of its id is enough)')
    .option(
      '--include-superseded',
      'also events a later detection run replaced by a later estimate or withdrew (marked, with supersededBy)',
    )
    .option('--json', 'print {events:[…]}; with an id, that event')
    .option('--csv', 'print one CSV row per event (id, kind, label, times, objects, key measures with σ)')
    .option('--quiet', 'print nothing but errors and the results')
    .action(
      async (
        id: string | undefined,
        o: {
          db: string;
          kind?: 'maneuver' | 'release' | 'proximity' | 'fragmentation' | 'conjunction';
          object?: ReturnType<typeof parseNoradArg>;
          since?: Instant;
          includeSuperseded?: boolean;
          json?: boolean;
          csv?: boolean;
          quiet?: boolean;
        },
      ) => {
        if (o.csv === true && o.json === true) throw new OrbwatchError(ErrorCode.USAGE, '--csv and --json: choose one');
        await withRepo(o.db, async (repo) => {
          if (id !== undefined) {
            setExit(await runEventDetail(repo, id, o.json === true, ctx));
            return;
          }
          setExit(
            await runEvents(
              repo,
              {
                ...definedOptions({
                  kind: o.kind,
                  object: o.object,
                  since: o.since,
                  json: o.json,
                  csv: o.csv,
                }),
                ...(o.includeSuperseded === true ? { includeSuperseded: true } : {}),
              },
              contextFor(ctx, o),
            ),
          );
        });
      },
    );

  program
    .command('event')
    .description('one event in full: measures with σ, assessment and reasons, objects, element sets, detector')
    .argument('<id>', 'event id, or a unique prefix of it')
    .addOption(dbOption())
    .option('--json', 'print the event document (as in events --json, with object names)')
    .option('--quiet', 'print nothing but errors and the results')
    .action(async (id: string, o: { db: string; json?: boolean; quiet?: boolean }) => {
      await withRepo(o.db, async (repo) => {
        setExit(await runEventDetail(repo, id, o.json === true, contextFor(ctx, o)));
      });
    });

  program
    .command('launches')
    .description('multi-payload launches: members, first-set lags, and the deployment group or why none was measured')
    .addOption(dbOption())
    .option(
      '--cospar <launch>',
      'only this launch, YYYY-NNN',
      asOption((t) => {
        if (!COSPAR_LAUNCH.test(t)) throw new Error(`--cospar: '${t}' is not a COSPAR launch YYYY-NNN`);
        return t;
      }),
    )
    .option('--json', 'print {launches:[{cospar, members, outcome, reason, epochUtc, epochSigmaSec, …}]}')
    .option('--quiet', 'print nothing but errors and the results')
    .action(async (o: { db: string; cospar?: string; json?: boolean; quiet?: boolean }) => {
      await withRepo(o.db, async (repo) => {
        setExit(await runLaunches(repo, o, contextFor(ctx, o)));
      });
    });

  program
    .command('serve')
    .description('the HTTP API and alert feed (OpenAPI at /openapi.json), and the web UI at / when built')
    .addOption(dbOption())
    .option('--port <port>', 'TCP port (0: any free port)', asOption(portNumber), 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--static <dir>', 'serve this directory at / (default: packages/web/dist when built)')
    .option(
      '--rate-limit <n>',
      'requests per second per client (burst 4×)',
      asOption((t) => positiveNumber(t, '--rate-limit')),
    )
    .option('--json', 'print {url, port, host, staticDir} once listening')
    .option('--quiet', 'print nothing but errors and the results')
    .action(
      async (o: {
        db: string;
        port: number;
        host: string;
        static?: string;
        rateLimit?: number;
        json?: boolean;
        quiet?: boolean;
      }) => {
        await withRepo(o.db, async (repo) => {
          setExit(await runServe(repo, o, contextFor(ctx, o)));
        });
      },
    );

  const token = program.command('token').description('API write tokens: create (shown once), list, revoke');
  token
    .command('create')
    .description('create a token; prints it once (only its SHA-256 is stored)')
    .addOption(dbOption())
    .option('--name <name>', 'what the token is for', 'api')
    .option('--json', 'print {id, name, token, createdUtc}')
    .option('--quiet', 'print nothing but errors and the results')
    .action(async (o: { db: string; name: string; json?: boolean; quiet?: boolean }) => {
      await withRepo(o.db, async (repo) => {
        setExit(await runTokenCreate(repo, o, contextFor(ctx, o)));
      });
    });
  token
    .command('list')
    .description('the tokens: id, name, created, last used, revoked')
    .addOption(dbOption())
    .option('--json', 'print {tokens:[{id, name, createdUtc, lastUsedUtc, revokedUtc}]}')
    .option('--quiet', 'print nothing but errors and the results')
    .action(async (o: { db: string; json?: boolean; quiet?: boolean }) => {
      await withRepo(o.db, async (repo) => {
        setExit(await runTokenList(repo, o, contextFor(ctx, o)));
      });
    });
  token
    .command('revoke')
    .description('revoke a token by id or unique id prefix')
    .argument('<id>', 'token id or unique prefix')
    .addOption(dbOption())
    .option('--json', 'print the revoked token')
    .option('--quiet', 'print nothing but errors and the results')
    .action(async (id: string, o: { db: string; json?: boolean; quiet?: boolean }) => {
      await withRepo(o.db, async (repo) => {
        setExit(await runTokenRevoke(repo, id, o, contextFor(ctx, o)));
      });
    });

  const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), ...v.split(',')];
  const webhooks = program
    .command('webhooks')
    .description('webhook subscriptions of the alert feed and their dead letters (list is the default)');
  webhooks
    .command('list', { isDefault: true })
    .description('the subscriptions and the dead letters (deliveries that failed every retry)')
    .addOption(dbOption())
    .option('--json', 'print {webhooks:[…], deadLetters:[…]}')
    .option('--quiet', 'print nothing but errors and the results')
    .action(async (o: { db: string; json?: boolean; quiet?: boolean }) => {
      await withRepo(o.db, async (repo) => {
        setExit(await runWebhooksList(repo, o, contextFor(ctx, o)));
      });
    });
  webhooks
    .command('add')
    .description('subscribe a URL to new events and findings (from now on); prints its signing secret once')
    .argument('<url>', 'http(s) URL that receives the POSTs')
    .addOption(dbOption())
    .option('--kind <kinds>', 'only these event kinds (comma-separated; repeatable)', collect)
    .option('--label <labels>', 'only these assessment labels (comma-separated; repeatable)', collect)
    .option('--secret <secret>', 'the HMAC-SHA256 key (default: a random one)')
    .option('--json', 'print the subscription with its secret')
    .option('--quiet', 'print nothing but errors and the results')
    .action(
      async (
        url: string,
        o: { db: string; kind?: string[]; label?: string[]; secret?: string; json?: boolean; quiet?: boolean },
      ) => {
        await withRepo(o.db, async (repo) => {
          setExit(await runWebhooksAdd(repo, url, o, contextFor(ctx, o)));
        });
      },
    );
  webhooks
    .command('remove')
    .description('end a subscription (its dead letters go with it)')
    .argument('<id>', 'webhook id')
    .addOption(dbOption())
    .option('--json', 'print {removed}')
    .option('--quiet', 'print nothing but errors and the results')
    .action(async (id: string, o: { db: string; json?: boolean; quiet?: boolean }) => {
      await withRepo(o.db, async (repo) => {
        setExit(await runWebhooksRemove(repo, id, o, contextFor(ctx, o)));
      });
    });

  program
    .command('findings')
    .description('stored events judged against norms: consistent with / inconsistent with / cannot be assessed against')
    .addOption(dbOption())
    .option('--norm <id>', 'only findings of this norm')
    .option(
      '--object <norad>',
      'only findings of events this object takes part in',
      asOption((t) => parseNoradArg(t)),
    )
    .addOption(
      new Option('--verdict <verdict>', 'only this verdict').choices(['consistent', 'inconsistent', 'not-assessable']),
    )
    .option('--norms <file>', 'judge with this norm file (orbwatch-norms JSON) instead of the default set')
    .option('--json', 'print {findings:[{id, eventId, normId, verdict, confidence, reasons, …}]}')
    .option('--quiet', 'print nothing but errors and the results')
    .action(
      async (o: {
        db: string;
        norm?: string;
        object?: ReturnType<typeof parseNoradArg>;
        verdict?: 'consistent' | 'inconsistent' | 'not-assessable';
        norms?: string;
        json?: boolean;
        quiet?: boolean;
      }) => {
        await withRepo(o.db, async (repo) => {
          setExit(await runFindings(repo, o, contextFor(ctx, o)));
        });
      },
    );

  program
    .command('evidence')
    .description(
      "write an event's evidence bundle: raw element sets with sources and hashes, method, measures, findings",
    )
    .argument('<event-id>', 'event id, or a unique prefix of it')
    .addOption(dbOption())
    .option('--out <file>', 'write the bundle to this file (default: stdout)')
    .option('--norms <file>', 'judge with this norm file instead of the default set')
    .option('--json', 'with --out, print {file, eventId, elementSets, findings}')
    .option('--quiet', 'print nothing but errors and the results')
    .action(async (id: string, o: { db: string; out?: string; norms?: string; json?: boolean; quiet?: boolean }) => {
      await withRepo(o.db, async (repo) => {
        setExit(await runEvidence(repo, id, o, contextFor(ctx, o)));
      });
    });

  program
    .command('export')
    .description(
      "write an event's or objects' SGP4 states for other tools: CZML (Cesium), GeoJSON or KML ground tracks, CCSDS OEM",
    )
    .argument('[event-id]', 'event id, or a unique prefix of it (default window: its span ± one orbit)')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'file format').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .option(
      '--objects <list>',
      'comma-separated NORAD ids instead of an event (needs --from and --to)',
      asOption((t) => t.split(',').map((x) => parseNoradArg(x.trim()))),
    )
    .option(
      '--from <time>',
      'start (ISO 8601 with Z; default for an event: its start minus one orbit)',
      asOption((t) => parseTimeArg(t, '--from')),
    )
    .option(
      '--to <time>',
      'end (ISO 8601 with Z; default for an event: its end plus one orbit)',
      asOption((t) => parseTimeArg(t, '--to')),
    )
    .option(
      '--step <duration>',
      'sampling step: 90s, 10m, 6h or seconds (default 60 s)',
      asOption((t) => parseDurationSec(t, '--step')),
    )
    .addOption(new Option('--frame <frame>', 'OEM REF_FRAME (default TEME, SGP4 output)').choices(['TEME', 'GCRF']))
    .addOption(
      new Option('--czml-frame <frame>', 'CZML position frame: inertial (GCRF, default) or fixed (ITRF)').choices([
        'inertial',
        'fixed',
      ]),
    )
    .option('--allow-stale', 'propagate beyond the default element-set age limits')
    .option('--out <file>', 'write the file here (default: stdout)')
    .option('--json', 'with --out, print {file, format, eventId, fromUtc, toUtc, stepSec, objects:[…]}')
    .option('--quiet', 'print nothing but errors and the results')
    .action(
      async (
        id: string | undefined,
        o: {
          db: string;
          format: ExportFormat;
          objects?: ReturnType<typeof parseNoradArg>[];
          from?: Instant;
          to?: Instant;
          step?: number;
          frame?: 'TEME' | 'GCRF';
          czmlFrame?: 'inertial' | 'fixed';
          allowStale?: boolean;
          out?: string;
          json?: boolean;
          quiet?: boolean;
        },
      ) => {
        await withRepo(o.db, async (repo) => {
          setExit(await runExport(repo, id, o, contextFor(ctx, o)));
        });
      },
    );

  program
    .command('verify')
    .description('recompute an event from its evidence bundle alone and compare every measure')
    .argument('<bundle>', 'an evidence bundle (JSON) written by orbwatch evidence or orbwatch report')
    .option('--json', 'print {eventId, ok, checks:[{measure, stored, recomputed, match}]}')
    .option('--quiet', 'print nothing but errors and the results')
    .action((file: string, o: { json?: boolean; quiet?: boolean }) => {
      setExit(runVerify(file, o, contextFor(ctx, o)));
    });

  program
    .command('report')
    .description('write a self-contained static site (HTML, Markdown, SVG plots, evidence bundles) for events')
    .argument('[event-ids...]', 'events by id or unique prefix')
    .addOption(dbOption())
    .requiredOption('--out <dir>', 'directory to write the site into')
    .option('--all', 'every stored event')
    .option(
      '--object <norad>',
      'events this object takes part in',
      asOption((t) => parseNoradArg(t)),
    )
    .option(
      '--since <time>',
      'events ending at or after this time (ISO 8601 with Z)',
      asOption((t) => parseTimeArg(t, '--since')),
    )
    .option('--norms <file>', 'judge with this norm file instead of the default set')
    .option('--title <text>', 'title of the site')
    .option('--json', 'print {out, index, events, plots, findings}')
    .option('--quiet', 'print nothing but errors and the results')
    .action(
      async (
        ids: string[],
        o: {
          db: string;
          out: string;
          all?: boolean;
          object?: ReturnType<typeof parseNoradArg>;
          since?: Instant;
          norms?: string;
          title?: string;
          json?: boolean;
          quiet?: boolean;
        },
      ) => {
        await withRepo(o.db, async (repo) => {
          setExit(await runReport(repo, { ...o, ids }, contextFor(ctx, o)));
        });
      },
    );

  program
    .command('demo')
    .description(
      'ingest the bundled real data, detect, judge against the norms, write the report site and tell what it shows',
    )
    .addOption(dbOption())
    .option('--out <dir>', 'where to write the report site', './orbwatch-report')
    .option('--no-report', 'do not write the report site')
    .option('--json', 'print the summary as JSON')
    .option('--quiet', 'print nothing but errors and the results')
    .action(async (o: { db: string; out: string; report: boolean; json?: boolean; quiet?: boolean }) => {
      await withRepo(
        o.db,
        async (repo) => {
          setExit(await runDemo(repo, o.json === true, contextFor(ctx, o), o.db, { out: o.report ? o.out : null }));
        },
        { create: true },
      );
    });

  program
    .command('case')
    .description(
      'run a case file (a named episode): ingest, detect, judge with its published facts, report; print facts beside measures',
    )
    .argument('<file>', 'a case file (orbwatch-case JSON, e.g. cases/cosmos-1408-2021.json)')
    .option('--db <file>', 'SQLite database file (default: ./orbwatch-case-<id>.db)')
    .option('--out <dir>', 'where to write the report site (default: ./orbwatch-case-<id>)')
    .option('--no-report', 'do not write the report site')
    .option('--json', 'print {case, coverage, events, comparisons, findings, missingData, report, …}')
    .option('--quiet', 'print nothing but errors and the results')
    .action(
      async (file: string, o: { db?: string; out?: string; report: boolean; json?: boolean; quiet?: boolean }) => {
        setExit(await runCaseCommand(file, o, contextFor(ctx, o), (db, run) => withRepo(db, run, { create: true })));
      },
    );

  program
    .command('watch')
    .description(
      'watch remote catalogues (CelesTrak GP, Space-Track, McCants amateur elements): fetch politely, ingest what is new, detect',
    )
    .addOption(dbOption())
    .option('--celestrak-group <name...>', 'CelesTrak GP group(s), e.g. stations active last-30-days')
    .option(
      '--celestrak-catnr <n...>',
      'CelesTrak GP by catalogue number(s)',
      (t: string, prev: number[] | undefined) => [
        ...(prev ?? []),
        ...t.split(',').map((x) => Number(parseNoradArg(x.trim()))),
      ],
    )
    .addOption(new Option('--celestrak-format <format>', 'OMM JSON or 3LE').choices(['json', '3le']).default('json'))
    .option('--celestrak-url <url>', 'CelesTrak base URL (a mirror or a test server)')
    .option(
      '--interval <duration>',
      'time between two fetches of one CelesTrak query (default 2h; at least 1h against celestrak.org)',
      asOption((t) => parseDurationSec(t, '--interval')),
    )
    .option(
      '--spacetrack',
      'Space-Track gp (hourly) and satcat (daily); the account from $ORBWATCH_SPACETRACK_USER / $ORBWATCH_SPACETRACK_PASSWORD',
    )
    .option(
      '--spacetrack-history <ids>',
      'also Space-Track gp_history of these NORAD ids (comma-separated), daily',
      asOption((t) => t.split(',').map((x) => Number(parseNoradArg(x.trim())))),
    )
    .option('--spacetrack-url <url>', 'Space-Track base URL (a test server)')
    .option('--mccants', "McCants' classfd amateur elements (stored as source mccants-classfd, kind amateur)")
    .option('--mccants-url <url>', 'where classfd.zip (or .tle) is fetched from')
    .option('--once', 'one cycle (fetch what is due, ingest, detect), then exit')
    .option(
      '--kinds <list>',
      `detectors after each cycle that stored something, comma-separated: ${DETECTOR_KINDS.join(', ')}`,
      (t: string) => t.split(',').map((x) => x.trim()) as DetectorKind[],
      [...DETECTOR_KINDS] as DetectorKind[],
    )
    .option('--no-detect', 'fetch and ingest only')
    .addOption(
      new Option('--checksum <policy>', 'TLE checksum policy').choices(['verify', 'warn', 'ignore']).default('verify'),
    )
    .option('--json', 'log one JSON object per line on stderr')
    .option('--quiet', 'log only failures')
    .action(
      async (o: {
        db: string;
        celestrakGroup?: string[];
        celestrakCatnr?: number[];
        celestrakFormat: 'json' | '3le';
        celestrakUrl?: string;
        interval?: number;
        spacetrack?: boolean;
        spacetrackHistory?: number[];
        spacetrackUrl?: string;
        mccants?: boolean;
        mccantsUrl?: string;
        once?: boolean;
        kinds: DetectorKind[];
        detect: boolean;
        checksum: 'verify' | 'warn' | 'ignore';
        json?: boolean;
        quiet?: boolean;
      }) => {
        await withRepo(
          o.db,
          async (repo) => {
            setExit(await runWatch(repo, { ...o, kinds: o.detect ? o.kinds : [] }, ctx));
          },
          { create: true },
        );
      },
    );

  // A usage error names the command's help instead of printing it (it is one flag away).
  for (const command of program.commands) command.showHelpAfterError(`see 'orbwatch ${command.name()} --help'`);
  program.hook('preAction', (_program, command) => {
    onAction(command.name());
  });
  return program;
}

/** What to do about an error raised while `running` ran, by code (appended to its message). */
function hintFor(e: OrbwatchError, running: string | undefined): string | undefined {
  if (e.code === ErrorCode.USAGE)
    return running === undefined ? "see 'orbwatch --help'" : `see 'orbwatch ${running} --help'`;
  if (e.code === ErrorCode.DATABASE_NOT_FOUND) {
    const path = e.details['path'];
    return `create one with \`orbwatch ingest <files> --db ${typeof path === 'string' ? path : '<file>'}\` (or \`orbwatch demo\`)`;
  }
  return undefined;
}

/** An error from below that is not an OrbwatchError but has a meaning users can act on. */
function asOrbwatchError(e: unknown): OrbwatchError | undefined {
  if (isOrbwatchError(e)) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return new OrbwatchError(
      ErrorCode.DATABASE_LOCKED,
      'the database is locked by another orbwatch process; try again when it has finished',
      {},
      { cause: e },
    );
  return undefined;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], ctx: CliContext = processContext()): Promise<number> {
  let exitCode = 0;
  let running: string | undefined;
  const program = buildProgram(
    ctx,
    (c) => {
      exitCode = c;
    },
    (name) => {
      running = name;
    },
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_USAGE;
    const known = asOrbwatchError(e);
    if (known !== undefined) {
      const hint = hintFor(known, running);
      writeLine(
        ctx.stderr,
        printable(`orbwatch: ${known.code}: ${known.message}${hint === undefined ? '' : `; ${hint}`}`),
      );
      return exitCodeFor(known.code);
    }
    const text = `orbwatch: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    writeLine(
      ctx.stderr,
      text
        .split('\n')
        .map((l) => printable(l))
        .join('\n'),
    );
    return EXIT_RUNTIME;
  }
}
