// Text measured as the reader will see it: with the metrics of the font the charts are set in (Source
// Sans 3, embedded in every page), since jsdom lays nothing out. The fonts load on first use (a fifth
// of a second), so a chart that needs no measuring never pays for it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Font } from "fontkit";

/** The width in px of `text` set at `size` px, kerned as a browser sets it. */
export type Measure = (text: string, size: number, bold?: boolean) => number;

const require = createRequire(import.meta.url);
/** The charts' fonts: Source Sans 3, as the page embeds it. */
export const CHART_FONTS = {
  400: "@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2",
  700: "@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff2",
} as const;

let loading: Promise<Measure> | undefined;
let measure: Measure | undefined;

/** The charts' text metrics, loaded on the first call. */
export function textMetrics(): Promise<Measure> {
  loading ??= import("fontkit").then(({ create }) => {
    const open = (file: string) => create(readFileSync(require.resolve(file))) as Font;
    const fonts = { 400: open(CHART_FONTS[400]), 700: open(CHART_FONTS[700]) };
    measure = (text, size, bold = false) => {
      const font = fonts[bold ? 700 : 400];
      return (font.layout(text).advanceWidth / font.unitsPerEm) * size;
    };
    return measure;
  });
  return loading;
}

/** The metrics, if they are loaded. */
export function loadedMetrics(): Measure | undefined {
  return measure;
}
