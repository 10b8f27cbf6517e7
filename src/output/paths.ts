import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { LoopbaanError, OutputError } from '../errors.js';

/** A file the work reads, with the option that named it (for messages). */
export interface NamedInput {
  /** The path as the user gave it. */
  readonly path: string;
  /** The option that named it, e.g. `--input`. */
  readonly option: string;
}

/** Why writing failed, in words, from a Node file-system error code. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'no permission to write there',
  EPERM: 'no permission to write there',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device (the disk is full)',
  EDQUOT: 'the disk quota is exceeded',
  EISDIR: 'is a folder; expected a file name',
  EEXIST: 'exists and is in the way',
  EBUSY: 'is in use by another program',
  EMFILE: 'too many open files',
  EFBIG: 'the file would be larger than the file system allows',
  EIO: 'an input/output error of the device',
};

/**
 * The `OutputError` for a failed write: the path and the reason in words
 * (a `LoopbaanError` passes through unchanged).
 *
 * @example
 * outputError('out/x.csv', Object.assign(new Error('...'), { code: 'ENOSPC' })).message;
 * // 'out/x.csv: cannot write: no space left on the device (the disk is full)'
 */
export function outputError(path: string, err: unknown): LoopbaanError {
  if (err instanceof LoopbaanError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code && REASONS[code]) ?? (err instanceof Error ? err.message : String(err));
  return new OutputError(path, `cannot write: ${reason}${code && REASONS[code] ? ` (${code})` : ''}`);
}

/** Device and inode of an existing file, or undefined. */
async function identity(path: string): Promise<string | undefined> {
  const s = await stat(path).catch(() => undefined);
  return s ? `${s.dev}:${s.ino}` : undefined;
}

/** The absolute path `path` will have once written (symbolic links of the folder resolved). */
async function resolvedTarget(path: string): Promise<string> {
  const full = resolve(path);
  const real = await realpath(full).catch(() => undefined);
  if (real) return real;
  const folder = await realpath(dirname(full)).catch(() => dirname(full));
  return join(folder, basename(full));
}

/**
 * Refuse an output that is one of the inputs: the same path after resolving
 * symbolic links, or the same file under another name (a hard link).
 *
 * @param path the output path
 * @param option the option that named it, e.g. `--out`
 * @param inputs the files the work reads
 * @throws OutputError naming the input it would overwrite
 * @example
 * await refuseInputAsOutput('mvad.csv', '--out', [{ path: 'mvad.csv', option: '--input' }]);
 * // OutputError: mvad.csv: --out is the input file of --input; choose another --out
 */
export async function refuseInputAsOutput(path: string, option: string, inputs: readonly NamedInput[]): Promise<void> {
  const target = await resolvedTarget(path);
  const targetId = await identity(target);
  for (const input of inputs) {
    const same = (await resolvedTarget(input.path)) === target || (targetId !== undefined && (await identity(input.path)) === targetId);
    if (same) throw new OutputError(path, `${option} is the input file of ${input.option}; choose another ${option} (loopbaan never overwrites its inputs)`);
  }
}

/**
 * Check, before any work, that a file can be written at `path`: its folder
 * exists and accepts a new file (a probe file is created and removed, which
 * also catches read-only file systems), `path` is not a folder, and it is
 * none of the inputs.
 *
 * @param path the output file
 * @param option the option that named it (for messages), e.g. `--out`
 * @param inputs files the work reads (never overwritten)
 * @throws OutputError saying what is wrong and what to do
 * @example
 * await checkOutputFile('out/labels.csv', '--out', [{ path: 'mvad.csv', option: '--input' }]);
 */
export async function checkOutputFile(path: string, option: string, inputs: readonly NamedInput[] = []): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new OutputError(path, `${option} is a folder; expected a file name`);
  await refuseInputAsOutput(path, option, inputs);
  if (existing && !existing.isFile()) return; // a device or pipe, e.g. /dev/stdout
  const folder = dirname(resolve(path));
  const where = await stat(folder).catch((err: NodeJS.ErrnoException) => err);
  if (where instanceof Error) {
    const reason = where.code === 'ENOTDIR' ? 'a part of the path is a file, not a folder' : 'does not exist; create it first';
    throw new OutputError(path, `the folder ${dirname(path)} of ${option} ${reason}`);
  }
  if (!where.isDirectory()) throw new OutputError(path, `${dirname(path)} is a file, not a folder`);
  await probeFolder(folder, path);
}

/**
 * Check that a folder can receive output, creating it (and its parents) when
 * missing: the nearest existing ancestor must accept new files.
 *
 * @param dir the output folder
 * @param option the option that named it (for messages), e.g. `--out`
 * @param inputs files the work reads: the folder may hold them, never be one
 * @throws OutputError saying what is wrong
 * @example
 * await checkOutputFolder('reports/out/jobcoach', '--out');
 */
export async function checkOutputFolder(dir: string, option: string, inputs: readonly NamedInput[] = []): Promise<void> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    const input = inputs.find((i) => resolve(i.path) === resolve(dir));
    throw new OutputError(dir, input ? `${option} is the input file of ${input.option}; expected a folder` : `${option} is a file; expected a folder`);
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw outputError(dir, err);
  }
  await probeFolder(resolve(dir), dir);
}

/** Create and remove a probe file in `folder`; an `OutputError` for `shown` if that fails. */
async function probeFolder(folder: string, shown: string): Promise<void> {
  const probe = join(folder, `.loopbaan-probe-${process.pid}-${randomBytes(3).toString('hex')}`);
  try {
    await access(folder, constants.W_OK);
    const handle = await open(probe, 'wx');
    await handle.close();
  } catch (err) {
    throw outputError(shown, err);
  } finally {
    await rm(probe, { force: true });
  }
}
