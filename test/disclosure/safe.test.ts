import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withUnsafeRaw } from '../../src/index.js';

describe('withUnsafeRaw', () => {
  it('keeps the raw result out of JSON, clones, spreads and printing', () => {
    const safe = withUnsafeRaw({ persons: null as number | null, share: 40 }, { persons: 3, share: 40 });
    expect(JSON.stringify(safe)).toBe('{"persons":null,"share":40}');
    expect(structuredClone(safe)).toEqual({ persons: null, share: 40 });
    expect({ ...safe }).toEqual({ persons: null, share: 40 });
    expect(inspect(safe)).not.toContain('3');
    expect(safe.unsafeRaw().persons).toBe(3);
  });
});
