import { CATALOGUE } from "../i18n/messages.js";
import type { Messages } from "../i18n/messages.js";
import { formatDate } from "./format.js";
import { parsePreciseDate } from "./qualified.js";
import type { PreciseDate } from "./qualified.js";

/** Where numbers come from, e.g. `{ publisher: "VOD English", title: "59 ex-CNRP…", published: "2020-11-03" }`. */
export interface SourceSpec {
  /** Who published it: "VOD English", "Asian Development Bank". */
  readonly publisher: string;
  readonly title: string;
  /** The address, where the source is online. */
  readonly url?: string;
  /** When it was published, to its known precision: "2020", "2020-11", "2020-11-03"; left out when unknown. */
  readonly published?: string;
  /** Who reported it, where the number is known second-hand: "VOA Cambodia". */
  readonly via?: string;
  readonly notes?: string;
}

export interface Source extends Omit<SourceSpec, "published"> {
  readonly id: string;
  readonly published?: PreciseDate;
}

/**
 * Declares the sources of a topic once, so that datasets and rows can cite them by id.
 * Throws on a source without a publisher, title or a valid date.
 */
export function defineSources<const K extends string>(specs: Record<K, SourceSpec>): Record<K, Source> {
  const sources = {} as Record<K, Source>;
  for (const id of Object.keys(specs) as K[]) {
    const spec = specs[id];
    if (!spec.publisher || !spec.title) throw new Error(`source ${id}: a source needs a publisher and a title`);
    const published = spec.published === undefined ? undefined : parsePreciseDate(spec.published);
    if (spec.published !== undefined && !published) {
      throw new Error(`source ${id}: published: expected YYYY, YYYY-MM or YYYY-MM-DD, found "${spec.published}"`);
    }
    sources[id] = { ...spec, id, published };
  }
  return sources;
}

/** The language a source is cited in: a locale, and plotbrief's words for it. Default en-US. */
export interface CiteOptions {
  readonly locale?: string;
  readonly messages?: Messages;
}

/** One source as a source line writes it: "VOD English, Nov. 3, 2020" or "AP via VOA Cambodia, Nov. 13, 2020". */
export function citeSource(source: Source, options: CiteOptions = {}): string {
  const { locale, messages = CATALOGUE.en } = options;
  const who = source.via ? messages.via(source.publisher, source.via) : source.publisher;
  return source.published ? `${who}, ${formatDate(source.published, locale)}` : who;
}

/** A source line from sources in order of first use, without repeats: "Sources: A; B." */
export function sourceLine(sources: Iterable<Source>, options: CiteOptions = {}): string {
  const cited = [...new Set([...sources].map((source) => citeSource(source, options)))];
  if (cited.length === 0) throw new Error("a source line needs at least one source");
  return (options.messages ?? CATALOGUE.en).sourceLine(cited);
}
