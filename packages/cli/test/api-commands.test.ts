/**
 * The API's commands as users run them (the built binary): `token create|list|revoke` (the
 * secret printed once, only its hash stored), `webhooks` listing subscriptions and dead letters,
 * `webhooks add|remove`, and `serve` listening on a free port, answering (a screening run started
 * and polled: it runs in a worker thread), with a created token
 * accepted for writes and a revoked one refused, and stopping on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instant } from '@orbwatch/core';
import { openSqliteCatalog } from '@orbwatch/store';
import { BIN, REPO_ROOT, runCli, tempDb } from './run-cli.js';

let db: string;
beforeAll(() => {
  db = tempDb();
  const r = runCli(['ingest', 'fixtures/releases/htv-x1-and-ten-koh-2.3le', '--db', db, '--quiet']);
  expect(r.code).toBe(0);
});

describe('orbwatch token', () => {
  it('creates a token shown once and stored as its SHA-256; lists and revokes it', () => {
    const c = runCli(['token', 'create', '--name', 'ci', '--db', db, '--json']);
    expect(c.code).toBe(0);
    const t = JSON.parse(c.stdout) as { id: string; name: string; token: string };
    expect(t.token).toMatch(/^ow_[A-Za-z0-9_-]{43}$/);
    const repo = openSqliteCatalog(db);
    const stored = repo.apiTokens();
    repo.close();
    expect(stored.map((s) => s.secretSha256)).toContain(createHash('sha256').update(t.token).digest('hex'));
    const l = runCli(['token', 'list', '--db', db, '--json']);
    const listed = JSON.parse(l.stdout) as { tokens: Record<string, unknown>[] };
    expect(listed.tokens.map((x) => x['id'])).toContain(t.id);
    expect(l.stdout).not.toContain(t.token);
    const rv = runCli(['token', 'revoke', t.id.slice(0, 30), '--db', db, '--json']);
    expect(rv.code).toBe(0);
    expect((JSON.parse(rv.stdout) as { revokedUtc: string | null }).revokedUtc).not.toBeNull();
    const again = runCli(['token', 'revoke', t.id, '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('NOT_FOUND');
  });

  it('prints the bare token on stdout in text mode', () => {
    const c = runCli(['token', 'create', '--db', db]);
    expect(c.code).toBe(0);
    expect(c.stdout.trim()).toMatch(/^ow_[A-Za-z0-9_-]{43}$/);
    expect(c.stderr).toContain('shown this once');
  });
});

describe('orbwatch webhooks', () => {
  it('adds a subscription, lists it with its dead letters, and removes it', () => {
    const a = runCli(['webhooks', 'add', 'http://127.0.0.1:9/hook', '--kind', 'release', '--db', db, '--json']);
    expect(a.code).toBe(0);
    const hook = JSON.parse(a.stdout) as { id: string; secret: string; kinds: string[] };
    expect(hook.kinds).toEqual(['release']);
    expect(hook.secret.length).toBeGreaterThan(20);
    const repo = openSqliteCatalog(db);
    repo.saveDeadLetter({
      webhookId: hook.id,
      feedSeq: 7,
      payload: '{"id":7}',
      attempts: 5,
      lastError: 'HTTP 500',
      failedAt: instant(Date.UTC(2026, 11, 6)),
    });
    repo.close();
    const l = runCli(['webhooks', '--db', db]);
    expect(l.code).toBe(0);
    expect(l.stdout).toContain('Dead letters (1)');
    expect(l.stdout).toContain('HTTP 500');
    const j = JSON.parse(runCli(['webhooks', '--db', db, '--json']).stdout) as {
      deadLetters: { feedSeq: number; attempts: number }[];
    };
    expect(j.deadLetters).toEqual([expect.objectContaining({ feedSeq: 7, attempts: 5 })]);
    expect(runCli(['webhooks', 'add', 'ftp://x', '--db', db]).stderr).toContain('USAGE');
    expect(runCli(['webhooks', 'remove', hook.id, '--db', db]).code).toBe(0);
    expect(runCli(['webhooks', 'remove', hook.id, '--db', db]).code).toBe(2);
  });
});

describe('orbwatch serve', () => {
  let child: ReturnType<typeof spawn> | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('serves the API on a free port, takes a created token, refuses a revoked one, stops on SIGTERM', async () => {
    const token = (JSON.parse(runCli(['token', 'create', '--db', db, '--json']).stdout) as { token: string }).token;
    const p = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--json'], { cwd: REPO_ROOT });
    child = p;
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const exited = new Promise<number | null>((r) =>
      p.on('exit', (code) => {
        r(code);
      }),
    );
    const deadline = Date.now() + 20_000;
    while (!out.includes('}') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const { url } = JSON.parse(out) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    // One server per database file: a second one is refused while this one runs.
    const second = runCli(['serve', '--db', db, '--port', '0']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^orbwatch: DATABASE_LOCKED: orbwatch serve \(pid \d+ /);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const objects = (await (await fetch(`${url}/api/objects?q=HTV`)).json()) as { items: { norad: number }[] };
    expect(objects.items.map((o) => o.norad)).toEqual([66174]);
    const tle = (await import('node:fs')).readFileSync(
      `${REPO_ROOT}/fixtures/releases/cosmos-2600-group-2026-023.3le`,
      'utf8',
    );
    const post = await fetch(`${url}/api/element-sets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: tle,
    });
    expect(post.status).toBe(200);
    expect(((await post.json()) as { accepted: number }).accepted).toBeGreaterThan(0);
    // a screening run: the same use case and engine as `orbwatch screen`, started, then polled
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const badRun = await fetch(`${url}/api/runs`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ kind: 'screening', windowSec: -1 }),
    });
    expect(badRun.status).toBe(400);
    const started = await fetch(`${url}/api/runs`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ kind: 'screening', windowSec: 86_400, thresholdKm: 50, primaries: 'all' }),
    });
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: string };
    let run: {
      status: string;
      executor?: string | null;
      report: { counts: { objectsScreened: number; conjunctions: number } } | null;
    } = {
      status: 'queued',
      report: null,
    };
    for (let i = 0; i < 300 && (run.status === 'queued' || run.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = (await (await fetch(`${url}/api/runs/${runId}`)).json()) as typeof run;
    }
    expect(run.status).toBe('done');
    expect(run.executor).toBe('worker-thread'); // on its own connection, off the server's thread
    expect(run.report?.counts.objectsScreened).toBeGreaterThan(1);
    const conjunctions = (await (await fetch(`${url}/api/conjunctions`)).json()) as { items: unknown[] };
    expect(conjunctions.items.length).toBe(run.report?.counts.conjunctions);
    expect(
      runCli([
        'token',
        'revoke',
        (
          JSON.parse(runCli(['token', 'list', '--db', db, '--json']).stdout) as {
            tokens: { id: string; revokedUtc: string | null }[];
          }
        ).tokens
          .filter((t) => t.revokedUtc === null)
          .at(-1)?.id ?? '',
        '--db',
        db,
      ]).code,
    ).toBe(0);
    const refused = await fetch(`${url}/api/element-sets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: tle,
    });
    expect(refused.status).toBe(401);
    p.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
    expect((await import('node:fs')).existsSync(`${db}.serve.lock`)).toBe(false);
  }, 60_000);

  it('refuses a bad port and a database that does not exist', () => {
    expect(runCli(['serve', '--port', '70000', '--db', db]).stderr).toContain('USAGE');
    const missing = runCli(['serve', '--db', `${db}.missing`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('DATABASE_NOT_FOUND');
  });
});
