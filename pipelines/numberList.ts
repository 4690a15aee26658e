import { invalidParameter } from '../src/core/errors.js';

/**
 * Parses a comma-separated list flag such as `--N-list 100,200,400` into numbers, each checked to be finite, an
 * integer if asked, and at least `min`; an empty list or a bad entry is a one-line parameter error.
 */
export function parseNumberList(name: string, text: unknown, options: { integer?: boolean; min?: number; minInclusive?: boolean } = {}): number[] {
  const integer = options.integer ?? false;
  const min = options.min ?? -Infinity;
  const inclusive = options.minInclusive ?? true;
  const noun = integer ? 'integers' : 'numbers';
  const bound = Number.isFinite(min) ? ` ${inclusive ? '≥' : '>'} ${min}` : '';
  const expected = `a comma-separated list of ${noun}${bound}`;
  if (typeof text !== 'string' || text.trim() === '') throw invalidParameter(name, text, expected);
  return text.split(',').map((part) => {
    const value = Number(part.trim());
    const ok = part.trim() !== '' && Number.isFinite(value) && (!integer || Number.isInteger(value)) && (inclusive ? value >= min : value > min);
    if (!ok) throw invalidParameter(name, text, expected);
    return value;
  });
}
