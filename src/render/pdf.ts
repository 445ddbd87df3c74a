// A report's PDF: printed by the browser, then given its document properties and pinned dates.
import { dateStart } from "../data/qualified.js";
import type { PreciseDate } from "../data/qualified.js";
import { VERSION } from "../version.js";
import { stampPdf } from "./pdf-info.js";
import type { PagePrint, Printer } from "./printer.js";

/** Prints a report's page to PDF; its dates are the report's date unless `date` is given (SOURCE_DATE_EPOCH). */
export async function printPdf(
  report: {
    readonly slug: string;
    /** What the document properties are written from: a report's front matter. */
    readonly front: {
      readonly title: string;
      readonly byline: string;
      readonly dek: string;
      readonly keywords: readonly string[];
      readonly date: PreciseDate;
    };
    readonly html: string;
    readonly print: PagePrint;
  },
  printer: Printer,
  date: Date = dateStart(report.front.date),
  modified: Date = date,
): Promise<Uint8Array> {
  const { front } = report;
  const pdf = await printer.pdf(`${report.slug}.pdf`, report.html, report.print);
  return stampPdf(pdf, {
    title: front.title,
    author: front.byline,
    subject: front.dek,
    keywords: front.keywords,
    creator: `plotbrief ${VERSION}`,
    date,
    modified,
  });
}
