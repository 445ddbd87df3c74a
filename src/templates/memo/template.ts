// The one-page memo: title, key numbers, a few paragraphs, one or two figures and the sources, sized to
// fit one printed page. It shares the briefing's figure markup and key numbers box.
import { defineTemplate, html } from "plotbrief";
import type { Html, Messages, PageContext } from "plotbrief";
import briefing, { keyNumbersBox, pageShell } from "plotbrief/templates/briefing";

export default defineTemplate({
  fonts: briefing.fonts,
  styles: [...briefing.styles, new URL("./style.css", import.meta.url)],
  figure: briefing.figure,
  page: (context) =>
    pageShell(
      context,
      context.messages.memo,
      html`<main>
        ${context.keyNumbers.length === 0 ? "" : keyNumbersBox(context.keyNumbers, context.messages)} ${context.body}
        ${sourceList(context.sources, context.body, context.messages)}
      </main>`,
      "memo",
    ),
  print: {
    ...briefing.print,
    margin: { top: "12mm", right: "14mm", bottom: "14mm", left: "14mm" },
    // One page: its title block is the only head it needs.
    runningHead: undefined,
  },
});

/**
 * The memo's sources: one line for all, each cited once on the page. Those a figure's source line cites
 * already are not repeated, so that the memo stays on one page: the line says "Other sources".
 */
function sourceList(sources: PageContext["sources"], body: Html, messages: Messages) {
  const all = [...new Set(sources.datasets.flatMap((dataset) => dataset.sources.map((source) => source.cite)))];
  // The figures' source lines as printed; a fact's source on hover is not printed.
  const lines = [...String(body).matchAll(/<p class="pb-source">([\s\S]*?)<\/p>/g)]
    .map((match) => match[1]!)
    .join("\n");
  const cited = all.filter((cite) => !lines.includes(String(html`${cite}`)));
  const notes = sources.notes.join(" ");
  if (cited.length === 0) return notes === "" ? "" : html`<p class="pb-memo-sources">${notes}</p>`;
  const label = cited.length < all.length ? messages.otherSourcesLabel : messages.sourcesLabel;
  return html`<p class="pb-memo-sources"><strong>${label}</strong> ${cited.join("; ")}. ${notes}</p>`;
}
