import { inflateSync } from "node:zlib";

/**
 * The characters a WOFF (or bare OpenType) font maps to a glyph, read from its cmap table: enough of the
 * format for a test to ask whether a font can draw a text, with no font library.
 */
export function fontCharacters(file: Buffer): Set<number> {
  const cmap = table(file, "cmap");
  const subtables = cmap.readUInt16BE(2);
  const out = new Set<number>();
  for (let i = 0; i < subtables; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    // Unicode, as Windows (3,1 BMP; 3,10 full) or the Unicode platform (0,*) names it.
    if (platform !== 0 && !(platform === 3 && (encoding === 1 || encoding === 10))) continue;
    const at = cmap.readUInt32BE(8 + i * 8);
    const format = cmap.readUInt16BE(at);
    if (format === 4) readFormat4(cmap, at, out);
    else if (format === 12) readFormat12(cmap, at, out);
  }
  return out;
}

function table(file: Buffer, tag: string): Buffer {
  const woff = file.toString("latin1", 0, 4) === "wOFF";
  const count = file.readUInt16BE(woff ? 12 : 4);
  for (let i = 0; i < count; i++) {
    const entry = woff ? 44 + i * 20 : 12 + i * 16;
    if (file.toString("latin1", entry, entry + 4) !== tag) continue;
    const offset = file.readUInt32BE(entry + (woff ? 4 : 8));
    if (!woff) return file.subarray(offset, offset + file.readUInt32BE(entry + 12));
    const [stored, length] = [file.readUInt32BE(entry + 8), file.readUInt32BE(entry + 12)];
    const data = file.subarray(offset, offset + stored);
    return stored < length ? inflateSync(data) : data;
  }
  throw new Error(`no ${tag} table`);
}

function readFormat4(cmap: Buffer, at: number, out: Set<number>) {
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const [end, start] = [cmap.readUInt16BE(ends + s * 2), cmap.readUInt16BE(starts + s * 2)];
    const delta = cmap.readUInt16BE(deltas + s * 2);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      // A range offset points into the glyph id array, where 0 means no glyph; otherwise the delta maps.
      const fromArray = rangeOffset === 0 ? c : cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
      const glyph = rangeOffset !== 0 && fromArray === 0 ? 0 : (fromArray + delta) & 0xffff;
      if (glyph !== 0) out.add(c);
    }
  }
}

function readFormat12(cmap: Buffer, at: number, out: Set<number>) {
  const groups = cmap.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g++) {
    const [start, end, glyph] = [0, 4, 8].map((o) => cmap.readUInt32BE(at + 16 + g * 12 + o)) as [
      number,
      number,
      number,
    ];
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
  }
}
