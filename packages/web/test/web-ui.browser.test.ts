/**
 * The web UI in a real browser: Debian's Chromium (`/usr/bin/chromium`, or `ORBWATCH_CHROMIUM`)
 * driven by playwright-core opens the production build served by the built binary's
 * `orbwatch serve` over a database built from the repo's fixtures (the 2026 inspector series,
 * the HTV-X1 release and the first half of the ISS's history: manoeuvres, a release and a
 * proximity event). It filters the timeline, opens an event (plots drawn, globe canvas drawn,
 * the time slider moves the objects), opens an object (element history, events), and, with the
 * timeline open, ingests the rest of the ISS history and runs `orbwatch detect`: the new
 * manoeuvre must arrive through the SSE feed without a reload. Every request of the browser is
 * recorded and any not to 127.0.0.1 fails the test (and is refused, so a leak cannot hang it);
 * console and page errors fail it too. Screenshots go to test-output/web-ui/. Without Chromium
 * the tests fail (CI installs it); they never skip.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = join(REPO_ROOT, 'packages/cli/bin/orbwatch.js');
const DIST = join(REPO_ROOT, 'packages/web/dist');
const CHROMIUM = process.env['ORBWATCH_CHROMIUM'] ?? '/usr/bin/chromium';
const SHOTS = join(REPO_ROOT, 'test-output/web-ui');
const VIEWPORT = { width: 1280, height: 900 };
const ISS = 25544;
/** The ISS history is split at this epoch: sets before it are in the database when the page opens. */
const ISS_SPLIT_UTC = Date.UTC(2026, 3, 10);
const MISSING_CHROMIUM =
  `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium; .ci/run does) or set ` +
  'ORBWATCH_CHROMIUM. The web UI browser test does not skip.';

let work = '';
let db = '';
let base = '';
let server: ChildProcess | undefined;
let serverLog = '';
let browser: Browser | undefined;
let context: BrowserContext | undefined;
/** Every URL the browser asked for, every request that left 127.0.0.1, every console or page error. */
const requested: string[] = [];
const leaks: string[] = [];
const consoleErrors: string[] = [];

function cli(args: readonly string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Kathmandu' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`orbwatch ${args.join(' ')} exited ${String(r.status)}: ${r.stderr}`);
  return r.stdout;
}

/** The ISS's 3LE records with epochs before (`early`) or from (`late`) the split, as a file. */
function issPart(part: 'early' | 'late'): string {
  const lines = gunzipSync(readFileSync(join(REPO_ROOT, 'fixtures/history-2026/iss.3le.gz')))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const records: string[] = [];
  for (let i = 0; i + 2 < lines.length; i += 3) {
    const line1 = lines[i + 1]!;
    const yy = Number(line1.slice(18, 20));
    const day = Number(line1.slice(20, 32));
    const epochMs = Date.UTC(2000 + yy, 0, 1) + (day - 1) * 86_400_000;
    if (epochMs < ISS_SPLIT_UTC === (part === 'early')) records.push(lines.slice(i, i + 3).join('\n'));
  }
  const file = join(work, `iss-${part}.3le`);
  writeFileSync(file, `${records.join('\n')}\n`);
  return file;
}

/** The database the page opens on: real fixtures, ingested and run through the detectors. */
function buildDatabase(): void {
  db = join(work, 'web-ui.db');
  const series = join(REPO_ROOT, 'fixtures/events/inspector-target-series-2026');
  cli([
    'ingest',
    '--db',
    db,
    '--quiet',
    join(series, '53323_COSMOS-2558.3le'),
    join(series, '62902_COSMOS-2581.3le'),
    join(series, '62903_COSMOS-2582.3le'),
    join(series, '62904_COSMOS-2583.3le'),
    join(series, '59773_COSMOS-2576.3le'),
    join(REPO_ROOT, 'fixtures/releases/htv-x1-and-ten-koh-2.3le'),
    // Real Space-Track decay messages: HTV-1's Historical decay, a 2018 60-day prediction for 4917.
    join(REPO_ROOT, 'fixtures/decay/spacetrack-decay_recorded.json'),
    issPart('early'),
  ]);
  cli(['detect', '--db', db, '--quiet', '--kinds', 'maneuver,release']);
  cli(['detect', '--db', db, '--quiet', '--kinds', 'proximity', '--preset', 'inspection']);
  // Judges the stored events against the default norms and stores the findings.
  cli(['findings', '--db', db, '--quiet']);
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      s.close(() => {
        resolvePort(port);
      });
    });
  });
}

