/**
 * Formats a number for a figure annotation with `digits` significant digits, dropping trailing zeros
 * and switching to exponent notation outside [1e-3, 1e5) so labels stay short.
 */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${trimZeros(mantissa)}e${exponent.replace('+', '')}`;
  }
  // Going through Number drops trailing zeros and the exponent toPrecision uses for large integers.
  return String(Number(value.toPrecision(digits)));
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
