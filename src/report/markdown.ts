// Markdown to HTML with markdown-it, raw HTML off (so prose cannot inject markup), plus two rules:
// a line `{{figure id}}` embeds a figure, and `{{dataset/row}}` inline quotes a fact.
import MarkdownIt from "markdown-it";
import { escapeHtml } from "../render/html.js";
import type { Html } from "../render/html.js";
import type { Fact } from "./facts.js";

/** What the rules need: facts resolved and figures rendered beforehand, keyed as written. */
export interface MarkdownEnv {
  readonly facts: ReadonlyMap<string, Fact>;
  readonly figures: ReadonlyMap<string, Html>;
}

export const FIGURE_LINE = /^\{\{\s*figure\s+([^{}\s]+)\s*\}\}\s*$/;

const md = new MarkdownIt({ html: false, linkify: false, typographer: true });

md.block.ruler.before("paragraph", "pb_figure", (state, startLine, _end, silent) => {
  const line = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
  const match = FIGURE_LINE.exec(line);
  if (!match) return false;
  if (silent) return true;
  const token = state.push("pb_figure", "", 0);
  token.meta = { id: match[1] };
  token.map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
});

md.inline.ruler.before("emphasis", "pb_fact", (state, silent) => {
  if (!state.src.startsWith("{{", state.pos)) return false;
  const end = state.src.indexOf("}}", state.pos + 2);
  if (end === -1) return false;
  if (!silent) {
    const token = state.push("pb_fact", "", 0);
    token.meta = { text: state.src.slice(state.pos + 2, end).trim() };
  }
  state.pos = end + 2;
  return true;
});

md.renderer.rules["pb_figure"] = (tokens, idx, _options, env) => {
  const id = tokens[idx]!.meta!.id as string;
  const figure = (env as unknown as MarkdownEnv).figures.get(id);
  if (!figure) throw new Error(`figure ${id} was not rendered before the Markdown`);
  return figure.value;
};

md.renderer.rules["pb_fact"] = (tokens, idx, _options, env) => {
  const text = tokens[idx]!.meta!.text as string;
  const fact = (env as unknown as MarkdownEnv).facts.get(text);
  if (!fact) throw new Error(`fact ${text} was not resolved before the Markdown`);
  return `<span class="pb-fact" data-fact="${escapeHtml(fact.id)}" title="${escapeHtml(fact.source)}">${escapeHtml(fact.text)}</span>`;
};

/** Renders a notebook's body; every reference in it must already be in `env`. */
export function renderMarkdown(body: string, env: MarkdownEnv): string {
  return md.render(body, { ...env });
}
