import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { InputError } from '../errors.js';
import type { StudyFile } from './study-file.js';

let validator: ValidateFunction | undefined;

/**
 * The JSON Schema of study files (data-schemas/study.schema.json).
 * @example
 * studySchema().title; // 'Study file'
 */
export function studySchema(): Record<string, unknown> {
  // src/studies and dist/studies are both two levels below the package root
  return JSON.parse(readFileSync(new URL('../../data-schemas/study.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
}

/**
 * Check a parsed study file against data-schemas/study.schema.json (JSON
 * Schema draft 2020-12, with Ajv) and return it typed. The first problem is
 * an `InputError` naming the file and the key, e.g.
 * `study.json: key clusters.kk: unknown key; expected one of k, range, algorithm, ...`.
 *
 * @param value the parsed JSON
 * @param file the file name for messages (default `study file`)
 * @returns the same object as a `StudyFile`
 * @example
 * const study = checkStudyFile(JSON.parse(text), 'my-study.json');
 */
export function checkStudyFile(value: unknown, file = 'study file'): StudyFile {
  validator ??= new Ajv2020({ allErrors: true, verbose: true, strict: false }).compile(studySchema());
  if (validator(value)) return value as unknown as StudyFile;
  throw new InputError(file, undefined, undefined, describeError(pickError(validator.errors ?? [])));
}

/**
 * Read and check a study file.
 *
 * @param text the file's contents
 * @param file its name, for messages
 * @example
 * parseStudyFile(await readFile('study.json', 'utf8'), 'study.json').states;
 */
export function parseStudyFile(text: string, file: string): StudyFile {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const position = /position (\d+)/.exec(String(err));
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new InputError(file, line, undefined, `not valid JSON (${(err as Error).message.replace(/^.*?: /, '')}); expected a study file (data-schemas/study.schema.json)`);
  }
  return checkStudyFile(value, file);
}

/** The error that says most: the deepest, and within a oneOf the branch that got furthest. */
function pickError(errors: readonly ErrorObject[]): ErrorObject {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length + (e.keyword === 'additionalProperties' || e.keyword === 'required' ? 1 : 0);
  const useful = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  return [...(useful.length ? useful : errors)].sort((a, b) => depth(b) - depth(a))[0];
}

/** `key clusters.k: expected ...; got ...` for one Ajv error. */
function describeError(e: ErrorObject): string {
  const path = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const key = (parts: string[]) => (parts.length ? parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('') : '(the file)');
  const got = ` got ${JSON.stringify(e.data)?.slice(0, 60)}`;
  const parent = e.parentSchema as { properties?: Record<string, unknown>; description?: string } | undefined;
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys(parent?.properties ?? {}).filter((k) => k !== '$schema');
      return `key ${key([...path, extra])}: unknown key; expected ${known.length ? `one of ${known.join(', ')}` : 'no other keys'}`;
    }
    case 'required':
      return `key ${key([...path, String((e.params as { missingProperty: string }).missingProperty)])}: missing; it is required`;
    case 'enum':
      return `key ${key(path)}: expected one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')};${got}`;
    case 'type':
      if (e.schemaPath.includes('$defs/text')) return `key ${key(path)}: expected a text ("..." or {"en": "...", "nl": "..."});${got}`;
      return `key ${key(path)}: expected ${article((e.params as { type: string }).type)};${got}`;
    default:
      return `key ${key(path)}: ${e.message ?? 'invalid'};${got}`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
