// Figures to SVG on the server: Plot with one shared jsdom document, warnings as errors, ids per figure,
// colour keys drawn by Plot beside the chart, static tips sized with the fonts' metrics, and a warning
// for whatever a mark would otherwise drop in silence.
import * as Plot from "@observablehq/plot";
import { UserError } from "../error.js";
import { inReportWords } from "../data/format.js";
import type { Figure } from "../figures/figure.js";
import { completeWindow } from "./dom.js";
import { cardSvg, standaloneSvg } from "./export.js";
import { summarise } from "./alt.js";
import { checkMarks, checkText, instrument } from "./checks.js";
import type { MarkRecord } from "./checks.js";
import { checkDomains } from "./domains.js";
import type { Cut } from "./domains.js";
import { CHART_STYLE, isLight } from "./palette.js";
import { loadedMetrics, textMetrics } from "./text.js";

/** What Plot needs from a DOM; one per process, since a new JSDOM per chart is several times slower. */
export interface SvgDocument {
  readonly document: Document;
}

let shared: Promise<SvgDocument> | undefined;

/** The process's shared document, created on first use (importing jsdom takes most of a second). */
export function svgDocument(): Promise<SvgDocument> {
  shared ??= import("jsdom").then(({ JSDOM }) => {
    const { window } = new JSDOM("<!DOCTYPE html>");
    completeWindow(window as unknown as Window & typeof globalThis);
    return { document: window.document };
  });
  return shared;
}

/** A chart with a static tip, drawn before the fonts' metrics were loaded: its tip cannot be laid out. */
class MetricsNeeded extends Error {}

/** A figure's chart as plotbrief draws it. */
export interface Drawn {
  /** The column's view: an SVG, byte-stable, its ids prefixed with the figure's. */
  readonly svg: string;
  /** The narrow screen's view, where the figure has one; a page shows it by container query. */
  readonly narrow?: string;
  /** The social card's view, where the figure has one. */
  readonly card?: string;
  /** Its keys, as Plot draws them: swatches as HTML, ramps as SVG, for the page above the chart. */
  readonly legends: readonly string[];
  /** What a mark dropped or a label lost: for the build's output (errors with `strict: true`). */
  readonly warnings: readonly string[];
  /** The chart's alt text: the figure's own, or a summary of the chart within ALT_BUDGET characters. */
  readonly alt: string;
}

/** A figure's chart, and the files its build exports: the chart with its furniture and fonts, and its social card. */
export interface Chart extends Drawn {
  /** `figures/<id>.svg`, and the PNG made from it; where the figure exports it. */
  readonly file?: string;
  /** The social card, printed as `figures/<id>.card.png`; where the figure exports it. */
  readonly cardFile?: string;
}

// The charts' type, set as attributes: Plot's `style` option would go through jsdom's slow CSS parser.
const FONT_FAMILY = `"Source Sans 3", system-ui, sans-serif`;
/** The scales whose keys Plot draws: `color: { legend: true }` and the like. */
const KEYED = ["color", "symbol", "opacity"] as const;

/** Each view: its name in ids and messages, and the size of its text (a phone's is a step larger). */
const VIEWS = {
  column: { size: 12, where: "" },
  narrow: { size: 13, where: " in the narrow view (phones)" },
  card: { size: 12, where: " in the social card" },
} as const;
type ViewName = keyof typeof VIEWS;

/**
 * Renders a figure's chart in each of its views: SVG (alt text on the chart itself), keys and warnings.
 * The text metrics must be loaded for a chart with a static tip; without them, labels are checked
 * against the frame only where they surely fit, and `unsure` says a check was left to the metrics.
 */
export function renderSvg(figure: Figure, document: SvgDocument): Drawn & { readonly unsure: boolean } {
  // Plot calls the figure's accessors and tick formats as it draws: in the report's words, as the figure's code ran.
  const words = { ...(figure.locale === undefined ? {} : { locale: figure.locale }), messages: figure.messages };
  return inReportWords(words, () => drawViews(figure, document));
}

