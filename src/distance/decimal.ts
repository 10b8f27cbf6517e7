/**
 * Double to decimal text without `String(x)`: exact digits from double
 * arithmetic, for writing millions of distances (V8's `String(x)` takes about
 * a microsecond for doubles with 16-17 significant digits).
 *
 * For 1e-6 <= |x| < 1e15, x * 10^k (10^k exact for k <= 22) is computed
 * exactly as the unevaluated sum hi + lo of two doubles (Dekker's product), so
 * the decimal roundings D = round(x * 10^k) are exact (ties to even). The text
 * is the first of 15, 16 or 17 significant digits that reads back as x: with D
 * and 10^k exact, D / 10^k is the correctly rounded value of the decimal, the
 * double any correct parser (R, Python, JavaScript) gives. 17 digits always
 * read back (IEEE 754). The text is the shortest one when that has at most 15
 * digits, or 16 with D < 2^53; else it may have one digit more than
 * `String(x)`, with the same value. Integers below 2^53 are written digit by
 * digit; other values (0 < |x| < 1e-6, |x| >= 1e15, non-finite) fall back to
 * `String(x)`.
 */

const SPLIT = 134217729; // 2^27 + 1: Veltkamp's split into two 26-bit halves
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact doubles
const TWO53 = 2 ** 53;
const DOT = 46;
const MINUS = 45;
const ZERO = 48;

// Scratch of the value being written: x * 10^k as HI + LO (in a typed array:
// doubles in module variables would be boxed on every store).
const exact = new Float64Array(2);
const HI = 0;
const LO = 1;
// Veltkamp's halves of each 10^k, for the product below
const POW10_HIGH = POW10.map((p) => SPLIT * p - (SPLIT * p - p));
const POW10_LOW = POW10.map((p, k) => p - POW10_HIGH[k]);

/** x * 10^k exactly as exact[HI] + exact[LO] (Dekker's two-product; 10^k exact). */
function scale(x: number, k: number): void {
  const p = POW10[k];
  const hi = x * p;
  const c = SPLIT * x;
  const xh = c - (c - x);
  const xl = x - xh;
  const ph = POW10_HIGH[k];
  const pl = POW10_LOW[k];
  exact[HI] = hi;
  exact[LO] = xh * ph - hi + xh * pl + xl * ph + xl * pl;
}

/**
 * Write the `width` decimal digits of a non-negative integer below 2^53 into
 * out[from..from + width - 1], in int32 arithmetic (a double's % is a slow
 * library call): the last 8 digits and the rest apart.
 */
function writeInteger(out: Uint8Array, from: number, n: number, width: number): void {
  if (width > 9) {
    let high = Math.floor(n / 1e8);
    let low = n - high * 1e8; // high * 1e8 is exact (46 significant bits)
    if (low < 0) {
      low += 1e8;
      high--;
    }
    writeDigits(out, from, high, width - 8);
    writeDigits(out, from + width - 8, low, 8);
  } else {
    writeDigits(out, from, n, width);
  }
}

/** "00".."99": two digits a division. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, k) => ZERO + (k % 2 === 0 ? Math.floor(k / 20) : (k >> 1) % 10));

/** The `width` digits of an integer below 10^9 (int32) into out[from..from + width - 1], two at a time. */
function writeDigits(out: Uint8Array, from: number, n: number, width: number): void {
  let v = n | 0;
  let k = from + width - 1;
  for (; k > from; k -= 2) {
    const q = (v / 100) | 0;
    const pair = 2 * (v - q * 100);
    out[k - 1] = PAIRS[pair];
    out[k] = PAIRS[pair + 1];
    v = q;
  }
  if (k === from) out[k] = ZERO + v;
}

/** Exponent of the leading digit of 1e-6 <= a < 1e15: exact comparisons with 10^e. */
function leadingExponent(a: number): number {
  if (a >= 1) {
    // a < 1e15: a binary search over the exact powers 10^0..10^14
    let e = a >= 1e8 ? 8 : 0;
    if (a >= POW10[e + 4]) e += 4;
    if (a >= POW10[e + 2]) e += 2;
    if (a >= POW10[e + 1]) e += 1;
    return e;
  }
  // a < 1: log10 may be off by one; a * 10^-e in [1, 10) tells, computed exactly
  let e = Math.floor(Math.log10(a));
  scale(a, -e);
  const hi = exact[HI];
  const lo = exact[LO];
  if (hi < 1 || (hi === 1 && lo < 0)) e--;
  else if (hi > 10 || (hi === 10 && lo >= 0)) e++;
  return e;
}

