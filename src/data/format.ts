// One set of formatters for every place a number or date is written: prose, labels, tables, alt text.
import { numberFormat } from "./intl.js";
import { PreciseDate, dateStart } from "./qualified.js";
import type { QualifiedNumber, Qualifier } from "./qualified.js";
import { affixOf } from "./affix.js";
import { unitOf } from "./units.js";
import { CATALOGUE } from "../i18n/messages.js";
import type { Messages } from "../i18n/messages.js";
import { isEnglish, languageOf } from "../i18n/language.js";

const MINUS = "\u2212";

// Short forms for tight chart labels, in English: "50+" reads as "more than 50", "~50" as "about 50".
// "At least" and "up to" keep their words: the signs ≥ and ≤ are missing from the embedded fonts' Latin subset.
const SHORT_QUALIFIER: Partial<Record<Qualifier, [string, string]>> = { about: ["~", ""], "more-than": ["", "+"] };

/** Options for {@link formatNumber}, e.g. `{ style: "short" }` gives "50+" for "more than 50". */
export interface NumberFormat {
  /** "long" (default) writes qualifiers as words, "short" as symbols for chart labels. */
  readonly style?: "long" | "short";
  /** Drop the sign, for prose that says the direction: "contract by about 4%", "up 9,014". */
  readonly abs?: boolean;
  /** Leave out "(forecast)" where the sentence already says it is one. */
  readonly kind?: boolean;
  /** A BCP 47 locale, such as "fr-FR"; default en-US, in AP style. */
  readonly locale?: string;
  /** Scale words from Intl: "2.4 million" (true or "long"), "2.4M" ("short"; "£1.1bn" in en-GB). */
  readonly compact?: boolean | "long" | "short";
  /** Decimal places instead of the source's: `{ decimals: 1 }` writes 7.34 as "7.3" (at most this many when compact). */
  readonly decimals?: number;
  /** Significant digits to round to: `{ significant: 2 }` writes 1,376 as "1,400". */
  readonly significant?: number;
  /** Write a ratio as a percentage: 0.253 as "25.3%". */
  readonly percent?: boolean;
  /**
   * Spell out whole numbers from zero to nine, as AP does: "eight lawmakers" (not beside a symbol). In
   * French, German and Spanish two to nine: one's word depends on its noun's gender, so 1 stays a figure.
   */
  readonly words?: boolean;
  /**
   * Show the sign of a positive number too: "+3". Unset, a `signed` column's numbers show theirs (in
   * charts and tables); `false` leaves it out, as prose does ("grew by 7.3%").
   */
  readonly sign?: boolean;
  /** The report's words ("about", "(forecast)", number words); default: plotbrief's for the locale's language. */
  readonly messages?: Messages;
}

/** The words of the report whose figure code is running: what the formatters write in where the code gives no locale. */
let running: Pick<NumberFormat, "messages" | "locale"> = {};

/**
 * Runs a figure's code (its title, plot, table, notes, alt text, and the accessors Plot calls while it
 * draws) in the report's words, so that `formatNumber(q)` or `formatDate(d)` written without a locale
 * writes the report's language, as the page around it does.
 */
export function inReportWords<T>(words: Pick<NumberFormat, "messages" | "locale">, run: () => T): T {
  const outer = running;
  running = words;
  try {
    return run();
  } finally {
    running = outer;
  }
}

/** The options, in the running report's words where they name no locale of their own. */
function withReportWords<T extends Pick<NumberFormat, "messages" | "locale">>(options: T): T {
  if (options.locale !== undefined || options.messages !== undefined || running.locale === undefined) return options;
  return { ...options, locale: running.locale, ...(running.messages ? { messages: running.messages } : {}) };
}

/**
 * The words a number is written with: the report's, or plotbrief's for the locale's language; English
 * for a language plotbrief lacks, unless `strict`.
 */
export function wordsOf(options: Pick<NumberFormat, "messages" | "locale">): Messages;
export function wordsOf(options: Pick<NumberFormat, "messages" | "locale">, strict: true): Messages | undefined;
export function wordsOf({ messages, locale }: Pick<NumberFormat, "messages" | "locale">, strict = false) {
  if (messages) return messages;
  const language = locale === undefined ? "en" : languageOf(locale);
  return Object.hasOwn(CATALOGUE, language) ? CATALOGUE[language] : strict ? undefined : CATALOGUE.en;
}

/** Writes a qualified number as a reader should see it: "about 20%", "more than 50", "−4.0% (forecast)". */
export function formatNumber(q: QualifiedNumber, given: NumberFormat = {}): string {
  const options = withReportWords(given);
  const { style = "long", kind = true } = options;
  const english = isEnglish(options.locale);
  const body = formatQuantity(q, options);
  const words = wordsOf(options);
  const long = q.qualifier === "exact" ? "" : `${words.qualifiers[q.qualifier]} `;
  let text: string;
  if (style === "short" && english && SHORT_QUALIFIER[q.qualifier]) {
    const [before, after] = SHORT_QUALIFIER[q.qualifier]!;
    text = before + body + after;
  } else {
    text = style === "short" && q.qualifier === "more-than" ? `${body}+` : long + body;
  }
  const kindWord = q.kind === "actual" ? undefined : words.kinds[q.kind];
  return kind && kindWord ? `${text} (${kindWord})` : text;
}

/**
 * A number with its sign and unit, without qualifier or kind: "−$1.2 billion", "2,4 millions", "+3.1
 * percentage points". Digits and scale words come from Intl in the locale; the sign is a true minus.
 */