function drawViews(figure: Figure, { document }: SvgDocument): Drawn & { readonly unsure: boolean } {
  const column = drawView(figure, "column", figure.plot, document);
  const others = figure.views
    ? (["narrow", "card"] as const).flatMap((name) => {
        const plot = figure.views![name];
        return plot ? [drawView(figure, name, plot, document)] : [];
      })
    : [];
  const alt = figure.alt ?? summarise(figure, column.node as never, figure.locale);
  const finish = (view: View) => {
    view.node.setAttribute("role", "img");
    view.node.setAttribute("aria-label", alt);
    return tidy(view.node.outerHTML, view.name === "column" ? figure.id : `${figure.id}-${view.name}`, view.name);
  };
  const narrow = others.find((view) => view.name === "narrow");
  const card = others.find((view) => view.name === "card");
  // The card's labels are its own business: it is printed only with png or a url, and its warnings
  // would fail a strict build that makes none.
  // A domain cut in both views is said once, of the column; the narrow view's own, naming the view.
  const cut = (view: View, seen: readonly Cut[] = []) =>
    view.cuts
      .filter((c) => !seen.some((s) => s.message === c.message))
      .map((c) => `figure ${figure.id}${VIEWS[view.name].where}: ${c.message}`);
  const warnings = [
    ...checkMarks(figure.id, column.records),
    ...cut(column),
    ...column.warnings,
    ...(narrow ? cut(narrow, column.cuts) : []),
    ...(narrow?.warnings ?? []),
  ];
  return {
    svg: finish(column),
    ...(narrow ? { narrow: finish(narrow) } : {}),
    ...(card ? { card: finish(card) } : {}),
    legends: column.legends,
    warnings,
    alt,
    unsure: column.unsure || others.some((view) => view.unsure),
  };
}

interface View {
  readonly name: ViewName;
  readonly node: SVGSVGElement;
  readonly legends: string[];
  readonly warnings: string[];
  readonly records: MarkRecord[];
  readonly cuts: Cut[];
  readonly unsure: boolean;
}

/** Draws one view of a figure with Plot, and checks what it drew. */
function drawView(figure: Figure, name: ViewName, options: Figure["plot"], document: Document): View {
  const plot = { ...options };
  const keys: { name: (typeof KEYED)[number]; options: Record<string, unknown> }[] = [];
  for (const scaleName of KEYED) {
    const scale = plot[scaleName] as Record<string, unknown> | undefined;
    if (!scale?.legend) continue;
    const { legend, ...rest } = scale;
    keys.push({
      name: scaleName,
      options: typeof legend === "object" ? { ...(legend as object) } : typeof legend === "string" ? { legend } : {},
    });
    (plot as Record<string, unknown>)[scaleName] = rest;
  }
  const records = instrument(plot);
  const warnings: string[] = [];
  const warn = console.warn;
  const frame = globalThis.requestAnimationFrame;
  const frames: FrameRequestCallback[] = [];
  // Plot reports warnings only through console.warn and a sign drawn into the chart, and a static tip
  // sizes itself in an animation frame; Plot.plot is synchronous, so neither catches anyone else's.
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
  globalThis.requestAnimationFrame = (callback) => frames.push(callback);
  let node: SVGSVGElement | HTMLElement;
  try {
    node = Plot.plot({ width: 640, ...plot, document, className: "pb-plot" });
  } catch (error) {
    throw new UserError(`figure ${figure.id}: Plot failed${VIEWS[name].where}: ${(error as Error).message}`);
  } finally {
    console.warn = warn;
    globalThis.requestAnimationFrame = frame;
  }
  if (warnings.length > 0)
    throw new UserError(`figure ${figure.id}: Plot warned${VIEWS[name].where}: ${warnings.join(" ")}`);
  if (node.tagName.toLowerCase() !== "svg") {
    throw new UserError(
      `figure ${figure.id}: Plot made a <${node.tagName.toLowerCase()}>, not an <svg>; leave the title and caption to the figure's furniture`,
    );
  }
  const svg = node as SVGSVGElement;
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("class", `pb-plot pb-${name}`);
  if (options.style === undefined) {
    svg.setAttribute("font-family", FONT_FAMILY);
    svg.setAttribute("font-size", String(VIEWS[name].size));
  }
  if (frames.length > 0 && !loadedMetrics())
    throw new MetricsNeeded(`figure ${figure.id}: a tip needs the text metrics loaded`);
  for (const callback of frames) callback(0);
  halo(svg);
  const legends =
    name !== "column"
      ? []
      : keys.map(({ name: scaleName, options: legendOptions }) => {
          const key = (svg as unknown as { legend(name: string, options: object): Element | undefined }).legend(
            scaleName,
            legendOptions,
          );
          if (!key)
            throw new UserError(
              `figure ${figure.id}: ${scaleName}: { legend } asks for a key, and the chart has no ${scaleName} scale`,
            );
          return tidy(key.outerHTML, `${figure.id}-key`, "key");
        });
  const text = checkText(figure.id, svg, {
    where: VIEWS[name].where,
    smallest: name === "narrow" ? NARROW_SMALLEST : 0,
  });
  const cuts = checkDomains(plot, svg, records);
  return { name, node: svg, legends, warnings: text.warnings, records, cuts, unsure: text.unsure };
}

/**
 * The smallest text, in px, that a narrow view may carry: drawn 320 px wide and shown in a 320 px
 * phone's column (284 px), it comes out at 11 px.
 */
const NARROW_SMALLEST = 12.4;

