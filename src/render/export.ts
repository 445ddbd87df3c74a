// A chart as a file of its own, for a CMS or a social post, where nothing of the page comes with it:
// `figures/<id>.svg` (and the PNG made from it) carries its furniture (title, subtitle, key, notes,
// source line and credit) on the page's background, set in SVG with the fonts' metrics, and the
// glyphs of the fonts it uses; a social card (1,200 by 675 pixels as a PNG) does the same in landscape.
import { createHash } from "node:crypto";
import type { Figure } from "../figures/figure.js";
import { escapeHtml } from "./html.js";
import { CHART_STYLE, LIGHT } from "./palette.js";
import { embeddedFonts } from "./subset.js";
import type { Drawn } from "./svg.js";
import type { Measure } from "./text.js";

/** The furniture's colours: the briefing's ink and its muted grey, on white. */
const INK = "#1a1a1a";
const MUTED = "#4d4d4d";
const PAPER = "#fff";

const SWATCH = 15;
const GAP = 6; // between a swatch and its label
const SPACE = 16; // between one entry and the next
const ROW = 22;
const KEY_SIZE = 12;

/** A social card's layout in CSS pixels, drawn at twice the size: 1,200 by 675 pixels. */
export const CARD = { width: 600, height: 337.5, scale: 2 } as const;

/** Text set in lines, each placed by its baseline. */
interface Block {
  readonly lines: readonly string[];
  readonly size: number;
  readonly bold?: boolean;
  readonly color: string;
  readonly leading: number;
}

/** The exported file: the chart with its furniture and fonts, on the page's background. */
export async function standaloneSvg(figure: Figure, chart: Drawn, measure: Measure): Promise<string> {
  const { width, height } = sizeOf(chart.svg);
  const pad = 20;
  const parts: string[] = [];
  let y = pad;
  const place = (block: Block, after: number) => {
    parts.push(setBlock(block, pad, y));
    y += block.lines.length * block.size * block.leading + after;
  };
  place({ lines: wrap(figure.title, width, 18, true, measure), size: 18, bold: true, color: INK, leading: 1.25 }, 4);
  if (figure.subtitle !== undefined)
    place({ lines: wrap(figure.subtitle, width, 14, false, measure), size: 14, color: MUTED, leading: 1.3 }, 0);
  y += 10;
  const key = keys(chart, width, measure);
  if (key.height > 0) {
    parts.push(`<g transform="translate(${pad},${y})">${key.svg}</g>`);
    y += key.height;
  }
  // On a whole pixel, so that the chart is drawn exactly as the page draws it.
  y = Math.ceil(y);
  parts.push(chart.svg.replace(/^<svg/, `<svg x="${pad}" y="${y}"`));
  y += height + 8;
  for (const note of figure.notes)
    place({ lines: wrap(note, width, 12, false, measure), size: 12, color: MUTED, leading: 1.35 }, 4);
  place({ lines: wrap(figure.source, width, 12, false, measure), size: 12, color: MUTED, leading: 1.35 }, 2);
  if (figure.credit !== "")
    place({ lines: wrap(figure.credit, width, 12, false, measure), size: 12, color: MUTED, leading: 1.35 }, 0);
  const total = { width: width + 2 * pad, height: Math.ceil(y + pad) };
  return document(total, parts, figure.alt ?? chart.alt);
}

/** The social card: title, key, the card's view of the chart fitted to the space left, source and credit. */
export async function cardSvg(figure: Figure, chart: Drawn, measure: Measure): Promise<string> {
  const svg = chart.card ?? chart.svg;
  const { width: chartWidth, height: chartHeight } = sizeOf(svg);
  const pad = 20;
  const inner = CARD.width - 2 * pad;
  const parts: string[] = [];
  const title = wrap(figure.title, inner, 20, true, measure);
  const titleBlock: Block = {
    lines: clip(title, 2, inner, 20, true, measure),
    size: 20,
    bold: true,
    color: INK,
    leading: 1.2,
  };
  parts.push(setBlock(titleBlock, pad, pad));
  let y = pad + titleBlock.lines.length * 20 * 1.2 + 8;
  const key = keys(chart, inner, measure);
  if (key.height > 0) {
    parts.push(`<g transform="translate(${pad},${y})">${key.svg}</g>`);
    y += key.height;
  }
  const footer: Block[] = [
    {
      lines: clip(wrap(figure.source, inner, 11, false, measure), 1, inner, 11, false, measure),
      size: 11,
      color: MUTED,
      leading: 1.3,
    },
    ...(figure.credit === ""
      ? []
      : [{ lines: clip([figure.credit], 1, inner, 11, false, measure), size: 11, color: MUTED, leading: 1.3 }]),
  ];
  const footerHeight = footer.reduce((sum, block) => sum + block.size * block.leading, 0);
  const box = { width: inner, height: Math.max(40, CARD.height - pad - footerHeight - 6 - y) };
  // The chart keeps its proportions: scaled down to the box where it is taller, centred in it.
  const scale = Math.min(1, box.width / chartWidth, box.height / chartHeight);
  const [w, h] = [chartWidth * scale, chartHeight * scale];
  parts.push(
    svg
      .replace(/^<svg([^>]*?) width="[\d.]+" height="[\d.]+"/, `<svg$1 width="${round(w)}" height="${round(h)}"`)
      .replace(/^<svg/, `<svg x="${round(pad + (box.width - w) / 2)}" y="${Math.ceil(y + (box.height - h) / 2)}"`),
  );
  let bottom = CARD.height - pad - footerHeight;
  for (const block of footer) {
    parts.push(setBlock(block, pad, bottom));
    bottom += block.size * block.leading;
  }
  return document({ width: CARD.width, height: CARD.height }, parts, figure.alt ?? chart.alt, CARD.scale);
}

