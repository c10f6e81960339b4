/**
 * The report site in a real browser: Debian's Chromium (`/usr/bin/chromium`, or
 * `ORBWATCH_CHROMIUM`) driven by playwright-core opens a report built by the binary from real
 * catalogue snapshots (the Cosmos 1408 and Cosmos 2499 breakups) and the ISS's 2026 history (its
 * station-keeping burns), from file://, and checks what a reader gets: the index and an event
 * page of each kind open, every plot is drawn (inline and as its linked .svg file; a burn's page
 * shows its object's shared history plot as an image with the burn outlined on it), links lead
 * where they say, the console stays clean and no request leaves file://. Screenshots go to
 * test-output/report-browser/. Without Chromium the test fails (CI installs it); it never skips.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './run-cli.js';

const CHROMIUM = process.env['ORBWATCH_CHROMIUM'] ?? '/usr/bin/chromium';
const SHOTS = join(REPO_ROOT, 'test-output/report-browser');
const SNAPSHOTS = 'fixtures/catalog-snapshots';
const VIEWPORT = { width: 1280, height: 900 };

let site = '';
let browser: Browser | undefined;
let context: BrowserContext | undefined;
/** Every URL a page of the site asked for, and every console error or page error. */
const requested: string[] = [];
const MISSING_CHROMIUM =
  `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium; .ci/run does) or set ` +
  'ORBWATCH_CHROMIUM. The report-site browser test does not skip.';

/** The browser context, or the reason there is none. */
function browserContext(): BrowserContext {
  if (context === undefined) throw new Error(existsSync(CHROMIUM) ? 'the browser did not start' : MISSING_CHROMIUM);
  return context;
}
const consoleErrors: string[] = [];

function cli(args: readonly string[]): void {
  const r = runCli(args);
  if (r.code !== 0) throw new Error(`orbwatch ${args.join(' ')} exited ${String(r.code)}: ${r.stderr}`);
}

/** Builds the report: two catalogue snapshots and the ISS history; breakups and manoeuvres. */
function buildSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-report-browser-'));
  const db = join(dir, 'report.db');
  cli([
    'ingest',
    '--db',
    db,
    '--quiet',
    `${SNAPSHOTS}/SpaceTrash_full-catalog_2021-10-02.3le.gz`,
    `${SNAPSHOTS}/ODAP_full-catalog_2022-01-22.3le.gz`,
    'fixtures/history-2026/iss.3le.gz',
  ]);
  cli(['detect', '--db', db, '--quiet', '--kinds', 'fragmentation', '--baseline', '2021-10-15T00:00:00Z']);
  cli(['detect', '--db', db, '--quiet', '--kinds', 'maneuver', '--objects', '25544']);
  cli(['report', '--db', db, '--all', '--out', join(dir, 'site'), '--quiet']);
  return join(dir, 'site');
}

async function openPage(url: string): Promise<Page> {
  const page = await browserContext().newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response === null || response.ok(), `${url} opened`).toBe(true);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.screenshot({ path: join(SHOTS, `${name}-full.png`), fullPage: true });
}

/** For each inline plot: its mark groups and how many drawn items each holds, and its size. */
async function inlinePlots(page: Page) {
  return page.$$eval('figure:not(.shared)', (figures) =>
    figures.map((f) => {
      const svg = f.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      const marks = Array.from(svg?.querySelectorAll('g.role-mark') ?? []).map((g) => g.childElementCount);
      const link = f.querySelector('figcaption a')?.getAttribute('href') ?? null;
      return { id: f.id, width: box?.width ?? 0, height: box?.height ?? 0, marks, link };
    }),
  );
}

/** Each shared plot (an object's history, an image): its size, whether it loaded, the outlined span. */
async function sharedPlots(page: Page) {
  return page.$$eval('figure.shared', (figures) =>
    figures.map((f) => {
      const img = f.querySelector('img');
      const box = img?.getBoundingClientRect();
      const span = f.querySelector('.event-span')?.getBoundingClientRect();
      return {
        id: f.id,
        loaded: img !== null && img.complete && img.naturalWidth > 0,
        image: { left: box?.left ?? 0, top: box?.top ?? 0, right: box?.right ?? 0, bottom: box?.bottom ?? 0 },
        span: { left: span?.left ?? 0, top: span?.top ?? 0, right: span?.right ?? 0, bottom: span?.bottom ?? 0 },
        src: img?.getAttribute('src') ?? null,
        link: f.querySelector('figcaption a')?.getAttribute('href') ?? null,
      };
    }),
  );
}

