/**
 * Horizontal advance widths of a TrueType font, read straight from its `cmap`, `hhea`, `hmtx` and `head`
 * tables, so figure layout can measure text with the very font resvg draws it with (no canvas needed).
 * Covers the Basic Multilingual Plane; kerning is ignored (a fraction of a pixel per label).
 */
export interface AdvanceWidths {
  /** `em[codeUnit]` is the advance of that UTF-16 code unit in ems (the .notdef advance when unmapped). */
  readonly em: Float32Array;
}

/** Parses the advance width of every BMP character from a TrueType font file (spec: OpenType 1.9, cmap format 4). */
export function parseAdvanceWidths(font: Uint8Array): AdvanceWidths {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = tableDirectory(view);
  const head = requireTable(tables, 'head');
  const hhea = requireTable(tables, 'hhea');
  const hmtx = requireTable(tables, 'hmtx');
  const cmap = requireTable(tables, 'cmap');

  const unitsPerEm = view.getUint16(head + 18);
  const metricCount = view.getUint16(hhea + 34);
  const advanceOf = (glyph: number): number =>
    view.getUint16(hmtx + 4 * (glyph < metricCount ? glyph : metricCount - 1)) / unitsPerEm;

  const em = new Float32Array(65536).fill(advanceOf(0));
  const subtable = unicodeFormat4(view, cmap);
  const segments = view.getUint16(subtable + 6) / 2;
  const endCodes = subtable + 14;
  const startCodes = endCodes + 2 * segments + 2;
  const deltas = startCodes + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const start = view.getUint16(startCodes + 2 * s);
    const end = view.getUint16(endCodes + 2 * s);
    const delta = view.getUint16(deltas + 2 * s);
    const rangeOffsetAt = rangeOffsets + 2 * s;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (code + delta) & 0xffff;
      } else {
        const raw = view.getUint16(rangeOffsetAt + rangeOffset + 2 * (code - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      em[code] = advanceOf(glyph);
    }
  }
  return { em };
}

/** Width of `text` in ems: the sum of its characters' advances. */
export function textWidthEm(widths: AdvanceWidths, text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) width += widths.em[text.charCodeAt(i)];
  return width;
}

function tableDirectory(view: DataView): Map<string, number> {
  const count = view.getUint16(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    tables.set(tag, view.getUint32(record + 8));
  }
  return tables;
}

function requireTable(tables: Map<string, number>, tag: string): number {
  const offset = tables.get(tag);
  if (offset === undefined) throw new Error(`font has no '${tag}' table`);
  return offset;
}

/** The Unicode BMP mapping: platform 3 (Windows) encoding 1, or platform 0 (Unicode), in format 4. */
function unicodeFormat4(view: DataView, cmap: number): number {
  const count = view.getUint16(cmap + 2);
  let fallback = -1;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const subtable = cmap + view.getUint32(record + 4);
    if (view.getUint16(subtable) !== 4) continue;
    if (platform === 3 && encoding === 1) return subtable;
    if (platform === 0) fallback = subtable;
  }
  if (fallback < 0) throw new Error('font has no Unicode cmap subtable in format 4');
  return fallback;
}
