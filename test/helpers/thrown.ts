/** The error `f` throws (fails the test when it throws nothing), to check its class and fields. */
export function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    if (err instanceof Error) return err;
  }
  throw new Error('expected an error');
}