/** Starts the built binary's `orbwatch serve` on a free loopback port and waits until it answers. */
async function startServer(): Promise<void> {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [BIN, 'serve', '--db', db, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: REPO_ROOT,
    env: { ...process.env, TZ: 'Asia/Kathmandu' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (serverLog += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (serverLog += d.toString()));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`orbwatch serve exited ${String(server.exitCode)}: ${serverLog}`);
    try {
      const r = await fetch(`${base}/api/events?limit=1`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`orbwatch serve did not answer on ${base}: ${serverLog}`);
}

function browserContext(): BrowserContext {
  if (context === undefined) throw new Error(existsSync(CHROMIUM) ? 'the browser did not start' : MISSING_CHROMIUM);
  return context;
}

async function openPage(path: string): Promise<Page> {
  const page = await browserContext().newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
  expect(response?.ok(), `${path} opened`).toBe(true);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.screenshot({ path: join(SHOTS, `${name}-full.png`), fullPage: true });
}

/** The timeline's rows: kind, label and the NORAD ids of each listed event. */
async function timelineRows(page: Page) {
  return page.$$eval('#events tbody tr', (rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-event-id') ?? '',
      kind: r.getAttribute('data-kind') ?? '',
      label: r.querySelector('.label')?.textContent ?? '',
      norads: Array.from(r.querySelectorAll('.objects a')).map((a) =>
        (a.getAttribute('href') ?? '').replace('#/object/', ''),
      ),
      fresh: r.classList.contains('fresh'),
    })),
  );
}

/** Pixels of the globe's canvas that differ from its clear colour, and how many distinct colours. */
async function globePixels(page: Page): Promise<{ width: number; height: number; drawn: number; colours: number }> {
  return page.$eval('#globe canvas', (c) => {
    const canvas = c as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const g = copy.getContext('2d');
    if (g === null) return { width: 0, height: 0, drawn: 0, colours: 0 };
    g.drawImage(canvas, 0, 0);
    const data = g.getImageData(0, 0, copy.width, copy.height).data;
    let drawn = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) {
      const [r, gr, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (Math.abs(r - 5) + Math.abs(gr - 7) + Math.abs(b - 13) > 12) drawn++;
      colours.add(((r >> 4) << 8) | ((gr >> 4) << 4) | (b >> 4));
    }
    return { width: copy.width, height: copy.height, drawn, colours: colours.size };
  });
}

