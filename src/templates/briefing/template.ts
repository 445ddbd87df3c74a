// The multi-page briefing: a header block, the notebook's prose and figures, and a plain footer.
// It imports only from "plotbrief", like a template of your own: copy it into templates/<name>/ to change it.
import { MESSAGES, dateline, defineTemplate, formatDate, html, isoDate } from "plotbrief";
import type { FigureContext, Html, Margins, Messages, PageContext } from "plotbrief";

const fontFile = (family: string, weight: number, style: "normal" | "italic" = "normal") =>
  `@fontsource/${family}/files/${family}-latin-${weight}-${style}.woff2`;

// Chromium draws the footer apart from the page: it needs its own font and sizes, and the page's
// margins, to sit on the text column.
const furniture = (margin: Margins) =>
  `font: 7.5pt 'Source Sans 3'; color: #555; width: 100%; margin: 0 ${margin.right} 0 ${margin.left}; display: flex; justify-content: space-between;`;

export default defineTemplate({
  fonts: [
    { family: "Source Serif 4", file: fontFile("source-serif-4", 400), weight: 400 },
    { family: "Source Serif 4", file: fontFile("source-serif-4", 400, "italic"), weight: 400, style: "italic" },
    { family: "Source Serif 4", file: fontFile("source-serif-4", 700), weight: 700 },
    { family: "Source Sans 3", file: fontFile("source-sans-3", 400), weight: 400 },
    { family: "Source Sans 3", file: fontFile("source-sans-3", 700), weight: 700 },
  ],
  styles: [new URL("./style.css", import.meta.url)],
  page: (context) =>
    pageShell(
      context,
      context.messages.briefing,
      html`<main>
          ${context.keyNumbers.length === 0 ? "" : keyNumbersBox(context.keyNumbers, context.messages)} ${context.body}
          ${sourcesSection(context.sources, context.messages)} ${printTables(context.figures, context.messages)}
        </main>
        <footer class="colophon">
          <p>${context.messages.colophon}</p>
        </footer>`,
    ),
  figure: ({ figure, number, svg, legend, messages }) =>
    html`<figure class="pb-figure" id="figure-${figure.id}" aria-labelledby="figure-${figure.id}-title">
      <figcaption>
        <p class="pb-title" id="figure-${figure.id}-title">
          <span class="pb-number">${messages.figure(number)}</span> ${figure.title}
        </p>
        ${figure.subtitle === undefined ? "" : html`<p class="pb-subtitle">${figure.subtitle}</p>`}
      </figcaption>
      ${legend.value === "" ? "" : html`<div class="pb-key">${legend}</div>`}
      <div class="pb-chart">${svg}</div>
      ${figure.notes.map((note) => html`<p class="pb-note">${note}</p>`)}
      <p class="pb-source">${figure.source}</p>
      <details class="pb-data">
        <summary>${messages.chartData}</summary>
        ${dataTable(figure.table)} ${tableNote(figure, messages)}
        <p>
          <a download="${figure.id}.csv" href="data:text/csv;charset=utf-8,${encodeURIComponent(figure.table.csv)}"
            >${messages.download}</a
          >
        </p>
      </details>
    </figure> `,
  print: {
    margin: { top: "20mm", right: "18mm", bottom: "20mm", left: "18mm" },
    fonts: [{ family: "Source Sans 3", file: fontFile("source-sans-3", 400), weight: 400 }],
    // In the page's margin boxes, not Chromium's header: page 1 has the title block instead.
    runningHead: ({ front, messages }) => ({ left: front.title, right: messages.briefing }),
    footer: ({ front, fontCss, messages, margin }) =>
      html`<style>
          ${fontCss}
        </style>
        <div style="${furniture(margin)}">
          <span>${front.byline} · ${dateline(front, messages)}</span
          ><span
            >${messages.pageOf(html`<span class="pageNumber"></span>`, html`<span class="totalPages"></span>`)}</span
          >
        </div>`,
  },
});

/** "The first 100 of 1,200 rows": under a table that shows fewer rows than its download has. */
function tableNote(figure: FigureContext["figure"], messages: Messages): Html {
  const { rows, total } = figure.table;
  if (total <= rows.length) return html``;
  return html`<p class="pb-table-note">
    ${messages.firstRows(rows.length.toLocaleString(figure.locale), total.toLocaleString(figure.locale))}
  </p>`;
}

