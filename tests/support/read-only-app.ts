import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** Sets the modes of a tree, never following a link (node_modules is linked in and stays as it is). */
function chmodTree(target: string, dirMode: number, fileMode: number): void {
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    const full = path.join(target, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) chmodTree(full, dirMode, fileMode);
    else chmodSync(full, fileMode);
  }
  chmodSync(target, dirMode);
}

/**
 * The production build as a host runs it: a folder of its own that nothing may write to (a Vercel
 * function's code is read-only), holding the build, its configuration, the public files and the
 * migrations, with the project's node_modules linked in. Readable by every user.
 */
export function makeReadOnlyApp(): { dir: string; remove(): void } {
  const base = mkdtempSync(path.join(tmpdir(), "shop-read-only-"));
  const dir = path.join(base, "app");
  for (const entry of [".next", "package.json", "next.config.js", "public", "lib/db/migrations"]) {
    mkdirSync(path.dirname(path.join(dir, entry)), { recursive: true });
    cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true, verbatimSymlinks: true });
  }
  rmSync(path.join(dir, ".next", "cache"), { recursive: true, force: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  chmodTree(base, 0o555, 0o444);
  return {
    dir,
    remove() {
      chmodTree(base, 0o755, 0o644);
      rmSync(base, { recursive: true, force: true });
    },
  };
}
