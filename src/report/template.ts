import type { FontSpec } from "../render/fonts.js";
import type { Html } from "../render/html.js";
import type { Figure } from "../figures/figure.js";
import type { FrontMatter } from "./notebook.js";

/** What a page template receives. */
export interface PageContext {
  readonly front: FrontMatter;
  /** The notebook's body, figures included. */
  readonly body: Html;
  /** The template's CSS with its fonts inlined, for a `<style>` element. */
  readonly css: Html;
  /** plotbrief's version, for a generator meta tag. */
  readonly version: string;
}

/** What a figure template receives: the bound figure and its chart. */
export interface FigureContext {
  readonly figure: Figure;
  readonly svg: Html;
}

/**
 * A page template: `templates/<name>/template.ts` default-exports one, made with `defineTemplate`.
 * Everything is escaped unless the template marks it trusted, since it builds markup with `html`.
 */
export interface TemplateSpec {
  readonly fonts: readonly FontSpec[];
  /** CSS files next to the template module, in order. */
  readonly styles: readonly string[];
  readonly page: (context: PageContext) => Html;
  readonly figure: (context: FigureContext) => Html;
}

/** Identity helper for typing. */
export function defineTemplate(spec: TemplateSpec): TemplateSpec {
  return spec;
}
