// Shared by the CLI tests: what a command writes, and the CSV files it leaves.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { vi } from 'vitest';

/**
 * Collect what is written to a stream (stderr by default) instead of printing
 * it, until `vi.restoreAllMocks()`. Returns the text written so far.
 *
 * @example
 * const stderr = captureOutput();
 * expect(await main(['cluster', '--algo', 'x'])).toBe(2);
 * expect(stderr()).toMatch(/--algo: must be one of/);
 */
export function captureOutput(stream: NodeJS.WriteStream = process.stderr): () => string {
  let text = '';
  vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return () => text;
}

/** A CSV file as rows of strings (header included). */
export function readCsv(file: string): string[][] {
  return parse(readFileSync(file, 'utf8')) as string[][];
}
