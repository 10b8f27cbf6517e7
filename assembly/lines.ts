// Line scanner of plain CSV text (AssemblyScript -> WebAssembly SIMD), for
// the order in which a file's ids first occur (src/ingest/duckdb/first-rows.ts).
//
// One call takes the complete lines of buffer[from..end) and reports the
// rows whose id differs from the previous row's id ("runs"): consecutive
// rows of one person, the usual layout, cost a comparison of a few bytes.
// - Newlines are found 16 bytes at a time: the lanes of
//   i8x16.eq(load(q), splat('\n')) as a bit mask, its lowest set bit the first
//   newline (ctz); the last bytes, under 16, one at a time.
// - A line is the bytes before its '\n' (a '\r' before it ends the last field).
//   Blank lines ('' or '\r') are no rows; the first other line is the header.
// - A row's id is the text after the (column)th delimiter, up to the next
//   delimiter, '\r' or the end of the line.
// State between calls (the header seen, the previous id) lives in the module:
// one instance scans one file.
//
// Memory is managed by the caller: it writes the text after heapBase() and
// passes byte offsets. `runs` receives three i32 per run: the row (counted
// from the first row of this call), and the id's first and past-last byte.

/** Why a call stopped (`stopReason`). */
const END = 0; // every complete line taken: `stoppedAt` is the start of the unfinished line
const FULL = 1; // `maxRuns` runs written: call again from `stoppedAt`
const NOT_PLAIN = 2; // a line above maxLine, a row without the id column, an id above MAX_ID bytes

/** Longest id kept for comparison (longer: NOT_PLAIN, and the file is read another way). */
const MAX_ID: i32 = 256;

let headerSeen = false;
let previousLength: i32 = -1;

/** Where the last call stopped, why, and the rows it took. */
export let stoppedAt: usize = 0;
export let stopReason: i32 = END;
export let rowsTaken: i32 = 0;

/** First free byte after the module's static data. */
export function heapBase(): usize {
  return __heap_base;
}

/** Bytes the caller reserves at `previous` for the previous row's id. */
export function previousBytes(): i32 {
  return MAX_ID;
}

/** Position of the first '\n' in [q, end), or end. */
function nextNewline(q: usize, end: usize): usize {
  const newline = i8x16.splat(10);
  while (q + 16 <= end) {
    const mask = i8x16.bitmask(i8x16.eq(v128.load(q), newline));
    if (mask != 0) return q + <usize>ctz(mask);
    q += 16;
  }
  while (q < end && load<u8>(q) != 10) q++;
  return q;
}

/**
 * Take the complete lines of [from, end); see the header. Returns the number
 * of runs written; `stoppedAt`, `stopReason` and `rowsTaken` tell the rest.
 */
export function scanLines(from: usize, end: usize, column: i32, delimiter: i32, maxLine: i32, previous: usize, runs: usize, maxRuns: i32): i32 {
  let p = from;
  let row: i32 = 0;
  let found: i32 = 0;
  stopReason = END;
  for (;;) {
    if (found == maxRuns) {
      stopReason = FULL;
      break;
    }
    const newline = nextNewline(p, end);
    if (newline == end) break;
    const start = p;
    p = newline + 1;
    // a blank line is no row (DuckDB and the CSV reader skip it)
    if (newline == start || (newline == start + 1 && load<u8>(start) == 13)) continue;
    if (<i32>(newline - start) > maxLine) {
      stopReason = NOT_PLAIN;
      p = start;
      break;
    }
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    let at = start;
    let fields = true;
    for (let k = 0; k < column && fields; k++) {
      while (at < newline && <i32>load<u8>(at) != delimiter) at++;
      fields = at < newline;
      at++;
    }
    if (!fields) {
      stopReason = NOT_PLAIN; // too few fields
      p = start;
      break;
    }
    // the previous row's id: its bytes, then the end of the field
    let k: i32 = 0;
    while (k < previousLength && load<u8>(at + k) == load<u8>(previous + k)) k++;
    const after = at + k;
    const next = after < newline ? <i32>load<u8>(after) : 10;
    if (k != previousLength || (after != newline && next != delimiter && next != 13)) {
      let to = at;
      while (to < newline && <i32>load<u8>(to) != delimiter && load<u8>(to) != 13) to++;
      const length = <i32>(to - at);
      if (length > MAX_ID) {
        stopReason = NOT_PLAIN;
        p = start;
        break;
      }
      memory.copy(previous, at, length);
      previousLength = length;
      const out = runs + <usize>found * 12;
      store<i32>(out, row);
      store<i32>(out, <i32>at, 4);
      store<i32>(out, <i32>to, 8);
      found++;
    }
    row++;
  }
  stoppedAt = p;
  rowsTaken = row;
  return found;
}
