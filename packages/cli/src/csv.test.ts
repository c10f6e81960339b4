import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';

/** A minimal RFC 4180 reader, to check that what toCsv writes reads back field for field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('toCsv()', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180), leaves others bare', () => {
    expect(csvField('COSMOS 2543')).toBe('COSMOS 2543');
    expect(csvField('A, B')).toBe('"A, B"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('1 25544U\n2 25544')).toBe('"1 25544U\n2 25544"');
    expect(csvField(null)).toBe('');
    expect(csvField(51.6)).toBe('51.6');
  });

  it('writes a header and one record per row that read back unchanged', () => {
    const rows = [
      { norad: 25544, name: 'ISS (ZARYA)', raw: '1 25544U …\n2 25544 …' },
      { norad: 44835, name: 'COSMOS 2543, "inspector"', raw: null },
    ];
    const text = toCsv(rows, [
      { header: 'norad', value: (r) => r.norad },
      { header: 'name', value: (r) => r.name },
      { header: 'raw', value: (r) => r.raw },
    ]);
    expect(parseCsv(text)).toEqual([
      ['norad', 'name', 'raw'],
      ['25544', 'ISS (ZARYA)', '1 25544U …\n2 25544 …'],
      ['44835', 'COSMOS 2543, "inspector"', ''],
    ]);
  });
});
