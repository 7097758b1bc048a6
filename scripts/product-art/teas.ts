import {
  between,
  circle,
  ellipse,
  frame,
  leafPath,
  linear,
  n,
  path,
  pick,
  radial,
  seeded,
  shadow,
  veinPath,
} from "./draw";

/** Rolled oolong balls heaped in a white dish, two brewed leaves opened out in front of it. */
export function tieguanyin(): string {
  const random = seeded(1);
  const greens = ["#3f5a24", "#4b6a2a", "#35501f", "#5a7a32", "#2e461b"];
  const balls: string[] = [];
  const spots: { x: number; y: number; r: number }[] = [];
  for (let i = 0; i < 90; i++) {
    const u = between(random, -1, 1);
    const height = Math.sqrt(1 - u * u);
    spots.push({ x: 400 + u * 180, y: 395 - random() * height * 95, r: between(random, 11, 17) });
  }
  spots.sort((a, b) => a.y - b.y);
  for (const { x, y, r } of spots) {
    balls.push(circle(x, y, r, `fill="${pick(random, greens)}"`));
    balls.push(circle(x - r * 0.35, y - r * 0.35, r * 0.35, `fill="#9fb26a" opacity=".45"`));
  }
  const openLeaf = (x: number, y: number, angle: number) =>
    path(leafPath(x, y, 150, 42, angle), `fill="#6f8f35"`) +
    path(veinPath(x, y, 150, angle), `stroke="#c8d78f" stroke-width="3" fill="none"`);
  return frame("Tieguanyin oolong", {
    wall: ["#f2ede0", "#e4dccb"],
    table: ["#b98a5e", "#8f6440"],
    defs: linear("dish", [
      [0, "#ffffff"],
      [1, "#d9d6cf"],
    ]),
    body:
      shadow(400, 455, 270, 40) +
      ellipse(400, 405, 245, 62, `fill="url(#dish)"`) +
      ellipse(400, 398, 215, 48, `fill="#eeebe4"`) +
      balls.join("") +
      path("M158 410Q400 500 642 410", `stroke="#c5c0b5" stroke-width="3" fill="none"`) +
      openLeaf(190, 520, -18) +
      openLeaf(600, 530, 12),
  });
}

/** A ripe pu'er cake out of its wrapper, with the pick that splits it. */
export function puer(): string {
  const random = seeded(2);
  const colors = ["#4a2a17", "#6b3d20", "#83512b", "#2f1a0e"];
  const strokes = new Map(colors.map((color) => [color, [] as string[]]));
  for (let i = 0; i < 260; i++) {
    const angle = random() * Math.PI * 2;
    const radius = Math.sqrt(random()) * 0.95;
    const x = 400 + Math.cos(angle) * radius * 220;
    const y = 320 + Math.sin(angle) * radius * 86;
    const a = random() * Math.PI;
    const len = between(random, 8, 20);
    strokes.get(pick(random, colors))?.push(`M${n(x)} ${n(y)}l${n(Math.cos(a) * len)} ${n(Math.sin(a) * len * 0.45)}`);
  }
  const texture = colors
    .map((color) =>
      path((strokes.get(color) ?? []).join(""), `stroke="${color}" stroke-width="4" stroke-linecap="round"`),
    )
    .join("");
  return frame("Aged pu'er cake", {
    wall: ["#efe6d8", "#ddcfba"],
    table: ["#6d4a32", "#4c3222"],
    defs:
      linear("side", [
        [0, "#5a341c"],
        [1, "#2b170b"],
      ]) +
      radial("cake", [
        [0, "#7a4a28"],
        [1, "#58331b"],
      ]),
    body:
      // the wrapper, opened out behind the cake, with the tea house's red stamp
      path(
        "M120 300L210 170L400 140L600 165L690 290L650 400L150 410Z",
        `fill="#f4ecd9" stroke="#d9ccb0" stroke-width="2"`,
      ) +
      path("M210 170L300 300M400 140L400 260M600 165L520 290", `stroke="#e2d5ba" stroke-width="3" fill="none"`) +
      circle(560, 205, 34, `fill="none" stroke="#b22f22" stroke-width="6"`) +
      circle(560, 205, 22, `fill="#b22f22" opacity=".85"`) +
      shadow(400, 385, 270, 46) +
      path("M180 320v34A220 86 0 0 0 620 354v-34Z", `fill="url(#side)"`) +
      ellipse(400, 320, 220, 86, `fill="url(#cake)"`) +
      texture +
      ellipse(400, 318, 30, 12, `fill="#2b170b" opacity=".6"`) +
      // the pu'er pick: a steel blade and a wooden handle
      path("M470 520L640 446L648 458L480 530Z", `fill="#c9ccd1" stroke="#8e949c" stroke-width="2"`) +
      path("M640 446L730 408Q746 404 748 418L656 462Z", `fill="#8a5a33"`) +
      path("M660 450L740 414", `stroke="#b07c4f" stroke-width="3"`),
  });
}

