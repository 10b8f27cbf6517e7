import { describe, expect, it, vi } from 'vitest';
import { parseOptions } from '../../src/cli/args.js';
import { INPUT_OPTIONS, inputPanelOptions, loadInput } from '../../src/cli/input-options.js';
import { OptionsError } from '../../src/errors.js';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../helpers/cli.js';
import { toParquet } from './duckdb/helpers.js';
import { tmpFiles } from './helpers.js';

const parse = (args: string[]) => parseOptions(args, { ...INPUT_OPTIONS, what: { type: 'string' } }, ['input']);

describe('CLI input options', () => {
  it('defaults to wide with --cols, else long', () => {
    expect(inputPanelOptions(parse(['--input', 'm.csv', '--cols', 'Sep.93..Jun.99', '--id', 'id']))).toMatchObject({
      format: 'wide',
      input: 'm.csv',
      cols: 'Sep.93..Jun.99',
      id: 'id',
      mode: 'strict',
      time: { align: 'calendar' },
    });
    expect(inputPanelOptions(parse(['--input', 'm.csv'])).format).toBe('long');
  });

  it('parses lists, alignment and lenient mode', () => {
    const o = inputPanelOptions(
      parse(['--input', 'm.csv', '--persons', 'p.csv', '--states', 'trial, work_jc,work,none', '--align', 'start:start_month', '--lenient', '--weight', 'weight']),
    );
    expect(o).toMatchObject({
      states: ['trial', 'work_jc', 'work', 'none'],
      time: { align: 'start', column: 'start_month' },
      mode: 'lenient',
      persons: 'p.csv',
      weight: 'weight',
    });
    expect(inputPanelOptions(parse(['--input', 'm.csv', '--align', 'state:trial'])).time).toEqual({ align: 'state', state: 'trial' });
  });

  it('turns wrong combinations into options errors', () => {
    const bad = [
      ['--input', 'm.csv', '--format', 'parquet'],
      ['--input', 'm.csv', '--format', 'wide'],
      ['--input', 'm.csv', '--format', 'long', '--cols', 'a..b'],
      ['--input', 'm.csv', '--cols', 'ab'],
      ['--input', 'm.csv', '--weight', 'w'],
      ['--input', 'm.csv', '--align', 'start:x'],
      ['--input', 'm.csv', '--align', 'sideways'],
      ['--input', 'm.csv', '--priority', 'a,b'],
      ['--input', 'm.csv', '--engine', 'fast'],
      ['--input', 'm.csv', '--input-table', 'months'],
      ['--input', 'm.parquet', '--cols', 'a..b'],
      ['--input', 'm.csv', '--persons', 'p.csv', '--persons-table', 'persons'],
    ];
    for (const args of bad) expect(() => inputPanelOptions(parse(args)), args.join(' ')).toThrow(OptionsError);
  });

  it('loads and prints the ingest report to stderr unless --quiet', async () => {
    const t = tmpFiles({ 'w.csv': 'id,m1,m2\na,x,y\nb,y,y\n' });
    const stderr = captureOutput();
    try {
      const { sequences } = await loadInput(parse(['--input', t.path('w.csv'), '--cols', 'm1..m2']));
      expect(sequences.n).toBe(2);
      const report = stderr();
      expect(report).toMatch(/w\.csv \(wide\): 2 rows read, 2 kept, 0 rejected/);
      await loadInput(parse(['--input', t.path('w.csv'), '--cols', 'm1..m2', '--quiet']));
      expect(stderr()).toBe(report);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('CLI input options: Parquet and DuckDB databases', () => {
  it('passes the engine and the tables on', () => {
    expect(inputPanelOptions(parse(['--input', 'x.duckdb', '--input-table', 'months', '--persons', 'x.duckdb', '--persons-table', 'persons', '--engine', 'duckdb']))).toMatchObject({
      format: 'long',
      table: 'months',
      personsTable: 'persons',
      engine: 'duckdb',
    });
    expect(inputPanelOptions(parse(['--input', 'm.parquet'])).engine).toBe('auto');
  });

  it('a command reads Parquet; bad input exits 2 with one line naming file and column', async () => {
    const t = tmpFiles({ 'm.csv': 'person_id,month,state\na,2013-01,x\na,2013-02,y\nb,2013-01,y\n' });
    await toParquet([t.path('m.csv')]);
    const stderr = captureOutput();
    const stdout = captureOutput(process.stdout);
    try {
      expect(await main(['describe', '--input', t.path('m.parquet'), '--what', 'statd'])).toBe(0);
      expect(stderr()).toMatch(/m\.parquet \(months\): 3 rows read, 3 kept, 0 rejected/);
      expect(stdout()).toMatch(/^state,2013-01,2013-02/);
      expect(await main(['describe', '--input', t.path('m.parquet'), '--id', 'pid', '--what', 'statd'])).toBe(2);
      expect(stderr().trim().split('\n').pop()).toMatch(/m\.parquet, column pid: missing required column "pid" \(the person id\); the file has person_id, month, state$/);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('CLI input options: attributes', () => {
  it('skips person-month attributes unless asked for', async () => {
    const t = tmpFiles({ 'm.csv': 'person_id,month,state,hours_week\na,2013-01,x,20\n' });
    const quiet = parse(['--input', t.path('m.csv'), '--quiet']);
    expect(Object.keys((await loadInput(quiet)).sequences.cellAttributes)).toEqual([]);
    expect(Object.keys((await loadInput(quiet, { attributes: undefined })).sequences.cellAttributes)).toEqual(['hours_week']);
  });
});
