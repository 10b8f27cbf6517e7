import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { OutputError } from '../errors.js';
import { forgetTemporary, trackTemporary, writeFileAtomic } from './atomic.js';
import { checkOutputFolder, outputError, type NamedInput } from './paths.js';

/** Name of the manifest a finished output folder holds. */
export const MANIFEST = 'loopbaan-manifest.json';
const STAGING_PREFIX = '.loopbaan-partial-';

/** One file of a manifest. */
export interface ManifestEntry {
  /** Path relative to the folder, with `/`. */
  readonly path: string;
  readonly bytes: number;
  /** SHA-256 of the content, hex. */
  readonly sha256: string;
}

/** What a finished output folder records about itself (`loopbaan-manifest.json`). */
export interface Manifest {
  readonly tool: 'loopbaan';
  /** When the folder was completed (ISO 8601). */
  readonly written: string;
  /** Every file written, in the order they were added. */
  readonly files: readonly ManifestEntry[];
}

/** Options of `openOutputFolder`. */
export interface OutputFolderOptions {
  /** The option that named the folder, for messages (default `--out`). */
  readonly option?: string;
  /** Files the work reads: never overwritten nor removed, even when an earlier manifest lists them. */
  readonly inputs?: readonly NamedInput[];
}

/**
 * An output folder written as a whole: files go to a hidden staging folder
 * inside it and move into place only at `commit`, which then removes the
 * files of the previous run's manifest that this run did not write and records
 * the new manifest. Files the folder holds that no manifest lists (a user's
 * data, the inputs) are never touched; a file of an earlier manifest is only
 * removed while unchanged since it was written.
 *
 * Until `commit` the folder keeps the earlier complete output; during the
 * moves the files named `last` (the page and the results) are absent, so an
 * interrupted run never looks complete.
 */
export interface OutputFolder {
  /** The folder, as given. */
  readonly dir: string;
  /**
   * The staged path of a file (creating its folders) for code that writes by
   * path, e.g. a figure renderer; the file is part of the output.
   */
  path(relative: string): Promise<string>;
  /** Write a file of the output. */
  write(relative: string, data: string | Uint8Array): Promise<void>;
  /** Paths written so far, relative to the folder. */
  files(): readonly string[];
  /**
   * Move everything into place, remove the previous run's files this run did
   * not write, write the manifest. `last` files move last (default
   * `index.html` and `results.json`).
   * @returns the manifest and the stale files removed
   */
  commit(options?: { last?: readonly string[] }): Promise<{ manifest: Manifest; removed: string[] }>;
  /** Discard the staged files; the folder is left as it was. */
  abort(): Promise<void>;
}

/**
 * Open a folder for output written as a whole (see `OutputFolder`). Checks
 * first that the folder can be written (creating it when missing), and
 * removes staging folders an interrupted earlier run left.
 *
 * @param dir the output folder
 * @param options the option's name and the inputs (see `OutputFolderOptions`)
 * @returns the folder to write into
 * @throws OutputError when the folder cannot be written or is an input file
 * @example
 * const folder = await openOutputFolder('reports/out/mvad', { inputs: [{ path: 'mvad.csv', option: '--input' }] });
 * await folder.write('results.json', JSON.stringify(results));
 * await writeFigure(spec, dirname(await folder.path('figures/fig1.svg')), 'fig1');
 * await folder.commit();
 */