/**
 * A halo in the page's background behind each text mark's labels (Plot's own stroke and paint order),
 * so that no gridline or line runs through them, in either scheme. A mark with a stroke or stroke width
 * of its own keeps it (`strokeWidth: 0` turns the halo off), and so do light labels, on dark marks.
 */
function halo(svg: SVGSVGElement): void {
  for (const group of Array.from(svg.querySelectorAll('g[aria-label="text"]'))) {
    if (["stroke", "stroke-width"].some((name) => group.hasAttribute(name) || group.querySelector(`[${name}]`)))
      continue;
    if (isLight(group.getAttribute("fill"))) continue;
    group.setAttribute("stroke", "var(--plot-background)");
    group.setAttribute("stroke-width", "3");
    group.setAttribute("stroke-linejoin", "round");
    group.setAttribute("paint-order", "stroke");
  }
}

/**
 * Finishes the serialized chart as text, several times faster than walking its DOM:
 * - the chart is one image with one description, so Plot's labels on its parts ("bar", "x-axis tick"),
 *   which are not valid ARIA on a <g> and say nothing a reader needs, are dropped;
 * - every id becomes "<figure>-<n>" in document order, and so do the references to it, so that charts
 *   in one page never share a clip path;
 * - the HTML entity for a no-break space becomes a character reference, so that the file is valid XML.
 */
function tidy(html: string, prefix: string, view: ViewName | "key"): string {
  const rootEnd = html.indexOf(">") + 1;
  let rest = html
    .slice(rootEnd)
    .replace(/ aria-(?:label|description)="[^"]*"/g, "")
    // Plot's stylesheet gives way to plotbrief's; in the page, the column's serves the narrow view too.
    .replace(/<style>[^<]*<\/style>/, (style) =>
      view === "key" ? style : view === "narrow" ? "" : `<style>${CHART_STYLE}</style>`,
    )
    // Positions to the hundredth of a pixel: finer is invisible, and a chart of many marks halves in size.
    .replace(POSITIONS, (_, name: string, value: string) => ` ${name}="${value.replace(DIGITS, round)}"`);
  const renamed = new Map<string, string>();
  for (const match of rest.matchAll(/ id="([^"]+)"/g)) renamed.set(match[1]!, `${prefix}-${renamed.size + 1}`);
  if (renamed.size > 0) {
    rest = rest.replace(
      / id="([^"]+)"|url\(#([^)]+)\)|="#([^"]+)"/g,
      (match, id?: string, url?: string, href?: string) => {
        const name = renamed.get((id ?? url ?? href)!);
        if (name === undefined) return match;
        return id !== undefined ? ` id="${name}"` : url !== undefined ? `url(#${name})` : `="#${name}"`;
      },
    );
  }
  return (html.slice(0, rootEnd) + rest).replaceAll("&nbsp;", "&#160;");
}

const POSITIONS = / (cx|cy|x|y|x1|x2|y1|y2|r|width|height|d|points|transform)="([^"]*)"/g;
const DIGITS = /-?\d+\.\d{3,}/g;
const round = (number: string) => {
  const rounded = Math.round(Number(number) * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
};

/**
 * The chart as a page shows it: the column's view, and the narrow screen's where there is one, of which
 * the chart's own stylesheet shows the one that fits the width there is (and the column's in print).
 */
export function chartMarkup(chart: Drawn): string {
  return chart.narrow === undefined ? chart.svg : `<div class="pb-views">${chart.svg}${chart.narrow}</div>`;
}

/**
 * Renders a figure in the process's shared document and makes the files it exports. The fonts'
 * metrics set those files' furniture, so they are loaded for a figure that exports one, or whose
 * labels the quick estimate left unsure; a page alone needs neither files nor metrics.
 */
export async function renderFigure(figure: Figure): Promise<Chart> {
  const { file: exportsFile, card: exportsCard } = figure.exports;
  const exported = exportsFile || exportsCard;
  const [document] = await Promise.all([svgDocument(), exported ? textMetrics() : undefined]);
  let drawn: ReturnType<typeof renderSvg> | undefined;
  try {
    drawn = renderSvg(figure, document);
  } catch (error) {
    if (!(error instanceof MetricsNeeded)) throw error;
  }
  // A tip's layout, or a label the estimate could not clear, waits for the metrics: drawn again with them.
  if (drawn === undefined || (drawn.unsure && !loadedMetrics())) {
    await textMetrics();
    drawn = renderSvg(figure, document);
  }
  const { unsure: _, ...chart } = drawn;
  if (!exported) return chart;
  const measure = await textMetrics();
  const [file, cardFile] = await Promise.all([
    exportsFile ? standaloneSvg(figure, chart, measure) : undefined,
    exportsCard ? cardSvg(figure, chart, measure) : undefined,
  ]);
  return { ...chart, ...(file === undefined ? {} : { file }), ...(cardFile === undefined ? {} : { cardFile }) };
}
