/**
 * Double to decimal text without `String(x)`: exact digits from double
 * arithmetic, for writing millions of distances (V8's `String(x)` takes about
 * a microsecond for doubles with 16-17 significant digits).
 *
 * For 1e-6 <= |x| < 1e15, x * 10^k (10^k exact for k <= 22) is computed
 * exactly as the unevaluated sum hi + lo of two doubles (Dekker's product), so
 * the decimal rounding D = round(x * 10^k) is exact (ties to even). The text is
 * the first of 15, 16 or 17 significant digits that reads back as x: with D
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

// Scratch of the value being written: x * 10^k as hi + lo, and its digits.
let hi = 0;
let lo = 0;
const digits = new Uint8Array(17);

/** x * 10^k exactly as hi + lo (Dekker's two-product; 10^k exact). */
function scale(x: number, k: number): void {
  const p = POW10[k];
  hi = x * p;
  let c = SPLIT * x;
  const xh = c - (c - x);
  const xl = x - xh;
  c = SPLIT * p;
  const ph = c - (c - p);
  const pl = p - ph;
  lo = xh * ph - hi + xh * pl + xl * ph + xl * pl;
}

/**
 * round(hi + lo), ties to even, for 2^46 < hi < 2^53: r = round(hi) is
 * exact, and so are hi - r and +-0.5 - (hi - r) (multiples of ulp(hi) >= 2^-6
 * of at most 1), so the comparisons with lo are exact.
 */
function roundScaled(): number {
  const r = Math.round(hi);
  const f = hi - r;
  const odd = r % 2 !== 0;
  if (lo > 0.5 - f || (lo === 0.5 - f && odd)) return r + 1;
  if (lo < -0.5 - f || (lo === -0.5 - f && odd)) return r - 1;
  return r;
}

/**
 * Write `width` decimal digits of a non-negative integer below 2^53 into
 * `digits` from `from`, in int32 arithmetic (a double's % is a slow library
 * call): the last 8 digits and the rest apart.
 */
function integerDigits(n: number, width: number, from: number): void {
  if (width > 9) {
    let high = Math.floor(n / 1e8);
    let low = n - high * 1e8; // high * 1e8 is exact (46 significant bits)
    if (low < 0) {
      low += 1e8;
      high--;
    }
    smallDigits(low, 8, from + width - 8);
    smallDigits(high, width - 8, from);
  } else {
    smallDigits(n, width, from);
  }
}

/** Digits of an integer below 10^9 (int32). */
function smallDigits(n: number, width: number, from: number): void {
  let v = n | 0;
  for (let k = from + width - 1; k >= from; k--) {
    const q = (v / 10) | 0;
    digits[k] = ZERO + v - q * 10;
    v = q;
  }
}

/** Exponent of the leading digit of 1e-6 <= a < 1e15: exact comparisons with 10^e. */
function leadingExponent(a: number): number {
  let e = Math.floor(Math.log10(a));
  if (e >= 0) {
    if (a < POW10[e]) e--;
    else if (a >= POW10[e + 1]) e++;
    return e;
  }
  scale(a, -e); // a * 10^-e in [1, 10) when e is right
  if (hi < 1 || (hi === 1 && lo < 0)) e--;
  else if (hi > 10 || (hi === 10 && lo >= 0)) e++;
  return e;
}

/**
 * The 17 significant digits of a (leading digit at 10^e10) into `digits`.
 * hi = a * 10^(16 - e10) is an integer (>= 2^53); q * 1e9 has 48 significant
 * bits, so it and hi - q * 1e9 are exact, and lo's fraction is exact: the sum
 * is an exact integer split into 8 + 9 digits. False when it carries to 18 digits.
 */
function seventeen(a: number, e10: number): boolean {
  scale(a, 16 - e10);
  let q = Math.floor(hi / 1e9);
  let rest = hi - q * 1e9;
  const whole = Math.round(lo);
  rest += whole;
  // lo - whole is exact; -0.5 is a tie (Math.round rounds halves up): to even
  if (lo - whole === -0.5 && rest % 2 !== 0) rest--;
  while (rest < 0) {
    rest += 1e9;
    q--;
  }
  while (rest >= 1e9) {
    rest -= 1e9;
    q++;
  }
  if (q >= 1e8) return false;
  smallDigits(q, 8, 0);
  smallDigits(rest, 9, 8);
  return true;
}

/**
 * Write x as decimal text into `out` at `at`, in the notation of JavaScript's
 * `String(x)` for 1e-6 <= |x| < 1e21 (no exponent); returns the position after
 * it. `out` needs 26 bytes of room.
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
    integerDigits(a, width, 0);
    return copyDigits(out, at, width);
  }
  if (!(a >= 1e-6 && a < 1e15)) return fallback(out, at, x);
  if (x < 0) out[at++] = MINUS;
  const e10 = leadingExponent(a);
  for (let p = 15; p <= 16; p++) {
    const k = p - 1 - e10;
    if (k > 22) break;
    scale(a, k);
    if (hi >= TWO53) break;
    const d = roundScaled();
    if (d < POW10[p - 1] || d >= POW10[p]) continue; // rounds up to the next power of ten
    if (d / POW10[k] === a) {
      integerDigits(d, p, 0);
      return place(out, at, p, e10);
    }
  }
  if (16 - e10 > 22 || !seventeen(a, e10)) return fallback(out, x < 0 ? at - 1 : at, x);
  return place(out, at, 17, e10);
}

/** Write `count` digits with the leading one at 10^e10, trailing zeros after the point dropped. */
function place(out: Uint8Array, at: number, count: number, e10: number): number {
  while (count > e10 + 1 && digits[count - 1] === ZERO) count--;
  if (e10 < 0) {
    out[at++] = ZERO;
    out[at++] = DOT;
    for (let k = -1; k > e10; k--) out[at++] = ZERO;
    return copyDigits(out, at, count);
  }
  for (let k = 0; k <= e10; k++) out[at++] = k < count ? digits[k] : ZERO;
  if (count <= e10 + 1) return at;
  out[at++] = DOT;
  for (let k = e10 + 1; k < count; k++) out[at++] = digits[k];
  return at;
}

function copyDigits(out: Uint8Array, at: number, count: number): number {
  for (let k = 0; k < count; k++) out[at + k] = digits[k];
  return at + count;
}

function fallback(out: Uint8Array, at: number, x: number): number {
  const text = String(x);
  for (let k = 0; k < text.length; k++) out[at + k] = text.charCodeAt(k);
  return at + text.length;
}
