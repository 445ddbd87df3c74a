// A tiny escaping template: every interpolated value is escaped unless it is marked as trusted Html.

/** Markup that is safe to insert as is: built by `html` or marked with `trusted`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks markup as trusted: only for what plotbrief itself generates (SVG from Plot, Markdown output). */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `html\`<p>${text}</p>\`` escapes `text`; arrays are joined; null, undefined and false write nothing. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += interpolate(value) + strings[i + 1]!;
  });
  return new Html(out);
}

function interpolate(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(interpolate).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}
