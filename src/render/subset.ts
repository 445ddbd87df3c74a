// The fonts an exported chart uses, embedded in it as subsets of the glyphs it sets (harfbuzz's
// hb-subset, through subset-font), so that the file renders the same on a machine without them.
// Subsets are TrueType: WOFF2 would be half the size, at forty times the time (its compressor is slow).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

import { CHART_FONTS } from "./text.js";

const require = createRequire(import.meta.url);

type Weight = keyof typeof CHART_FONTS;
const decoded = new Map<Weight, Promise<Uint8Array>>();
let subsetFont: Promise<typeof import("subset-font").default> | undefined;

/** The font as TrueType, decoded once per process (decoding WOFF2 costs more than a subset). */
function sfnt(weight: Weight): Promise<Uint8Array> {
  let font = decoded.get(weight);
  if (!font) {
    font = Promise.all([library(), readFile(require.resolve(CHART_FONTS[weight]))]).then(([subset, woff2]) =>
      subset(woff2, "", { keepAllGlyphs: true, targetFormat: "truetype" }),
    );
    decoded.set(weight, font);
  }
  return font;
}

function library() {
  subsetFont ??= import("subset-font").then((module) => module.default);
  return subsetFont;
}

/**
 * `@font-face` rules for the weights given, each with the glyphs of its text only, under `family`: a name
 * of the file's own, so that two files inline in one page do not take each other's subsets.
 */
export async function embeddedFonts(texts: Partial<Record<Weight, string>>, family: string): Promise<string> {
  const rules = await Promise.all(
    (Object.entries(texts) as [string, string][])
      .filter(([, text]) => text.trim() !== "")
      .map(async ([weight, text]) => {
        const [subset, font] = await Promise.all([library(), sfnt(Number(weight) as Weight)]);
        const data = Buffer.from(await subset(font, text, { targetFormat: "truetype" })).toString("base64");
        return `@font-face{font-family:"${family}";font-weight:${weight};src:url(data:font/ttf;base64,${data}) format("truetype")}`;
      }),
  );
  return rules.join("");
}
