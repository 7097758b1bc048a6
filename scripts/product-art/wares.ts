import { between, circle, ellipse, frame, linear, n, path, radial, seeded, shadow } from "./draw";

/** A white gaiwan: saucer, bowl and lid set a little askew, with blue rim lines and a sprig. */
export function gaiwan(): string {
  const porcelain = linear(
    "pc",
    [
      [0, "#ffffff"],
      [0.55, "#f4f6f8"],
      [1, "#c7cfd8"],
    ],
    1,
    0,
  );
  return frame("Porcelain gaiwan", {
    wall: ["#e8eef3", "#d3dde6"],
    table: ["#3b4a5a", "#26323f"],
    defs: porcelain,
    body:
      shadow(400, 480, 230, 36) +
      ellipse(400, 462, 210, 42, `fill="#dfe4ea"`) +
      ellipse(400, 454, 200, 36, `fill="url(#pc)"`) +
      ellipse(400, 452, 160, 26, `fill="none" stroke="#2c5aa0" stroke-width="3" opacity=".8"`) +
      path("M250 300Q262 420 350 448h100Q538 420 550 300Z", `fill="url(#pc)"`) +
      ellipse(400, 300, 150, 30, `fill="#f9fafb" stroke="#2c5aa0" stroke-width="4"`) +
      // a plum sprig painted in cobalt on the bowl
      path("M330 400Q370 360 430 372T500 340", `stroke="#2c5aa0" stroke-width="4" fill="none"`) +
      (
        [
          [372, 366],
          [430, 372],
          [470, 352],
          [402, 392],
        ] as const
      )
        .map(
          ([x, y]) =>
            circle(x, y, 9, `fill="none" stroke="#2c5aa0" stroke-width="3"`) + circle(x, y, 2.5, `fill="#2c5aa0"`),
        )
        .join("") +
      // the lid, tipped back against the bowl to let the steam out
      `<g transform="rotate(-8 400 280)">` +
      path("M270 292Q300 212 400 208Q500 212 530 292Z", `fill="url(#pc)"`) +
      ellipse(400, 292, 130, 20, `fill="#eef1f4" stroke="#2c5aa0" stroke-width="3"`) +
      path("M372 208q0-30 28-30t28 30Z", `fill="url(#pc)" stroke="#c7cfd8" stroke-width="2"`) +
      ellipse(400, 180, 26, 7, `fill="#fff" stroke="#2c5aa0" stroke-width="2"`) +
      `</g>`,
  });
}

/** A round zisha teapot with a matching cup. */
export function yixingTeapot(): string {
  return frame("Yixing clay teapot", {
    wall: ["#f1e6dc", "#e2cfbf"],
    table: ["#d9c7a8", "#bda98a"],
    defs:
      radial("clay", [
        [0, "#b0603e"],
        [0.7, "#87432a"],
        [1, "#5e2c19"],
      ]) +
      linear("clayside", [
        [0, "#9c5234"],
        [1, "#5a2a17"],
      ]),
    body:
      shadow(390, 470, 230, 36) +
      // the handle, a ring behind the body
      path(
        "M250 300Q150 300 160 370Q170 440 262 420",
        `stroke="#6e341f" stroke-width="26" fill="none" stroke-linecap="round"`,
      ) +
      // the spout
      path("M520 370Q600 350 630 270L660 262Q640 360 540 420Z", `fill="url(#clayside)"`) +
      ellipse(645, 266, 16, 7, `fill="#4a2212"`) +
      // the body and its rim
      path("M240 330Q240 250 400 250Q560 250 560 330Q560 460 400 462Q240 460 240 330Z", `fill="url(#clay)"`) +
      path("M252 300Q400 330 548 300", `stroke="#5e2c19" stroke-width="4" fill="none" opacity=".7"`) +
      ellipse(400, 256, 104, 18, `fill="#7c3b23"`) +
      // the lid and its knob
      path("M310 254Q320 220 400 216Q480 220 490 254Z", `fill="url(#clayside)"`) +
      circle(400, 204, 20, `fill="#8c4429"`) +
      ellipse(394, 198, 8, 5, `fill="#c98a66" opacity=".6"`) +
      path(
        "M300 290Q330 270 380 268",
        `stroke="#e0a482" stroke-width="8" fill="none" opacity=".45" stroke-linecap="round"`,
      ) +
      // the cup
      shadow(660, 505, 70, 14) +
      path("M600 440Q604 500 640 506h40Q716 500 720 440Z", `fill="url(#clay)"`) +
      ellipse(660, 440, 60, 13, `fill="#7c3b23"`) +
      ellipse(660, 442, 50, 9, `fill="#a8702f"`),
  });
}