describe('web UI in Chromium (served by orbwatch serve, no network)', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) return;
    work = mkdtempSync(join(tmpdir(), 'orbwatch-web-ui-'));
    buildDatabase();
    await startServer();
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-gpu',
      ],
    });
    context = await browser.newContext({ viewport: VIEWPORT });
    context.on('request', (r) => requested.push(r.url()));
    // Anything not to the server on 127.0.0.1 is recorded and refused, so a leak cannot hang the test.
    await context.route(
      (url) => url.hostname !== '127.0.0.1',
      async (route) => {
        leaks.push(route.request().url());
        await route.abort('blockedbyclient');
      },
    );
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    server?.kill('SIGTERM');
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  it(`Chromium is installed (${CHROMIUM}) and the UI is built (${DIST})`, () => {
    expect(existsSync(CHROMIUM), MISSING_CHROMIUM).toBe(true);
    expect(existsSync(join(DIST, 'index.html')), 'run `npm run build` (it builds packages/web)').toBe(true);
  });

  it('orbwatch serve serves the production build at /', async () => {
    const r = await fetch(`${base}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type') ?? '').toMatch(/text\/html/);
    const html = await r.text();
    const script = /<script type="module"[^>]*src="\.?\/?(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(script, 'index.html loads the built bundle').toBeDefined();
    expect(html).toBe(readFileSync(join(DIST, 'index.html'), 'utf8'));
    const js = await fetch(`${base}/${script!}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type') ?? '').toMatch(/javascript/);
  });

  it('the timeline lists the events and filters them by kind, label and object', async () => {
    const page = await openPage('/');
    await page.waitForSelector('#events tbody tr');
    await page.waitForSelector('#timeline-plot svg');
    const all = await timelineRows(page);
    const kinds = new Set(all.map((r) => r.kind));
    expect(kinds).toEqual(new Set(['maneuver', 'release', 'proximity']));
    await shoot(page, 'timeline');

    await page.selectOption('#filter-kind', 'maneuver');
    await page.waitForFunction(() => location.hash.includes('kind=maneuver'));
    await page.waitForSelector('#events tbody tr');
    const maneuvers = await timelineRows(page);
    expect(maneuvers.length).toBeGreaterThan(0);
    expect(maneuvers.length).toBeLessThan(all.length);
    expect(maneuvers.every((r) => r.kind === 'maneuver')).toBe(true);

    await page.selectOption('#filter-label', 'station-keeping');
    await page.waitForFunction(() => location.hash.includes('label=station-keeping'));
    await page.waitForSelector('#events tbody tr');
    const keeping = await timelineRows(page);
    expect(keeping.length).toBeGreaterThan(0);
    expect(keeping.every((r) => r.kind === 'maneuver' && r.label === 'station-keeping')).toBe(true);

    await page.fill('#filter-object', '62904');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => location.hash.includes('object=62904'));
    await page.waitForSelector('#events tbody tr');
    const ofObject = await timelineRows(page);
    expect(ofObject.length).toBeGreaterThan(0);
    expect(ofObject.length).toBeLessThanOrEqual(keeping.length);
    expect(ofObject.every((r) => r.norads.includes('62904') && r.label === 'station-keeping')).toBe(true);
    await shoot(page, 'timeline-filtered');
    await page.close();
  });

  it('an event page shows the assessment, interactive plots and a drawn globe with a time slider', async () => {
    const page = await openPage('/#/?kind=proximity');
    await page.waitForSelector('#events tbody tr a');
    await page.click('#events tbody tr td:first-child a');
    await page.waitForSelector('#assessment');
    expect(await page.textContent('h1')).toMatch(/^proximity/);
    expect(await page.$$eval('#assessment .reasons li', (li) => li.length)).toBeGreaterThan(0);
    // The findings against norms, each with its statement and reasons.
    const findings = await page.$$eval('#findings .finding', (fs) =>
      fs.map((f) => ({
        statement: f.querySelector('h3')?.textContent ?? '',
        reasons: f.querySelectorAll('.reasons li').length,
      })),
    );
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.statement).toMatch(/^(Consistent with|Inconsistent with|Cannot be assessed against) /);
      expect(f.reasons).toBeGreaterThan(0);
    }
    await page.waitForSelector('#plots figure svg');
    await page.waitForSelector('#globe canvas');
    const plots = await page.$$eval('#plots figure', (figures) =>
      figures.map((f) => Array.from(f.querySelectorAll('svg g.role-mark')).map((g) => g.childElementCount)),
    );
    expect(plots.length).toBeGreaterThan(0);
    for (const marks of plots) expect(Math.max(...marks)).toBeGreaterThan(0);

    const before = await globePixels(page);
    expect(before.width).toBeGreaterThan(300);
    // The Earth, its coastlines and the orbits cover a good part of the canvas in several colours.
    expect(before.drawn).toBeGreaterThan(1000);
    expect(before.colours).toBeGreaterThan(4);
    expect(
      await page.$$eval('.globe-label', (ls) => ls.filter((l) => (l as HTMLElement).style.display !== 'none').length),
    ).toBe(2);
    await page.locator('#globe').screenshot({ path: join(SHOTS, 'event-proximity-globe-start.png') });
    const t0 = await page.textContent('#globe-time');
    await page.$eval('#time-slider', (s) => {
      const slider = s as HTMLInputElement;
      slider.value = String(Math.round(Number(slider.max) / 2));
      slider.dispatchEvent(new Event('input'));
    });
    const t1 = await page.textContent('#globe-time');
    expect(t1).not.toBe(t0);
    await page.locator('#globe-section').scrollIntoViewIfNeeded();
    await shoot(page, 'event-proximity');
    await page.locator('#globe').screenshot({ path: join(SHOTS, 'event-proximity-globe-middle.png') });
    await page.close();
  });

  it('an object page shows its element history and its events', async () => {
    const page = await openPage('/#/object/62904');
    await page.waitForSelector('#history-plot svg');
    const panels = await page.$$eval(
      '#history-plot svg g.role-mark',
      (gs) => gs.filter((g) => g.childElementCount > 0).length,
    );
    expect(panels).toBeGreaterThanOrEqual(3);
    expect(await page.textContent('#history h2')).toMatch(/Element history \(\d+ sets\)/);
    expect(await page.$$eval('#object-events tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
    await shoot(page, 'object-62904');

    // Interactive: the wheel over the first panel zooms the shared time axis (its labels change).
    const axisLabels = () =>
      page.$$eval('#history-plot svg g.role-axis-label text', (ts) => ts.map((t) => t.textContent).join('|'));
    const before = await axisLabels();
    const box = (await page.locator('#history-plot svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 70);
    await page.mouse.wheel(0, -600);
    await page.waitForFunction(
      (b) =>
        Array.from(document.querySelectorAll('#history-plot svg g.role-axis-label text'))
          .map((t) => t.textContent)
          .join('|') !== b,
      before,
    );
    expect(await axisLabels()).not.toBe(before);
    await shoot(page, 'object-62904-zoomed');
    await page.close();
  });

  it('an object page shows a decay with where it came from, and a prediction only as a prediction', async () => {
    const catalogueRows = async (norad: number): Promise<Record<string, string>> => {
      const page = await openPage(`/#/object/${norad}`);
      await page.waitForSelector('table.catalogue');
      const rows = await page.$$eval('table.catalogue tr', (trs) =>
        trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '']),
      );
      await shoot(page, `object-${norad}-decay`);
      await page.close();
      return Object.fromEntries(rows) as Record<string, string>;
    };
    // HTV-1: re-entered 2009-11-01 by a Historical message (the SATCAT of 2019 gives the same day).
    const htv1 = await catalogueRows(35817);
    expect(htv1['decay (UTC)']).toContain('2009-11-01');
    expect(htv1['decay (UTC)']).toContain('Historical decay message');
    expect(htv1['decay prediction']).toBeUndefined();
    // 4917: a 60-day message of 2018-02-07 predicted 2019-03-23 (it re-entered 2018-03-08): never a decay date.
    const deb = await catalogueRows(4917);
    expect(deb['decay (UTC)']).toBeUndefined();
    expect(deb['decay prediction']).toContain('2019-03-23');
    expect(deb['decay prediction']).toContain('a prediction');
    expect(deb['decay prediction']).toContain('2018-02-07');
  });

  it('an event detected while the timeline is open arrives through the SSE feed', async () => {
    const page = await openPage(`/#/?kind=maneuver&object=${ISS}`);
    await page.waitForSelector('#live-state[data-state=open]');
    await page.waitForFunction(
      () => document.querySelector('#timeline-status')?.textContent?.match(/^\d+ event/) !== null,
    );
    const before = await timelineRows(page);
    cli(['ingest', '--db', db, '--quiet', issPart('late')]);
    cli(['detect', '--db', db, '--quiet', '--kinds', 'maneuver', '--objects', String(ISS)]);
    await page.waitForSelector('#events tbody tr.fresh', { timeout: 20_000 });
    const after = await timelineRows(page);
    const fresh = after.filter((r) => r.fresh);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((r) => r.kind === 'maneuver' && r.norads.includes(String(ISS)))).toBe(true);
    expect(after.length).toBe(before.length + fresh.length);
    expect(before.map((r) => r.id)).not.toContain(fresh[0]!.id);
    // The later sets re-estimate burns already on the page: the store supersedes those events,
    // the feed says so, and their rows are marked with a pointer to the later estimate.
    const res = await fetch(`${base}/api/events?kind=maneuver&object=${ISS}&includeSuperseded=true&limit=500`);
    const all = (
      (await res.json()) as { items: { id: string; supersededBy: string | null; supersededUtc: string | null }[] }
    ).items;
    const superseded = all.filter((e) => e.supersededUtc !== null && before.some((r) => r.id === e.id));
    expect(superseded.length).toBeGreaterThan(0);
    await page.waitForFunction(
      (n) => document.querySelectorAll('#events tbody tr.superseded').length >= n,
      superseded.length,
      { timeout: 20_000 },
    );
    const marked = await page.$$eval('#events tbody tr.superseded', (rows) =>
      rows.map((r) => ({ id: r.getAttribute('data-event-id') ?? '', by: r.getAttribute('data-superseded-by') ?? '' })),
    );
    expect(new Set(marked.map((m) => m.id))).toEqual(new Set(superseded.map((e) => e.id)));
    for (const m of marked) expect(m.by).toBe(superseded.find((e) => e.id === m.id)!.supersededBy ?? '');
    expect(await page.textContent('#timeline-status')).toContain(`${superseded.length} of them superseded since`);
    await shoot(page, 'timeline-live');
    await page.close();
  });

  it('no request left 127.0.0.1 and the console stayed clean', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
    expect(requested.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);
    expect(consoleErrors, JSON.stringify(consoleErrors)).toEqual([]);
  });
});
