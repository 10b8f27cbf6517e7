/** Receives progress of long work: `done` of `total` units of `task`. */
export type ProgressReporter = (task: string, done: number, total: number) => void;

/**
 * A reporter that prints nothing.
 * @example
 * await loadPanel({ format: 'long', input: 'months.parquet', progress: silentProgress });
 */
export const silentProgress: ProgressReporter = () => {};

/** Where `stderrProgress` writes: a stream and whether it is a terminal. */
export interface ProgressSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * A reporter that writes percentages to stderr. On a terminal one line per
 * task is updated in place (`\r`) at most every `intervalMs`; into a file or
 * a pipe (a log) it writes plain lines, one per 10 % step of each task, so
 * logs stay short and readable.
 *
 * @param intervalMs least time between updates on a terminal (default 500)
 * @param sink where to write (default process.stderr)
 * @example
 * const progress = stderrProgress();
 * progress('distances', 50, 100); // stderr: "distances: 50%"
 */
export function stderrProgress(intervalMs = 500, sink: ProgressSink = process.stderr): ProgressReporter {
  let last = 0;
  let lastTask = '';
  let lastStep = -1;
  return (task, done, total) => {
    const pct = total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 100;
    const finished = done >= total;
    if (!sink.isTTY) {
      const step = Math.floor(pct / 10);
      if (task === lastTask && step <= lastStep) return;
      lastTask = task;
      lastStep = step;
      sink.write(`${task}: ${pct}%\n`);
      return;
    }
    const now = Date.now();
    if (!finished && now - last < intervalMs) return;
    last = now;
    sink.write(`\r${task}: ${pct}%\x1b[K${finished ? '\n' : ''}`);
  };
}
