import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { shareImageCharacters } from "../app/[locale]/products/[slug]/share-image-characters";
import { SHARE_IMAGE_FONTS } from "../app/_fonts/share-image/share-image-fonts";

/**
 * Makes the Chinese fonts of the product share image (`npm run share-fonts`): the system's Noto Sans CJK,
 * cut down by fonttools' pyftsubset to exactly the characters the image can draw in each locale, as WOFF
 * (Satori reads WOFF, not WOFF2). Needs Debian's `fonttools` and `fonts-noto-cjk` (or the same files
 * elsewhere: NOTO_CJK_DIR). Run it again after a product's name changes; the unit test says when.
 */

const NOTO_DIR = process.env.NOTO_CJK_DIR ?? "/usr/share/fonts/opentype/noto";
const OUT = path.resolve(__dirname, "../app/_fonts/share-image");
const work = mkdtempSync(path.join(tmpdir(), "share-fonts-"));
try {
  for (const font of SHARE_IMAGE_FONTS) {
    const text = path.join(work, `${font.locale}.txt`);
    writeFileSync(text, shareImageCharacters(font.locale));
    const output = path.join(OUT, font.file);
    execFileSync(
      "pyftsubset",
      [
        path.join(NOTO_DIR, font.collection),
        `--font-number=${font.face}`,
        `--text-file=${text}`,
        "--flavor=woff",
        // Hints and the CFF's shared subroutines only weigh on a font drawn once, large, into a picture.
        "--no-hinting",
        "--desubroutinize",
        `--output-file=${output}`,
      ],
      { stdio: "inherit" },
    );
    console.log(`${font.file} ${(statSync(output).size / 1024).toFixed(1)} kB`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
