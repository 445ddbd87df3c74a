// Figures to SVG on the server: Plot with one shared jsdom document, warnings as errors, ids per figure.
import * as Plot from "@observablehq/plot";
import { UserError } from "../error.js";
import type { Figure } from "../figures/figure.js";

/** What Plot needs from a DOM; one per process, since a new JSDOM per chart is several times slower. */
export interface SvgDocument {
  readonly document: Document;
  readonly serialize: (node: Node) => string;
}

let shared: Promise<SvgDocument> | undefined;

/** The process's shared document, created on first use (importing jsdom takes most of a second). */
export function svgDocument(): Promise<SvgDocument> {
  shared ??= import("jsdom").then(({ JSDOM }) => {
    const { window } = new JSDOM("<!DOCTYPE html>");
    const serializer = new window.XMLSerializer();
    return { document: window.document, serialize: (node) => serializer.serializeToString(node) };
  });
  return shared;
}

const FONT = `font-family: "Source Sans 3", system-ui, sans-serif; font-size: 12px`;

/**
 * Renders a figure's chart as a standalone SVG string: byte-stable, ids prefixed with the figure id so
 * that charts in one page never share a clip path, and the alt text on the chart itself.
 */
export function renderSvg(figure: Figure, { document, serialize }: SvgDocument): string {
  const warnings: string[] = [];
  const warn = console.warn;
  // Plot reports warnings only through console.warn and a sign drawn into the chart; Plot.plot is
  // synchronous, so catching them here cannot catch anyone else's.
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
  let node: SVGSVGElement | HTMLElement;
  try {
    node = Plot.plot({ width: 640, style: FONT, ...figure.plot, document, className: "pb-plot" });
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
  // The chart is one image with one description; Plot's labels on its parts ("bar", "x-axis tick")
  // are not valid ARIA on a <g> and say nothing a reader needs.
  for (const part of node.querySelectorAll("[aria-label], [aria-description]")) {
    part.removeAttribute("aria-label");
    part.removeAttribute("aria-description");
  }
  node.setAttribute("role", "img");
  node.setAttribute("aria-label", figure.alt);
  prefixIds(node, figure.id);
  return serialize(node);
}

/** Renames every id in the chart to "<figure>-<n>" in document order and rewrites references to them. */
function prefixIds(svg: Element, prefix: string): void {
  const renamed = new Map<string, string>();
  for (const element of svg.querySelectorAll("[id]")) {
    const id = `${prefix}-${renamed.size + 1}`;
    renamed.set(element.id, id);
    element.id = id;
  }
  if (renamed.size === 0) return;
  const reference = /url\(#([^)]+)\)|^#(.+)$/g;
  for (const element of [svg, ...svg.querySelectorAll("*")]) {
    for (const attribute of [...element.attributes]) {
      if (!attribute.value.includes("#")) continue;
      const value = attribute.value.replace(reference, (match, inUrl?: string, bare?: string) => {
        const id = renamed.get((inUrl ?? bare)!);
        if (id === undefined) return match;
        return inUrl !== undefined ? `url(#${id})` : `#${id}`;
      });
      if (value !== attribute.value) element.setAttributeNS(attribute.namespaceURI, attribute.name, value);
    }
  }
}
