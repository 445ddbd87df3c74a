// A chart as a file of its own (`figures/<id>.svg`, and the PNG made from it): the chart with its keys
// above it, as the page shows them, drawn in SVG since a file has no HTML to hold Plot's swatches.
import type { Drawn } from "./svg.js";
import { escapeHtml } from "./html.js";
import type { Measure } from "./text.js";

const SWATCH = 15;
const GAP = 6; // between a swatch and its label
const SPACE = 16; // between one entry and the next
const ROW = 22;
const SIZE = 12;

/** The chart alone when it has no key; else an SVG with its keys on top. */
export function standaloneSvg(chart: Drawn, measure: Measure | undefined): string {
  if (chart.legends.length === 0) return `${chart.svg}\n`;
  if (!measure) throw new Error("a chart with a key needs the text metrics loaded");
  const width = Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(chart.svg)?.[1] ?? 640);
  const height = Number(/^<svg[^>]*\sheight="([\d.]+)"/.exec(chart.svg)?.[1] ?? 400);
  let y = 0;
  const parts: string[] = [];
  for (const legend of chart.legends) {
    if (legend.startsWith("<svg")) {
      // A ramp is SVG already: placed as it is.
      const h = Number(/^<svg[^>]*\sheight="([\d.]+)"/.exec(legend)?.[1] ?? 50);
      parts.push(legend.replace(/^<svg/, `<svg x="0" y="${y}"`));
      y += h + 4;
      continue;
    }
    const swatches = [...legend.matchAll(/<span class="[^"]*swatch"[^>]*>(<svg[\s\S]*?<\/svg>)([\s\S]*?)<\/span>/g)];
    let x = 0;
    let row = y;
    for (const [, swatch, label] of swatches) {
      const text = unescape(label!.replace(/<[^>]*>/g, ""));
      const wide = SWATCH + GAP + measure(text, SIZE) + SPACE;
      if (x > 0 && x + wide - SPACE > width) {
        x = 0;
        row += ROW;
      }
      parts.push(swatch!.replace(/^<svg/, `<svg x="${x}" y="${row + (ROW - SWATCH) / 2}"`));
      parts.push(`<text x="${x + SWATCH + GAP}" y="${row + ROW / 2}" dy="0.35em">${escapeHtml(text)}</text>`);
      x += wide;
    }
    y = row + ROW + 6;
  }
  const chart_ = chart.svg.replace(/^<svg/, `<svg x="0" y="${y}"`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + height}" viewBox="0 0 ${width} ${y + height}" ` +
    `font-family='"Source Sans 3", system-ui, sans-serif' font-size="${SIZE}" fill="currentColor">` +
    `<g class="pb-key">${parts.join("")}</g>${chart_}</svg>\n`
  );
}

function unescape(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}
