import { totalmem } from 'node:os';
import { OptionsError, ResourceError } from './errors.js';

/** Default memory budget of one large structure (a distance matrix, a month grid): 8 GiB. */
export const DEFAULT_MEMORY_BUDGET = 8 * 2 ** 30;

/**
 * Bytes in words: GiB above 1 GiB, else MiB.
 *
 * @example
 * formatBytes(3 * 2 ** 30); // '3.00 GiB'
 * formatBytes(5 * 2 ** 20); // '5.0 MiB'
 */
export function formatBytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(2)} GiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/**
 * Refuse work before it allocates more than the budget or than the machine
 * has: a `ResourceError` saying what the work needs, what there is and what
 * to do. A budget that is not a positive number is an `OptionsError`.
 *
 * @param bytes what the work will allocate
 * @param what the structure, e.g. `the 80000 x 80000 distance matrix`
 * @param options `budget` in bytes (default 8 GiB) and `advice`: what to do instead
 * @example
 * checkMemory(condensedBytes(n), `the ${n} x ${n} distance matrix`, {
 *   budget: options.memoryBudgetBytes, advice: 'cluster with CLARA (--algo clara)',
 * });
 */
export function checkMemory(bytes: number, what: string, options: { budget?: number; advice: string }): void {
  const budget = options.budget ?? DEFAULT_MEMORY_BUDGET;
  if (!(budget > 0)) throw new OptionsError('memoryBudgetBytes', `must be a positive number of bytes; got ${budget}`);
  if (bytes > budget) {
    throw new ResourceError(`${what} needs ${formatBytes(bytes)}, above the memory budget of ${formatBytes(budget)}: ${options.advice}; or raise the budget (--memory-budget GB, memoryBudgetBytes)`);
  }
  const machine = totalmem();
  if (bytes > machine) {
    throw new ResourceError(`${what} needs ${formatBytes(bytes)}, but this machine has ${formatBytes(machine)} of memory in all: ${options.advice}`);
  }
}
