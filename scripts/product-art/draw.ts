/**
 * Drawing helpers for the product illustrations: a seeded random source (the same picture on every run,
 * so a regenerated file only changes when its drawing does) and compact SVG shapes.
 */

export type Random = () => number;

/** mulberry32: small, fast and seedable, which is all an illustration needs. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const between = (random: Random, low: number, high: number) => low + random() * (high - low);
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** One decimal at most: the files stay small and the picture is the same to the eye. */
export const n = (value: number) => String(Math.round(value * 10) / 10);

export function linear(id: string, stops: [number, string][], x2 = 0, y2 = 1): string {
  const s = stops.map(([at, color]) => `<stop offset="${at}" stop-color="${color}"/>`).join("");
  return `<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${s}</linearGradient>`;
}

export function radial(id: string, stops: [number, string, number?][]): string {
  const s = stops
    .map(
      ([at, color, opacity]) =>
        `<stop offset="${at}" stop-color="${color}"${opacity === undefined ? "" : ` stop-opacity="${opacity}"`}/>`,
    )
    .join("");
  return `<radialGradient id="${id}">${s}</radialGradient>`;
}

export const ellipse = (cx: number, cy: number, rx: number, ry: number, attrs: string) =>
  `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" ${attrs}/>`;

export const circle = (cx: number, cy: number, r: number, attrs: string) =>
  `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" ${attrs}/>`;

export const path = (d: string, attrs: string) => `<path d="${d}" ${attrs}/>`;

/** A pointed leaf of length `len` and width `wid`, centred on (x, y) and turned by `angle` degrees. */
export function leafPath(x: number, y: number, len: number, wid: number, angle: number): string {
  const a = (angle * Math.PI) / 180;
  const [c, s] = [Math.cos(a), Math.sin(a)];
  const at = (u: number, v: number) => `${n(x + u * c - v * s)} ${n(y + u * s + v * c)}`;
  const h = len / 2;
  return `M${at(-h, 0)}Q${at(0, -wid)} ${at(h, 0)}Q${at(0, wid)} ${at(-h, 0)}Z`;
}

/** The midrib of the same leaf, a little shorter than it. */
export function veinPath(x: number, y: number, len: number, angle: number): string {
  const a = (angle * Math.PI) / 180;
  const h = len * 0.42;
  return `M${n(x - h * Math.cos(a))} ${n(y - h * Math.sin(a))}L${n(x + h * Math.cos(a))} ${n(y + h * Math.sin(a))}`;
}

/** A soft contact shadow under an object standing on the table. */
export const shadow = (cx: number, cy: number, rx: number, ry: number) => ellipse(cx, cy, rx, ry, `fill="url(#sh)"`);

export interface Scene {
  /** Wall colours, top to bottom. */
  wall: [string, string];
  /** Table colours, back edge to front. */
  table: [string, string];
  defs?: string;
  body: string;
}

/** The studio every product is shot in: a wall, a table edge at y = 420, a shared shadow gradient. */
export function frame(title: string, scene: Scene): string {
  const defs =
    linear("wall", [
      [0, scene.wall[0]],
      [1, scene.wall[1]],
    ]) +
    linear("tbl", [
      [0, scene.table[0]],
      [1, scene.table[1]],
    ]) +
    radial("sh", [
      [0, "#000", 0.28],
      [1, "#000", 0],
    ]) +
    (scene.defs ?? "");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600" role="img" aria-label="${title}">` +
    `<defs>${defs}</defs>` +
    `<rect width="800" height="600" fill="url(#wall)"/>` +
    `<rect y="420" width="800" height="180" fill="url(#tbl)"/>` +
    `<rect y="420" width="800" height="3" fill="#fff" opacity=".35"/>` +
    scene.body +
    `</svg>\n`
  );
}
