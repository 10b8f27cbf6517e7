// `loopbaan dist` on 3,000 x 48 sequences (Markov chain, 4 states, stay 0.93,
// seed 1), OM with TRATE costs and indel 1: compute and write the full N x N
// matrix as CSV, against TraMineR's seqdist + data.table's fwrite in the same
// run (when Rscript with TraMineR and data.table is found; R_LIBS defaults to
// /work/rlib when that folder exists). Target: compute + CSV write at least 6x
// faster than R's seqdist + fwrite (R's times are taken inside R, without
// starting R and reading the data: ours likewise, in this process; the whole
// `loopbaan dist` command is shown too). Also
// the CSV writer alone against the String(x)-per-value writer it replaced
// (target: at least 4x), and the condensed binary file.
//   node bench/dist.bench.js            (data go to bench/out/, generated, never committed)
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSequences, distanceAt, distances, makeAlphabet, seededRandom, writeDistanceCsv } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, 'out');
mkdirSync(out, { recursive: true });
const N = 3000;
const T = 48;

// The sequences, written as a wide CSV both tools read.
const rnd = seededRandom(1);
const codes = new Uint8Array(N * T);
for (let r = 0; r < N; r++) {
  let s = Math.floor(rnd() * 4);
  for (let j = 0; j < T; j++) {
    if (j > 0 && rnd() >= 0.93) s = (s + 1 + Math.floor(rnd() * 3)) % 4;
    codes[r * T + j] = s;
  }
}
const input = join(out, 'dist3000.csv');
const header = ['id', ...Array.from({ length: T }, (_, j) => `m${j + 1}`)].join(',');
const lines = Array.from({ length: N }, (_, r) => [r + 1, ...Array.from(codes.subarray(r * T, (r + 1) * T), (c) => `s${c}`)].join(','));
writeFileSync(input, `${header}\n${lines.join('\n')}\n`);

const cli = resolve(here, '../bin/loopbaan.js');
const distArgs = ['dist', '--input', input, '--cols', `m1..m${T}`, '--id', 'id', '--method', 'OM', '--sm', 'TRATE', '--indel', '1', '--quiet'];
/** Wall seconds of a loopbaan command in its own process. */
function timed(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`loopbaan ${args.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}
const csvFile = join(out, 'om3000.csv');
const loopbaanCsv = timed([...distArgs, '--out', csvFile]);
const loopbaanCondensed = timed([...distArgs, '--out', join(out, 'om3000.dist')]);

// The CSV writer alone, on the same matrix, against the writer it replaced.
const seqs = createSequences({ alphabet: makeAlphabet(['s0', 's1', 's2', 's3']), n: N, t: T, codes });
const t0 = performance.now();
const matrix = await distances(seqs, { method: 'OM', sm: 'TRATE', indel: 1 });
const compute = (performance.now() - t0) / 1000;
async function writeTo(file, write) {
  const stream = createWriteStream(file);
  const t0 = performance.now();
  await write(stream);
  stream.end();
  await once(stream, 'finish');
  return (performance.now() - t0) / 1000;
}
const stringWriter = async (stream) => {
  const row = new Array(N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) row[j] = String(distanceAt(matrix, i, j));
    if (!stream.write(row.join(',') + '\n')) await once(stream, 'drain');
  }
};
// each writer 3 times, in alternation (the String(x) writer's garbage slows whatever runs next); the medians
const runs = { before: [], after: [] };
for (let k = 0; k < 3; k++) {
  runs.before.push(await writeTo(join(out, 'om3000-string.csv'), stringWriter));
  runs.after.push(await writeTo(join(out, 'om3000-new.csv'), (stream) => writeDistanceCsv(matrix, stream)));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[1];
const before = median(runs.before);
const after = median(runs.after);

// TraMineR + data.table, when R has them.
const rLibs = process.env.R_LIBS ?? (existsSync('/work/rlib') ? '/work/rlib' : undefined);
const rEnv = { ...process.env, ...(rLibs ? { R_LIBS: rLibs } : {}) };
const hasR = spawnSync('Rscript', ['-e', 'cat(requireNamespace("TraMineR", quietly = TRUE) && requireNamespace("data.table", quietly = TRUE))'], { encoding: 'utf8', env: rEnv });
let r;
if (hasR.status === 0 && hasR.stdout.trim() === 'TRUE') {
  const script = `
suppressMessages({ library(TraMineR); library(data.table) })
x <- read.csv(${JSON.stringify(input)})
s <- seqdef(x[, 2:${T + 1}], id = x$id)
t1 <- system.time(d <- seqdist(s, method = "OM", sm = "TRATE", indel = 1))[["elapsed"]]
t2 <- system.time(fwrite(as.data.table(d), ${JSON.stringify(join(out, 'om3000-r.csv'))}, col.names = FALSE))[["elapsed"]]
cat(t1, t2, "\\n")`;
  const run = spawnSync('Rscript', ['-e', script], { encoding: 'utf8', env: rEnv });
  if (run.status === 0) {
    const [seqdist, fwrite] = run.stdout.trim().split(/\s+/).map(Number);
    r = { seqdist, fwrite };
  } else {
    console.log(`R failed: ${run.stderr.trim().split('\n').pop()}`);
  }
}

const mb = (file) => (statSync(file).size / 2 ** 20).toFixed(0);
console.log(`dist 3,000 x 48 (OM, TRATE, indel 1), ${availableParallelism()} cores; other processes share them: timings under load are pessimistic.\n`);
console.log('| step | seconds | note |');
console.log('|---|---:|---|');
console.log(`| loopbaan dist --out om.csv (read, compute, write CSV) | ${loopbaanCsv.toFixed(2)} | ${mb(csvFile)} MB |`);
console.log(`| loopbaan dist --out om.dist (condensed binary) | ${loopbaanCondensed.toFixed(2)} | ${mb(join(out, 'om3000.dist'))} MB |`);
console.log(`| CSV writer, String(x) per value (before; median of 3) | ${before.toFixed(2)} | |`);
console.log(`| CSV writer, writeDecimal, rows on ${availableParallelism()} threads (median of 3) | ${after.toFixed(2)} | ${(before / after).toFixed(1)}x faster (target 4x) |`);
console.log(`| distances() + writeDistanceCsv() (compute + CSV write, in one process) | ${(compute + after).toFixed(2)} | as R's two steps below |`);
if (r) {
  console.log(`| TraMineR seqdist | ${r.seqdist.toFixed(2)} | |`);
  console.log(`| data.table fwrite | ${r.fwrite.toFixed(2)} | |`);
  console.log(`| TraMineR seqdist + fwrite / loopbaan compute + CSV write | ${((r.seqdist + r.fwrite) / (compute + after)).toFixed(1)}x | target 6x |`);
  console.log(`| TraMineR seqdist + fwrite / the whole loopbaan dist command | ${((r.seqdist + r.fwrite) / loopbaanCsv).toFixed(1)}x | the command also starts Node and reads the file |`);
} else {
  console.log('| TraMineR + fwrite | - | R with TraMineR and data.table not found (set R_LIBS); comparison skipped |');
}
