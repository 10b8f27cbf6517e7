// checkMemory: the budget every large structure is checked against.
import { totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { checkMemory, formatBytes } from '../src/memory.js';
import { OptionsError, ResourceError } from '../src/errors.js';

describe('checkMemory', () => {
  it('a budget that is not a positive number is an OptionsError naming memoryBudgetBytes (NaN passed every check before)', () => {
    for (const budget of [NaN, 0, -5]) {
      expect(() => checkMemory(8, 'the matrix', { budget, advice: 'use CLARA' })).toThrow(OptionsError);
      expect(() => checkMemory(8, 'the matrix', { budget, advice: 'use CLARA' })).toThrow(new RegExp(`^memoryBudgetBytes: must be a positive number of bytes; got ${budget}$`));
    }
  });

  it('says what the work needs, the budget or the machine\'s memory, and what to do', () => {
    expect(() => checkMemory(3 * 2 ** 30, 'the matrix', { budget: 2 ** 30, advice: 'use CLARA' }))
      .toThrow(/^the matrix needs 3\.00 GiB, above the memory budget of 1\.00 GiB: use CLARA; or raise the budget \(--memory-budget GB, memoryBudgetBytes\)$/);
    const beyond = 2 * totalmem();
    expect(() => checkMemory(beyond, 'the matrix', { budget: 4 * totalmem(), advice: 'use CLARA' })).toThrow(ResourceError);
    expect(() => checkMemory(beyond, 'the matrix', { budget: 4 * totalmem(), advice: 'use CLARA' })).toThrow(new RegExp(`needs ${formatBytes(beyond).replace('.', '\\.')}, but this machine has`));
    expect(() => checkMemory(1024, 'the matrix', { advice: 'use CLARA' })).not.toThrow();
  });
});
