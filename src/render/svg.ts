// Figures to SVG on the server: Plot with one shared jsdom document, warnings as errors, ids per figure,
// colour keys drawn by Plot beside the chart, static tips sized with the fonts' metrics, and a warning
// for whatever a mark would otherwise drop in silence.
import * as Plot from "@observablehq/plot";
import { UserError } from "../error.js";
import type { Figure } from "../figures/figure.js";
import { completeWindow } from "./dom.js";
import { standaloneSvg } from "./export.js";
import { checkMarks, checkText, instrument } from "./checks.js";
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

/** A figure's chart as plotbrief draws it. */
export interface Drawn {
  /** The chart itself: an SVG, byte-stable, its ids prefixed with the figure's. */
  readonly svg: string;
  /** Its keys, as Plot draws them: swatches as HTML, ramps as SVG, for the page above the chart. */
  readonly legends: readonly string[];
  /** What a mark dropped or a label lost: for the build's output (errors with `strict: true`). */
  readonly warnings: readonly string[];
}

/** A figure's chart, and the file it is written to (`figures/<id>.svg`): the chart with its keys. */
export interface Chart extends Drawn {
  readonly file: string;
}

// The charts' type, set as attributes: Plot's `style` option would go through jsdom's slow CSS parser.
const FONT_FAMILY = `"Source Sans 3", system-ui, sans-serif`;
const FONT_SIZE = "12";
/** The scales whose keys Plot draws: `color: { legend: true }` and the like. */
const KEYED = ["color", "symbol", "opacity"] as const;

/**
 * Renders a figure's chart: its SVG (alt text on the chart itself), its keys, and its warnings. The
 * text metrics must be loaded for a chart with a static tip; without them, labels are checked
 * against the frame only where they surely fit, and `unsure` says a check was left to the metrics.
 */
export function renderSvg(figure: Figure, { document }: SvgDocument): Drawn & { readonly unsure: boolean } {
  const plot = { ...figure.plot };
  const keys: { name: (typeof KEYED)[number]; options: Record<string, unknown> }[] = [];
  for (const name of KEYED) {
    const scale = plot[name] as Record<string, unknown> | undefined;
    if (!scale?.legend) continue;
    const { legend, ...rest } = scale;
    keys.push({
      name,
      options: typeof legend === "object" ? { ...(legend as object) } : typeof legend === "string" ? { legend } : {},
    });
    (plot as Record<string, unknown>)[name] = rest;
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
    throw new UserError(`figure ${figure.id}: Plot failed: ${(error as Error).message}`);
  } finally {
    console.warn = warn;
    globalThis.requestAnimationFrame = frame;
  }
  if (warnings.length > 0) throw new UserError(`figure ${figure.id}: Plot warned: ${warnings.join(" ")}`);
  if (node.tagName.toLowerCase() !== "svg") {
    throw new UserError(
      `figure ${figure.id}: Plot made a <${node.tagName.toLowerCase()}>, not an <svg>; leave the title and caption to the figure's furniture`,
    );
  }
  node.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  if (figure.plot.style === undefined) {
    node.setAttribute("font-family", FONT_FAMILY);
    node.setAttribute("font-size", FONT_SIZE);
  }
  if (frames.length > 0 && !loadedMetrics())
    throw new Error(`figure ${figure.id}: a tip needs the text metrics loaded`);
  for (const callback of frames) callback(0);
  const legends = keys.map(({ name, options }) => {
    const key = (node as unknown as { legend(name: string, options: object): Element | undefined }).legend(
      name,
      options,
    );
    if (!key)
      throw new UserError(
        `figure ${figure.id}: ${name}: { legend } asks for a key, and the chart has no ${name} scale`,
      );
    return tidy(key.outerHTML, `${figure.id}-key`);
  });
  const text = checkText(figure.id, node as SVGSVGElement);
  node.setAttribute("role", "img");
  node.setAttribute("aria-label", figure.alt);
  return {
    svg: tidy(node.outerHTML, figure.id),
    legends,
    warnings: [...checkMarks(figure.id, records), ...text.warnings],
    unsure: text.unsure,
  };
}

/**
 * Finishes the serialized chart as text, several times faster than walking its DOM:
 * - the chart is one image with one description, so Plot's labels on its parts ("bar", "x-axis tick"),
 *   which are not valid ARIA on a <g> and say nothing a reader needs, are dropped;
 * - every id becomes "<figure>-<n>" in document order, and so do the references to it, so that charts
 *   in one page never share a clip path;
 * - the HTML entity for a no-break space becomes a character reference, so that the file is valid XML.
 */
function tidy(html: string, prefix: string): string {
  const rootEnd = html.indexOf(">") + 1;
  let rest = html.slice(rootEnd).replace(/ aria-(?:label|description)="[^"]*"/g, "");
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

/** Renders a figure in the process's shared document, loading the text metrics where it needs them. */
export async function renderFigure(figure: Figure): Promise<Chart> {
  const document = await svgDocument();
  if (needsMetrics(figure)) await textMetrics();
  let drawn = renderSvg(figure, document);
  if (drawn.unsure) {
    await textMetrics();
    drawn = renderSvg(figure, document);
  }
  const { unsure: _, ...chart } = drawn;
  return { ...chart, file: standaloneSvg(chart, loadedMetrics()) };
}

/** Whether the chart has a static tip or a key, which are laid out with the fonts' metrics. */
function needsMetrics(figure: Figure): boolean {
  const marks = [figure.plot.marks ?? []].flat(Infinity as 1) as ({ ariaLabel?: string } | null)[];
  const keyed = KEYED.some((name) => (figure.plot[name] as { legend?: unknown } | undefined)?.legend);
  return keyed || marks.some((mark) => mark?.ariaLabel === "tip");
}
