// The typography the notebook's prose gets from markdown-it's typographer, for the texts an author
// types outside it: front matter, figure titles, subtitles, notes and table headings. Text only: URLs,
// code and data are never passed through it.

// What may stand before an opening quote: the start, a space, an opening bracket or a dash.
const OPENS = /[\s([{\u2014\u2013-]/u;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Curly quotes and apostrophes, dashes and the ellipsis, as the prose has them: `Cambodia's "Everything
 * But Arms" -- 2020...` becomes `Cambodia’s “Everything But Arms” – 2020…`. Quotes are English (“ ” ‘ ’),
 * as the prose's are in every locale.
 */
export function typeset(text: string): string {
  const dashed = text.replaceAll("...", "\u2026").replaceAll("---", "\u2014").replaceAll("--", "\u2013");
  let out = "";
  for (let i = 0; i < dashed.length; i++) {
    const c = dashed[i]!;
    if (c !== '"' && c !== "'") {
      out += c;
      continue;
    }
    const before = i === 0 ? " " : dashed[i - 1]!;
    const after = dashed[i + 1] ?? " ";
    const opening = OPENS.test(before) || (before === "\u201c" && c === "'") || (before === "\u2018" && c === '"');
    if (c === '"') out += opening && !/\s/u.test(after) ? "\u201c" : "\u201d";
    // An apostrophe inside a word (Cambodia's) or before a year ('90s); else a single quote.
    else if (WORD.test(before) && WORD.test(after)) out += "\u2019";
    else if (opening && /\d/.test(after) && /\d\d(?!\d)/.test(dashed.slice(i + 1, i + 4))) out += "\u2019";
    else out += opening && !/\s/u.test(after) ? "\u2018" : "\u2019";
  }
  return out;
}
