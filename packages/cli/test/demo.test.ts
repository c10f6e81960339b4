/**
 * `orbwatch demo`, the main job of the README, on a fresh database (built binary, bundled data):
 * what it ingests matches the data's provenance counts, nothing is rejected, what it finds
 * agrees with public facts, it shows each detector's progress on a terminal, its text names every
 * object it mentions, and a second run stores nothing new. The database it builds then serves the
 * event detail view (`orbwatch event <id prefix>`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '@orbwatch/core';
import { contentHash } from '@orbwatch/store';
import { BIN, REPO_ROOT, runCli, tempDb } from './run-cli.js';

interface DemoEvent {
  kind: string;
  assessment?: { label: string; possibleLabels?: string[] } | null;
  objects: { norad: number; role: string }[];
  measures: Record<string, unknown>;
}
interface DemoJson {
  database: string | null;
  report: { index: string; events: number; plots: number; objectPlots: number; findings: number } | null;
  findings: Record<string, number>;
  maneuvers: {
    byLabel: Record<string, number>;
    orbitRaising: { burns: number }[];
    stationKeeping: { burns: number };
  };
  elementSets: number;
  ingests: { label: string; accepted: number; duplicates: number; rejected: number; satcatRecords: number }[];
  events: Record<string, number>;
  releases: DemoEvent[];
  proximity: DemoEvent[];
}

const has = (e: DemoEvent, norad: number, role: string): boolean =>
  e.objects.some((o) => o.norad === norad && o.role === role);

/** `script` (util-linux) runs a command with a pseudo-terminal as its stderr. */
const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * `orbwatch demo --json` with stdout to a file and, where `script` exists, stderr on a
 * pseudo-terminal (what stderr showed is returned as `terminal`).
 */
