import { readFile } from 'node:fs/promises';
import { OptionsError } from '../errors.js';
import { openCsv } from './csv.js';

/** The JSON Schema keywords the data-schemas use (a subset of draft 2020-12). */
export interface RowSchema {
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, RowSchema>>;
  readonly type?: 'object' | 'string';
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, RowSchema>>;
  readonly patternProperties?: Readonly<Record<string, RowSchema>>;
  readonly additionalProperties?: boolean | RowSchema;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly enum?: readonly string[];
  readonly title?: string;
  readonly description?: string;
}

/** Names of the schemas in data-schemas/: one per input file format. */
export type DataSchemaName = 'months' | 'persons' | 'spells' | 'wide';

/**
 * Read one of the JSON Schemas in data-schemas/ (`months`, `persons`, `spells`, `wide`).
 *
 * @example
 * const schema = await readDataSchema('months');
 * schema.required; // ['person_id', 'month', 'state']
 */
export async function readDataSchema(name: DataSchemaName): Promise<RowSchema> {
  // src/ingest and dist/ingest are both two levels below the package root.
  const url = new URL(`../../data-schemas/${name}.schema.json`, import.meta.url);
  return JSON.parse(await readFile(url, 'utf8')) as RowSchema;
}

/**
 * Check one CSV row (column name -> text) against a row schema. Supports the
 * keywords the data-schemas use: `$ref` to `#/$defs/...`, `type`, `required`,
 * `properties`, `patternProperties`, `additionalProperties`, `pattern`,
 * `minLength`, `enum` (JSON Schema draft 2020-12 semantics for these).
 *
 * @param schema a row schema (e.g. from `readDataSchema`)
 * @param row the row's fields by column name
 * @returns problems, one sentence each naming the field; empty when valid
 * @example
 * checkRow(schema, { person_id: 'p1', month: '2013-13', state: 'work' });
 * // ['month: "2013-13" does not match ^\\d{4}-(0[1-9]|1[0-2])$']
 */
export function checkRow(schema: RowSchema, row: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  checkValue(schema, schema, row, '', problems);
  return problems;
}

const compiled = new Map<string, RegExp>();

function regex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) compiled.set(pattern, (re = new RegExp(pattern, 'u')));
  return re;
}

function checkValue(root: RowSchema, schema: RowSchema, value: unknown, path: string, problems: string[]): void {
  if (schema.$ref !== undefined) {
    const prefix = '#/$defs/';
    const target = schema.$ref.startsWith(prefix) ? root.$defs?.[schema.$ref.slice(prefix.length)] : undefined;
    if (!target) throw new OptionsError('schema', `reference ${schema.$ref} is not a #/$defs entry of this schema`);
    checkValue(root, target, value, path, problems);
  }
  const at = path ? `${path}: ` : '';
  if (schema.type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${at}expected an object`);
      return;
    }
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in record)) problems.push(`missing required field "${name}"`);
    for (const [name, field] of Object.entries(record)) {
      let matched = false;
      if (schema.properties && name in schema.properties) {
        matched = true;
        checkValue(root, schema.properties[name], field, name, problems);
      }
      for (const [pattern, sub] of Object.entries(schema.patternProperties ?? {})) {
        if (!regex(pattern).test(name)) continue;
        matched = true;
        checkValue(root, sub, field, name, problems);
      }
      if (matched || schema.additionalProperties === undefined || schema.additionalProperties === true) continue;
      if (schema.additionalProperties === false) problems.push(`unexpected field "${name}"`);
      else checkValue(root, schema.additionalProperties, field, name, problems);
    }
    return;
  }
  if (schema.type === 'string' && typeof value !== 'string') {
    problems.push(`${at}expected a string`);
    return;
  }
  if (typeof value !== 'string') return;
  if (schema.minLength !== undefined && [...value].length < schema.minLength) problems.push(`${at}"${value}" is shorter than ${schema.minLength}`);
  if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) problems.push(`${at}"${value}" does not match ${schema.pattern}`);
  if (schema.enum !== undefined && !schema.enum.includes(value)) problems.push(`${at}"${value}" is not one of ${schema.enum.join(', ')}`);
}

/**
 * Check every row of a CSV file against a data schema (e.g. a generated
 * `months.csv` against `months`).
 *
 * @param file path of the CSV file
 * @param schema a row schema, or the name of one in data-schemas/
 * @param options.maxProblems stop after this many problems (default 20)
 * @returns the problems, each with its line; empty when the file is valid
 * @example
 * const problems = await checkCsvFile('out/months.csv', 'months');
 * problems.length; // 0
 */
export async function checkCsvFile(
  file: string,
  schema: RowSchema | DataSchemaName,
  options: { maxProblems?: number } = {},
): Promise<{ line: number; problem: string }[]> {
  const rowSchema = typeof schema === 'string' ? await readDataSchema(schema) : schema;
  const max = options.maxProblems ?? 20;
  const found: { line: number; problem: string }[] = [];
  const csv = await openCsv(file);
  try {
    const { header } = csv;
    for await (const { records, lines } of csv.batches) {
      for (let b = 0; b < records.length; b++) {
        const rec = records[b];
        const row = Object.fromEntries(header.map((name, k) => [name, rec[k]]).filter(([, v]) => v !== undefined));
        if (rec.length !== header.length) found.push({ line: lines[b], problem: `row has ${rec.length} fields; expected ${header.length}` });
        for (const problem of checkRow(rowSchema, row)) found.push({ line: lines[b], problem });
        if (found.length >= max) return found.slice(0, max);
      }
    }
  } finally {
    await csv.close();
  }
  return found;
}
