// Ingest of a long person-month file against DuckDB's own scan of it: the
// synthetic jobcoach panel of 200,000 persons (10.9 million rows, `loopbaan
// simulate`) as CSV and as its Parquet copy. DuckDB's scan is
// `SELECT state, count(*), count(DISTINCT person_id) ... GROUP BY state` on the
// same file; loopbaan's ingest reads it into sequences (ids, months, states;
// no person-month attributes, as the commands read it). Target: within 2x of
// DuckDB's scan for both files. The reader column says who read the file:
// DuckDB (CSV), or loopbaan's reader of Parquet dictionary codes. The
// last columns time DuckDB's query that groups the rows by person (the pivot's,
// which reads CSV files and the Parquet files the dictionary reader cannot
// take), planned beforehand, alone. Each case runs in its own process, after
// loading DuckDB (the ~0.5 s of loading the library is not counted on either
// side).
//   node bench/ingest.bench.js            200,000 persons (data go to bench/out/, generated once, never committed)
//   node bench/ingest.bench.js --n=50000  another size
//   node bench/ingest.bench.js --js       also the JavaScript CSV reader (slow: ~1 minute)
//   node bench/ingest.bench.js --repeat=5 each case 5 times (default 3; the median is printed)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};
const caseArg = process.argv.find((a) => a.startsWith('--case='));

