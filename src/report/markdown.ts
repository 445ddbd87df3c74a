// Markdown to HTML with markdown-it, raw HTML off (so prose cannot inject markup), footnotes, and two
// rules: a line `{{figure id}}` embeds a figure, and an inline `{{…}}` quotes a fact or refers to a figure.
import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import { CATALOGUE } from "../i18n/messages.js";
import { escapeHtml } from "../render/html.js";
import type { Html } from "../render/html.js";

/** What the rules need, made beforehand and keyed as written: each inline reference's markup, each figure's. */
export interface MarkdownEnv {
  readonly inline: ReadonlyMap<string, Html>;
  readonly figures: ReadonlyMap<string, Html>;
  /** The label of an update passage, by its date as written: "Update, April 28, 2021:". */
  readonly updateLabel?: (date: string) => string;
}

export const FIGURE_LINE = /^\{\{\s*figure\s+([^{}\s]+)\s*\}\}\s*$/;

const md = new MarkdownIt({ html: false, linkify: false, typographer: true }).use(footnote);
type Token = ReturnType<typeof md.parse>[number];

// The footnote's way back is "↑": the plugin's "↩︎" is not in the embedded fonts, and would pull in a
// font from the machine.
const backref = md.renderer.rules["footnote_anchor"]!;
md.renderer.rules["footnote_anchor"] = (...args) => backref(...args).replace("\u21a9\ufe0e", "\u2191");

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

// An update passage: `::: update 2021-04-28` on a line, its Markdown, then `:::` on a line. It is
// shown with its date, and left out of an edition as of an earlier day.
const UPDATE_OPEN = /^:::\s*update\s+(\S+)\s*$/;
md.block.ruler.before(
  "fence",
  "pb_update",
  (state, startLine, endLine, silent) => {
    const lineOf = (n: number) => state.src.slice(state.bMarks[n]! + state.tShift[n]!, state.eMarks[n]).trim();
    const match = UPDATE_OPEN.exec(lineOf(startLine));
    if (!match) return false;
    if (silent) return true;
    let end = startLine + 1;
    while (end < endLine && lineOf(end) !== ":::") end++;
    const closed = end < endLine;
    const open = state.push("pb_update_open", "div", 1);
    open.meta = { date: match[1], closed };
    open.map = [startLine, end];
    const [parent, lineMax] = [state.parentType, state.lineMax];
    state.parentType = "pb_update" as typeof state.parentType;
    state.lineMax = end;
    state.md.block.tokenize(state, startLine + 1, end);
    state.parentType = parent;
    state.lineMax = lineMax;
    state.push("pb_update_close", "div", -1).meta = { date: match[1] };
    state.line = closed ? end + 1 : end;
    return true;
  },
  { alt: ["paragraph", "reference", "blockquote", "list"] },
);

md.renderer.rules["pb_update_open"] = (tokens, idx, _options, env) => {
  const date = String(tokens[idx]!.meta!.date);
  const label = (env as unknown as MarkdownEnv).updateLabel?.(date) ?? `Update, ${date}:`;
  return `<div class="pb-update" data-updated="${escapeHtml(date)}">\n<p class="pb-update-label">${escapeHtml(label)}</p>\n`;
};
md.renderer.rules["pb_update_close"] = () => "</div>\n";

/** An update passage where it was written: its date as written, its first line (from 0), and whether it was closed. */
export interface UpdatePassage {
  readonly date: string;
  readonly line: number;
  readonly closed: boolean;
}

/** Every update passage of a parsed body, in order. */
export function findUpdatePassages({ tokens }: ParsedMarkdown): UpdatePassage[] {
  return tokens
    .filter((token) => token.type === "pb_update_open")
    .map((token) => ({
      date: String(token.meta!.date),
      line: token.map![0],
      closed: Boolean(token.meta!.closed),
    }));
}

/** The body without the update passages that `drop` names by date: an edition as of an earlier day. */
export function withoutPassages({ tokens }: ParsedMarkdown, drop: (date: string) => boolean): ParsedMarkdown {
  const kept: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (depth > 0) {
      if (token.type === "pb_update_open") depth++;
      if (token.type === "pb_update_close") depth--;
      continue;
    }
    if (token.type === "pb_update_open" && drop(String(token.meta!.date))) {
      depth = 1;
      continue;
    }
    kept.push(token);
  }
  return { tokens: kept };
}

const INLINE_REFERENCE = /^\{\{([^{}\n]*)\}\}/;

/** Words that say which way a change went, as the report's messages list them: "up", "fell by", "a rise of". */
export interface Directions {
  readonly up: readonly string[];
  readonly down: readonly string[];
}

