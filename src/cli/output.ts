import { checkOutputFile, checkOutputFolder, type NamedInput } from '../output/paths.js';
import { writeFileAtomic } from '../output/atomic.js';
import { stringOption, type OptionValues } from './args.js';

/**
 * Write a command's text result to its `--out` file (atomically: a temporary
 * file renamed when complete), or to standard output when no file is given.
 *
 * @param file the `--out` path, or undefined for stdout
 * @param text the whole output (e.g. a CSV from `csvText`)
 * @example
 * await writeOutput(stringOption(values, 'out'), csvText(rows));
 */
export async function writeOutput(file: string | undefined, text: string): Promise<void> {
  if (file === undefined) process.stdout.write(text);
  else await writeFileAtomic(file, text);
}

/**
 * The input files named by these options (absent ones left out), for the
 * output checks.
 *
 * @example
 * inputFiles(values, ['input', 'persons', 'dist']); // [{ path: 'mvad.csv', option: '--input' }]
 */
export function inputFiles(values: OptionValues, names: readonly string[]): NamedInput[] {
  const files: NamedInput[] = [];
  for (const name of names) {
    const path = stringOption(values, name);
    if (path !== undefined) files.push({ path, option: `--${name}` });
  }
  return files;
}

/**
 * Check, before any work, that each output option names a file that can be
 * written and that is none of the inputs (`checkOutputFile`); with `folder`,
 * that the options name writable folders (created when missing). `moreInputs`
 * adds files the options name in another way (a list of files).
 *
 * @param values the parsed options
 * @param outputs names of the output options, e.g. `['out', 'quality']`
 * @param inputs names of the input options, e.g. `['input', 'persons']`
 * @example
 * await checkOutputs(values, ['out'], ['input', 'persons', 'sm']);
 */
export async function checkOutputs(
  values: OptionValues,
  outputs: readonly string[],
  inputs: readonly string[],
  kind: 'file' | 'folder' = 'file',
  moreInputs: readonly NamedInput[] = [],
): Promise<void> {
  const named = [...inputFiles(values, inputs), ...moreInputs];
  for (const name of outputs) {
    const path = stringOption(values, name);
    if (path === undefined) continue;
    if (kind === 'folder') await checkOutputFolder(path, `--${name}`, named);
    else await checkOutputFile(path, `--${name}`, named);
  }
}
