import { describe, expect, it } from 'vitest';
import { definedOptions } from './defined-options.js';

describe('definedOptions', () => {
  it('leaves out undefined members and keeps false, 0, null and empty strings', () => {
    const o = definedOptions({ a: undefined, b: false, c: 0, d: null, e: '', f: 'x' });
    expect(o).toEqual({ b: false, c: 0, d: null, e: '', f: 'x' });
    expect(Object.keys(o)).not.toContain('a');
  });
});
