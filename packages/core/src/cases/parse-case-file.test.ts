import { describe, expect, it } from 'vitest';
import { parseCaseFile } from './parse-case-file.js';

const minimal = {
  format: 'orbwatch-case',
  version: 1,
  id: 'min',
  title: 't',
  window: { from: '2021-10-01T00:00:00Z', to: '2022-01-31T00:00:00Z' },
  objects: [{ norad: 13552, name: 'Cosmos 1408', role: 'target', source: 's' }],
  elementSets: [{ path: 'a.3le', source: 'x', sourceKind: 'official' }],
  detect: [{ kind: 'fragmentation', baseline: '2021-10-15T00:00:00Z' }],
  publishedFacts: [{ statement: 'f', source: 's', compare: [{ measure: 'breakup', parent: 13552 }] }],
  findingFacts: [{ kind: 'deliberate-destruction', norad: 13552, statement: 's', source: 'src', date: '2021-11-16' }],
  missingData: [],
};

describe('parseCaseFile', () => {
  it('reads a valid case', () => {
    const r = parseCaseFile(JSON.stringify(minimal, null, 2), 'c.json', { exists: () => true });
    expect(r.issues).toEqual([]);
    expect(r.caseFile?.findingFacts[0]?.source).toBe('src');
  });

  it('maps each issue to its line and JSON path', () => {
    const bad = { ...minimal, window: { from: '2022-01-31T00:00:00Z', to: '2021-10-01' } };
    const text = JSON.stringify(bad, null, 2);
    const r = parseCaseFile(text, 'c.json');
    expect(r.caseFile).toBeNull();
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues)
      expect(i).toEqual(
        expect.objectContaining({ code: 'CASE_INVALID', path: '$.window.to', line: lineOf('"2021-10-01"') }),
      );
  });

  it('refuses a compare against an object the case does not name, and a missing element-set file', () => {
    const other = {
      ...minimal,
      publishedFacts: [{ statement: 'f', source: 's', compare: [{ measure: 'breakup', parent: 1 }] }],
    };
    expect(parseCaseFile(JSON.stringify(other), 'c.json').issues.map((i) => i.path)).toEqual([
      '$.publishedFacts[0].compare[0].parent',
    ]);
    expect(parseCaseFile(JSON.stringify(minimal), 'c.json', { exists: () => false }).issues[0]?.code).toBe(
      'CASE_FILE_MISSING',
    );
  });

  it('says when the file is not a case file or not JSON', () => {
    expect(parseCaseFile('{"format":"orbwatch-norms","version":1}', 'c.json').issues[0]?.code).toBe('CASE_FORMAT');
    expect(parseCaseFile('{"format":', 'c.json').issues[0]?.code).toBe('CASE_SYNTAX');
    expect(parseCaseFile('', 'c.json').issues[0]?.code).toBe('CASE_SYNTAX');
  });
});
