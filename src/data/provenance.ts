import { CATALOGUE } from "../i18n/messages.js";
import type { Messages } from "../i18n/messages.js";
import { formatDate } from "./format.js";
import { parsePreciseDate } from "./qualified.js";
import type { PreciseDate } from "./qualified.js";

/**
 * Where numbers come from, e.g. `{ publisher: "VOD English", kind: "news report", published: "2020-11-03" }`
 * or `{ publisher: "Asian Development Bank", title: "Asian Development Outlook 2021", kind: "report" }`.
 * A source needs a title or a kind: one whose headline was not recorded is cited by publisher, kind and date.
 */
export interface SourceSpec {
  /** Who published it: "VOD English", "Asian Development Bank". */
  readonly publisher: string;
  /** Its headline or name, as published; left out when not recorded (never a placeholder). */
  readonly title?: string;
  /** What it is, in the report's language: "press release", "news report", "news analysis", "statement", "report". */
  readonly kind?: string;
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
 * Throws on a source without a publisher, without a title or a kind, with a placeholder title in square
 * brackets, or without a valid date.
 */
export function defineSources<const K extends string>(specs: Record<K, SourceSpec>): Record<K, Source> {
  const sources = {} as Record<K, Source>;
  for (const id of Object.keys(specs) as K[]) {
    const spec = specs[id];
    if (!spec.publisher) throw new Error(`source ${id}: a source needs a publisher`);
    const title = spec.title?.trim();
    if (title !== undefined && /^\[.*\]$/s.test(title)) {
      throw new Error(
        `source ${id}: title "${spec.title}" is a placeholder in square brackets; leave the title out and say what the source is with kind, such as kind: "news report"`,
      );
    }
    if (!title && !spec.kind?.trim()) {
      throw new Error(
        `source ${id}: a source needs a title or a kind; give its headline as title, or say what it is with kind, such as kind: "news report"`,
      );
    }
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

/**
 * One source as a source line writes it: "VOD English, news report, Nov. 3, 2020" or "AP, news report via VOA
 * Cambodia, Nov. 13, 2020"; a source with a title is cited without its kind (the title says what it is).
 */
export function citeSource(source: Source, options: CiteOptions = {}): string {
  const { locale, messages = CATALOGUE.en } = options;
  // The kind is the publisher's ("European Commission, press release via VOA Khmer"), not the reporter's.
  const what = !source.title && source.kind ? messages.sourceKind(source.publisher, source.kind) : source.publisher;
  const who = source.via ? messages.via(what, source.via) : what;
  return source.published ? `${who}, ${formatDate(source.published, locale)}` : who;
}

/** A source line from sources in order of first use, without repeats: "Sources: A; B." */
export function sourceLine(sources: Iterable<Source>, options: CiteOptions = {}): string {
  const cited = [...new Set([...sources].map((source) => citeSource(source, options)))];
  if (cited.length === 0) throw new Error("a source line needs at least one source");
  return (options.messages ?? CATALOGUE.en).sourceLine(cited);
}
