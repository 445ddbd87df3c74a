import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { UserError, located } from "../error.js";
import { resolveFigure } from "../figures/figure.js";
import type { AnyFigureSpec, Figure } from "../figures/figure.js";
import { fontFaces } from "../render/fonts.js";
import { trusted } from "../render/html.js";
import type { Html } from "../render/html.js";
import { renderSvg, svgDocument } from "../render/svg.js";
import type { PagePrint } from "../render/printer.js";
import type { FrontMatter } from "./notebook.js";
import { resolveFact } from "./facts.js";
import type { Fact } from "./facts.js";
import { findOutsideImages, findReferences, renderMarkdown } from "./markdown.js";
import type { LoadedReport } from "./report.js";

export { VERSION } from "../version.js";
import { VERSION } from "../version.js";

/** A report rendered in memory: the page and each figure's standalone SVG. */
export interface RenderedReport {
  readonly slug: string;
  readonly front: FrontMatter;
  readonly html: string;
  /** The page's CSS, fonts included: for pages made from its parts, such as one chart for a PNG. */
  readonly css: string;
  /** How the PDF is printed: paper, margins, running header and footer, from the template. */
  readonly print: PagePrint;
  readonly figures: readonly { readonly figure: Figure; readonly svg: string }[];
}

/** Makes a figure's SVG: rendered, or taken from a cache by the caller. */
export type SvgSource = (figure: Figure, spec: AnyFigureSpec) => Promise<string>;

/** Renders with Plot in the process's shared document: the SvgSource when nothing is cached. */
export const renderWithPlot: SvgSource = async (figure) => renderSvg(figure, await svgDocument());

/**
 * Resolves every reference in the notebook (all problems are reported together, each with its line),
 * renders the figures and assembles the page. Nothing is written.
 */
export async function assembleReport(
  root: string,
  report: LoadedReport,
  svgFor: SvgSource = renderWithPlot,
): Promise<RenderedReport> {
  const { notebook, spec, datasets, template } = report;
  const figureSpecs = new Map(spec.figures.map((figure) => [figure.id, figure]));
  if (figureSpecs.size !== spec.figures.length)
    throw new UserError(`${join("reports", report.slug, "report.ts")}: two figures share an id`);

  const problems: string[] = [];
  const facts = new Map<string, Fact>();
  const embedded: string[] = [];
  for (const image of findOutsideImages(notebook.body)) {
    problems.push(
      located(
        notebook.file,
        notebook.bodyLine + image.line,
        `image ${image.src} is outside the report, which must work offline as one file; embed it as a data: URL`,
      ),
    );
  }
  for (const reference of findReferences(notebook.body)) {
    const at = (message: string) => problems.push(located(notebook.file, notebook.bodyLine + reference.line, message));
    const misplaced = /^figure\s+(\S+)$/.exec(reference.text);
    if (reference.kind === "inline" && misplaced) {
      at(`{{figure ${misplaced[1]}}} must stand alone on its line`);
      continue;
    }
    if (reference.kind === "figure") {
      const id = reference.text;
      if (!figureSpecs.has(id)) at(`unknown figure "${id}"; figures: ${[...figureSpecs.keys()].join(", ")}`);
      else if (embedded.includes(id)) at(`figure "${id}" is already embedded; embed each figure once`);
      else embedded.push(id);
      continue;
    }
    const fact = resolveFact(reference.text, datasets);
    if ("error" in fact) at(fact.error);
    else facts.set(reference.text, fact);
  }
  if (problems.length > 0) throw new UserError(problems.join("\n"));

  const figures = await Promise.all(
    spec.figures.map(async (figureSpec) => {
      try {
        const figure = resolveFigure(figureSpec, datasets);
        return { figure, svg: await svgFor(figure, figureSpec) };
      } catch (error) {
        // The figure's own code threw: name the figure, keep the cause for --debug.
        if (error instanceof UserError) throw error;
        throw new UserError(`figure ${figureSpec.id}: ${(error as Error).message}`, { cause: error });
      }
    }),
  );
  const figureHtml = new Map<string, Html>(
    figures.map(({ figure, svg }) => [figure.id, template.figure({ figure, svg: trusted(svg) })]),
  );
  const body = trusted(renderMarkdown(notebook.body, { facts, figures: figureHtml }));
  const styles = await Promise.all(
    template.styles.map((file) =>
      readFile(join(root, report.templateDir, file), "utf8").catch(() => {
        throw new UserError(
          located(join(report.templateDir, file), undefined, "missing: the template lists it in its styles"),
        );
      }),
    ),
  );
  const css = trusted([await fontFaces(template.fonts), ...styles].join("\n"));
  const front = notebook.front;
  const html = template.page({ front, body, css, version: VERSION }).value;
  const fontCss = trusted(await fontFaces(template.print.fonts));
  const print: PagePrint = {
    format: front.paper === "letter" ? "Letter" : "A4",
    margin: template.print.margin,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: template.print.header({ front, fontCss }).value,
    footerTemplate: template.print.footer({ front, fontCss }).value,
  };
  return { slug: report.slug, front, html, css: css.value, print, figures };
}