function demoJsonOnTerminal(db: string): { code: number; stdout: string; terminal: string | null } {
  if (!HAS_SCRIPT) {
    const r = runCli(['demo', '--db', db, '--json', '--out', join(dirname(db), 'report')]);
    return { code: r.code, stdout: r.stdout, terminal: null };
  }
  const out = join(dirname(db), 'demo.json');
  const r = spawnSync(
    'script',
    [
      '-qec',
      `'${process.execPath}' '${BIN}' demo --db '${db}' --json --out '${join(dirname(db), 'report')}' > '${out}'`,
      '/dev/null',
    ],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Asia/Kathmandu' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { code: r.status ?? -1, stdout: readFileSync(out, 'utf8'), terminal: r.stdout };
}

let demoDb: string | undefined;

describe('orbwatch demo (built binary, bundled data)', () => {
  it('ingests the bundled data, finds the documented behaviours, and is idempotent', { timeout: 300_000 }, () => {
    const db = tempDb();
    const first = demoJsonOnTerminal(db);
    expect(first.code, first.terminal ?? '').toBe(0);
    const d = JSON.parse(first.stdout) as DemoJson;
    demoReport = d.report;
    // `database` is the resolved path, not a placeholder.
    expect(d.database).toBe(db);
    if (first.terminal !== null) {
      // One progress bar per detector, each ending at objects done / total.
      for (const kind of ['maneuver', 'release', 'proximity'])
        expect(first.terminal, kind).toMatch(new RegExp(`${kind}\\s+\\[[█░]+\\] (\\d+)/\\1 objects`));
    }

    // shared/data PROVENANCE: history-2026 holds 182,144 sets; nothing in the bundle is defective.
    const celestrak = d.ingests.find((i) => i.label.startsWith('CelesTrak catalogue updates'));
    expect(celestrak).toMatchObject({ accepted: 182_144, rejected: 0 });
    for (const i of d.ingests) expect(i.rejected, i.label).toBe(0);
    expect(d.ingests.reduce((n, i) => n + i.satcatRecords, 0)).toBeGreaterThan(20_000);

    // HTV-X1 (66174) released TEN-KOH 2 (68261); JAXA: separation 2026-03-11 09:34 UTC.
    const tenKoh = d.releases.find((e) => has(e, 68261, 'child'));
    expect(tenKoh).toBeDefined();
    expect(has(tenKoh!, 66174, 'parent')).toBe(true);
    const jaxa = Date.parse('2026-03-11T09:34:00Z');
    const epoch = Number(tenKoh!.measures['separationEpoch']);
    const sigmaSec = Number(tenKoh!.measures['separationEpochSigmaSec']);
    expect(Math.abs(epoch - jaxa) / 1000).toBeLessThan(3 * sigmaSec);
    // 2.39 ± 2.33 m/s: the 95 % interval [0, 6.97] straddles the 5 m/s deployment limit, so no
    // class is claimed; deployment stays possible.
    expect(tenKoh!.measures['class']).toBe('undetermined');
    expect(tenKoh!.assessment?.possibleLabels).toContain('deployment');

    // Multi-payload deployments are dated as sibling groups with gentle separation speeds
    // (docs/design/release-detector.md tabulates the 11 launches of 2026-03..05 that can be).
    const groups = d.releases.filter((e) => !e.objects.some((o) => o.role === 'parent'));
    expect(groups.length).toBeGreaterThanOrEqual(11);
    const catalogue = new Database(db, { readonly: true });
    const objectRow = catalogue.prepare('SELECT cospar_id, first_epoch_ms FROM objects WHERE norad_id = ?');
    for (const g of groups) {
      expect(Number(g.measures['deltaVMps'])).toBeLessThan(10);
      // Every member comes from the group's launch (its COSPAR id in the published sets), and
      // the separation precedes each member's first published set: nothing is tracked apart
      // before it is apart.
      const separation = Number(g.measures['separationEpoch']);
      for (const { norad } of g.objects) {
        const o = objectRow.get(norad) as { cospar_id: string | null; first_epoch_ms: number };
        expect(o.cospar_id?.slice(0, 8), `${String(norad)} in ${String(g.measures['launch'])}`).toBe(
          g.measures['launch'],
        );
        expect(separation).toBeLessThan(o.first_epoch_ms);
      }
    }
    catalogue.close();

    // Cosmos 2576 (59773) in the orbit of USA 314 (48247): USSPACECOM, 2024; an episode in July 2026.
    const c2576 = d.proximity.find((e) => has(e, 59773, 'chaser') && has(e, 48247, 'target'));
    expect(c2576).toBeDefined();
    expect(Number(c2576!.measures['minRangeKm'])).toBeLessThan(100);
    expect(Number(c2576!.measures['minRangeSigmaKm'])).toBeGreaterThan(0);

    // Cosmos 2588 (Russian) near USA 338 (US): the SATCAT supplement knows both owners, so the
    // recurring passes are co-orbital; its 2026 history shows no approach manoeuvre (its one
    // burn moved it away), so neither is named chaser: both are participants.
    const c2588 = d.proximity.filter((e) => has(e, 64095, 'participant') && has(e, 53883, 'participant'));
    expect(c2588.length).toBeGreaterThan(0);
    for (const e of c2588) expect(e.assessment?.label).toBe('co-orbital');
    expect(d.proximity.find((e) => has(e, 59773, 'chaser'))?.assessment?.label).toBe('co-orbital');
    // The maneuver count is grouped: the groups add up to the count.
    const m = d.maneuvers;
    expect(Object.values(m.byLabel).reduce((a, b) => a + b, 0)).toBe(d.events['maneuver']);
    expect(m.orbitRaising.reduce((n, g) => n + g.burns, 0)).toBe(m.byLabel['orbit-raising'] ?? 0);
    expect(m.stationKeeping.burns).toBe(m.byLabel['station-keeping'] ?? 0);

    // Second run, as a person reads it (stdout not a terminal): it stores nothing new, names
    // every object it mentions, never prints a σ of zero, and groups the maneuvers.
    const count = (sql: string): number => {
      const c = new Database(db, { readonly: true });
      const n = (c.prepare(sql).get() as { n: number }).n;
      c.close();
      return n;
    };
    const before = [count('SELECT count(*) AS n FROM element_sets'), count('SELECT count(*) AS n FROM events')];
    const text = runCli(['demo', '--db', db, '--no-report']);
    expect(text.code, text.stderr).toBe(0);
    expect([count('SELECT count(*) AS n FROM element_sets'), count('SELECT count(*) AS n FROM events')]).toEqual(
      before,
    );
    expect(text.stdout).not.toMatch(/± 0\.0+(?!\d*[1-9])/);
    expect(text.stdout).toContain('66174 HTV-X1');
    expect(text.stdout).toContain('68261 TEN-KOH 2');
    expect(text.stdout).toMatch(/53883 USA 338 \(participant\)\s+64095 COSMOS 2588 \(participant\)/);
    expect(text.stdout).toMatch(/group 2026-095: 24 × KUIPER/);
    expect(text.stdout).not.toContain('(sibling group)');
    expect(text.stdout).toMatch(/Maneuvers: \d+ burns — \d+ orbit-raising, \d+ station-keeping/);
    expect(text.stdout).not.toMatch(/Detected: \d+ maneuver\b/);
    // Every NORAD id in the release and proximity tables has a name beside it.
    const tables = text.stdout.slice(
      text.stdout.indexOf('Releases and deployments'),
      text.stdout.indexOf('Maneuvers:'),
    );
    for (const [, id, next] of tables.matchAll(/(?<![\w-])(\d{5})(?![\w-])( ?\S*)/g))
      expect(next, id).toMatch(/^ (?!\d+(\s|$))\S/);
    demoDb = db;
    demoReport = d.report;
  });

  it(
    'writes the report: every stored event has an HTML and a Markdown page, a bundle and a non-empty plot; verify passes on every bundle',
    { timeout: 600_000 },
    () => {
      expect(demoReport).not.toBeNull();
      expect(demoDb).toBeDefined();
      const dir = dirname(demoReport!.index);
      const catalogue = new Database(demoDb, { readonly: true });
      const stored = catalogue.prepare('SELECT id, kind FROM events').all() as { id: string; kind: string }[];
      catalogue.close();
      expect(stored.length).toBeGreaterThan(3000);
      expect(demoReport!.events).toBe(stored.length);
      const bundles = readdirSync(join(dir, 'evidence')).filter((f) => f.endsWith('.json'));
      expect(bundles.sort()).toEqual(stored.map((e) => `${e.id}.json`).sort());
      const svgs = new Set(readdirSync(join(dir, 'events')).filter((f) => f.endsWith('.svg')));
      const svgSize = new Map<string, number>();
      const nonEmptySvg = (file: string): boolean => {
        let n = svgSize.get(file);
        if (n === undefined) {
          const text = readFileSync(join(dir, file), 'utf8');
          n = text.startsWith('<svg') && text.includes('role-mark') ? text.length : 0;
          svgSize.set(file, n);
        }
        return n > 0;
      };
      // `orbwatch verify` reads a bundle's element-history file beside it (verify.test.ts runs
      // the command); here the same check runs in this process: thousands of Node start-ups
      // would take minutes.
      const histories = new Map<string, string | null>();
      const env = {
        contentHash: (s: { format: string; raw: string }) => contentHash({ format: s.format as 'tle', raw: s.raw }),
        readFile: (p: string): string | null => {
          if (!histories.has(p)) {
            const file = join(dir, 'evidence', p);
            histories.set(p, existsSync(file) ? gunzipSync(readFileSync(file)).toString('utf8') : null);
          }
          return histories.get(p) ?? null;
        },
      };
      const failures: string[] = [];
      let shared = 0;
      for (const { id } of stored) {
        const html = join(dir, 'events', `${id}.html`);
        for (const page of [html, join(dir, 'events', `${id}.md`)]) expect(existsSync(page), page).toBe(true);
        // Its plot: its own SVG files, or its object's history plot the page shows.
        const page = readFileSync(html, 'utf8');
        const objectPlot = /<img src="\.\.\/(plots\/object-\d+\.svg)"/.exec(page)?.[1];
        if (objectPlot !== undefined) shared++;
        const plots = [
          ...(objectPlot === undefined ? [] : [objectPlot]),
          ...[...svgs].filter((f) => f.startsWith(`${id}-`)).map((f) => `events/${f}`),
        ];
        expect(plots.length, `a plot of ${id}`).toBeGreaterThan(0);
        for (const p of plots) expect(nonEmptySvg(p), `${p} draws marks`).toBe(true);
        const v = verifyBundle(readFileSync(join(dir, 'evidence', `${id}.json`), 'utf8'), env);
        if (!v.ok) failures.push(`${id}: ${v.code} ${v.message}`);
        else if (v.mismatches.length > 0) failures.push(`${id}: ${v.mismatches.map((m) => m.measure).join(', ')}`);
      }
      expect(failures).toEqual([]);
      // The maneuvers share one history plot per object.
      expect(shared).toBe(stored.filter((e) => e.kind === 'maneuver').length);
      expect(demoReport!.objectPlots).toBe(readdirSync(join(dir, 'plots')).length);
      const index = readFileSync(demoReport!.index, 'utf8');
      expect(index).toContain('<svg');
      expect(index).not.toMatch(/illegal|violation/i);
      // Every event is linked from the index (routine burns under their object).
      const linked = new Set([...index.matchAll(/href="events\/([^"]+)\.html"/g)].map((m) => m[1]));
      expect(stored.filter((e) => !linked.has(e.id))).toEqual([]);
    },
  );
});

let demoReport: DemoJson['report'] = null;

interface EventDoc {
  id: string;
  kind: string;
  objects: { norad: number; role: string; name?: string | null; owner?: string | null }[];
  elementSets: { storedId?: string; epochUtc: string; sourceKind?: string }[];
  [k: string]: unknown;
}

describe('orbwatch event <id> on the demo database (built binary)', () => {
  it('shows one event by a unique id prefix, lists candidates for an ambiguous one, rejects an unknown one', () => {
    expect(demoDb, 'the demo test builds the database').toBeDefined();
    const db = demoDb!;
    const all = JSON.parse(runCli(['events', '--db', db, '--json', '--kind', 'release']).stdout) as {
      events: EventDoc[];
    };
    const ids = (JSON.parse(runCli(['events', '--db', db, '--json']).stdout) as { events: EventDoc[] }).events.map(
      (e) => e.id,
    );
    const tenKoh = all.events.find((e) => e.objects.some((o) => o.norad === 68261))!;
    // The shortest prefix of the TEN-KOH 2 release's id that no other event shares.
    let n = 4;
    while (ids.filter((id) => id.startsWith(tenKoh.id.slice(0, n))).length > 1) n++;
    const prefix = tenKoh.id.slice(0, n);

    for (const args of [
      ['event', prefix],
      ['events', prefix],
      ['event', tenKoh.id.toUpperCase()],
    ]) {
      const r = runCli([...args, '--db', db]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(`Event ${tenKoh.id}`);
      expect(r.stdout).toMatch(/parent\s+66174\s+HTV-X1/);
      expect(r.stdout).toMatch(/child\s+68261\s+TEN-KOH 2/);
      expect(r.stdout).toMatch(/deltaVMps\s+[\d.]+\s+[\d.]+\s+m\/s/);
      expect(r.stdout).toContain('celestrak (official)');
      expect(r.stdout).toContain(`Detector release ${String(tenKoh['detectorVersion'])}`);
    }

    const json = runCli(['event', prefix, '--db', db, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as EventDoc;
    // The document of `events --json`, with names added to its objects and sources to its sets.
    const { objects: listedObjects, elementSets: listedSets, ...rest } = tenKoh;
    expect(doc).toMatchObject(rest);
    expect(doc.objects.map((o) => ({ norad: o.norad, role: o.role }))).toEqual(listedObjects);
    expect(doc.objects).toContainEqual(expect.objectContaining({ norad: 66174, role: 'parent', name: 'HTV-X1' }));
    expect(doc.elementSets.map((s) => s.epochUtc)).toEqual(listedSets.map((s) => s.epochUtc));
    expect(doc.elementSets.every((s) => s.sourceKind === 'official')).toBe(true);

    // Events stored in one run share their first 8 characters (UUIDv7 time): ambiguous.
    const shared = tenKoh.id.slice(0, 8);
    const matching = ids.filter((id) => id.startsWith(shared));
    expect(matching.length).toBeGreaterThan(1);
    const ambiguous = runCli(['event', shared, '--db', db]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('USAGE');
    for (const id of matching.sort().slice(0, 10)) expect(ambiguous.stderr).toContain(id);

    const unknown = runCli(['event', 'ffffffff', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('NOT_FOUND');
    const notHex = runCli(['event', 'not-an-id', '--db', db]);
    expect(notHex.code).toBe(2);
    expect(notHex.stderr).toContain('USAGE');
  });

  it('lists events in one table per kind, with names, units and σ in the headers', () => {
    const db = demoDb!;
    const r = runCli(['events', '--db', db, '--kind', 'proximity']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('MIN RANGE km ± 1σ');
    expect(r.stdout).toContain('v_rel km/s ± 1σ');
    expect(r.stdout).toContain('CLOSEST APPROACH UTC');
    expect(r.stdout).toMatch(
      /59773 COSMOS 2576 \(chaser\)\s+48247 USA 314 \(target\)\s+2026-07-16T05:\d\d:\d\d\s+[\d.]+ ± [\d.]+/,
    );
    const m = runCli(['events', '--db', db, '--kind', 'maneuver', '--object', '25544']);
    expect(m.stdout).toContain('Δv m/s ± 1σ');
    expect(m.stdout).toContain('25544 ISS (ZARYA)');
    expect(m.stdout).not.toMatch(/± 0\.0+(?!\d*[1-9])/);
  });
});