export function formatQuantity(q: QualifiedNumber, given: NumberFormat = {}): string {
  const options = withReportWords(given);
  if (options.abs && options.sign) throw new Error("abs and sign contradict each other: choose one");
  const locale = options.locale ?? "en-US";
  let { value, digits, unit } = q;
  if (options.percent && unit !== "percent") {
    const own = unitOf(unit);
    if (own.scale !== undefined || own.forms || own.currency || own.intl) {
      throw new Error(`percent writes a ratio (0.25) as "25%", but this number is in ${unit}`);
    }
    [value, digits, unit] = [value * 100, Math.max(0, digits - 2), "percent"];
  }
  const spec = unitOf(unit);
  const base = spec.scale === undefined ? spec : spec.of !== undefined ? unitOf(spec.of as string) : undefined;
  const magnitude = Math.abs(value) * (spec.scale ?? 1);
  // A scaled unit is written with Intl's scale word ("5.8 billion"), whatever the scale Intl picks.
  const compact = options.compact ?? spec.scale !== undefined;
  const display = compact === "short" ? "short" : "long";
  const precision = precisionOf(magnitude, digits, options, compact ? display : undefined, locale, spec.scale);
  const notation: Intl.NumberFormatOptions = compact ? { notation: "compact", compactDisplay: display } : {};
  let number = numberFormat(locale, { ...notation, ...precision }).format(magnitude);
  const affix = base
    ? affixOf(base, locale, magnitude, precision, compact !== false)
    : { before: "", after: "", word: true };
  // A number rounded to zero ("0.0") has no sign, whatever it was before rounding.
  const zero = value === 0 || (/0/.test(number) && !/[1-9]/.test(number));
  const sign = options.abs || zero ? "" : value < 0 ? MINUS : (options.sign ?? q.signed) ? "+" : "";
  if (options.words && sign === "" && affix.word && /^[0-9]$/.test(number)) {
    number = wordsOf(options, true)?.numberWord(Number(number)) ?? number;
  }
  // The sign goes before a currency symbol: "−$1.2 billion".
  return sign + affix.before + number + affix.after;
}

/** The digits to write: the source's, unless a style rounds; a scaled unit keeps the source's precision. */
function precisionOf(
  magnitude: number,
  digits: number,
  options: NumberFormat,
  compact: "long" | "short" | undefined,
  locale: string,
  scale: number | undefined,
): Intl.NumberFormatOptions {
  if (options.significant !== undefined) return { maximumSignificantDigits: options.significant };
  if (options.decimals !== undefined) {
    const most = options.decimals;
    return compact ? { maximumFractionDigits: most } : { minimumFractionDigits: most, maximumFractionDigits: most };
  }
  if (!compact) return { minimumFractionDigits: digits, maximumFractionDigits: digits };
  // Intl's own rounding for a number made compact by a style: "1.4 billion".
  if (scale === undefined || magnitude === 0) return {};
  // "5.8" billion stays "5.8 billion"; 2,440 thousand becomes "2.44 million", 0.5 billion "500 million".
  const parts = numberFormat(locale, {
    notation: "compact",
    compactDisplay: compact,
    maximumFractionDigits: 20,
  })
    .formatToParts(magnitude)
    .filter((part) => part.type === "integer" || part.type === "fraction");
  const shown = Number(parts.map((part) => (part.type === "fraction" ? `.${part.value}` : part.value)).join(""));
  const shift = Math.round(Math.log10(magnitude / shown) - Math.log10(scale));
  const most = Math.min(20, Math.max(0, digits + shift));
  return { minimumFractionDigits: shift === 0 ? digits : 0, maximumFractionDigits: most };
}

/** Fixed decimals with en-US digit grouping, independent of the machine's locale. */
export function formatDigits(value: number, digits: number): string {
  const [whole, fraction] = value.toFixed(digits).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

// AP style: short months take a period, March through July are written out.
const MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/** Writes a date to its precision: "2020", "Nov. 2020", "Nov. 3, 2020"; in another locale, as Intl writes it. */
export function formatDate(date: PreciseDate, locale: string | undefined = running.locale): string {
  if (!isEnglish(locale)) {
    const parts: Intl.DateTimeFormatOptions = { timeZone: "UTC", year: "numeric" };
    if (date.month !== undefined) parts.month = "long";
    if (date.day !== undefined) parts.day = "numeric";
    return new Intl.DateTimeFormat(locale, parts).format(dateStart(date));
  }
  if (date.month === undefined) return String(date.year);
  const month = MONTHS[date.month - 1]!;
  if (date.day === undefined) return `${month} ${date.year}`;
  return `${month} ${date.day}, ${date.year}`;
}

/** Writes a moment in UTC: "Nov. 3, 2020, 14:05 UTC"; in another locale, as Intl writes it. */
export function formatDateTime(moment: Date, locale: string | undefined = running.locale): string {
  if (!isEnglish(locale)) {
    return new Intl.DateTimeFormat(locale, {
      timeZone: "UTC",
      dateStyle: "medium",
      timeStyle: "short",
    }).format(moment);
  }
  const day = formatDate(
    new PreciseDate(moment.getUTCFullYear(), moment.getUTCMonth() + 1, moment.getUTCDate()),
    locale,
  );
  const time = moment.toISOString().slice(11, 16);
  return `${day}, ${time} UTC`;
}

/** Writes a date as ISO 8601 to its precision: "2020", "2020-11", "2020-11-03". */
export function isoDate(date: PreciseDate): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${date.year}-${pad(date.month)}`;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Joins a list the way prose does: "a", "a and b", "a, b and c". */
export function formatList(items: readonly string[]): string {
  if (running.messages) return running.messages.list(items);
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
