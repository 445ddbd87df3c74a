// Which locale a report is written in, and its words: plotbrief's table for the locale's language,
// with the project's own words over it, and English for whatever neither has.
import { CATALOGUE } from "./messages.js";
import type { Messages } from "./messages.js";
import { languageOf } from "./language.js";

/**
 * A project's own words, by language ("it") or locale ("fr-CA"): a language plotbrief lacks, or a
 * string changed. Example: `{ en: { figure: (n) => \`Fig. ${n}\` }, it: { chartData: "Dati del grafico", … } }`.
 */
export type MessagesSpec = Readonly<Record<string, Partial<Messages>>>;

/** Identity helper for typing: `defineMessages({ it: { … } })`, given to `defineReport({ messages })`. */
export function defineMessages(spec: MessagesSpec): MessagesSpec {
  return spec;
}

/**
 * The locale `lang` implies when the front matter gives no `locale`: a tag with a region is one
 * already; a bare language gets its most likely region, as Intl has it ("fr" → "fr-FR", "en" → "en-US").
 */
export function localeOfLang(lang: string): string {
  const tag = new Intl.Locale(lang);
  if (tag.region !== undefined) return tag.toString();
  const region = tag.maximize().region;
  // A script the author gave is kept ("zh-Hant" → "zh-Hant-TW"); the one Intl infers is left implied.
  return [tag.language, tag.script, region].filter((part) => part !== undefined).join("-");
}

/** A report's words and what is missing from them. */
export interface ResolvedMessages {
  readonly messages: Messages;
  /** The keys that fell back to English, where the locale's language is one plotbrief lacks. */
  readonly english: readonly string[];
}

/**
 * The words for `locale`: English, under plotbrief's table for its language, under the project's for
 * its language, under the project's for the exact locale. Throws on a project key that is no message.
 */
export function resolveMessages(locale: string, project: MessagesSpec = {}): ResolvedMessages {
  const language = languageOf(locale);
  const english = CATALOGUE.en;
  for (const [tag, table] of Object.entries(project)) {
    const unknown = Object.keys(table).filter((key) => !Object.hasOwn(english, key));
    if (unknown.length > 0) {
      throw new Error(
        `messages "${tag}": unknown ${unknown.length === 1 ? "key" : "keys"} ${unknown.map((k) => `"${k}"`).join(", ")}; expected ${Object.keys(english).join(", ")}`,
      );
    }
  }
  const own = Object.hasOwn(CATALOGUE, language) ? CATALOGUE[language] : undefined;
  const layers = [own, project[language], locale !== language ? project[locale] : undefined];
  // English words spelt out in another language's prose would be wrong: without a table, figures stay.
  const base = own ? english : { ...english, numberWord: () => undefined };
  const messages = Object.assign({}, base, ...layers) as Messages;
  const given = new Set(layers.flatMap((layer) => Object.keys(layer ?? {})));
  const missing = own ? [] : Object.keys(english).filter((key) => !given.has(key));
  return { messages, english: missing };
}
