// The whole study report from Parquet at register scale: the synthetic jobcoach
// panel of 250,000, 500,000 and 1,000,000 persons followed up to 120 months
// (`loopbaan simulate jobcoach --months 120 --format parquet`), then
// `loopbaan report jobcoach --months months.parquet --persons persons.parquet`:
// ingest, typology (CLARA once the distinct sequences' matrix does not fit),
// every analysis, figures and page. Target at 1,000,000: under 10 minutes on
// 2 cores with peak RSS under 8 GB. Prints how time and memory grow with n
// (the exponent b of time ~ n^b between successive sizes) and the machine's
// load average, since other processes may share the cores.
//   node bench/report.bench.js                          250k, 500k, 1M (the panels are written once to bench/out/)
//   node bench/report.bench.js --sizes=50000,100000     other sizes
//   node bench/report.bench.js --quick                  50,000 and 100,000
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = resolve(here, '../bin/loopbaan.js');
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sizes = (option('sizes') ?? (process.argv.includes('--quick') ? '50000,100000' : '250000,500000,1000000')).split(',').map(Number);
const months = Number(option('months') ?? 120);
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Run a loopbaan command; wall seconds, CPU seconds and peak RSS (from /usr/bin/time -v when present). */
function run(args) {
  const t0 = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ['-v', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`loopbaan ${args.join(' ')} failed:\n${r.stderr.trim().split('\n').slice(-5).join('\n')}`);
  const field = (name) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(r.stderr)?.[1] ?? NaN);
  return { wall, cpu: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'), rssGb: field('Maximum resident set size \\(kbytes\\)') / 2 ** 20, stdout: r.stdout };
}

console.log(`The jobcoach study report from Parquet, ${months} months of follow-up at most; each run in its own process.`);
console.log('Other processes may share the cores: the load average (1 minute) is given before and after each run.\n');
console.log('| persons | person-months | report wall (s) | CPU (s) | peak RSS (GB) | load before / after | time exponent | memory exponent |');
console.log('|---:|---:|---:|---:|---:|---|---:|---:|');
let previous;
for (const n of sizes) {
  const dir = resolve(here, 'out', `report-${n}x${months}`);
  if (!existsSync(join(dir, 'months.parquet'))) {
    mkdirSync(dir, { recursive: true });
    run(['simulate', 'jobcoach', '--n', String(n), '--months', String(months), '--seed', '1', '--format', 'parquet', '--out', dir, '--quiet']);
  }
  const out = join(dir, 'report');
  rmSync(out, { recursive: true, force: true });
  const before = loadavg()[0];
  const r = run(['report', 'jobcoach', '--months', join(dir, 'months.parquet'), '--persons', join(dir, 'persons.parquet'), '--out', out, '--quiet']);
  const after = loadavg()[0];
  const rows = spawnSync(process.execPath, ['-e', `
    const { DuckDb } = await import(${JSON.stringify(resolve(here, '../dist/ingest/duckdb/engine.js'))});
    const db = await DuckDb.open();
    const [r] = await db.rows("SELECT count(*)::DOUBLE AS n FROM read_parquet('${join(dir, 'months.parquet')}')");
    console.log(r.n); db.close();`], { encoding: 'utf8', input: '' });
  const exponent = (a, b) => (previous ? (Math.log(b / a) / Math.log(n / previous.n)).toFixed(2) : '');
  const target = n === 1_000_000 ? (r.wall < 600 && r.rssGb < 8 ? ' (target met)' : ' (target: < 600 s, < 8 GB)') : '';
  console.log(
    `| ${n.toLocaleString('en')} | ${Number(rows.stdout.trim()).toLocaleString('en')} | ${r.wall.toFixed(0)}${target} | ${r.cpu.toFixed(0)} | ${r.rssGb.toFixed(2)} | ` +
      `${before.toFixed(1)} / ${after.toFixed(1)} | ${exponent(previous?.wall, r.wall)} | ${exponent(previous?.rssGb, r.rssGb)} |`,
  );
  previous = { n, wall: r.wall, rssGb: r.rssGb };
}
