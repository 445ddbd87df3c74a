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

md.block.ruler.before(
  "paragraph",
  "pb_figure",
  (state, startLine, _end, silent) => {
    const line = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
    const match = FIGURE_LINE.exec(line);
    if (!match) return false;
    if (silent) return true;
    const token = state.push("pb_figure", "", 0);
    token.meta = { id: match[1] };
    token.map = [startLine, startLine + 1];
    state.line = startLine + 1;
    return true;
  },
  // A figure line also ends the paragraph above it, as a heading would.
  { alt: ["paragraph"] },
);

const INLINE_REFERENCE = /^\{\{([^{}\n]*)\}\}/;

md.inline.ruler.before("emphasis", "pb_fact", (state, silent) => {
  const match = INLINE_REFERENCE.exec(state.src.slice(state.pos, state.pos + 200));
  if (!match) return false;
  if (!silent) {
    const token = state.push("pb_fact", "", 0);
    token.meta = { text: match[1]!.trim() };
  }
  state.pos += match[0].length;
  return true;
});

/** A `{{…}}` reference where it was written: `figure` for a figure line, else a fact (or a misplaced figure). */
export interface Reference {
  readonly kind: "figure" | "inline";
  /** As written between the braces, trimmed: "gdp-revisions" for a figure line, "gdp/article-2020 | abs" inline. */
  readonly text: string;
  /** Line in the Markdown, counting from 0. */
  readonly line: number;
}

/** Every image in a notebook body whose source is not inside the page (a data: URL), with its line. */
export function findOutsideImages(body: string): { src: string; line: number }[] {
  const images: { src: string; line: number }[] = [];
  for (const token of md.parse(body, {})) {
    let line = token.map?.[0] ?? 0;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") line++;
      const src = child.type === "image" ? String(child.attrGet("src") ?? "") : "";
      if (child.type === "image" && !src.startsWith("data:")) images.push({ src, line });
    }
  }
  return images;
}

/** Every reference in a notebook body, found by the same parser that renders it (so code spans are skipped). */
export function findReferences(body: string): Reference[] {
  const references: Reference[] = [];
  for (const token of md.parse(body, {})) {
    if (token.type === "pb_figure")
      references.push({ kind: "figure", text: String(token.meta!.id), line: token.map![0] });
    if (token.type !== "inline" || !token.children) continue;
    let line = token.map?.[0] ?? 0;
    for (const child of token.children) {
      if (child.type === "softbreak" || child.type === "hardbreak") line++;
      if (child.type === "pb_fact") references.push({ kind: "inline", text: String(child.meta!.text), line });
    }
  }
  return references;
}

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