if (caseArg) {
  // One measurement, in this process: print {seconds, rows, persons, maxRssMb} as JSON.
  const [what, file] = caseArg.slice('--case='.length).split('@');
  const { DuckDb } = await import('../dist/ingest/duckdb/engine.js');
  const { readLongPanel } = await import('../dist/index.js');
  const warm = await DuckDb.open(); // the library is loaded before the clock starts
  warm.close();
  // loopbaan's grouping query, planned before the clock: the floor of the pivot, without any JavaScript work
  const grouping = what === 'duckdb-grouping' ? await groupingQuery(DuckDb, file) : undefined;
  const t0 = performance.now();
  let result;
  if (grouping) {
    const db = await DuckDb.open();
    const { openTableSource } = await import('../dist/ingest/duckdb/source.js');
    const source = await openTableSource(db, file);
    await source.prepare('m', grouping.columns, grouping.stream);
    let groups = 0;
    await db.columns(grouping.sql, (chunk) => (groups += chunk.rows));
    db.close();
    result = { rows: grouping.rows, persons: groups };
  } else if (what === 'duckdb-scan') {
    const db = await DuckDb.open();
    const from = file.endsWith('.parquet') ? `read_parquet('${file}')` : `read_csv('${file}')`;
    const rows = await db.rows(`SELECT state, count(*)::DOUBLE AS n, count(DISTINCT person_id)::DOUBLE AS persons FROM ${from} GROUP BY state`);
    db.close();
    result = { rows: rows.reduce((s, r) => s + Number(r.n), 0) };
  } else {
    // DuckDB opened or not: whether its pivot or the Parquet dictionary reader read the file
    let opened = 0;
    const open = DuckDb.open;
    DuckDb.open = (...args) => (opened++, open.apply(DuckDb, args));
    const { sequences, report } = await readLongPanel(file, { engine: what, attributes: [] });
    result = { rows: report.files[0].rowsRead, persons: sequences.n, months: sequences.t, reader: opened > 0 ? 'DuckDB' : 'Parquet dictionary codes' };
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ ...result, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const n = arg('n', 200_000);
  const dir = resolve(here, 'out', `panel-${n}`);
  const csv = join(dir, 'months.csv');
  const parquet = join(dir, 'months.parquet');
  if (!existsSync(csv)) {
    mkdirSync(dir, { recursive: true });
    const sim = spawnSync(process.execPath, [resolve(here, '../bin/loopbaan.js'), 'simulate', 'jobcoach', '--n', String(n), '--seed', '1', '--out', dir, '--quiet'], { stdio: 'inherit' });
    if (sim.status !== 0) process.exit(1);
  }
  if (!existsSync(parquet)) {
    // The Parquet copy: DuckDB's own conversion of the CSV (types as DuckDB detects them).
    const { DuckDb } = await import('../dist/ingest/duckdb/engine.js');
    const db = await DuckDb.open();
    await db.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet)`);
    db.close();
  }
  // each case `repeat` times; the median time and the largest peak
  const repeats = arg('repeat', 3);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const once = (what, file) => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--case=${what}@${file}`], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`${what} ${file}: ${child.stderr.trim().split('\n').pop()}`);
    return JSON.parse(child.stdout.trim().split('\n').pop());
  };
  const run = (what, file) => {
    const runs = Array.from({ length: repeats }, () => once(what, file));
    return { ...runs[0], seconds: median(runs.map((r) => r.seconds)), maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)) };
  };
  console.log(`Ingest of the jobcoach panel, ${n.toLocaleString('en')} persons; each case in its own process, ${repeats} times (the median). Other processes share the cores: timings under load are pessimistic.\n`);
  // DuckDB's grouping query alone, timed like the scan: the floor of its pivot.
  console.log('| file | size | rows | DuckDB scan (s) | loopbaan ingest (s) | ratio (target <= 2) | reader | peak RSS | DuckDB grouping query alone (s) | ratio |');
  console.log('|---|---:|---:|---:|---:|---:|---|---:|---:|---:|');
  for (const file of [csv, parquet]) {
    const scan = run('duckdb-scan', file);
    const ingest = run('duckdb', file);
    const grouping = run('duckdb-grouping', file);
    const size = `${(statSync(file).size / 2 ** 20).toFixed(0)} MB`;
    const ratio = (x) => (x.seconds / scan.seconds).toFixed(2);
    console.log(`| ${file.endsWith('.csv') ? 'CSV' : 'Parquet'} | ${size} | ${ingest.rows.toLocaleString('en')} | ${scan.seconds.toFixed(2)} | ${ingest.seconds.toFixed(2)} | ${ratio(ingest)} | ${ingest.reader} | ${ingest.maxRssMb.toFixed(0)} MB | ${grouping.seconds.toFixed(2)} | ${ratio(grouping)} |`);
  }
  if (process.argv.includes('--js')) {
    const js = run('js', csv);
    console.log(`| CSV, JavaScript reader (before DuckDB) | | ${js.rows.toLocaleString('en')} | | ${js.seconds.toFixed(2)} | | JavaScript | ${js.maxRssMb.toFixed(0)} MB | | |`);
  }
}

/** The SQL of the pivot's grouping query for a file, the columns of its relation `m`, and whether it reads the file as it stands. */
async function groupingQuery(DuckDb, file) {
  const { openTableSource } = await import('../dist/ingest/duckdb/source.js');
  const { planMonths, CSV_SAMPLE_ROWS } = await import('../dist/ingest/duckdb/months.js');
  const { pivotQuery } = await import('../dist/ingest/duckdb/pivot.js');
  const { ProblemLog } = await import('../dist/ingest/problems.js');
  const db = await DuckDb.open();
  const source = await openTableSource(db, file);
  const input = { db, source, kind: 'long', options: { attributes: [] }, problems: new ProblemLog('strict'), idColumn: 'person_id', persons: undefined };
  const plan = await planMonths(input, source.kind === 'csv' ? CSV_SAMPLE_ROWS : undefined);
  plan.stopScan();
  const query = pivotQuery(input, plan);
  const rows = plan.rows ?? Number((await db.rows('SELECT count(*)::DOUBLE AS n FROM m'))[0].n);
  db.close();
  if (!query) throw new Error(`${file} cannot be pivoted`);
  const { id, state, month } = plan.columns;
  return { sql: query.sql, columns: [id, state, month], stream: plan.sampled, rows };
}
