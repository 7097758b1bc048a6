import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { refuseBadRequest } from "@/lib/web/request-guard";
import { isUndecodableActionBody } from "@/lib/web/undecodable-action-body";

/*
 * The fail-open stopgap for vercel/next.js#86945 on crafted bodies in React's current action encoding
 * (refused), in the encoding React's own encoder sends (let through), and in an invented future encoding
 * (let through: a changed encoding may at worst bring back Next's 500, never refuse a valid form).
 */

function form(fields: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

/** A form posted without JavaScript, as React renders a bound action: `$ACTION_REF_1`, its meta and `extra` fields. */
function boundForm(meta: string | null, extra: [string, string][] = []): FormData {
  return form([
    ["$ACTION_REF_1", ""],
    ...(meta === null ? [] : [["$ACTION_1:0", meta] as [string, string]]),
    ...extra,
    ["sku", "TEA-JAS-50"],
  ]);
}
const META = JSON.stringify({ id: "7f00aa", bound: "$@1" });

describe("undecodable action bodies (vercel/next.js#86945 stopgap)", () => {
  it.each([
    ["bound arguments not JSON", boundForm(META, [["$ACTION_1:1", "["]])],
    ["bound arguments null", boundForm(META, [["$ACTION_1:1", "null"]])],
    ["bound arguments missing", boundForm(META)],
    [
      "bound arguments a file (React reads rows from text fields only)",
      form([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", META],
        ["$ACTION_1:1", new Blob(["[]"])],
      ]),
    ],
    ["bound to a missing row", boundForm(JSON.stringify({ id: "7f00aa", bound: "$@7" }), [["$ACTION_1:1", "[]"]])],
    ["a Map of a missing row", boundForm(META, [["$ACTION_1:1", '["$Q2"]']])],
    ["a Set, an iterator, a model of missing rows", boundForm(META, [["$ACTION_1:1", '[{"a":["$W2"]},"$i3","$4"]']])],
    [
      "a row id in hex: $Qa is row 10",
      boundForm(META, [
        ["$ACTION_1:1", '["$Qa"]'],
        ["$ACTION_1:a", "[]"],
      ]),
    ],
    [
      "a referenced row that is not JSON",
      boundForm(META, [
        ["$ACTION_1:1", '["$Q2"]'],
        ["$ACTION_1:2", "{"],
      ]),
    ],
    ["a BigInt that is not one", boundForm(META, [["$ACTION_1:1", '["x","$nxyz"]']])],
    ["meta that is not JSON", boundForm('{"id":"7f00aa",')],
  ])("refuses a form post: %s", (_name, body) => {
    expect(isUndecodableActionBody(body, false)).toBe(true);
  });

  it.each([
    ["text that looks like JSON but is not", "["],
    ["an object that is not closed", '{"a":'],
    ["a BigInt that is not one", '["$nxyz"]'],
    ["a Map of a row a text body cannot have", '["$Q1"]'],
  ])("refuses a JavaScript call: %s", (_name, body) => {
    expect(isUndecodableActionBody(body, true)).toBe(true);
  });

  it("refuses a JavaScript call's form whose field 0 is broken or references a missing row", () => {
    expect(isUndecodableActionBody(form([["0", "["]]), true)).toBe(true);
    expect(isUndecodableActionBody(form([["0", '["$Q1"]']]), true)).toBe(true);
    expect(
      isUndecodableActionBody(
        form([
          ["0", '["$Q1"]'],
          ["1", "not json"],
        ]),
        true,
      ),
    ).toBe(true);
  });

  it.each([
    ["no bound arguments", boundForm(JSON.stringify({ id: "7f00aa", bound: null }))],
    [
      "strings, undefined and objects bound",
      boundForm(META, [["$ACTION_1:1", '["ord_1","$undefined",{"a":"$$literal"}]']]),
    ],
    [
      "a Map of a row that is there",
      boundForm(META, [
        ["$ACTION_1:1", '["$Q2"]'],
        ["$ACTION_1:2", '[["k","v"]]'],
      ]),
    ],
    [
      "a BigInt, a Date, a promise and a form (React revives them without throwing)",
      boundForm(META, [["$ACTION_1:1", '["$n12","$D2026-01-01","$@9","$K3"]']]),
    ],
    ["a bound value React spreads without throwing", boundForm(META, [["$ACTION_1:1", '"x"']])],
    [
      "an action without bound arguments",
      form([
        ["$ACTION_ID_7f00aa", ""],
        ["sku", "x"],
      ]),
    ],
    ["a plain form, no action at all", form([["email", "["]])],
    ["meta missing (Next answers that 400 itself)", boundForm(null)],
  ])("lets through a form post: %s", (_name, body) => {
    expect(isUndecodableActionBody(body, false)).toBe(false);
  });

  it.each([["[]"], ['["ord_1","$undefined",{"q":2}]'], ['["$n-5","$$x","$K1","$@2"]'], ['"x"'], ["3"]])(
    "lets through a JavaScript call %s",
    (body) => {
      expect(isUndecodableActionBody(body, true)).toBe(false);
      expect(isUndecodableActionBody(form([["0", body]]), true)).toBe(false);
    },
  );

  it.each([
    ["a text body that is not JSON-shaped", "args:ord_1;qty=2", true],
    ["a binary-ish text body", "\u0000\u0001RSC", true],
    ["unknown tags", '["$Z1","$Y2:path","$_3","$~"]', true],
    [
      "a form call with no field 0 (rows named otherwise)",
      form([
        ["root", "["],
        ["row:1", "{"],
      ]),
      true,
    ],
    [
      "a form call whose field 0 is not JSON-shaped",
      form([
        ["0", "v2:ord_1"],
        ["1", "{"],
      ]),
      true,
    ],
    [
      "a form post whose action fields are named otherwise",
      form([
        ["$ACTION:ref", "1"],
        ["$ACTION:1:0", "{"],
        ["$ACTION:1:1", "["],
      ]),
      false,
    ],
    [
      "a form post whose meta names its bound arguments otherwise",
      boundForm(JSON.stringify({ id: "7f00aa", bound: "@1", args: "$@1" })),
      false,
    ],
    [
      "tags the stopgap does not judge (streams, blobs, temporary references)",
      boundForm(META, [["$ACTION_1:1", '["$R1","$X2","$B3","$T"]']]),
      false,
    ],
    [
      "a form post whose later action field is of another kind",
      form([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", META],
        ["$ACTION_ID_7f00aa", ""],
      ]),
      false,
    ],
  ])("fails open on an invented future encoding: %s", (_name, body, fetchAction) => {
    expect(isUndecodableActionBody(body, fetchAction)).toBe(false);
  });

  it("is asked by the guard for a page's action posts only, and answers 400", async () => {
    const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
      refuseBadRequest(
        new Request(`http://shop.test${path}`, {
          method: "POST",
          body,
          headers: { Host: "shop.test", Origin: "http://shop.test", ...headers },
        }),
      );
    const refused = await post("/", boundForm(META, [["$ACTION_1:1", "["]]));
    expect(refused?.status).toBe(400);
    expect(await refused?.text()).toBe("Bad request: this form cannot be read.\n");
    expect(
      (await post("/checkout", "[", { "Next-Action": "7f00aa", "Content-Type": "text/plain;charset=UTF-8" }))?.status,
    ).toBe(400);
    expect(
      await post("/checkout", "not json", { "Next-Action": "7f00aa", "Content-Type": "text/plain;charset=UTF-8" }),
    ).toBeNull();
    expect(await post("/", boundForm(META, [["$ACTION_1:1", '["ord_1"]']]))).toBeNull();
    // A route handler reads its own body.
    expect(await post("/sandbox/stock", "[", { "Next-Action": "7f00aa", "Content-Type": "text/plain" })).toBeNull();
  });

  it("refuses only what the installed React's decodeReply really throws on", () => {
    // The decoder Next 16 bundles, run where it must run (the react-server condition): every JavaScript
    // call body the stopgap refuses must throw there. If an upgrade breaks this, the stopgap is stale.
    const decoder = createRequire(import.meta.url).resolve(
      "next/dist/compiled/react-server-dom-webpack/cjs/react-server-dom-webpack-server.node.production.js",
    );
    const refused = ["[", '{"a":', '["$nxyz"]', '["$Q1"]', '["$W1"]', '["$i1"]', '["$h1"]', '["$1"]'];
    const accepted = ["[]", '["$n-5","$$x","$K1","$@2","$undefined"]'];
    for (const body of [...refused, ...accepted])
      expect(isUndecodableActionBody(body, true), body).toBe(refused.includes(body));
    const script = `const { decodeReply } = require(${JSON.stringify(decoder)});
      (async () => { const out = []; for (const body of ${JSON.stringify([...refused, ...accepted])}) {
        try { await decodeReply(body, {}); out.push(false); } catch { out.push(true); } }
        console.log(JSON.stringify(out)); })();`;
    const throws = JSON.parse(
      execFileSync(process.execPath, ["--conditions=react-server", "-e", script], { encoding: "utf8" }),
    ) as boolean[];
    expect(throws).toEqual([...refused.map(() => true), ...accepted.map(() => false)]);
  });
});
