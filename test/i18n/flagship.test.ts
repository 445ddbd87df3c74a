// The flagship built in French: none of plotbrief's English words reach the reader, and its numbers
// and dates are French. The author's own prose, labels and figure code stay as the author wrote them.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../src/build/render.js";
import type { RenderedReport } from "../../src/build/render.js";
import { loadReport } from "../../src/report/load.js";
import { CATALOGUE } from "../../src/i18n/messages.js";
import type { Messages } from "../../src/i18n/messages.js";
import { copyProject } from "../project.js";

/** What a reader sees or hears: the text of the page and its alt, aria-label and title attributes. */
function visibleText(html: string): string {
  const page = html.replace(/<style[\s\S]*?<\/style>/g, "").replace(/<head>[\s\S]*?<\/head>/, "");
  const attributes = [...page.matchAll(/\s(?:alt|aria-label|title)="([^"]*)"/g)].map((match) => match[1]);
  const text = page.replace(/<[^>]*>/g, " ");
  return [text, ...attributes]
    .join("\n")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/[\s\u00a0\u202f]+/g, " ");
}

// Stand-ins for a message's values, to find the words it writes around them.
const [A, B, C] = ["\u0001", "\u0002", "\u0003"];
type Functions = { [K in keyof Messages as Messages[K] extends (...args: never[]) => unknown ? K : never]: unknown };
/** Each message function's arguments, with counts of one and of several where its words depend on them. */
const SAMPLES: Record<keyof Functions, unknown[][]> = {
  figure: [[1]],
  firstRows: [[A, B]],
  pageOf: [[A, B]],
  sourceLine: [[[A]], [[A, B]]],
  via: [[A, B]],
  sourceKind: [[A, B]],
  citedBy: [[A, B]],
  citation: [[A, B, C, A]],
  disagreement: [[A, B]],
  chosen: (["highest", "lowest", "one"] as const).flatMap((standing) =>
    (["count", "figure"] as const).map((noun) => [{ standing, of: 7, written: A, noun, low: B, high: C }]),
  ),
  chosenBecause: [
    ["key", A, B, C],
    ["text", A, B, C],
  ],
  publishedOn: [[A]],
  updatedOn: [[A]],
  asOf: [[A]],
  updatePassage: [[A]],
  updatedData: [[A, B]],
  updatedRows: [
    [A, 1, B, C],
    [A, 2, B, C],
  ],
  asOfEdition: [
    [A, 0, B],
    [A, 1, B],
    [A, 2, B],
  ],
  neutralised: [
    [1, A],
    [2, A],
  ],
  extremes: [[A, B, C]],
  altChart: [
    [A, 1, B],
    [A, 2, B],
  ],
  altSeries: [[2, A]],
  altRange: [[A, B, C]],
  altValues: [
    [A, 1, B],
    [A, 2, B],
  ],
  andMore: [[A, B]],
  list: [[[A, B]], [[A, B, C]]],
  numberWord: [[2]],
  rank: [
    [1, 2, false],
    [2, 3, true],
  ],
  aggregateRows: [
    [1, A, B, true],
    [2, A, B, false],
  ],
  aggregateWhere: [[[{ column: A, values: [B], oneOf: false }]], [[{ column: A, values: [B, C], oneOf: true }]]],
  aggregate: (["sum", "mean", "median", "min", "max", "count", "rank", "share-of-total"] as const).flatMap((op) =>
    (["descending", "ascending"] as const).map((order) => [
      { op, column: A, over: B, value: C, row: A, ties: B, order },
    ]),
  ),
  aggregateEmpty: [
    [1, A, B, C],
    [2, A, B, C],
  ],
  aggregateValues: (["inexact", "forecast", "estimate"] as const).flatMap((note) => [
    [note, 1, A, B],
    [note, 2, A, B],
  ]),
};

/** A table's own words: each string whole, and each function's text between its values where it has two words or more. */
function wordsOf(messages: Messages): string[] {
  return Object.entries(messages).flatMap(([key, message]) => {
    // Words plotbrief reads in the prose, not words it writes.
    if (key === "directions") return [];
    if (typeof message === "string") return [message];
    // A chart's kind of one word ("map") may be the author's word too; those of two are plotbrief's.
    if (typeof message !== "function")
      return Object.values(message as Record<string, string>).filter((kind) => kind.includes(" "));
    return (
      SAMPLES[key as keyof Functions]
        .map((args) => [(message as (...values: unknown[]) => unknown)(...args)].flat().join(A))
        .flatMap((text) => text.split(/[\u0001-\u0003]|\d+/))
        .map((part) => part.trim().replace(/^[.,;:]\s*|\s*[.,;:]$/g, ""))
        // Two words at least, one of them more than a short function word: "of the" may be the author's.
        .filter((part) => part.split(/\s+/).length >= 2 && part.split(/\s+/).some((word) => word.length > 3))
    );
  });
}

/** plotbrief's English words that French writes differently. */
function englishWords(): string[] {
  const french = new Set(wordsOf(CATALOGUE.fr!));
  return [...new Set(wordsOf(CATALOGUE.en))].filter((word) => !french.has(word));
}

