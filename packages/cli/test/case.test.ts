/**
 * `orbwatch case`: the shipped case files validate, the Cosmos 1408 case runs end to end and
 * its finding rests on the case's published fact, a bad case file is reported by file, line and
 * JSON path, and the 2019-2020 case says which data are missing.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCaseFile } from '../src/cases/run-case.js';
import { REPO_ROOT, runCli, tempDb } from './run-cli.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'orbwatch-case-'));

describe('orbwatch case', () => {
  it('every shipped case file validates, its element-set files exist, and every fact names a source', () => {
    const files = readdirSync(join(REPO_ROOT, 'cases')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const loaded = loadCaseFile(join(REPO_ROOT, 'cases', f));
      expect(loaded.issues, f).toEqual([]);
      const c = loaded.caseFile!;
      for (const p of c.publishedFacts) expect(p.source.length, `${f}: ${p.statement}`).toBeGreaterThan(5);
      for (const p of c.findingFacts) expect(p.source.length).toBeGreaterThan(5);
      for (const o of c.objects) expect(o.source.length).toBeGreaterThan(5);
    }
  });

  it('runs the Cosmos 1408 case end to end: inconsistent with no-destructive-da-asat-tests because of the published fact', () => {
    const out = join(tempDir(), 'site');
    const db = tempDb();
    const r = runCli(['case', 'cases/cosmos-1408-2021.json', '--db', db, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      findings: { normId: string; verdict: string; reasons: { text: string; source?: string }[] }[];
      comparisons: { statement: string; measured: { measure: string; values: Record<string, unknown> }[] }[];
      report: { index: string } | null;
    };
    const f = doc.findings.find((x) => x.normId === 'no-destructive-da-asat-tests');
    expect(f?.verdict).toBe('inconsistent');
    expect(f?.reasons.some((x) => x.source?.includes('Russian Ministry of Defence') === true)).toBe(true);
    expect(doc.report?.index).toBe(join(out, 'index.html'));
    // Published: struck on 2021-11-15 (USSPACECOM). The measured epoch ± 2σ must overlap that day.
    const breakup = doc.comparisons.flatMap((c) => c.measured).find((m) => m.measure === 'breakup');
    const epochMs = Date.parse(String(breakup?.values['epochUtc']));
    const sigmaMs = Number(breakup?.values['epochSigmaSec']) * 1000;
    expect(epochMs - 2 * sigmaMs).toBeLessThan(Date.UTC(2021, 10, 16));
    expect(epochMs + 2 * sigmaMs).toBeGreaterThanOrEqual(Date.UTC(2021, 10, 15));
    // Published: an orbit between 465 and 490 km; the last set before the test (mean elements, ± a few km).
    const orbit = doc.comparisons.flatMap((c) => c.measured).find((m) => m.measure === 'orbit');
    expect(Number(orbit?.values['perigeeKm'])).toBeGreaterThan(465 - 10);
    expect(Number(orbit?.values['apogeeKm'])).toBeLessThan(490 + 10);
    // The same case without its published fact, on the same database (nothing new ingested: a
    // SATCAT table stands in for the element-set files): the breakup alone cannot be judged.
    const bare = JSON.parse(readFileSync(join(REPO_ROOT, 'cases/cosmos-1408-2021.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const file = join(tempDir(), 'no-fact.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...bare,
        elementSets: [
          {
            path: join(REPO_ROOT, 'fixtures/satcat/spotlight-supplement_celestrak-dialect.csv'),
            source: 'satcat',
            sourceKind: 'derived',
          },
        ],
        findingFacts: [],
      }),
    );
    const without = runCli(['case', file, '--db', db, '--no-report', '--json']);
    expect(without.code, without.stderr).toBe(0);
    const g = (JSON.parse(without.stdout) as typeof doc).findings.find(
      (x) => x.normId === 'no-destructive-da-asat-tests',
    );
    expect(g?.verdict).toBe('not-assessable');
  });

  it('reports a bad case file with file, line, column and JSON path, runs nothing and exits 2', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.json');
    const text = [
      '{',
      '  "format": "orbwatch-case",',
      '  "version": 1,',
      '  "id": "bad-case",',
      '  "title": "a case with errors",',
      '  "window": { "from": "2021-10-01T00:00:00Z", "to": "2022-01-31T00:00:00Z" },',
      '  "objects": [{ "norad": 13552, "name": "Cosmos 1408", "role": "target", "source": "a statement" }],',
      '  "elementSets": [{ "path": "missing.3le", "source": "x", "sourceKind": "guesswork" }],',
      '  "detect": [],',
      '  "publishedFacts": [{ "statement": "a fact without a source" }],',
      '  "findingFacts": [{ "kind": "deliberate-destruction", "norad": 99999, "statement": "s", "source": "t" }],',
      '  "missingData": []',
      '}',
    ].join('\n');
    writeFileSync(file, text);
    const db = join(dir, 'never.db');
    const r = runCli(['case', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:8:`);
    expect(r.stderr).toContain('CASE_INVALID $.elementSets[0].sourceKind');
    expect(r.stderr).toContain(`${file}:10:`);
    expect(r.stderr).toContain('$.publishedFacts[0].source');
    const j = runCli(['case', file, '--db', db, '--json']);
    expect(j.code).toBe(2);
    const issues = (JSON.parse(j.stdout) as { issues: { code: string; line: number; path: string }[] }).issues;
    expect(issues.map((i) => [i.code, i.line, i.path])).toEqual(
      expect.arrayContaining([
        ['CASE_INVALID', 8, '$.elementSets[0].sourceKind'],
        ['CASE_INVALID', 10, '$.publishedFacts[0].source'],
      ]),
    );
    // Once the shapes are right, references are checked: a finding fact about an object not in the case.
    const fixed = text.replace('"guesswork"', '"official"').replace('"a fact without a source"', '"f", "source": "s"');
    writeFileSync(file, fixed);
    const ref = runCli(['case', file, '--db', db, '--json']);
    expect(ref.code).toBe(2);
    expect((JSON.parse(ref.stdout) as { issues: { code: string; path: string; line: number }[] }).issues).toEqual([
      expect.objectContaining({ code: 'CASE_INVALID', path: '$.findingFacts[0].norad', line: 11 }),
    ]);
    // A valid file naming an element-set file that does not exist is stopped too.
    writeFileSync(file, fixed.replace('99999', '13552'));
    const missing = runCli(['case', file, '--db', db, '--json']);
    expect(missing.code).toBe(2);
    expect((JSON.parse(missing.stdout) as { issues: { code: string; path: string; line: number }[] }).issues).toEqual([
      expect.objectContaining({ code: 'CASE_FILE_MISSING', path: '$.elementSets[0].path', line: 8 }),
    ]);
    writeFileSync(file, fixed.replace('"detect": [],', '"detect": [,'));
    const syntax = runCli(['case', file, '--db', db]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toContain(`${file}:9:`);
    expect(syntax.stderr).toContain('CASE_SYNTAX');
    expect(existsSync(db)).toBe(false);
  });

  it('prints the missing-data notes of the 2019-2020 case: what is stored and what file would fill it', () => {
    const r = runCli([
      'case',
      'cases/cosmos-2542-2543-2019-2020.json',
      '--db',
      tempDb(),
      '--out',
      join(tempDir(), 'site'),
      '--quiet',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Missing data');
    expect(r.stdout).toContain('stored: 5 element set(s) of Cosmos 2542, Cosmos 2543 in 2019-11-25 … 2020-03-31');
    expect(r.stdout).toContain('Space-Track gp_history of 44797 and 44835');
    expect(r.stdout).toContain('NORAD_CAT_ID/44797,44835/EPOCH/2019-11-25--2020-03-31');
    // Nothing measured where there are no sets, and the line says why.
    expect(r.stdout).toMatch(/no release measured; .*Cosmos 2543: no element set in 2019-11-25/);
    expect(r.stdout).toContain('source: republicworld.com (2020-02-01)');
  });
});
