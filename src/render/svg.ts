// Figures to SVG on the server: Plot with one shared jsdom document, warnings as errors, ids per figure.
import * as Plot from "@observablehq/plot";
import { UserError } from "../error.js";
import type { Figure } from "../figures/figure.js";

/** What Plot needs from a DOM; one per process, since a new JSDOM per chart is several times slower. */
export interface SvgDocument {
  readonly document: Document;
}

let shared: Promise<SvgDocument> | undefined;

/** The process's shared document, created on first use (importing jsdom takes most of a second). */
export function svgDocument(): Promise<SvgDocument> {
  shared ??= import("jsdom").then(({ JSDOM }) => {
    const { window } = new JSDOM("<!DOCTYPE html>");
    return { document: window.document };
  });
  return shared;
}

// The charts' type, set as attributes: Plot's `style` option would go through jsdom's slow CSS parser.
const FONT_FAMILY = `"Source Sans 3", system-ui, sans-serif`;
const FONT_SIZE = "12";

/**
 * Renders a figure's chart as a standalone SVG string: byte-stable, ids prefixed with the figure id so
 * that charts in one page never share a clip path, and the alt text on the chart itself.
 */
export function renderSvg(figure: Figure, { document }: SvgDocument): string {
  const warnings: string[] = [];
  const warn = console.warn;
  // Plot reports warnings only through console.warn and a sign drawn into the chart; Plot.plot is
  // synchronous, so catching them here cannot catch anyone else's.
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
  let node: SVGSVGElement | HTMLElement;
  try {
    node = Plot.plot({ width: 640, ...figure.plot, document, className: "pb-plot" });
  } catch (error) {
    throw new UserError(`figure ${figure.id}: Plot failed: ${(error as Error).message}`);
  } finally {
    console.warn = warn;
  }
  if (warnings.length > 0) throw new UserError(`figure ${figure.id}: Plot warned: ${warnings.join(" ")}`);
  if (node.tagName.toLowerCase() !== "svg") {
    throw new UserError(
      `figure ${figure.id}: Plot made a <${node.tagName.toLowerCase()}>, not an <svg>; leave title, caption and legend to the figure's furniture`,
    );
  }
  node.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  if (figure.plot.style === undefined) {
    node.setAttribute("font-family", FONT_FAMILY);
    node.setAttribute("font-size", FONT_SIZE);
  }
  node.setAttribute("role", "img");
  node.setAttribute("aria-label", figure.alt);
  return tidy(node.outerHTML, figure.id);
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

/** Renders a figure in the process's shared document. */
export async function renderFigure(figure: Figure): Promise<string> {
  return renderSvg(figure, await svgDocument());
}