/** Four celadon cups with a crackle glaze, two of them poured. */
export function celadonCups(): string {
  const random = seeded(9);
  const cup = (x: number, y: number, scale: number, tea: boolean) => {
    const w = 80 * scale;
    const h = 90 * scale;
    const crackle = Array.from({ length: 9 }, () => {
      const cx = x + between(random, -w * 0.7, w * 0.7);
      const cy = y + between(random, h * 0.15, h * 0.85);
      return `M${n(cx)} ${n(cy)}l${n(between(random, -14, 14) * scale)} ${n(between(random, 4, 14) * scale)}l${n(between(random, -10, 10) * scale)} ${n(between(random, 2, 10) * scale)}`;
    }).join("");
    return (
      shadow(x, y + h + 6, w * 1.05, 12 * scale) +
      path(
        `M${n(x - w)} ${n(y)}Q${n(x - w * 0.9)} ${n(y + h * 0.85)} ${n(x - w * 0.35)} ${n(y + h)}h${n(w * 0.7)}Q${n(x + w * 0.9)} ${n(y + h * 0.85)} ${n(x + w)} ${n(y)}Z`,
        `fill="url(#cel)"`,
      ) +
      path(crackle, `stroke="#58785f" stroke-width="1.2" fill="none" opacity=".55"`) +
      ellipse(x, y, w, 14 * scale, `fill="#dbe9dc" stroke="#8fb09a" stroke-width="2"`) +
      (tea
        ? ellipse(x, y + 3 * scale, w * 0.86, 10 * scale, `fill="#b8862f"`)
        : ellipse(x, y + 2 * scale, w * 0.86, 10 * scale, `fill="#b7cdb9"`)) +
      path(
        `M${n(x - w * 0.7)} ${n(y + h * 0.2)}q${n(w * 0.05)} ${n(h * 0.4)} ${n(w * 0.3)} ${n(h * 0.65)}`,
        `stroke="#fff" stroke-width="${n(6 * scale)}" fill="none" opacity=".5" stroke-linecap="round"`,
      )
    );
  };
  return frame("Celadon cups", {
    wall: ["#eef2ee", "#dbe3dc"],
    table: ["#5b4636", "#3e2f24"],
    defs: linear(
      "cel",
      [
        [0, "#c9ddca"],
        [0.5, "#a9c7ae"],
        [1, "#7fa388"],
      ],
      1,
      0,
    ),
    body: cup(300, 290, 0.95, false) + cup(500, 290, 0.95, true) + cup(220, 400, 1.1, true) + cup(580, 400, 1.1, false),
  });
}

/** A glass kettle of water coming to the boil on a tea-light warmer. */
export function glassKettle(): string {
  const random = seeded(10);
  const bubbles = Array.from({ length: 26 }, () =>
    circle(
      between(random, 300, 500),
      between(random, 260, 420),
      between(random, 3, 9),
      `fill="none" stroke="#ffffff" stroke-width="2" opacity=".8"`,
    ),
  ).join("");
  return frame("Glass kettle", {
    wall: ["#e6eef1", "#cfdde3"],
    table: ["#9c7a5a", "#735739"],
    defs:
      linear("water", [
        [0, "#bfe0ea"],
        [1, "#8fc3d4"],
      ]) +
      radial("flame", [
        [0, "#fff3b0"],
        [0.5, "#ffb347", 0.9],
        [1, "#ff7a00", 0],
      ]),
    body:
      shadow(400, 520, 170, 24) +
      // the warmer and its tea light
      path("M270 450h260l-20 70H290Z", `fill="#2d2a27"`) +
      ellipse(400, 450, 130, 16, `fill="#46423d"`) +
      ellipse(400, 492, 60, 30, `fill="url(#flame)"`) +
      // the kettle: water, glass, handle, spout, lid
      path("M276 270Q262 440 330 450h140Q538 440 524 270Z", `fill="url(#water)" opacity=".85"`) +
      bubbles +
      path(
        "M280 180Q250 445 330 452h140Q550 445 520 180Z",
        `fill="#eef7fa" opacity=".35" stroke="#7fa7b5" stroke-width="4"`,
      ) +
      ellipse(400, 270, 124, 12, `fill="#d7edf3" opacity=".9"`) +
      path("M520 210Q610 200 606 300Q602 380 524 390", `stroke="#9fc1cc" stroke-width="14" fill="none" opacity=".8"`) +
      path("M284 220L220 170L200 176L272 262", `fill="#e4f1f5" stroke="#7fa7b5" stroke-width="4"`) +
      ellipse(400, 180, 120, 16, `fill="#f1f8fa" stroke="#7fa7b5" stroke-width="4"`) +
      path("M330 176Q400 140 470 176", `fill="#e4f1f5" stroke="#7fa7b5" stroke-width="3"`) +
      circle(400, 146, 12, `fill="#e4f1f5" stroke="#7fa7b5" stroke-width="3"`) +
      path(
        "M298 220Q288 330 312 420",
        `stroke="#ffffff" stroke-width="10" fill="none" opacity=".7" stroke-linecap="round"`,
      ) +
      // steam
      path(
        "M210 150q-16-24 0-44t0-44M236 140q-14-20 0-38",
        `stroke="#ffffff" stroke-width="6" fill="none" opacity=".8" stroke-linecap="round"`,
      ),
  });
}

