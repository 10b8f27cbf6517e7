// distances and distinctDistances check their options before any work (the API class of issue 14).
import { describe, expect, it } from 'vitest';
import { distances, distinctDistances, OptionsError, type DistanceOptions } from '../../src/index.js';
import { letters } from './helpers.js';

const seqs = letters(['AAB', 'ABB', 'BBB'], 'AB');

describe('distances: options', () => {
  it('without options names the missing method (a TypeError before)', async () => {
    const call = distances(seqs, undefined as unknown as DistanceOptions);
    await expect(call).rejects.toThrow(OptionsError);
    await expect(distances(seqs, undefined as unknown as DistanceOptions)).rejects.toThrow(/^method: is required: one of OM, HAM,/);
  });

  it('memoryBudgetBytes that is not a positive number is an OptionsError naming it (NaN was accepted before)', async () => {
    for (const budget of [NaN, 0, -1]) {
      await expect(distances(seqs, { method: 'HAM', memoryBudgetBytes: budget })).rejects.toThrow(OptionsError);
      await expect(distances(seqs, { method: 'HAM', memoryBudgetBytes: budget })).rejects.toThrow(/^memoryBudgetBytes: must be a positive number of bytes; got /);
      await expect(distinctDistances(seqs, { method: 'HAM', memoryBudgetBytes: budget })).rejects.toThrow(/^memoryBudgetBytes: /);
    }
  });
});
