// Fonts embedded in the page, so text looks the same on every machine and the file works offline.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { UserError } from "../error.js";

/** A font file from an npm package, e.g. `{ family: "Source Sans 3", file: "@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2", weight: 400 }`. */
export interface FontSpec {
  readonly family: string;
  /** A package path, found from the project (which may install a font package) or from plotbrief (Source Sans 3 and Source Serif 4). */
  readonly file: string;
  readonly weight: number;
  readonly style?: "normal" | "italic";
}

const plotbrief = createRequire(import.meta.url);
const cache = new Map<string, Promise<string>>();

/** `@font-face` rules with each font inlined as a data URL. */
export async function fontFaces(fonts: readonly FontSpec[], root: string): Promise<string> {
  const rules = await Promise.all(
    fonts.map(async (font) => {
      const data = await fontData(font.file, root);
      return `@font-face { font-family: "${font.family}"; font-style: ${font.style ?? "normal"}; font-weight: ${font.weight}; font-display: block; src: url(data:font/woff2;base64,${data}) format("woff2"); }`;
    }),
  );
  return rules.join("\n");
}

/** Where a font file is: resolved from the project first, then from plotbrief. */
export function fontPath(file: string, root: string): string | undefined {
  for (const require of [createRequire(join(root, "package.json")), plotbrief]) {
    try {
      return require.resolve(file);
    } catch {
      // not there; try the next
    }
  }
  return undefined;
}

function fontData(file: string, root: string): Promise<string> {
  const key = `${root}\0${file}`;
  let data = cache.get(key);
  if (!data) {
    data = (async () => {
      const path = fontPath(file, root);
      if (path === undefined) {
        throw new UserError(
          `font file ${file} not found; install its package (npm install ${file.split("/files/")[0]})`,
        );
      }
      return (await readFile(path)).toString("base64");
    })();
    cache.set(key, data);
  }
  return data;
}
