import { writeFile } from 'node:fs/promises';

/**
 * Write a command's text result to its `--out` file, or to standard output
 * when no file is given.
 *
 * @param file the `--out` path, or undefined for stdout
 * @param text the whole output (e.g. a CSV from `csvText`)
 * @example
 * await writeOutput(stringOption(values, 'out'), csvText(rows));
 */
export async function writeOutput(file: string | undefined, text: string): Promise<void> {
  if (file === undefined) process.stdout.write(text);
  else await writeFile(file, text);
}