/** The file around its parts: size, background, the ink, and the fonts with the glyphs it sets. */
async function document(
  size: { width: number; height: number },
  parts: string[],
  alt: string,
  scale = 1,
): Promise<string> {
  const body = parts.join("");
  const texts = textsOf(body);
  // The file's own name for its fonts and its class: two files inline in one page keep their subsets.
  const family = `pb-${createHash("sha256").update(JSON.stringify(texts)).digest("hex").slice(0, 12)}`;
  const fonts = await embeddedFonts(texts, family);
  const chart = lightColours(body).replaceAll(
    'font-family="&quot;Source Sans 3&quot;',
    `font-family="&quot;${family}&quot;, &quot;Source Sans 3&quot;`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${family}" width="${size.width * scale}" height="${size.height * scale}" viewBox="0 0 ${size.width} ${size.height}" ` +
    `role="img" aria-label="${escapeHtml(alt)}" font-family='"${family}", "Source Sans 3", system-ui, sans-serif' font-size="12" fill="currentColor" color="${INK}">` +
    `<style>${fonts}.${family} text,.${family} tspan{white-space:pre}</style><rect width="100%" height="100%" fill="${PAPER}"/>${chart}</svg>\n`
  );
}

/**
 * The palette's colours as their light values, and without the page's stylesheet for charts: a file
 * read outside a page has no scheme to follow and one view only.
 */
function lightColours(svg: string): string {
  return svg
    .replaceAll(`<style>${CHART_STYLE}</style>`, "")
    .replace(/var\(--pb-[a-z]+\)/g, (colour) => LIGHT[colour] ?? colour)
    .replaceAll("var(--plot-background)", PAPER);
}

/**
 * The characters a file sets, for each weight it uses: the regular for all its text, and the bold, where
 * any is bold (its title always), for the same characters, since the weight a label gets is known
 * only once its groups' styles cascade.
 */
function textsOf(svg: string): { 400: string; 700: string } {
  const visible = svg.replace(/<style>[\s\S]*?<\/style>|<title>[\s\S]*?<\/title>/g, "");
  const all = unique([...visible.matchAll(/>([^<]+)</g)].map((match) => unescape(match[1]!)).join(""));
  return { 400: all, 700: /font-weight="(bold|[6-9]00)"/.test(visible) ? all : "" };
}

function unique(text: string): string {
  return [...new Set(text)].sort().join("");
}

/** Lines of text, each placed at its baseline. */
function setBlock(block: Block, x: number, top: number): string {
  const step = block.size * block.leading;
  return block.lines
    .map((line, i) => {
      const baseline = round(top + i * step + (step - block.size) / 2 + block.size * 0.8);
      return `<text x="${x}" y="${baseline}" font-size="${block.size}"${block.bold ? ' font-weight="bold"' : ""} fill="${block.color}">${escapeHtml(line)}</text>`;
    })
    .join("");
}

/** Words into lines no wider than `width`. */
function wrap(text: string, width: number, size: number, bold: boolean, measure: Measure): string[] {
  const lines: string[] = [];
  let line = "";
  // Breaks at spaces only: a no-break space ("Nov.\u00a03", "10\u202f%") keeps its words together.
  for (const word of text.split(/[ \t\r\n]+/).filter((w) => w !== "")) {
    const next = line === "" ? word : `${line} ${word}`;
    if (line !== "" && measure(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** At most `most` lines, the last cut with an ellipsis where text was left out. */
function clip(lines: string[], most: number, width: number, size: number, bold: boolean, measure: Measure): string[] {
  if (lines.length <= most && lines.every((line) => measure(line, size, bold) <= width)) return lines;
  const kept = lines.slice(0, most);
  let last = `${kept[most - 1] ?? kept[kept.length - 1]}…`;
  while (last.length > 1 && measure(last, size, bold) > width) last = `${last.slice(0, -2).trimEnd()}…`;
  kept[kept.length - 1] = last;
  return kept;
}

/** The chart's keys drawn in SVG (a file has no HTML for Plot's swatches), and their height. */
function keys(chart: Drawn, width: number, measure: Measure): { svg: string; height: number } {
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
      const wide = SWATCH + GAP + measure(text, KEY_SIZE) + SPACE;
      if (x > 0 && x + wide - SPACE > width) {
        x = 0;
        row += ROW;
      }
      parts.push(swatch!.replace(/^<svg/, `<svg x="${round(x)}" y="${row + (ROW - SWATCH) / 2}"`));
      parts.push(`<text x="${round(x + SWATCH + GAP)}" y="${row + ROW / 2}" dy="0.35em">${escapeHtml(text)}</text>`);
      x += wide;
    }
    y = row + ROW + 6;
  }
  return {
    svg: parts.length === 0 ? "" : `<g class="pb-key" font-size="${KEY_SIZE}">${parts.join("")}</g>`,
    height: y,
  };
}

function sizeOf(svg: string): { width: number; height: number } {
  return {
    width: Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 640),
    height: Number(/^<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 400),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function unescape(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}