/** A figure's data as a table: number columns right-aligned, in tabular figures, headings over them. */
export function dataTable(table: FigureContext["figure"]["table"]): Html {
  return html`<table>
    <thead>
      <tr>
        ${table.head.map((cell, i) =>
          table.numeric[i] ? html`<th scope="col" class="pb-numeric">${cell}</th>` : html`<th scope="col">${cell}</th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${table.rows.map(
        (row) =>
          html`<tr>
            ${row.map((cell, i) => (table.numeric[i] ? html`<td class="pb-numeric">${cell}</td>` : html`<td>${cell}</td>`))}
          </tr> `,
      )}
    </tbody>
  </table>`;
}

/**
 * The figures' tables, for print only (the page shows each under its figure, behind "Data for this
 * chart"): an appendix after the report, where a long table can run over pages, its heading row
 * repeated, while the figures stay whole beside the prose that quotes them.
 */
export function printTables(figures: PageContext["figures"], messages: Messages = MESSAGES.en): Html {
  if (figures.length === 0) return html``;
  return html`<section class="pb-print-tables" aria-labelledby="print-tables">
    <h2 id="print-tables">${messages.tables}</h2>
    ${figures.map(
      ({ figure, number }) =>
        html`<div class="pb-print-table">
          <h3><span class="pb-number">${messages.figure(number)}</span> ${figure.title}</h3>
          ${dataTable(figure.table)} ${tableNote(figure, messages)}
          <p class="pb-source">${figure.source}</p>
        </div>`,
    )}
  </section>`;
}

/** The key numbers box: each number large, what it counts, and its source on hover. A `section`, not an
 * `aside`: Chromium tags an aside as PDF 2.0's Aside, which a PDF 1.7 structure tree may not hold. */
export function keyNumbersBox(keyNumbers: PageContext["keyNumbers"], messages: Messages = MESSAGES.en): Html {
  return html`<section class="pb-key-numbers" aria-label="${messages.keyNumbers}">
    <h2>${messages.keyNumbers}</h2>
    <ul>
      ${keyNumbers.map(
        (n) =>
          html`<li>
            <span class="pb-key-number pb-fact" data-fact="${n.id}" title="${n.source}">${n.text}</span>
            <span class="pb-key-label">${n.label}</span>
            ${n.note === undefined ? "" : html`<span class="pb-key-note">${n.note}</span>`}
            ${n.update === undefined ? "" : html`<span class="pb-key-update">${n.update}</span>`}
          </li>`,
      )}
    </ul>
  </section>`;
}

/** "Sources and methods": every dataset, its sources with dates and addresses, and where they disagree. */
export function sourcesSection(sources: PageContext["sources"], messages: Messages = MESSAGES.en): Html {
  return html`<section class="pb-sources" aria-labelledby="sources-and-methods">
    <h2 id="sources-and-methods">${messages.sourcesAndMethods}</h2>
    ${sources.datasets.map(
      (dataset) =>
        html`<h3>${dataset.title}</h3>
          <ul>
            ${dataset.sources.map((source) => html`<li>${sourceItem(source)} ${source.notes ?? ""}</li>`)}
          </ul>
          ${dataset.citations.map((line) => html`<p class="pb-citation">${line}</p>`)}
          ${dataset.disagreements.map((line) => html`<p class="pb-disagreement">${line}</p>`)}
          ${dataset.updates.map((line) => html`<p class="pb-update-note">${line}</p>`)}`,
    )}
    <p class="pb-method">${messages.method}</p>
    ${sources.notes.map((note) => html`<p class="pb-method">${note}</p>`)}
  </section>`;
}

/**
 * One source in "Sources and methods": "European Commission, press release, Feb. 12, 2020." or, with a
 * title, "Asian Development Bank, April 28, 2021: <cite>Asian Development Outlook 2021</cite> (report)."
 */
function sourceItem(source: PageContext["sources"]["datasets"][number]["sources"][number]): Html {
  const link = (text: Html) => (source.url === undefined ? text : html`<a href="${source.url}">${text}</a>`);
  if (source.title === undefined) return html`${link(html`${source.cite}`)}.`;
  const kind = source.kind === undefined ? "" : ` (${source.kind})`;
  return html`${source.cite}: ${link(html`<cite>${source.title}</cite>`)}${kind}.`;
}

/** The page around a report, for this template and those built on it: the head, with its policy that
 * forbids every request, and the masthead; then `content`. */
export function pageShell(context: PageContext, kicker: string, content: Html, bodyClass = "briefing"): Html {
  const { front, css, version } = context;
  return html`<!DOCTYPE html>
    <html lang="${front.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"
        />
        <meta name="generator" content="plotbrief ${version}" />
        <meta name="description" content="${front.dek}" />
        <meta name="color-scheme" content="light dark" />
        ${context.head}
        <title>${front.title}</title>
        <style>
          ${css}
        </style>
      </head>
      <body class="${bodyClass}">
        <header class="masthead">
          <p class="kicker">${kicker}</p>
          <h1>${front.title}</h1>
          <p class="dek">${front.dek}</p>
          <p class="byline">
            ${front.byline} ·
            ${
              front.updated === undefined && front.asOf === undefined
                ? html`<time datetime="${isoDate(front.date)}">${formatDate(front.date, front.locale)}</time>`
                : html`<span class="dateline">${dateline(front, context.messages)}</span>`
            }
          </p>
        </header>
        ${content}
      </body>
    </html> `;
}
