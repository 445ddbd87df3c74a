import { UserError } from "../error.js";
import type { FontSpec } from "../render/fonts.js";
import type { Html } from "../render/html.js";
import type { Figure } from "../figures/figure.js";
import type { Messages } from "../i18n/messages.js";
import type { FrontMatter } from "./notebook.js";
import type { Fact } from "./facts.js";
import type { SourcesAndMethods } from "./sources.js";

/** What a page template receives. */
export interface PageContext {
  readonly front: FrontMatter;
  /** The notebook's body, figures included. */
  readonly body: Html;
  /** The template's CSS with its fonts inlined, for a `<style>` element. */
  readonly css: Html;
  /** plotbrief's version, for a generator meta tag. */
  readonly version: string;
  /**
   * The front matter's key numbers, resolved: "about 20%" with its label and source, and for a value
   * chosen from sources that disagree, a note: "the highest of seven counts, from about 50 to 121".
   */
  readonly keyNumbers: readonly (Fact & { readonly label: string; readonly note?: string })[];
  /** Every dataset the report uses, its sources, and where they disagree. */
  readonly sources: SourcesAndMethods;
  /** The figures the notebook embeds, in order with their numbers: for a list of tables in print, say. */
  readonly figures: readonly { readonly figure: Figure; readonly number: number }[];
  /** Tags for the page's `<head>`: its description for link previews, and its social image where `url` is given. */
  readonly head: Html;
  /** plotbrief's words in the report's locale: `messages.sourcesAndMethods`, `messages.figure(2)`. */
  readonly messages: Messages;
}

/** What a figure template receives: the bound figure and its chart. */
export interface FigureContext {
  readonly figure: Figure;
  /** Its number in the report: the notebook embeds figures in this order. */
  readonly number: number;
  /**
   * The chart: its column view and its narrow screen's, of which its own stylesheet shows the one that
   * fits the width there is (by container query), and the column's in print.
   */
  readonly svg: Html;
  /** The chart's keys (`color: { legend: true }`), as Plot draws them; empty when it has none. */
  readonly legend: Html;
  /** The chart's alt text, as it is on the chart: the figure's own, or a summary of it. */
  readonly alt: string;
  /** plotbrief's words in the report's locale: `messages.figure(number)`, `messages.download`. */
  readonly messages: Messages;
}

/** What the PDF's running header and footer receive. */
export interface PrintContext {
  readonly front: FrontMatter;
  /** `@font-face` rules for the template's print fonts: the header and footer cannot use the page's. */
  readonly fontCss: Html;
  /** plotbrief's words in the report's locale: `messages.pageOf(page, total)`. */
  readonly messages: Messages;
  /** The page's margins (the template's `print.margin`), to set the header and footer on the text column. */
  readonly margin: Margins;
}

/**
 * The running head of every printed page but the first (which has the title block): plain text, set
 * in the page's margin boxes, e.g. `{ left: front.title, right: messages.briefing }`. Style it in the
 * template's CSS: `@page { @top-left { font: 7.5pt "Source Sans 3"; } }`.
 */
export interface RunningHead {
  readonly left?: string;
  readonly right?: string;
}

/** Margins of the printed page, e.g. "20mm": set here only, never by `@page` CSS, which would override them. */
export interface Margins {
  readonly top: string;
  readonly right: string;
  readonly bottom: string;
  readonly left: string;
}

/**
 * A page template: `templates/<name>/template.ts` default-exports one, made with `defineTemplate`.
 * Everything is escaped unless the template marks it trusted, since it builds markup with `html`.
 */
export interface TemplateSpec {
  readonly fonts: readonly FontSpec[];
  /**
   * CSS files, in order: a path relative to the template's folder (`"plain.css"`), or a file URL, which
   * keeps working when another template reuses the list (`new URL("./style.css", import.meta.url)`).
   */
  readonly styles: readonly (string | URL)[];
  readonly page: (context: PageContext) => Html;
  readonly figure: (context: FigureContext) => Html;
  /** The PDF's page furniture. In the header and footer, Chromium fills `<span class="pageNumber">` and `<span class="totalPages">`. */
  readonly print: {
    readonly margin: Margins;
    readonly fonts: readonly FontSpec[];
    /** Chromium's header, on every page alike; a header that page 1 should not have is a `runningHead`. */
    readonly header?: (context: PrintContext) => Html;
    /** The running head, on every page but the first. */
    readonly runningHead?: (context: PrintContext) => RunningHead;
    readonly footer: (context: PrintContext) => Html;
  };
}

/**
 * The CSS that sets a running head in the top margin boxes of every page but the first. Its text is
 * written as CSS escapes, so no title can end the string or the `<style>` element.
 */
export function runningHeadCss(head: RunningHead): string {
  const string = (text: string) =>
    `"${[...text].map((c) => (/[\p{L}\p{N} ,.:;!?()]/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join("")}"`;
  const boxes = (["left", "right"] as const).filter((side) => head[side] !== undefined && head[side] !== "");
  if (boxes.length === 0) return "";
  const set = boxes.map((side) => `@top-${side} { content: ${string(head[side]!)}; }`).join(" ");
  const none = boxes.map((side) => `@top-${side} { content: none; }`).join(" ");
  return `@page { ${set} }\n@page :first { ${none} }`;
}

/** Identity helper for typing. */
export function defineTemplate(spec: TemplateSpec): TemplateSpec {
  return spec;
}

// CSS pixels in a unit of length, for the printed page's geometry.
const PX: Record<string, number> = { px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, pt: 96 / 72, pc: 16 };
const PAPER_WIDTH = { a4: 210 * PX.mm!, letter: 8.5 * PX.in! };

/** The width of the printed page's column in CSS pixels, rounded: the paper's, less the template's margins. */
export function columnWidth(template: TemplateSpec, paper: "a4" | "letter", name: string): number {
  const length = (value: string) => {
    const match = /^\s*([\d.]+)\s*(px|in|cm|mm|pt|pc)?\s*$/.exec(value);
    if (!match)
      throw new UserError(
        `template "${name}": print margin "${value}": expected a length such as 18mm, 0.75in or 60px`,
      );
    return Number(match[1]) * PX[match[2] ?? "px"]!;
  };
  return Math.round(PAPER_WIDTH[paper] - length(template.print.margin.left) - length(template.print.margin.right));
}
