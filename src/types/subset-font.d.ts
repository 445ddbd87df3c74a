// What plotbrief uses of subset-font 2 (it publishes no types).
declare module "subset-font" {
  /** A subset of `font` (TrueType, OpenType, WOFF or WOFF2) with the glyphs for `text`, shaped as harfbuzz shapes it. */
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: "sfnt" | "truetype" | "woff" | "woff2"; keepAllGlyphs?: boolean },
  ): Promise<Uint8Array>;
}
