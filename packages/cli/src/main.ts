/**
 * The `orbwatch` command: the composition root (config → adapters → use cases). Each command
 * opens the store it needs, runs, and maps errors to exit codes in one place.
 * @module
 */
import type { Instant } from '@orbwatch/core';
import { instant, isOrbwatchError } from '@orbwatch/core';
import type { CatalogRepository, SourceKind } from '@orbwatch/store';
import { openSqliteCatalog } from '@orbwatch/store';
import type { SqliteCatalogOptions } from '@orbwatch/store';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseDurationSec, parseNoradArg, parseTimeArg, positiveNumber } from './cli-arguments.js';
import type { CliContext } from './cli-context.js';
import { writeLine } from './cli-context.js';
import { runDemo } from './commands/demo.js';
import type { DetectorKind, ProximityPreset } from './commands/detect.js';
import { DETECTOR_KINDS, runDetect } from './commands/detect.js';
import { runEventDetail } from './commands/event-detail.js';
import { runEvents } from './commands/events.js';
import { runHistory } from './commands/history.js';
import { runIngest } from './commands/ingest.js';
import { COSPAR_LAUNCH, runLaunches } from './commands/launches.js';
import { runObjects } from './commands/objects.js';
import { runPropagate } from './commands/propagate.js';
import { EXIT_RUNTIME, EXIT_USAGE, exitCodeFor } from './exit-codes.js';

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

function withRepo<T>(
  db: string,
  run: (repo: CatalogRepository) => Promise<T>,
  options: SqliteCatalogOptions = {},
): Promise<T> {
  const repo = openSqliteCatalog(db, options);
  return run(repo).finally(() => {
    repo.close();
  });
}

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

/** Builds the program; `setExit` receives each command's exit code. */
export function buildProgram(ctx: CliContext, setExit: (code: number) => void): Command {
  const program = new Command('orbwatch')
    .description(
      'orbwatch: monitor satellite behaviour from public orbital data, every number traceable to its element sets',
    )
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) });

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
    .option('--quiet', 'print nothing but errors')
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
                ...(o.sourceKind === undefined ? {} : { sourceKind: o.sourceKind }),
                ...(o.retrievedAt === undefined ? {} : { retrievedAt: o.retrievedAt }),
                ...(o.json === undefined ? {} : { json: o.json }),
                ...(o.quiet === undefined ? {} : { quiet: o.quiet }),
              },
              ctx,
            );
            setExit(exitCode);
          },
          ingestCatalogOptions(o),
        );
      },
    );

  program
    .command('objects')
    .description('list catalogued objects')
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
    .option('--json', 'print {objects:[…]}')
    .action(
      async (o: {
        db: string;
        name?: string;
        owner?: string;
        type?: string;
        cospar?: string;
        limit?: number;
        json?: boolean;
      }) => {
        await withRepo(o.db, async (repo) => {
          setExit(
            await runObjects(
              repo,
              {
                ...(o.name === undefined ? {} : { name: o.name }),
                ...(o.owner === undefined ? {} : { owner: o.owner }),
                ...(o.type === undefined ? {} : { objectType: o.type }),
                ...(o.cospar === undefined ? {} : { cospar: o.cospar }),
                ...(o.limit === undefined ? {} : { limit: o.limit }),
              },
              o.json === true,
              ctx,
            ),
          );
        });
      },
    );

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
    .action(
      async (
        norad: ReturnType<typeof parseNoradArg>,
        o: { db: string; from?: Instant; to?: Instant; json?: boolean },
      ) => {
        await withRepo(o.db, async (repo) => {
          setExit(
            await runHistory(
              repo,
              norad,
              { ...(o.from === undefined ? {} : { from: o.from }), ...(o.to === undefined ? {} : { to: o.to }) },
              o.json === true,
              ctx,
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
    .option('--json', 'print {norad, elementSet, states:[…]}')
    .option('--csv', 'print CSV')
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
        },
      ) => {
        await withRepo(o.db, async (repo) => {
          setExit(await runPropagate(repo, norad, o, ctx));
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
    .option('--quiet', 'print nothing but errors')
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
                ...(o.objects === undefined ? {} : { objects: o.objects }),
                ...(o.since === undefined ? {} : { since: o.since }),
                ...(o.full === undefined ? {} : { full: o.full }),
                ...(o.baseline === undefined ? {} : { baseline: o.baseline }),
                ...(o.clouds === undefined ? {} : { clouds: o.clouds }),
                ...(o.until === undefined ? {} : { until: o.until }),
                ...(o.maxRangeKm === undefined ? {} : { maxRangeKm: o.maxRangeKm }),
                ...(o.maxSpeedKmS === undefined ? {} : { maxRelativeSpeedKmPerSec: o.maxSpeedKmS }),
                ...(o.sameOwner === undefined ? {} : { sameOwner: o.sameOwner }),
                ...(o.preset === undefined ? {} : { preset: o.preset }),
                ...(o.json === undefined ? {} : { json: o.json }),
                ...(o.quiet === undefined ? {} : { quiet: o.quiet }),
              },
              ctx,
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
    .option('--json', 'print {events:[…]}; with an id, that event')
    .action(
      async (
        id: string | undefined,
        o: {
          db: string;
          kind?: 'maneuver' | 'release' | 'proximity' | 'fragmentation' | 'conjunction';
          object?: ReturnType<typeof parseNoradArg>;
          since?: Instant;
          json?: boolean;
        },
      ) => {
        await withRepo(o.db, async (repo) => {
          if (id !== undefined) {
            setExit(await runEventDetail(repo, id, o.json === true, ctx));
            return;
          }
          setExit(
            await runEvents(
              repo,
              {
                ...(o.kind === undefined ? {} : { kind: o.kind }),
                ...(o.object === undefined ? {} : { object: o.object }),
                ...(o.since === undefined ? {} : { since: o.since }),
                ...(o.json === undefined ? {} : { json: o.json }),
              },
              ctx,
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
    .action(async (id: string, o: { db: string; json?: boolean }) => {
      await withRepo(o.db, async (repo) => {
        setExit(await runEventDetail(repo, id, o.json === true, ctx));
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
    .action(async (o: { db: string; cospar?: string; json?: boolean }) => {
      await withRepo(o.db, async (repo) => {
        setExit(await runLaunches(repo, o, ctx));
      });
    });

  program
    .command('demo')
    .description('ingest the bundled real data into a database and print what is in it')
    .addOption(dbOption())
    .option('--json', 'print the summary as JSON')
    .action(async (o: { db: string; json?: boolean }) => {
      await withRepo(o.db, async (repo) => {
        setExit(await runDemo(repo, o.json === true, ctx, o.db));
      });
    });

  return program;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], ctx: CliContext = processContext()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(ctx, (c) => {
    exitCode = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_USAGE;
    if (isOrbwatchError(e)) {
      writeLine(ctx.stderr, `orbwatch: ${e.code}: ${e.message}`);
      return exitCodeFor(e.code);
    }
    writeLine(ctx.stderr, `orbwatch: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT_RUNTIME;
  }
}
