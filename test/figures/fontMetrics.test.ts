import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it, expect } from 'vitest';
import { parseAdvanceWidths, textWidthEm } from '../../src/index.js';

const require = createRequire(import.meta.url);
const regular = parseAdvanceWidths(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
const bold = parseAdvanceWidths(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')));

describe('parseAdvanceWidths', () => {
  it('reads the DejaVu Sans advances (2048 units per em)', () => {
    // Values from the font's hmtx table: space 651, M 1767, i 569, digits 1303 units.
    expect(textWidthEm(regular, ' ')).toBeCloseTo(651 / 2048, 6);
    expect(textWidthEm(regular, 'M')).toBeCloseTo(1767 / 2048, 6);
    expect(textWidthEm(regular, 'i')).toBeCloseTo(569 / 2048, 6);
    expect(textWidthEm(regular, '0123456789')).toBeCloseTo((10 * 1303) / 2048, 5);
  });

  it('covers the Greek and symbol characters used in labels', () => {
    for (const ch of 'εντ−×·₁') expect(textWidthEm(regular, ch)).toBeGreaterThan(0.2);
  });

  it('measures bold wider than regular', () => {
    const text = 'Balanced network, 1000 neurons';
    expect(textWidthEm(bold, text)).toBeGreaterThan(textWidthEm(regular, text));
  });

  it('rejects bytes that are not a TrueType font', () => {
    expect(() => parseAdvanceWidths(new Uint8Array(64))).toThrow(/table/);
  });
});