/** Matches any of the phrases at the end of the text before a reference, as whole words, in any case. */
function endingIn(phrases: readonly string[]): RegExp {
  const escaped = phrases
    .map((phrase) => phrase.trim())
    .filter(Boolean)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  return escaped.length === 0 ? /(?!)/ : new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join("|")})\\s+$`, "iu");
}

md.inline.ruler.before("emphasis", "pb_fact", (state, silent) => {
  const match = INLINE_REFERENCE.exec(state.src.slice(state.pos, state.pos + 200));
  if (!match) return false;
  if (!silent) {
    // The text since the last token is still pending: the words just before the reference.
    const { up, down } = (state.env as { directions: { up: RegExp; down: RegExp } }).directions;
    const direction = up.test(state.pending) ? "up" : down.test(state.pending) ? "down" : undefined;
    const token = state.push("pb_fact", "", 0);
    token.meta = { text: match[1]!.trim(), ...(direction ? { direction } : {}) };
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
  /** The way the words just before an inline reference say a change went: "up 9,014", "fell by 3". */
  readonly direction?: "up" | "down";
}

/** The key of an inline reference's markup: as written, and apart where words before it give a direction. */
export function inlineKey(text: string, direction?: "up" | "down"): string {
  return direction ? `${text}\u0000${direction}` : text;
}

/** A notebook body parsed once, for finding its references and rendering it. */
export interface ParsedMarkdown {
  readonly tokens: readonly Token[];
}

/**
 * Parses a notebook body: the finders and the renderer below all work on this. `directions` are the
 * words in the report's language that say which way a change went; default, English.
 */
export function parseMarkdown(body: string, directions: Directions = CATALOGUE.en.directions): ParsedMarkdown {
  const env = { directions: { up: endingIn(directions.up), down: endingIn(directions.down) } };
  return { tokens: md.parse(body, env) };
}

/** Every image in a notebook body whose source is not inside the page (a data: URL), with its line. */
export function findOutsideImages({ tokens }: ParsedMarkdown): { src: string; line: number }[] {
  const images: { src: string; line: number }[] = [];
  for (const token of tokens) {
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
export function findReferences({ tokens }: ParsedMarkdown): Reference[] {
  const references: Reference[] = [];
  for (const token of tokens) {
    if (token.type === "pb_figure")
      references.push({ kind: "figure", text: String(token.meta!.id), line: token.map![0] });
    if (token.type !== "inline" || !token.children) continue;
    let line = token.map?.[0] ?? 0;
    for (const child of token.children) {
      if (child.type === "softbreak" || child.type === "hardbreak") line++;
      if (child.type === "pb_fact") {
        const direction = child.meta!.direction as "up" | "down" | undefined;
        references.push({ kind: "inline", text: String(child.meta!.text), line, ...(direction ? { direction } : {}) });
      }
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
  const { text, direction } = tokens[idx]!.meta! as { text: string; direction?: "up" | "down" };
  const markup = (env as unknown as MarkdownEnv).inline.get(inlineKey(text, direction));
  if (!markup) throw new Error(`reference ${text} was not resolved before the Markdown`);
  return markup.value;
};

/** Renders a notebook's body; every reference in it must already be in `env`. */
export function renderMarkdown({ tokens }: ParsedMarkdown, env: MarkdownEnv): string {
  return md.renderer.render(tokens as Token[], md.options, { ...env });
}

/** A paragraph, heading or cell as the claims audit reads it: its text, with each `{{…}}` reference a U+FFFC. */
export interface Prose {
  /** The text, line breaks kept as "\n"; code spans, footnote markers and images are U+FFFD. */
  readonly text: string;
  /** What each U+FFFC stands for, in order: the reference as written between the braces. */
  readonly references: readonly string[];
  /** Line in the Markdown of the text's first line, counting from 0. */
  readonly line: number;
}

/** The prose of a notebook body, block by block, for the claims audit (code blocks are not prose). */
export function findProse({ tokens }: ParsedMarkdown): Prose[] {
  const prose: Prose[] = [];
  for (const token of tokens) {
    if (token.type !== "inline" || !token.children) continue;
    let text = "";
    const references: string[] = [];
    for (const child of token.children) {
      if (child.type === "text") text += child.content;
      else if (child.type === "softbreak" || child.type === "hardbreak") text += "\n";
      else if (child.type === "pb_fact") {
        text += "\uFFFC";
        references.push(String(child.meta!.text));
      } else if (child.type === "code_inline" || child.type === "footnote_ref" || child.type === "image")
        text += "\uFFFD";
    }
    prose.push({ text, references, line: token.map?.[0] ?? 0 });
  }
  return prose;
}
