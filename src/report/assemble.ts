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
import { resolveFact, resolveInline } from "./facts.js";
import type { FactContext } from "./facts.js";
import { formatNumber } from "../data/format.js";
import type { AnyDatasetSpec, Dataset, RowsOf } from "../data/dataset.js";
import type { Quoted } from "../data/derive.js";
import { knownValues, lookalike } from "./audit.js";
import { sourcesAndMethods } from "./sources.js";
import { findOutsideImages, findReferences, findTypedNumbers, renderMarkdown } from "./markdown.js";
import { reportPaths } from "./report.js";
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
  /** The claims audit's findings: hand-typed numbers that look like data values. */
  readonly warnings: readonly string[];
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
  const at = (line: number, message: string) =>
    problems.push(located(notebook.file, notebook.bodyLine + line, message));
  for (const image of findOutsideImages(notebook.body)) {
    at(
      image.line,
      `image ${image.src} is outside the report, which must work offline as one file; embed it as a data: URL`,
    );
  }
  // Figures first: their numbers, in the order the notebook embeds them, are what {{ref id}} writes.
  const references = findReferences(notebook.body);
  const numbers = new Map<string, number>();
  for (const reference of references.filter((r) => r.kind === "figure")) {
    const id = reference.text;
    if (!figureSpecs.has(id))
      at(reference.line, `unknown figure "${id}"; figures: ${[...figureSpecs.keys()].join(", ")}`);
    else if (numbers.has(id)) at(reference.line, `figure "${id}" is already embedded; embed each figure once`);
    else numbers.set(id, numbers.size + 1);
  }
  const front = notebook.front;
  const context: FactContext = { datasets, derived: derive(report), figures: numbers, locale: front.locale };
  const inline = new Map<string, Html>();
  for (const reference of references.filter((r) => r.kind === "inline")) {
    const misplaced = /^figure\s+(\S+)$/.exec(reference.text);
    if (misplaced) {
      at(reference.line, `{{figure ${misplaced[1]}}} must stand alone on its line`);
      continue;
    }
    const resolved = resolveInline(reference.text, context);
    if ("error" in resolved) at(reference.line, resolved.error);
    else inline.set(reference.text, resolved.html);
  }
  const keyNumbers = front.key_numbers.flatMap(({ fact, label }) => {
    const resolved = resolveFact(fact, context);
    if (!("error" in resolved)) return [{ ...resolved, label }];
    problems.push(located(notebook.file, notebook.keyLines.key_numbers, `key_numbers: ${resolved.error}`));
    return [];
  });
  if (problems.length > 0) throw new UserError(problems.join("\n"));

  // The claims audit: hand-typed numbers that look like data values.
  const known = knownValues(datasets.values(), context.derived);
  const warnings = findTypedNumbers(notebook.body).flatMap((typed) => {
    const like = lookalike(typed, known);
    if (!like) return [];
    return [
      located(
        notebook.file,
        notebook.bodyLine + typed.line,
        `${typed.text} looks like ${like.id} (${formatNumber(like.value, { locale: front.locale })}); bind it to the data ({{${like.id}}}) or mark it as free text ({{free ${typed.text}}})`,
      ),
    ];
  });
  if (front.strict && warnings.length > 0) throw new UserError(warnings.join("\n"));

  const figures = await Promise.all(
    spec.figures.map(async (figureSpec) => {
      try {
        const figure = resolveFigure(figureSpec, datasets, front.locale);
        return { figure, svg: await svgFor(figure, figureSpec) };
      } catch (error) {
        // The figure's own code threw: name the figure, keep the cause for --debug.
        if (error instanceof UserError) throw error;
        throw new UserError(`figure ${figureSpec.id}: ${(error as Error).message}`, { cause: error });
      }
    }),
  );
  const figureHtml = new Map<string, Html>(
    figures
      .filter(({ figure }) => numbers.has(figure.id))
      .map(({ figure, svg }) => [
        figure.id,
        template.figure({ figure, number: numbers.get(figure.id)!, svg: trusted(svg) }),
      ]),
  );
  const body = trusted(renderMarkdown(notebook.body, { inline, figures: figureHtml }));
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
  const sources = sourcesAndMethods(datasets.values(), front.locale);
  const html = template.page({ front, body, css, version: VERSION, keyNumbers, sources }).value;
  const fontCss = trusted(await fontFaces(template.print.fonts));
  const print: PagePrint = {
    format: front.paper === "letter" ? "Letter" : "A4",
    margin: template.print.margin,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: template.print.header({ front, fontCss }).value,
    footerTemplate: template.print.footer({ front, fontCss }).value,
  };
  return { slug: report.slug, front, html, css: css.value, print, figures, warnings };
}

/** The report module's derived values, each computed once; a value that fails is named. */
function derive(report: LoadedReport): Map<string, Quoted> {
  const derived = new Map<string, Quoted>();
  const get = <D extends AnyDatasetSpec>(spec: D) => {
    const dataset = report.datasets.get(spec.id);
    if (!dataset)
      throw new Error(`dataset ${spec.id} is not used by this report; list it in defineReport({ datasets })`);
    return dataset as unknown as Dataset<RowsOf<D>>;
  };
  for (const [name, compute] of Object.entries(report.spec.facts ?? {})) {
    try {
      derived.set(name, compute(get));
    } catch (error) {
      throw new UserError(`${reportPaths(report.slug).module}: derived value "${name}": ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return derived;
}