/** Jasmine pearls in a porcelain bowl, a few fresh blossoms beside them. */
export function jasminePearls(): string {
  const random = seeded(3);
  const pearls: { x: number; y: number }[] = [];
  for (let i = 0; i < 75; i++) {
    const u = between(random, -1, 1);
    pearls.push({ x: 400 + u * 150, y: 320 - random() * Math.sqrt(1 - u * u) * 70 });
  }
  pearls.sort((a, b) => a.y - b.y);
  const pearlArt = pearls
    .map(
      ({ x, y }) =>
        circle(x, y, 13, `fill="${pick(random, ["#7d8f5a", "#8c9c68", "#6e8050", "#a3ad84"])}"`) +
        circle(x - 4, y - 5, 4.5, `fill="#f1f3e6" opacity=".75"`),
    )
    .join("");
  const blossom = (x: number, y: number, size: number) => {
    const petals = Array.from({ length: 5 }, (_, i) => {
      const a = i * 72 - 90;
      const rad = (a * Math.PI) / 180;
      return path(
        leafPath(x + Math.cos(rad) * size * 0.55, y + Math.sin(rad) * size * 0.55, size * 1.1, size * 0.36, a),
        `fill="#fffdf7" stroke="#e6e0cc" stroke-width="1.5"`,
      );
    }).join("");
    return petals + circle(x, y, size * 0.18, `fill="#e8c547"`);
  };
  const leaf = (x: number, y: number, a: number) =>
    path(leafPath(x, y, 110, 30, a), `fill="#4f7a34"`) +
    path(veinPath(x, y, 110, a), `stroke="#8fb86a" stroke-width="2.5"`);
  return frame("Jasmine pearls", {
    wall: ["#eef1ea", "#dfe5d8"],
    table: ["#d8cfc0", "#bfb3a0"],
    defs: linear("bowl", [
      [0, "#ffffff"],
      [0.6, "#eef0f2"],
      [1, "#c9ced4"],
    ]),
    body:
      shadow(400, 470, 230, 34) +
      path("M220 320Q232 450 340 468L460 468Q568 450 580 320Z", `fill="url(#bowl)"`) +
      path("M330 466h140v10a70 10 0 0 1-140 0Z", `fill="#d3d8de"`) +
      ellipse(400, 320, 180, 42, `fill="#f7f8f9" stroke="#d6dbe0" stroke-width="3"`) +
      ellipse(400, 324, 168, 34, `fill="#e9ece6"`) +
      pearlArt +
      path("M232 360Q400 420 568 360", `stroke="#5c86b8" stroke-width="4" fill="none" opacity=".55"`) +
      leaf(150, 500, -25) +
      blossom(130, 470, 44) +
      leaf(665, 520, 20) +
      blossom(650, 490, 38) +
      blossom(720, 450, 28),
  });
}

/** Longjing standing upright in a tall glass, flat dry leaves on the table. */
export function longjing(): string {
  const random = seeded(4);
  const inGlass = Array.from({ length: 16 }, () => {
    const x = between(random, 335, 465);
    const y = between(random, 250, 420);
    const a = between(random, -110, -70);
    return path(
      leafPath(x, y, between(random, 46, 64), 9, a),
      `fill="${pick(random, ["#8fb04a", "#a2bd5a", "#7ca03c"])}"`,
    );
  }).join("");
  const dry = Array.from({ length: 14 }, () => {
    const x = between(random, 80, 300) + (random() < 0.5 ? 0 : 420);
    const y = between(random, 470, 560);
    return path(
      leafPath(x, y, between(random, 50, 70), 8, between(random, -40, 40)),
      `fill="${pick(random, ["#b5b65a", "#a7a94c", "#c4c46e", "#8e9a3f"])}"`,
    );
  }).join("");
  return frame("Longjing green tea", {
    wall: ["#eef3e4", "#dde6cf"],
    table: ["#e7ddc8", "#cbbd9f"],
    defs:
      linear("tea", [
        [0, "#e9e9a8"],
        [1, "#c9cf6f"],
      ]) +
      linear(
        "glint",
        [
          [0, "#ffffff"],
          [1, "#ffffff00"],
        ],
        1,
        0,
      ),
    body:
      shadow(400, 470, 130, 22) +
      path(
        "M318 200L334 462Q400 478 466 462L482 200Z",
        `fill="#f4f7f2" opacity=".55" stroke="#b9c4bc" stroke-width="3"`,
      ) +
      path("M322 240L334 458Q400 474 466 458L478 240Z", `fill="url(#tea)" opacity=".85"`) +
      ellipse(400, 240, 78, 10, `fill="#dfe39a" stroke="#c2c979" stroke-width="2"`) +
      inGlass +
      ellipse(400, 200, 82, 12, `fill="none" stroke="#aab6ad" stroke-width="3"`) +
      path("M338 215L350 440", `stroke="url(#glint)" stroke-width="10" opacity=".7" stroke-linecap="round"`) +
      dry,
  });
}

