/** A safe result that still holds its raw counterpart behind an explicit accessor. */
export type WithUnsafeRaw<T, R> = T & {
  /**
   * The raw result as computed, with every count and cell below the
   * disclosure threshold. For work inside the secure environment only:
   * never publish it. Not part of the object's JSON, clones or printed form.
   */
  readonly unsafeRaw: () => R;
};

/**
 * Attach the raw result to a safe one as a method `unsafeRaw()` that is not
 * enumerable: `JSON.stringify`, `structuredClone`, spreading and
 * `console.log` see only the safe fields.
 *
 * @param safe the result after disclosure control
 * @param raw the result before it
 * @returns `safe`, with `unsafeRaw()`
 * @example
 * const out = withUnsafeRaw({ persons: null }, { persons: 3 });
 * JSON.stringify(out); // '{"persons":null}'
 * out.unsafeRaw();     // { persons: 3 }
 */
export function withUnsafeRaw<T extends object, R>(safe: T, raw: R): WithUnsafeRaw<T, R> {
  return Object.defineProperty(safe, 'unsafeRaw', { value: () => raw, enumerable: false }) as WithUnsafeRaw<T, R>;
}
