import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ADMIN_CLIENT_NAMESPACES,
  ALIPAY_APP_CLIENT_NAMESPACES,
  CLIENT_NAMESPACES,
  SANDBOX_ALIPAY_CLIENT_NAMESPACES,
} from "@/i18n/client-messages";
import { routing } from "@/i18n/routing";
import { GLOBAL_ERROR_WORDS } from "@/app/global-error-words";
import { PRODUCTS } from "@/lib/catalog/products";
import { WALLETS } from "@/lib/qfpay/pay-types";
import { DYNAMIC_KEYS } from "./messages-dynamic-keys";

/*
 * The three message files hold the same keys, each with the same placeholders and tags, none empty; and
 * every key is used. A key's use is found in the source: its namespace and the rest of it quoted in the same
 * file (t = getTranslations("cart.messages") ... t("added")). Keys made at run time (a product's slug, a
 * wallet, an order's state) are listed in messages-dynamic-keys.ts with the list they are made from.
 */

type Tree = { [key: string]: string | Tree };
const ROOT = join(import.meta.dirname, "../..");
const messages = Object.fromEntries(
  routing.locales.map((locale) => [locale, JSON.parse(readFileSync(join(ROOT, "messages", `${locale}.json`), "utf8"))]),
) as Record<string, Tree>;

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/** The arguments and rich-text tags a message takes: {name}, {count, plural, ...}, <orders>. */
function slots(text: string): string[] {
  const args = [...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => `{${m[1]}}`);
  const tags = [...text.matchAll(/<(\w+)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const en = flatten(messages.en!);

describe("the message files", () => {
  for (const locale of routing.locales) {
    it(`${locale} holds exactly the English keys, each with the same placeholders, none empty`, () => {
      const own = flatten(messages[locale]!);
      expect([...own.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of own) {
        expect(text.trim(), key).not.toBe("");
        expect(slots(text), `${locale} ${key}`).toEqual(slots(en.get(key)!));
      }
    });
  }

  it("uses every key somewhere in the source", () => {
    const sources = ["app", "lib", "i18n"]
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .map((f) => readFileSync(f, "utf8"));
    const unused = [...en.keys()].filter((key) => {
      if (DYNAMIC_KEYS.some((dynamic) => dynamic.keys.includes(key))) return false;
      const parts = key.split(".");
      return !sources.some((text) =>
        parts.some((_, i) => {
          const namespace = parts.slice(0, i).join(".");
          const rest = parts.slice(i).join(".");
          return (i === 0 || text.includes(`"${namespace}"`)) && text.includes(`"${rest}"`);
        }),
      );
    });
    expect(unused).toEqual([]);
  });

  it("has the run-time keys for exactly the things they are made from", () => {
    for (const dynamic of DYNAMIC_KEYS) {
      const present = [...en.keys()].filter((key) => key.startsWith(dynamic.prefix));
      expect(present.sort(), dynamic.prefix).toEqual([...dynamic.keys].sort());
    }
  });

  it("gives the root error page the words of the message files (its copy: it cannot load them)", () => {
    for (const locale of routing.locales)
      expect(GLOBAL_ERROR_WORDS[locale], locale).toEqual(messages[locale]!.globalError);
  });

  it("names each product in English as the catalog does (receipts and QFPay read the catalog)", () => {
    for (const product of PRODUCTS) expect(en.get(`catalog.products.${product.slug}.name`)).toBe(product.name);
    expect(WALLETS.map((wallet) => en.get(`wallets.${wallet}`))).toEqual(["AlipayHK", "Alipay"]);
  });

  // Each client component (a 'use client' file under app/) with the namespaces it reads.
  const clientComponents = sourceFiles(join(ROOT, "app"))
    .map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, "utf8") }))
    .filter(({ text }) => /^["']use client["']/m.test(text))
    .map(({ file, text }) => ({
      file,
      namespaces: [...text.matchAll(/useTranslations\(\s*"(\w+)/g)].map((match) => match[1]!),
    }));
  const namespacesOf = (files: typeof clientComponents) => [...new Set(files.flatMap((f) => f.namespaces))].sort();
  const isAdmin = (file: string) => file.startsWith("app/[locale]/admin/");
  // The Alipay app's cashier and the sandbox's stand-in bridge: their words travel only inside AlipayAppMessages.
  const IN_APP_PAYMENT = "app/[locale]/orders/[id]/in-app-payment.tsx";
  const inAppScoped: readonly string[] = [...ALIPAY_APP_CLIENT_NAMESPACES, ...SANDBOX_ALIPAY_CLIENT_NAMESPACES];
  const inApp = clientComponents.filter((c) => c.namespaces.some((namespace) => inAppScoped.includes(namespace)));

  it("sends the browser exactly the namespaces its client components read, the admin's only to its pages", () => {
    const everyPage = clientComponents.filter((c) => !isAdmin(c.file) && !inApp.includes(c));
    expect([...CLIENT_NAMESPACES].sort()).toEqual(namespacesOf(everyPage));
    const adminOnly = namespacesOf(clientComponents.filter((c) => isAdmin(c.file))).filter(
      (namespace) => !(CLIENT_NAMESPACES as readonly string[]).includes(namespace),
    );
    expect([...ADMIN_CLIENT_NAMESPACES].sort()).toEqual(adminOnly);
  });

  it("sends the Alipay app's words only with the in-app payment, the sandbox bridge's only in sandbox mode", () => {
    const beyondEveryPage = (files: typeof clientComponents) =>
      namespacesOf(files).filter((namespace) => !(CLIENT_NAMESPACES as readonly string[]).includes(namespace));
    const sandbox = inApp.filter((c) => c.file.startsWith("app/sandbox/"));
    expect(beyondEveryPage(inApp.filter((c) => !sandbox.includes(c)))).toEqual([...ALIPAY_APP_CLIENT_NAMESPACES]);
    expect(beyondEveryPage(sandbox)).toEqual([...SANDBOX_ALIPAY_CLIENT_NAMESPACES]);
    // Each of them is drawn by the in-app payment alone, inside the provider that carries their words.
    const sources = sourceFiles(join(ROOT, "app")).map((file) => ({
      file: relative(ROOT, file),
      text: readFileSync(file, "utf8"),
    }));
    const scope = /<AlipayAppMessages\b[^>]*>([\s\S]*?)<\/AlipayAppMessages>/.exec(
      sources.find((s) => s.file === IN_APP_PAYMENT)!.text,
    )?.[1];
    expect(scope, "in-app-payment.tsx wraps its client components in AlipayAppMessages").toBeDefined();
    for (const component of inApp) {
      const modulePath = component.file.replace(/^app\//, "").replace(/\.tsx?$/, "");
      const name = basename(modulePath);
      const importers = sources.filter((s) => s.text.includes(`/${name}";`)).map((s) => s.file);
      expect(importers, component.file).toEqual([IN_APP_PAYMENT]);
      const exported = [...readFileSync(join(ROOT, component.file), "utf8").matchAll(/export function (\w+)/g)];
      for (const [, fn] of exported) expect(scope, `${fn} inside AlipayAppMessages`).toContain(`<${fn}`);
    }
  });
});
