/** Receives progress of long work: `done` of `total` units of `task`. */
export type ProgressReporter = (task: string, done: number, total: number) => void;

/** A reporter that prints nothing. */
export const silentProgress: ProgressReporter = () => {};

/**
 * A reporter that writes a percentage line to stderr, at most every `intervalMs`.
 *
 * @example
 * const progress = stderrProgress();
 * progress('distances', 50, 100); // stderr: "distances: 50%"
 */
export function stderrProgress(intervalMs = 500): ProgressReporter {
  let last = 0;
  return (task, done, total) => {
    const now = Date.now();
    if (done < total && now - last < intervalMs) return;
    last = now;
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    process.stderr.write(`${task}: ${pct}%${done >= total ? '\n' : '\r'}`);
  };
}