describe("the flagship built with lang: fr", () => {
  let text: string;
  let html: string;
  let rendered: RenderedReport;

  beforeAll(async () => {
    const root = await copyProject();
    const notebook = join(root, "reports/cambodia-2020/index.md");
    const source = await readFile(notebook, "utf8");
    // The footnote quotes plotbrief's section title: an author writing in French would quote the French one.
    const french = source
      .replace("template: briefing\n", "template: briefing\nlang: fr\n")
      .replace('"Sources and methods" below', "« Sources et méthodes » below");
    await writeFile(notebook, french);
    // So does a figure's note, which borrows plotbrief's words for sources that disagree.
    const figure = join(root, "reports/cambodia-2020/figures/gdp-revisions.ts");
    const code = await readFile(figure, "utf8");
    await writeFile(
      figure,
      code.replace("`Sources disagree on earlier growth:", "`Les sources divergent sur la croissance passée :"),
    );
    // And the summons chart's note, which explains plotbrief's short qualifiers. Its note and alt text
    // write counts and dates with formatNumber and formatDate, giving no locale: they write the report's.
    const summons = join(root, "reports/cambodia-2020/figures/summons.ts");
    await writeFile(
      summons,
      (await readFile(summons, "utf8")).replace("\\u201c+\\u201d more than", "\\u201c+\\u201d plus de"),
    );
    rendered = await renderReport(root, await loadReport(root, "cambodia-2020"));
    html = rendered.html;
    text = visibleText(html);
  }, 60_000);

  it("contains none of plotbrief's English words", () => {
    const words = englishWords();
    // The check itself finds words to look for: the catalogue's strings and the text around its values.
    expect(words).toEqual(expect.arrayContaining(["Sources and methods", "Data for this chart", "Key numbers"]));
    expect(words.length).toBeGreaterThan(20);
    const furniture = [rendered.print.headerTemplate!, rendered.print.footerTemplate!].map(visibleText);
    const seen = [text, ...furniture].join(" ");
    const found = words.filter((word) =>
      new RegExp(`(?<!\\p{L})${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\p{L})`, "u").test(seen),
    );
    expect(found).toEqual([]);
  });

  it("writes plotbrief's words, numbers and dates in French", () => {
    expect(html).toContain('<html lang="fr">');
    for (const words of ["Sources et méthodes", "Données de ce graphique", "Télécharger les données (CSV)"]) {
      expect(text).toContain(words);
    }
    expect(text).toContain("Chiffres clés");
    expect(text).toMatch(/Figure 1 /);
    // A decimal comma and a space before the percent sign; the dateline and source dates in French.
    expect(text).toContain("by 7,3 % in 2018");
    expect(text).toContain("was −3,1 % :");
    expect(text).toContain("9,9 points de pourcentage below");
    expect(text).toContain("30 novembre 2020");
    expect(text).toMatch(
      /Sources? : [^.]*\d{1,2} (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/,
    );
    // The timeline's alt text is plotbrief's summary.
    expect(text).toContain("Histogramme de 12 lignes. X : de 2017 à 2021. Y : 11 valeurs, kem-sokha-arrest");
  });

  it("writes the PDF's running header and footer in French, its date too", () => {
    // The running head is set in the page's margin boxes, as CSS escapes: "Note d’analyse".
    expect(rendered.html).toContain('@top-right { content: "Note d\\2019 analyse"; }');
    const footer = visibleText(rendered.print.footerTemplate!);
    expect(footer).toContain("The plotbrief worked example · Publié le 30 novembre 2020 · Mis à jour le 28 avril 2021");
    expect(rendered.print.footerTemplate).toContain(
      'Page <span class="pageNumber"></span> sur <span class="totalPages"></span>',
    );
    expect(footer).not.toMatch(/Nov\.|Page\s+of/);
  });
});

describe("the flagship's memo built with locale: de-DE", () => {
  it("writes its kicker, key numbers, figure labels and one line of sources in German", async () => {
    const root = await copyProject();
    const notebook = join(root, "reports/cambodia-2020-memo/index.md");
    await writeFile(
      notebook,
      (await readFile(notebook, "utf8")).replace("template: memo\n", "template: memo\nlocale: de-DE\n"),
    );
    const { html, print, warnings } = await renderReport(root, await loadReport(root, "cambodia-2020-memo"));
    const text = visibleText(html);
    expect(html).toContain('<html lang="de">');
    for (const words of ["Vermerk", "Kennzahlen", "Abbildung 1", "Daten zu dieser Grafik", "Quellen: "]) {
      expect(text).toContain(words);
    }
    expect(text).not.toMatch(/\bMemo\b|Key numbers|Figure 1|Sources:/);
    expect(visibleText(print.footerTemplate!)).toContain(
      "The plotbrief worked example · Veröffentlicht am 30. November 2020 · Aktualisiert am 28. April 2021",
    );
    expect(print.footerTemplate).toContain(
      'Seite <span class="pageNumber"></span> von <span class="totalPages"></span>',
    );
    expect(warnings.filter((warning) => warning.includes("stay English"))).toEqual([]);
  });
});
