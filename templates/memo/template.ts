// The one-page memo: title, key numbers, a few paragraphs, one or two figures and the sources, sized to
// fit one printed page. It shares the briefing's figure markup and key numbers box.
import { formatDate, isoDate } from "../../src/data/format.js";
import { html } from "../../src/render/html.js";
import { defineTemplate } from "../../src/report/template.js";
import type { PageContext } from "../../src/report/template.js";
import briefing, { keyNumbersBox } from "../briefing/template.js";

export default defineTemplate({
  fonts: briefing.fonts,
  styles: ["../briefing/style.css", "style.css"],
  figure: briefing.figure,
  page: ({ front, body, css, version, keyNumbers, sources }) =>
    html`<!DOCTYPE html>
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
          <title>${front.title}</title>
          <style>
            ${css}
          </style>
        </head>
        <body class="memo">
          <header class="masthead">
            <p class="kicker">Memo</p>
            <h1>${front.title}</h1>
            <p class="dek">${front.dek}</p>
            <p class="byline">
              ${front.byline} · <time datetime="${isoDate(front.date)}">${formatDate(front.date, front.locale)}</time>
            </p>
          </header>
          <main>${keyNumbers.length === 0 ? "" : keyNumbersBox(keyNumbers)} ${body} ${sourceList(sources)}</main>
        </body>
      </html> `,
  print: {
    ...briefing.print,
    margin: { top: "12mm", right: "14mm", bottom: "14mm", left: "14mm" },
    header: () => html`<span></span>`,
  },
});

/** The memo's sources: one line for all, each cited once. */
function sourceList(sources: PageContext["sources"]) {
  const cited = [...new Set(sources.datasets.flatMap((dataset) => dataset.sources.map((source) => source.cite)))];
  return html`<p class="pb-memo-sources"><strong>Sources:</strong> ${cited.join("; ")}.</p>`;
}
