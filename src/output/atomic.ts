import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { lstat, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { outputError } from './paths.js';

// Temporary files and folders of this process, removed on exit (an interrupted
// run leaves no half-written file under a temporary name either).
const pending = new Set<string>();
let exitHookInstalled = false;

/**
 * Remember a temporary path to remove if the process exits before it is
 * renamed into place; `forget` once it has been.
 */
export function trackTemporary(path: string): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const p of pending) rmSync(p, { recursive: true, force: true });
    });
  }
  pending.add(path);
}

/** Stop tracking a temporary path (it was renamed or removed). */
export function forgetTemporary(path: string): void {
  pending.delete(path);
}

/**
 * A temporary name beside `path` in the same folder (so the final rename is
 * atomic): `.NAME.loopbaan-PID-RANDOM.tmp`.
 *
 * @example
 * temporaryName('out/labels.csv'); // 'out/.labels.csv.loopbaan-4711-9f2c1a.tmp'
 */
export function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.loopbaan-${process.pid}-${randomBytes(3).toString('hex')}.tmp`);
}

/** True when `path` is a device, pipe or socket (written in place: there is nothing to rename). */
async function isSpecialFile(path: string): Promise<boolean> {
  const s = await lstat(path).catch(() => undefined);
  return s !== undefined && !s.isFile() && !s.isSymbolicLink() && !s.isDirectory();
}

/**
 * Write a whole file atomically: the data go to a temporary name in the same
 * folder, which is renamed to `path` once complete, so a reader (or an
 * interrupted run) never sees half a file and an existing file is replaced
 * only by a complete one. Devices and pipes (`/dev/stdout`) are written directly.
 *
 * @param path the file to write
 * @param data its content
 * @throws OutputError naming the path and the reason (missing folder, no permission, disk full)
 * @example
 * await writeFileAtomic('out/labels.csv', 'id,cluster\n1,2\n');
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  try {
    if (await isSpecialFile(path)) {
      await writeFile(path, data);
      return;
    }
  } catch (err) {
    throw outputError(path, err);
  }
  const tmp = temporaryName(path);
  trackTemporary(tmp);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw outputError(path, err);
  } finally {
    forgetTemporary(tmp);
  }
}

/** A file being written through a stream; `commit` puts it in place, `abort` discards it. */
export interface AtomicStream {
  /** Write the content here (pass it to the code that streams the output). */
  readonly stream: WriteStream;
  /** Finish writing and rename the temporary file to the final path. */
  commit(): Promise<void>;
  /** Discard what was written; the final path is left as it was. */
  abort(): Promise<void>;
}

/**
 * Open a file for streaming output with the guarantees of `writeFileAtomic`:
 * the stream writes a temporary file in the same folder, `commit` renames it
 * to `path`. For outputs too large to hold in memory (a distance matrix, a
 * simulated panel). Write errors (a full disk) reject `commit` with an
 * `OutputError`.
 *
 * @param path the final file
 * @returns the stream and its commit/abort
 * @throws OutputError when the temporary file cannot be created
 * @example
 * const out = await openAtomicStream('om.csv');
 * try {
 *   await writeDistanceCsv(matrix, out.stream);
 *   await out.commit();
 * } catch (err) {
 *   await out.abort();
 *   throw err;
 * }
 */
export async function openAtomicStream(path: string): Promise<AtomicStream> {
  const special = await isSpecialFile(path);
  const target = special ? path : temporaryName(path);
  if (!special) trackTemporary(target);
  const stream = createWriteStream(target, { flags: special ? 'w' : 'wx' });
  let failure: unknown;
  stream.on('error', (err) => (failure ??= err));
  try {
    await once(stream, 'open');
  } catch (err) {
    forgetTemporary(target);
    throw outputError(path, err);
  }
  const discard = async (): Promise<void> => {
    if (!special) await rm(target, { force: true });
    forgetTemporary(target);
  };
  return {
    stream,
    async commit() {
      try {
        if (failure) throw failure;
        if (!stream.writableFinished) {
          stream.end();
          await once(stream, 'finish');
        }
        if (!stream.closed) await once(stream, 'close');
        if (failure) throw failure;
        if (!special) await rename(target, path);
        forgetTemporary(target);
      } catch (err) {
        stream.destroy();
        await discard();
        throw outputError(path, err);
      }
    },
    async abort() {
      stream.destroy();
      if (!stream.closed) await once(stream, 'close').catch(() => undefined);
      await discard();
    },
  };
}
