// Fonts embedded in the page, so text looks the same on every machine and the file works offline.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { UserError } from "../error.js";

/** A font file from an npm package, e.g. `{ family: "Source Sans 3", file: "@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2", weight: 400 }`. */
export interface FontSpec {
  readonly family: string;
  /** A package path that Node can resolve from plotbrief: the package must be a dependency. */
  readonly file: string;
  readonly weight: number;
  readonly style?: "normal" | "italic";
}

const require = createRequire(import.meta.url);
const cache = new Map<string, Promise<string>>();

/** `@font-face` rules with each font inlined as a data URL. */
export async function fontFaces(fonts: readonly FontSpec[]): Promise<string> {
  const rules = await Promise.all(
    fonts.map(async (font) => {
      const data = await fontData(font.file);
      return `@font-face { font-family: "${font.family}"; font-style: ${font.style ?? "normal"}; font-weight: ${font.weight}; font-display: block; src: url(data:font/woff2;base64,${data}) format("woff2"); }`;
    }),
  );
  return rules.join("\n");
}

function fontData(file: string): Promise<string> {
  let data = cache.get(file);
  if (!data) {
    data = (async () => {
      let path: string;
      try {
        path = require.resolve(file);
      } catch {
        throw new UserError(
          `font file ${file} not found; install its package (npm install ${file.split("/files/")[0]})`,
        );
      }
      return (await readFile(path)).toString("base64");
    })();
    cache.set(file, data);
  }
  return data;
}