/** Horizontal overflow of the page at the current viewport, in CSS pixels (0 when it fits). */
async function overflowPx(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Every link of a page pointing into the site must name an existing, non-empty file. */
async function checkLocalLinks(page: Page): Promise<number> {
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  for (const href of hrefs) {
    expect(href.startsWith('file:'), `${href} stays on file://`).toBe(true);
    const file = fileURLToPath(href.split('#')[0]!);
    expect(existsSync(file), `${href} resolves to a file`).toBe(true);
    expect(statSync(file).size, `${href} is not empty`).toBeGreaterThan(0);
  }
  return hrefs.length;
}

describe('report site in Chromium (file://, no network)', () => {
  beforeAll(async () => {
    // Without Chromium every test below fails with MISSING_CHROMIUM (none is skipped).
    if (!existsSync(CHROMIUM)) return;
    site = buildSite();
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
    context = await browser.newContext({ viewport: VIEWPORT, offline: true });
    context.on('request', (r) => requested.push(r.url()));
    // Anything not on file:// is recorded above and refused here, so a leak cannot hang the test.
    await context.route(
      (url) => url.protocol !== 'file:',
      (route) => route.abort('blockedbyclient'),
    );
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (site !== '') rmSync(dirname(site), { recursive: true, force: true });
  });

  it(`Chromium is installed (${CHROMIUM})`, () => {
    expect(existsSync(CHROMIUM), MISSING_CHROMIUM).toBe(true);
  });

  it('the index opens from file:// with its timeline drawn and every event linked', async () => {
    const page = await openPage(pathToFileURL(join(site, 'index.html')).href);
    expect(await page.title()).toBe('orbwatch report');
    const linked = new Set(await page.$$eval('a[href^="events/"]', (as) => as.map((a) => a.getAttribute('href'))));
    const data = JSON.parse(readFileSync(join(site, 'data.json'), 'utf8')) as {
      events: { id: string; kind: string; label: string }[];
    };
    expect(data.events.length).toBeGreaterThanOrEqual(3);
    expect(new Set(data.events.map((e) => e.kind))).toEqual(new Set(['fragmentation', 'maneuver']));
    // Every event is linked: one by one, or its routine burns under its object.
    for (const e of data.events) expect(linked.has(`events/${e.id}.html`), e.id).toBe(true);
    const plots = await inlinePlots(page);
    expect(plots.map((p) => p.id)).toEqual(['plot-timeline']);
    expect(plots[0]!.width).toBeGreaterThan(300);
    expect(plots[0]!.marks.length).toBeGreaterThan(0);
    // The timeline draws each event listed one by one twice: a bar over its span and a tick at
    // its start (routine burns are on their object's plot).
    const routine = (e: { kind: string; label: string }) =>
      e.kind === 'maneuver' && ['station-keeping', 'orbit-raising'].includes(e.label);
    const listed = data.events.filter((e) => !routine(e)).length || data.events.length;
    expect(plots[0]!.marks).toEqual([listed, listed]);
    expect(statSync(join(site, 'timeline.svg')).size).toBeGreaterThan(1000);
    expect(await checkLocalLinks(page)).toBeGreaterThan(data.events.length);
    await shoot(page, 'index');
    expect(await overflowPx(page)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('an event page of each kind: plots drawn inline and as .svg files, links resolve, back to the index', async () => {
    const index = await openPage(pathToFileURL(join(site, 'index.html')).href);
    const data = JSON.parse(readFileSync(join(site, 'data.json'), 'utf8')) as {
      events: { id: string; kind: string }[];
    };
    const kinds = ['fragmentation', 'maneuver'];
    for (const kind of kinds) {
      const event = data.events.find((e) => e.kind === kind);
      expect(event, `the site has a ${kind} event`).toBeDefined();
      const row = { href: `events/${event!.id}.html` };
      // Follow the link as a reader would: click it in the index.
      await Promise.all([index.waitForURL(`**/${row.href}`), index.click(`a[href="${row.href}"]`)]);
      const page = index;
      expect(page.url()).toBe(pathToFileURL(join(site, row.href)).href);
      const id = row.href.replace(/^events\//, '').replace(/\.html$/, '');
      expect(await page.textContent('h1')).toMatch(new RegExp(`^([a-z-]+ \\()?${kind}\\)?: `));

      const plots = await inlinePlots(page);
      const shared = await sharedPlots(page);
      const files = readdirSync(join(site, 'events')).filter((f) => f.startsWith(`${id}-`) && f.endsWith('.svg'));
      expect(plots.length, `${kind}: one figure per plot file`).toBe(files.length);
      expect(plots.length + shared.length, `${kind} has a plot`).toBeGreaterThan(0);
      for (const p of plots) {
        expect(p.width, `${p.id} has a size`).toBeGreaterThan(300);
        expect(p.height).toBeGreaterThan(50);
        expect(p.marks.length, `${p.id} has marks`).toBeGreaterThan(0);
        expect(
          p.marks.every((n) => n > 0),
          `${p.id}: every mark layer draws something`,
        ).toBe(true);
        expect(p.link).toBe(`${id}-${p.id.replace(/^plot-/, '')}.svg`);
        const file = readFileSync(join(site, 'events', p.link!), 'utf8');
        expect(file.startsWith('<svg')).toBe(true);
        expect(file).toContain('role-mark');
      }
      // The linked .svg file opens on its own and draws the same marks.
      if (plots.length > 0) {
        const svgPage = await openPage(pathToFileURL(join(site, 'events', plots[0]!.link!)).href);
        const svgMarks = await svgPage.$$eval('g.role-mark', (gs) => gs.map((g) => g.childElementCount));
        expect(svgMarks).toEqual(plots[0]!.marks);
        await svgPage.close();
      }
      // A burn's page: its object's history plot loads as an image, the burn is outlined inside
      // it, and the plot's file opens on its own with every mark layer drawn.
      if (kind === 'maneuver') expect(shared.map((p) => p.id)).toEqual(['plot-object-history']);
      for (const p of shared) {
        expect(p.loaded, `${p.src} loaded`).toBe(true);
        expect(p.image.right - p.image.left).toBeGreaterThan(300);
        expect(p.span.right - p.span.left, 'the burn is outlined').toBeGreaterThan(0);
        expect(p.span.bottom - p.span.top).toBeGreaterThan(50);
        expect(p.span.left).toBeGreaterThanOrEqual(p.image.left);
        expect(p.span.right).toBeLessThanOrEqual(p.image.right);
        expect(p.span.top).toBeGreaterThanOrEqual(p.image.top);
        expect(p.span.bottom).toBeLessThanOrEqual(p.image.bottom);
        expect(p.link).toBe(p.src);
        const svgPage = await openPage(new URL(p.link!, page.url()).href);
        const svgMarks = await svgPage.$$eval('g.role-mark', (gs) => gs.map((g) => g.childElementCount));
        expect(svgMarks.length).toBeGreaterThan(0);
        expect(svgMarks.every((n) => n > 0)).toBe(true);
        await svgPage.close();
      }

      // The evidence bundle link resolves to the event's JSON, which opens and names the event.
      const evidenceHref = await page.getAttribute('a[href^="../evidence/"]', 'href');
      expect(evidenceHref).toBe(`../evidence/${id}.json`);
      const evidence = await openPage(new URL(evidenceHref!, page.url()).href);
      const bundle = JSON.parse((await evidence.textContent('body')) ?? '') as { event: { id: string; kind: string } };
      expect(bundle.event).toMatchObject({ id, kind });
      await evidence.close();

      expect(await checkLocalLinks(page)).toBeGreaterThanOrEqual(3 + plots.length + shared.length);
      await shoot(page, `event-${kind}`);
      // Long tables are folded; a click on their summary shows them.
      for (const summary of await page.locator('details > summary').all()) {
        await summary.click();
        expect(await summary.locator('xpath=..').locator('table').isVisible()).toBe(true);
      }
      expect(await overflowPx(page), `${kind} page fits the window`).toBeLessThanOrEqual(0);

      // Back to the index through the page's own link.
      await Promise.all([page.waitForURL('**/index.html'), page.click('a[href="../index.html"]')]);
      expect(page.url()).toBe(pathToFileURL(join(site, 'index.html')).href);
    }
    await index.close();
  });

  it('at a phone width the pages keep their text in the window (wide tables and plots scroll)', async () => {
    const data = JSON.parse(readFileSync(join(site, 'data.json'), 'utf8')) as {
      events: { id: string; kind: string }[];
    };
    const urls = [
      pathToFileURL(join(site, 'index.html')).href,
      ...['fragmentation', 'maneuver'].map(
        (k) => pathToFileURL(join(site, 'events', `${data.events.find((e) => e.kind === k)!.id}.html`)).href,
      ),
    ];
    for (const [i, url] of urls.entries()) {
      const page = await openPage(url);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: join(SHOTS, `narrow-${String(i)}.png`) });
      expect(await overflowPx(page), `${url} fits a 390 px window`).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  it('nothing left file:// and the console stayed clean', () => {
    browserContext();
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
