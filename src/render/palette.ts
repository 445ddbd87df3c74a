// Colours that follow the reader's scheme: each is a CSS custom property that holds a light and a dark
// value (`light-dark()`), so one chart serves the light page, the dark page and the PDF (light), and a
// page that keeps to light (`color-scheme: light`) keeps its charts light too. Text and axes need none
// of these: Plot draws them in `currentColor`, the page's own ink.

const COLOURS = {
  blue: ["#1d4f91", "#8db4ee"],
  red: ["#b8372c", "#f08a7e"],
  purple: ["#5b3a8c", "#bda2e8"],
  green: ["#2c7a4b", "#74c794"],
  orange: ["#b35a12", "#f2a65e"],
  gray: ["#6b6b6b", "#a3a3a3"],
  /** A fill behind the data: the rest of a whole, a band. */
  light: ["#d9d9d9", "#474747"],
  /** Gridlines and rules that stay behind the data. */
  grid: ["#d4d4d4", "#3d3d3d"],
} as const;

type Name = keyof typeof COLOURS;

/**
 * plotbrief's palette, for Plot's colour options: `fill: palette.blue`, `color: { range: palette.series }`.
 * `ink` is the page's text colour and `paper` its background, in either scheme.
 */
export const palette = {
  ...(Object.fromEntries(Object.keys(COLOURS).map((name) => [name, `var(--pb-${name})`])) as Record<Name, string>),
  ink: "currentColor",
  paper: "var(--plot-background)",
  /** Six colours for series, in an order that keeps neighbours apart. */
  series: (["blue", "orange", "green", "red", "purple", "gray"] as const).map((name) => `var(--pb-${name})`),
} as const;

/** The light value of a palette colour, for files read outside a page. */
export const LIGHT: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(COLOURS).map(([name, [light]]) => [`var(--pb-${name})`, light]),
);

/** The breakpoint, in CSS px of the chart's container, below which a page shows the narrow view. */
export const NARROW_BELOW = 520;

/**
 * The stylesheet each chart carries (in the page it applies to all of them): the palette, in a rule any
 * page's own `:root` overrides; the background that tips and label halos are painted in; and, in the
 * page, the view shown for the width there is, by container query, and the column's view in print.
 */
export const CHART_STYLE = [
  `:where(:root){${Object.entries(COLOURS)
    .map(([name, [light, dark]]) => `--pb-${name}:light-dark(${light},${dark});`)
    .join("")}}`,
  ":where(.pb-plot){--plot-background:var(--pb-paper,light-dark(#fff,#121212));display:block;height:auto;max-width:100%}",
  ":where(.pb-plot text),:where(.pb-plot tspan){white-space:pre}",
  ".pb-views{container-type:inline-size}",
  ".pb-views>.pb-narrow{display:none;width:100%}",
  `@container (max-width:${NARROW_BELOW - 0.02}px){.pb-views>.pb-column{display:none}.pb-views>.pb-narrow{display:block}}`,
  "@media print{.pb-views>.pb-narrow{display:none!important}.pb-views>.pb-column{display:block!important}}",
].join("");

/** "rgb(1, 2, 3)", "rgba(…)", "#rgb", "#rrggbb", white or black as RGBA bytes; black for anything else. */
export function parseColor(value: string): number[] {
  const rgb = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+))?\s*\)/.exec(value);
  if (rgb)
    return [+rgb[1]!, +rgb[2]!, +rgb[3]!, rgb[4] === undefined ? 255 : Math.round(+rgb[4] * 255)].map(Math.round);
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(value === "white" ? "#fff" : value)?.[1];
  if (!hex) return [0, 0, 0, 255];
  const digits = hex.length === 3 ? [...hex].map((digit) => digit + digit) : [0, 2, 4].map((i) => hex.slice(i, i + 2));
  return [...digits.map((pair) => parseInt(pair, 16)), 255];
}

/** Whether a fill is light enough that a label in it sits on a dark mark (a palette colour by its light value). */
export function isLight(fill: string | null): boolean {
  if (fill === null) return false;
  if (fill === "var(--plot-background)") return true;
  const colour = LIGHT[fill] ?? fill;
  if (!/^(#|rgb|white$)/i.test(colour)) return false;
  const [r, g, b] = parseColor(colour).map((byte) => byte / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 0.7;
}
