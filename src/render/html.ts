// A tiny escaping template: every interpolated value is escaped unless it is marked as trusted Html.

// Trusted markup is recognised by a registered symbol on its prototype, not by `instanceof`: markup
// made by another copy of plotbrief (a template loaded from a project's own install) stays trusted,
// while a plain object, parsed JSON or a spread copy (`{ ...markup }`) never carries the brand.
const TRUSTED = Symbol.for("plotbrief.trusted-html");

/** Markup that is safe to insert as is: built by `html` or marked with `trusted`. */
export class Html {
  constructor(readonly value: string) {}

  static {
    Object.defineProperty(this.prototype, TRUSTED, { value: true });
  }

  toString(): string {
    return this.value;
  }
}

/** Whether a value is trusted markup made by `html` or `trusted`, by any copy of plotbrief. */
export function isTrusted(value: unknown): value is Html {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<symbol, unknown>)[TRUSTED] === true &&
    typeof (value as { value?: unknown }).value === "string"
  );
}

/**
 * Marks markup as trusted, to be inserted as is: for markup a template author wrote or plotbrief
 * generated (SVG from Plot, Markdown output), never for text from data or prose.
 */
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
  if (isTrusted(value)) return value.value;
  if (Array.isArray(value)) return value.map(interpolate).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}