/**
 * Write x as decimal text into `out` at `at`, in the notation of JavaScript's
 * `String(x)` for 1e-6 <= |x| < 1e21 (no exponent); returns the position after
 * it. `out` needs 26 bytes of room.
 *
 * For 1e-6 <= |x| < 1e15 one exact product gives P = |x| * 10^(16 - e10) =
 * q * 1e9 + rest + f (q < 1e8 and rest < 1e9 integers, |f| <= 0.5: hi >= 2^53
 * is an integer, q * 1e9 has 48 significant bits so it and hi - q * 1e9 are
 * exact, and lo's fraction is exact). Rounding P / 100 and P / 10 to integers
 * in the same parts gives the 15 and 16 digit candidates D; each is kept only
 * if D / 10^k === |x| (exact operands, correctly rounded division: the value
 * any correct parser gives), so a rounding slip can cost a digit, never the
 * value. 17 digits always read back.
 *
 * @example
 * const out = new Uint8Array(32);
 * const end = writeDecimal(out, 0, 1.9615384615384615);
 * new TextDecoder().decode(out.subarray(0, end)); // '1.9615384615384615'
 */
export function writeDecimal(out: Uint8Array, at: number, x: number): number {
  const a = Math.abs(x);
  if (a === Math.floor(a) && a < TWO53) {
    if (x < 0) out[at++] = MINUS;
    let width = 1;
    while (width < 16 && a >= POW10[width]) width++;
    writeInteger(out, at, a, width);
    return at + width;
  }
  const e10 = a >= 1e-6 && a < 1e15 ? leadingExponent(a) : 99;
  const k = 16 - e10;
  if (k > 22 || k < 0) return fallback(out, at, x);
  scale(a, k);
  const hi = exact[HI];
  const lo = exact[LO];
  let q = Math.floor(hi * 1e-9); // off by one at most: corrected below
  let rest = hi - q * 1e9;
  const whole = Math.round(lo);
  const f = lo - whole;
  rest += whole;
  while (rest < 0) {
    rest += 1e9;
    q--;
  }
  while (rest >= 1e9) {
    rest -= 1e9;
    q++;
  }
  if (q < 1e7 || q >= 1e8) return fallback(out, at, x); // P not in [1e16, 1e17): e10 was off
  if (x < 0) out[at++] = MINUS;
  // The digits go to out[first..]; point() then moves the integer part one left for the point.
  const first = e10 < 0 ? at + 1 - e10 : at + 1;
  const ri = rest | 0;
  // 15 and 16 significant digits: round P / 100 and P / 10 (r < 1e8: int32), ties to even
  let r = (ri / 100) | 0;
  let rem = ri - r * 100 + f;
  if (rem > 50 || (rem === 50 && (r & 1) !== 0)) r++;
  let d = q * 1e7 + r;
  if (d < 1e15 && d / POW10[k - 2] === a) {
    writeInteger(out, first, d, 15);
    return point(out, at, first + 15, e10);
  }
  r = (ri / 10) | 0;
  rem = ri - r * 10 + f;
  if (rem > 5 || (rem === 5 && (r & 1) !== 0)) r++;
  d = q * 1e8 + r;
  if (d < 1e16 && d <= TWO53 && d / POW10[k - 1] === a) {
    writeInteger(out, first, d, 16);
    return point(out, at, first + 16, e10);
  }
  // 17 digits: round(rest + f), a tie (f = -0.5: Math.round rounds halves up) to even
  if (f === -0.5 && (rest & 1) !== 0) rest--; // rest < 1e9: int32
  if (rest < 0) return fallback(out, x < 0 ? at - 1 : at, x);
  writeDigits(out, first, q, 8);
  writeDigits(out, first + 8, rest, 9);
  return point(out, at, first + 17, e10);
}

/**
 * The digits stand in out[at + 1..end - 1] (from the leading one at 10^e10;
 * for e10 < 0 after room for "0." and -e10 - 1 zeros): write those, or move
 * the integer part one left for the point; drop trailing zeros after the
 * point. Returns the end of the text.
 */
function point(out: Uint8Array, at: number, end: number, e10: number): number {
  if (e10 < 0) {
    out[at] = ZERO;
    out[at + 1] = DOT;
    for (let k = at + 2; k < at + 1 - e10; k++) out[k] = ZERO;
  } else {
    for (let k = at; k <= at + e10; k++) out[k] = out[k + 1];
    out[at + e10 + 1] = DOT;
  }
  while (out[end - 1] === ZERO) end--;
  return out[end - 1] === DOT ? end - 1 : end;
}

function fallback(out: Uint8Array, at: number, x: number): number {
  const text = String(x);
  for (let k = 0; k < text.length; k++) out[at + k] = text.charCodeAt(k);
  return at + text.length;
}
