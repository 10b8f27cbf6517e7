/**
 * A number as R's `format(x, digits = d)` writes a single value: at most d
 * significant digits, trailing zeros dropped, fixed notation unless the
 * scientific one is narrower (R's default `scipen = 0`).
 *
 * @example
 * formatR(42.35513898, 5); // '42.355'
 * formatR(712, 5);         // '712'
 * formatR(0.0000123456, 5); // '1.2346e-05'
 */
export function formatR(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0';
  const target = Number(x.toPrecision(digits));
  let sig = 1;
  while (sig < digits && Number(x.toPrecision(sig)) !== target) sig++;
  const exponent = Math.floor(Math.log10(Math.abs(target)));
  const fixed = target.toFixed(Math.max(0, sig - 1 - exponent));
  const mantissa = (target / 10 ** exponent).toFixed(sig - 1);
  const sci = `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return fixed.length <= sci.length ? fixed : sci;
}

/**
 * A number as R's `as.character` writes it (15 significant digits), e.g. in
 * `paste`: `35.6`, `1e+05`.
 *
 * @example
 * characterR(712 * 0.05); // '35.6'
 */
export function characterR(x: number): string {
  return formatR(x, 15);
}