export async function openOutputFolder(dir: string, options: OutputFolderOptions = {}): Promise<OutputFolder> {
  const option = options.option ?? '--out';
  const inputs = options.inputs ?? [];
  await checkOutputFolder(dir, option, inputs);
  for (const name of await readdir(dir)) {
    if (name.startsWith(STAGING_PREFIX)) await rm(join(dir, name), { recursive: true, force: true });
  }
  const staging = join(dir, `${STAGING_PREFIX}${process.pid}-${randomBytes(3).toString('hex')}`);
  trackTemporary(staging);
  await mkdir(staging);
  const written: string[] = [];
  const protectedPaths = new Set(inputs.map((i) => resolve(i.path)));

  const stagedPath = async (relative: string): Promise<string> => {
    const rel = relativePath(dir, relative);
    if (protectedPaths.has(resolve(dir, rel))) {
      const input = inputs.find((i) => resolve(i.path) === resolve(dir, rel))!;
      throw new OutputError(join(dir, rel), `would overwrite the input file of ${input.option}; choose another ${option}`);
    }
    const path = join(staging, rel);
    await mkdir(dirname(path), { recursive: true });
    if (!written.includes(rel)) written.push(rel);
    return path;
  };

  return {
    dir,
    path: stagedPath,
    async write(relative, data) {
      await writeFile(await stagedPath(relative), data).catch((err: unknown) => {
        throw outputError(join(dir, relative), err);
      });
    },
    files: () => [...written],
    async commit(commitOptions = {}) {
      const last = commitOptions.last ?? ['index.html', 'results.json'];
      const previous = await readManifest(dir);
      const entries: ManifestEntry[] = [];
      for (const rel of written) entries.push(await describeFile(join(staging, rel), rel));
      try {
        // The folder stops looking complete before anything of it changes.
        await rm(join(dir, MANIFEST), { force: true });
        for (const rel of last) if (written.includes(rel)) await rm(join(dir, rel), { force: true });
        const order = [...written.filter((r) => !last.includes(r)), ...last.filter((r) => written.includes(r))];
        const removed = await removeStale(dir, previous, new Set(written), protectedPaths);
        for (const rel of order) {
          await mkdir(dirname(join(dir, rel)), { recursive: true });
          await rename(join(staging, rel), join(dir, rel));
        }
        const manifest: Manifest = { tool: 'loopbaan', written: new Date().toISOString(), files: entries };
        await writeFileAtomic(join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
        await rm(staging, { recursive: true, force: true });
        forgetTemporary(staging);
        return { manifest, removed };
      } catch (err) {
        throw outputError(dir, err);
      }
    },
    async abort() {
      await rm(staging, { recursive: true, force: true });
      forgetTemporary(staging);
    },
  };
}

/**
 * The manifest of a folder an earlier run completed, or undefined (none, or
 * not one of ours).
 *
 * @example
 * (await readManifest('reports/out/mvad'))?.files.map((f) => f.path);
 */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  const text = await readFile(join(dir, MANIFEST), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const m = JSON.parse(text) as Partial<Manifest>;
    if (m.tool !== 'loopbaan' || !Array.isArray(m.files)) return undefined;
    return m as Manifest;
  } catch {
    return undefined;
  }
}

/** Remove the files of `previous` this run did not write, if unchanged and not an input; empty folders they leave go too. */
async function removeStale(dir: string, previous: Manifest | undefined, kept: ReadonlySet<string>, inputs: ReadonlySet<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of previous?.files ?? []) {
    let rel: string;
    try {
      rel = relativePath(dir, entry.path);
    } catch {
      continue; // a manifest entry outside the folder is never ours to remove
    }
    const path = join(dir, rel);
    if (kept.has(rel) || inputs.has(resolve(path))) continue;
    const now = await describeFile(path, rel).catch(() => undefined);
    if (!now || now.bytes !== entry.bytes || now.sha256 !== entry.sha256) continue;
    await rm(path, { force: true });
    removed.push(rel);
    await rmEmptyParents(dir, dirname(path));
  }
  return removed;
}

async function rmEmptyParents(dir: string, folder: string): Promise<void> {
  const root = resolve(dir);
  for (let f = resolve(folder); f !== root && f.startsWith(root + sep); f = dirname(f)) {
    if ((await readdir(f).catch(() => ['?'])).length > 0) return;
    await rmdir(f).catch(() => undefined);
  }
}

/** Size and SHA-256 of a file, streamed (a staged data file can be larger than a Buffer). */
async function describeFile(path: string, rel: string): Promise<ManifestEntry> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { path: rel, bytes, sha256: hash.digest('hex') };
}

/** A relative path inside the folder, with `/`; an error when it would leave the folder. */
function relativePath(dir: string, relative: string): string {
  const rel = normalize(relative).split(sep).join('/');
  if (rel === '' || rel === '.' || rel.startsWith('../') || rel === '..' || resolve(dir, rel) === resolve(dir) || !resolve(dir, rel).startsWith(resolve(dir) + sep)) {
    throw new OutputError(join(dir, relative), 'is outside the output folder');
  }
  if (rel === MANIFEST || rel.startsWith(STAGING_PREFIX)) throw new OutputError(join(dir, relative), 'is a name loopbaan keeps for itself');
  return rel;
}
