import { describe, expect, it } from 'vitest';
import { DEFAULT_NORM_FILE } from './default-norms.js';
import { parseNorms } from './parse-norms.js';

const defaultText = JSON.stringify(DEFAULT_NORM_FILE, null, 2);

describe('parseNorms', () => {
  it('accepts the default set: the six norms the issue names, each instrument with its bindingness', () => {
    const r = parseNorms(defaultText, 'default-norms.json');
    expect(r.issues).toEqual([]);
    expect(r.items.map((n) => n.id)).toEqual([
      'no-destructive-da-asat-tests',
      'copuos-sdm-guideline-4',
      'post-mission-disposal',
      'rpo-notice-consent',
      'no-high-speed-release-near-others',
      'geo-keep-out-distance',
    ]);
    const asat = r.items[0]!;
    // A/RES/77/41: 155 in favour, 9 against, 9 abstentions (UN press release of 2022-12-07).
    expect(asat.instruments[0]?.vote).toMatchObject({ inFavour: 155, against: 9, abstentions: 9 });
    expect(asat.opponents.map((o) => o.who)).toContain('Russian Federation');
    expect(r.items.find((n) => n.id === 'geo-keep-out-distance')?.contested).toMatch(/not agreed/);
    for (const n of r.items) for (const p of Object.values(n.parameters)) expect(p.source.length).toBeGreaterThan(10);
  });

  it('reports a bad norm by file, line, column and JSON path, and keeps the good ones', () => {
    const file = JSON.parse(defaultText) as { norms: Record<string, unknown>[] };
    file.norms[1] = {
      ...file.norms[1],
      instruments: [{ name: 'x', year: 'MMVII', bindingness: 'law', reference: 'r' }],
    };
    file.norms[2] = { ...file.norms[2], behaviour: { kinds: ['maneuver'], labels: ['breakup'] } };
    const text = JSON.stringify(file, null, 2);
    const r = parseNorms(text, 'mine.json');
    expect(r.items.map((n) => n.id)).toEqual([
      'no-destructive-da-asat-tests',
      'rpo-notice-consent',
      'no-high-speed-release-near-others',
      'geo-keep-out-distance',
    ]);
    const paths = r.issues.map((i) => i.path);
    expect(paths).toContain('$.norms[1].instruments[0].year');
    expect(paths).toContain('$.norms[1].instruments[0].bindingness');
    expect(paths).toContain('$.norms[2].behaviour.labels[0]');
    expect(r.issues.every((i) => i.code === 'NORM_INVALID' && i.file === 'mine.json')).toBe(true);
    const year = r.issues.find((i) => i.path === '$.norms[1].instruments[0].year')!;
    const lines = text.split('\n');
    expect(lines[year.line - 1]?.slice(year.column - 1)).toMatch(/^"MMVII"/);
  });

  it('refuses a file that is not JSON or not a norm file, without throwing', () => {
    expect(parseNorms('{"format": "orbwatch-norms", "version": 1, "norms": [', 'cut.json').issues[0]?.code).toBe(
      'NORM_SYNTAX',
    );
    expect(parseNorms('', 'empty.json').issues[0]?.code).toBe('NORM_SYNTAX');
    const other = parseNorms('{"format": "geojson", "version": 1, "norms": []}', 'other.json');
    expect(other.issues[0]).toMatchObject({ code: 'NORM_FORMAT', path: '$.format', line: 1 });
  });

  it('keeps the first of two norms with the same id', () => {
    const file = JSON.parse(defaultText) as { norms: unknown[] };
    file.norms.push(file.norms[0]);
    const r = parseNorms(JSON.stringify(file), 'dup.json');
    expect(r.items).toHaveLength(6);
    expect(r.issues.map((i) => i.code)).toEqual(['NORM_DUPLICATE_ID']);
  });
});
