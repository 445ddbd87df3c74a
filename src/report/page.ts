// The third stage: the page. The notebook's Markdown with its figures and facts in place, the
// template's CSS with the fonts inlined, the template's page around it, and the PDF's print settings.
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError, located } from "../error.js";
import { isOutside, linkedOutside } from "../paths.js";
import { fontFaces } from "../render/fonts.js";
import { escapeHtml, isTrusted, trusted } from "../render/html.js";
import type { Html } from "../render/html.js";
import type { PagePrint } from "../render/printer.js";
import { chartMarkup } from "../render/svg.js";
import type { Chart } from "../render/svg.js";
import { VERSION } from "../version.js";
import type { Figure } from "../figures/figure.js";
import type { BoundReport } from "./bind.js";
import type { FrontMatter } from "./notebook.js";
import { renderMarkdown } from "./markdown.js";
import { formatDate } from "../data/format.js";
import { parsePreciseDate } from "../data/qualified.js";
import { runningHeadCss } from "./template.js";
import { sourcesAndMethods } from "./sources.js";

/** A report's page, in memory. */
export interface Page {
  readonly html: string;
  /** The page's CSS, fonts included: for pages made from its parts, such as one chart for a PNG. */
  readonly css: string;
  /** How the PDF is printed: paper, margins, running header and footer, from the template. */
  readonly print: PagePrint;
  /** The figure whose social card is the page's image for link previews, where the front matter gives its `url`. */
  readonly socialImage?: string;
}

/** Assembles the page from a bound report and the chart of each figure, by figure id. */
export async function assemblePage(
  root: string,
  bound: BoundReport,
  charts: ReadonlyMap<string, Chart>,
): Promise<Page> {
  const { report, numbers, messages } = bound;
  const { front } = report.notebook;
  const { spec: template, name } = report.template;
  const figures = new Map<string, Html>();
  for (const { figure } of bound.figures) {
    const number = numbers.get(figure.id);
    if (number === undefined) continue;
    figures.set(
      figure.id,
      markup(name, "figure", () => {
        const chart = charts.get(figure.id)!;
        return template.figure({
          figure,
          number,
          svg: trusted(chartMarkup(chart)),
          legend: trusted(chart.legends.join("")),
          alt: chart.alt,
          messages,
        });
      }),
    );
  }
  const updateLabel = (date: string) => {
    const parsed = parsePreciseDate(date);
    return messages.updatePassage(parsed ? formatDate(parsed, front.locale) : date);
  };
  const body = trusted(renderMarkdown(bound.markdown, { inline: bound.inline, figures, updateLabel }));
  const styles = await Promise.all(template.styles.map((style) => readStyle(root, report.template.dir, style)));
  const fontCss = trusted(await fontFaces(template.print.fonts, root));
  const printContext = { front, fontCss, messages, margin: template.print.margin };
  const head = template.print.runningHead?.(printContext);
  const css = trusted(
    [await fontFaces(template.fonts, root), ...styles, ...(head ? [runningHeadCss(head)] : [])].join("\n"),
  );
  const neutralised = bound.figures.reduce((sum, { figure }) => sum + figure.table.neutralised, 0);
  const sources = sourcesAndMethods(
    report.datasets.values(),
    { locale: front.locale, messages },
    neutralised,
    bound.derived,
    bound.choices,
    { date: front.date, ...(front.asOf ? { asOf: front.asOf } : {}), leftOut: bound.leftOut.length },
  );
  const first = bound.figures.find(({ figure }) => numbers.get(figure.id) === 1)?.figure;
  const meta = trusted(
    socialMeta(front, first && charts.get(first.id) ? { figure: first, chart: charts.get(first.id)! } : undefined),
  );
  const embedded = bound.figures
    .flatMap(({ figure }) => (numbers.has(figure.id) ? [{ figure, number: numbers.get(figure.id)! }] : []))
    .sort((a, b) => a.number - b.number);
  const page = () =>
    template.page({
      front,
      body,
      css,
      version: VERSION,
      keyNumbers: bound.keyNumbers,
      sources,
      figures: embedded,
      head: meta,
      messages,
    });
  const print: PagePrint = {
    format: front.paper === "letter" ? "Letter" : "A4",
    margin: template.print.margin,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: template.print.header
      ? markup(name, "print.header", () => template.print.header!(printContext)).value
      : "<span></span>",
    footerTemplate: markup(name, "print.footer", () => template.print.footer(printContext)).value,
  };
  return {
    html: markup(name, "page", page).value,
    css: css.value,
    print,
    ...(front.url !== undefined && first ? { socialImage: first.id } : {}),
  };
}

/**
 * Calls a part of a template. What it returns must be markup it built with `html`: a plain string could
 * carry anything. A template's own mistake is named with the template and the part.
 */
function markup(template: string, part: string, make: () => unknown): Html {
  let value: unknown;
  try {
    value = make();
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`template "${template}": ${part} failed: ${(error as Error).message}`, { cause: error });
  }
  if (isTrusted(value)) return value;
  throw new UserError(
    `template "${template}": ${part} returned ${typeof value === "string" ? "a string" : String(value)}; build markup with html\`…\` from "plotbrief", which escapes what it is given`,
  );
}

async function readStyle(root: string, dir: string, style: string | URL): Promise<string> {
  const path = style instanceof URL || /^file:/.test(String(style)) ? fileURLToPath(style) : join(dir, style);
  // A style named by a path is the project's own, and stays inside it (a URL names the file exactly).
  if (typeof style === "string" && !/^file:/.test(style) && dir.startsWith(root)) {
    const real = isOutside(root, path) ? path : linkedOutside(root, path);
    if (real !== undefined) {
      throw new UserError(
        `${relative(root, dir)}: the style "${style}" is outside the project folder; keep the template's files inside it`,
      );
    }
  }
  try {
    return await readFile(path, "utf8");
  } catch {
    const shown = relative(root, path).startsWith("..") ? path : relative(root, path);
    throw new UserError(located(shown, undefined, "missing: the template lists it in its styles"));
  }
}

/** Where a figure's social card is, in the report's output folder. */
export function cardPath(id: string): string {
  return `figures/${id}.card.png`;
}

/**
 * The page's description for link previews (Open Graph): its title and dek, and, where the front
 * matter gives the address it is published at, its first chart's social card as the image.
 */
function socialMeta(front: FrontMatter, first: { figure: Figure; chart: Chart } | undefined): string {
  const tags = [
    ["og:type", "article"],
    ["og:title", front.title],
    ["og:description", front.dek],
  ];
  if (front.url !== undefined) {
    tags.push(["og:url", front.url]);
    if (first) {
      const base = front.url.endsWith("/") ? front.url : `${front.url}/`;
      tags.push(
        ["og:image", new URL(cardPath(first.figure.id), base).href],
        ["og:image:width", "1200"],
        ["og:image:height", "675"],
        ["og:image:alt", first.chart.alt],
      );
    }
  }
  const meta = tags.map(([property, content]) => `<meta property="${property}" content="${escapeHtml(content!)}" />`);
  if (front.url !== undefined && first) meta.push(`<meta name="twitter:card" content="summary_large_image" />`);
  return meta.join("\n");
}