/** Shou mei's loose, twisted leaves in a round bamboo tray. */
export function shouMei(): string {
  const random = seeded(5);
  const weave = [
    ...Array.from({ length: 6 }, (_, i) =>
      ellipse(400, 380, 290 - i * 42, 95 - i * 14, `fill="none" stroke="#b58f55" stroke-width="3" opacity=".7"`),
    ),
    ...Array.from({ length: 24 }, (_, i) => {
      const a = (i / 24) * Math.PI * 2;
      return path(
        `M400 380L${n(400 + Math.cos(a) * 290)} ${n(380 + Math.sin(a) * 95)}`,
        `stroke="#b58f55" stroke-width="2" opacity=".45"`,
      );
    }),
  ].join("");
  const tones = ["#6e5a3a", "#8a7249", "#5a4a2e", "#a08c62", "#7d7a4e", "#c9c2ae"];
  const leaves = Array.from({ length: 70 }, () => {
    const a = random() * Math.PI * 2;
    const r = Math.sqrt(random()) * 0.8;
    const x = 400 + Math.cos(a) * r * 270;
    const y = 370 + Math.sin(a) * r * 80 - random() * 20;
    const angle = random() * 180;
    const len = between(random, 40, 80);
    const fill = pick(random, tones);
    return (
      path(leafPath(x, y, len, len * 0.22, angle), `fill="${fill}" stroke="#3f3220" stroke-width=".8"`) +
      (fill === "#c9c2ae" ? "" : path(veinPath(x, y, len, angle), `stroke="#e8e2d0" stroke-width="1.5" opacity=".6"`))
    );
  }).join("");
  return frame("Shou mei white tea", {
    wall: ["#f3efe6", "#e6dfd1"],
    table: ["#8c6a4a", "#6a4e36"],
    defs: linear("tray", [
      [0, "#e2c48d"],
      [1, "#c79f62"],
    ]),
    body:
      shadow(400, 440, 330, 48) +
      ellipse(400, 392, 312, 108, `fill="#a98049"`) +
      ellipse(400, 380, 300, 100, `fill="url(#tray)"`) +
      weave +
      leaves,
  });
}

/** The red tin of a Hong Kong milk tea blend beside a thick diner cup of milk tea. */
export function milkTea(): string {
  return frame("Hong Kong milk tea blend", {
    wall: ["#f6e9d8", "#ead3b8"],
    table: ["#2f6f68", "#1f4f4a"],
    defs:
      linear(
        "tin",
        [
          [0, "#8e1c17"],
          [0.45, "#cf3a2c"],
          [1, "#7c1712"],
        ],
        1,
        0,
      ) +
      linear(
        "cup",
        [
          [0, "#ffffff"],
          [0.7, "#f1efe9"],
          [1, "#cfcac0"],
        ],
        1,
        0,
      ),
    body:
      shadow(270, 460, 140, 26) +
      path("M160 170v280a110 22 0 0 0 220 0V170Z", `fill="url(#tin)"`) +
      ellipse(270, 170, 110, 22, `fill="#d9b55a" stroke="#a88432" stroke-width="3"`) +
      ellipse(270, 170, 92, 16, `fill="#c9a24a"`) +
      path("M160 250h220v120H160Z", `fill="#f5e6c4"`) +
      path("M160 250h220M160 370h220", `stroke="#d9b55a" stroke-width="6"`) +
      // the label's picture: a cup and its steam, in the tin's red
      path("M230 300h70l-8 42h-54Z", `fill="#b3261e"`) +
      path("M300 310q22 0 16 16t-18 10", `stroke="#b3261e" stroke-width="6" fill="none"`) +
      path("M250 292q-8-10 0-20t0-20M272 292q-8-10 0-20t0-20", `stroke="#b3261e" stroke-width="4" fill="none"`) +
      path("M160 430h220", `stroke="#5e100c" stroke-width="4" opacity=".5"`) +
      // the cup, its saucer and a spoon
      shadow(550, 500, 170, 30) +
      ellipse(550, 488, 160, 34, `fill="#e9e6df"`) +
      ellipse(550, 482, 140, 26, `fill="#fbfaf7"`) +
      path("M450 340Q456 470 520 484h60Q644 470 650 340Z", `fill="url(#cup)"`) +
      path("M648 370q70 0 60 50t-66 40", `stroke="#e5e1d8" stroke-width="20" fill="none" stroke-linecap="round"`) +
      ellipse(550, 340, 100, 24, `fill="#f7f6f2" stroke="#dad5ca" stroke-width="3"`) +
      ellipse(550, 344, 88, 17, `fill="#c08a55"`) +
      ellipse(530, 340, 30, 5, `fill="#e3c29c" opacity=".7"`) +
      path("M660 500L760 470", `stroke="#b9bec4" stroke-width="9" stroke-linecap="round"`) +
      ellipse(650, 503, 18, 9, `fill="#c9ced4"`),
  });
}
