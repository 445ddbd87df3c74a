// The one-page memo: title, key numbers, a few paragraphs, one or two figures and the sources, sized to
// fit one printed page. It shares the briefing's figure markup and key numbers box.
import { defineTemplate, html } from "plotbrief";
import type { Messages, PageContext } from "plotbrief";
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
        ${sourceList(context.sources, context.messages)}
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

/** The memo's sources: one line for all, each cited once. */
function sourceList(sources: PageContext["sources"], messages: Messages) {
  const cited = [...new Set(sources.datasets.flatMap((dataset) => dataset.sources.map((source) => source.cite)))];
  return html`<p class="pb-memo-sources">
    <strong>${messages.sourcesLabel}</strong> ${cited.join("; ")}. ${sources.notes.join(" ")}
  </p>`;
}