/** A canvas tote printed with the harbour's skyline and a junk under sail. */
export function harbourTote(): string {
  const random = seeded(11);
  let x = 250;
  const towers: string[] = [];
  while (x < 545) {
    const w = between(random, 14, 30);
    const h = between(random, 30, 110);
    towers.push(`M${n(x)} 420V${n(420 - h)}h${n(w)}V420Z`);
    x += w + 2;
  }
  return frame("Harbour tote bag", {
    wall: ["#f0ece4", "#e0d8ca"],
    table: ["#c8b89c", "#a8977a"],
    defs: linear(
      "canvas",
      [
        [0, "#efe5cf"],
        [1, "#d9cba9"],
      ],
      1,
      1,
    ),
    body:
      shadow(400, 540, 230, 26) +
      // straps
      path("M300 230Q300 90 360 90Q392 90 392 230", `stroke="#c9b78e" stroke-width="20" fill="none"`) +
      path("M408 230Q408 90 440 90Q500 90 500 230", `stroke="#c9b78e" stroke-width="20" fill="none"`) +
      // the bag
      path("M200 220h400l-20 320H220Z", `fill="url(#canvas)" stroke="#bfae88" stroke-width="3"`) +
      path("M200 250h400", `stroke="#bfae88" stroke-width="3" stroke-dasharray="8 6"`) +
      // the print: the skyline with the two towers that name it, the water and a junk
      path(towers.join(""), `fill="#1f5c6b"`) +
      path("M330 420V230l18-26 18 26V420Z", `fill="#1f5c6b"`) +
      path("M430 420V250l30-60 30 60V420Z", `fill="#174a57"`) +
      path("M440 300l20-40 20 40M440 350l20-40 20 40", `stroke="#efe5cf" stroke-width="3" fill="none"`) +
      path("M240 440q20-10 40 0t40 0t40 0t40 0t40 0t40 0t40 0t40 0", `stroke="#1f5c6b" stroke-width="5" fill="none"`) +
      path(
        "M240 462q20-10 40 0t40 0t40 0t40 0t40 0t40 0t40 0t40 0",
        `stroke="#1f5c6b" stroke-width="4" fill="none" opacity=".6"`,
      ) +
      path("M300 450h80l-12 14h-56Z", `fill="#7a3b22"`) +
      path("M330 450V392Q352 410 352 446ZM318 450V404Q302 420 306 446Z", `fill="#b3261e"`),
  });
}

/** Two double-lidded caddies, one open with its inner lid out. */
export function caddyTins(): string {
  const tin = (x: number, top: number, bottom: number, r: number, id: string, band: string) =>
    shadow(x, bottom + 8, r * 1.2, 14) +
    path(`M${x - r} ${top}V${bottom}a${r} ${r * 0.22} 0 0 0 ${2 * r} 0V${top}Z`, `fill="url(#${id})"`) +
    path(`M${x - r} ${top + 40}h${2 * r}`, `stroke="${band}" stroke-width="10"`) +
    path(`M${x - r} ${bottom - 30}h${2 * r}`, `stroke="${band}" stroke-width="6"`);
  return frame("Tea caddy tins", {
    wall: ["#efe9e0", "#ddd3c4"],
    table: ["#4a5a4f", "#303c34"],
    defs:
      linear(
        "copper",
        [
          [0, "#8a4b26"],
          [0.4, "#d99a62"],
          [1, "#7a3f1f"],
        ],
        1,
        0,
      ) +
      linear(
        "black",
        [
          [0, "#1f2a2a"],
          [0.4, "#4f6262"],
          [1, "#172020"],
        ],
        1,
        0,
      ),
    body:
      // the closed tin, with its outer lid on
      tin(290, 190, 460, 100, "black", "#b89b5e") +
      path("M186 190V150a104 22 0 0 1 208 0V190a104 22 0 0 1-208 0Z", `fill="url(#black)"`) +
      ellipse(290, 150, 104, 22, `fill="#3d4c4c" stroke="#b89b5e" stroke-width="3"`) +
      // the open tin: the rim, the leaves inside, its inner lid out on the table
      tin(530, 240, 470, 95, "copper", "#6a3418") +
      ellipse(530, 240, 95, 21, `fill="#5a2e15"`) +
      ellipse(530, 244, 84, 16, `fill="#4b5a2a"`) +
      path("M470 244l16-6 10 5 14-7 12 6 16-6 14 6 18-5", `stroke="#73863e" stroke-width="4" fill="none"`) +
      ellipse(690, 520, 70, 16, `fill="#c9884f" stroke="#7a3f1f" stroke-width="3"`) +
      ellipse(690, 514, 16, 5, `fill="#e3b07d"`) +
      path(
        "M220 200Q214 320 226 440",
        `stroke="#fff" stroke-width="8" opacity=".25" fill="none" stroke-linecap="round"`,
      ) +
      path(
        "M466 250Q460 360 470 450",
        `stroke="#fff" stroke-width="8" opacity=".3" fill="none" stroke-linecap="round"`,
      ),
  });
}
