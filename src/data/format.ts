// One set of formatters for every place a number or date is written: prose, labels, tables, alt text.
import { PreciseDate, dateStart } from "./qualified.js";
import type { QualifiedNumber, Qualifier } from "./qualified.js";

const MINUS = "\u2212";

const LONG_QUALIFIER: Record<Qualifier, string> = {
  exact: "",
  about: "about ",
  "more-than": "more than ",
  "at-least": "at least ",
  "up-to": "up to ",
};

// Short forms for tight chart labels: "50+" reads as "more than 50". "At least" and "up to" keep their
// words: the signs ≥ and ≤ are missing from the embedded fonts' Latin subset.
const SHORT_QUALIFIER: Record<Qualifier, [string, string]> = {
  exact: ["", ""],
  about: ["~", ""],
  "more-than": ["", "+"],
  "at-least": ["at least ", ""],
  "up-to": ["up to ", ""],
};

/** Options for {@link formatNumber}, e.g. `{ style: "short" }` gives "50+" for "more than 50". */
export interface NumberFormat {
  /** "long" (default) writes qualifiers as words, "short" as symbols for chart labels. */
  readonly style?: "long" | "short";
  /** Drop the sign, for prose that says the direction: "contract by about 4%". */
  readonly abs?: boolean;
  /** Leave out "(forecast)" where the sentence already says it is one. */
  readonly kind?: boolean;
  /** A BCP 47 locale, such as "fr-FR"; default en-US, in AP style. */
  readonly locale?: string;
}

/** Words for other languages; a language not listed keeps the English words, with its own digits. */
const WORDS: Record<
  string,
  { qualifier: Record<Qualifier, string>; kind: Record<"estimate" | "forecast", string>; points: string; years: string }
> = {
  fr: {
    qualifier: {
      exact: "",
      about: "environ ",
      "more-than": "plus de ",
      "at-least": "au moins ",
      "up-to": "jusqu\u2019\u00e0 ",
    },
    kind: { estimate: "estimation", forecast: "pr\u00e9vision" },
    points: "points de pourcentage",
    years: "ans",
  },
  de: {
    qualifier: { exact: "", about: "etwa ", "more-than": "mehr als ", "at-least": "mindestens ", "up-to": "bis zu " },
    kind: { estimate: "Sch\u00e4tzung", forecast: "Prognose" },
    points: "Prozentpunkte",
    years: "Jahre",
  },
  es: {
    qualifier: {
      exact: "",
      about: "alrededor de ",
      "more-than": "m\u00e1s de ",
      "at-least": "al menos ",
      "up-to": "hasta ",
    },
    kind: { estimate: "estimaci\u00f3n", forecast: "previsi\u00f3n" },
    points: "puntos porcentuales",
    years: "a\u00f1os",
  },
};

const isEnglish = (locale: string | undefined) => locale === undefined || /^en\b/i.test(locale);

/** Writes a qualified number as a reader should see it: "about 20%", "more than 50", "−4.0% (forecast)". */
export function formatNumber(q: QualifiedNumber, options: NumberFormat = {}): string {
  if (!isEnglish(options.locale)) return formatLocalized(q, options);
  const { style = "long", abs = false, kind = true } = options;
  const magnitude = formatDigits(Math.abs(q.value), q.digits);
  const sign = abs || q.value === 0 ? "" : q.value < 0 ? MINUS : q.signed ? "+" : "";
  // The sign goes before a currency symbol: "−$1.2 billion".
  const body = sign + withUnit(magnitude, q.unit);
  const text =
    style === "short"
      ? SHORT_QUALIFIER[q.qualifier][0] + body + SHORT_QUALIFIER[q.qualifier][1]
      : LONG_QUALIFIER[q.qualifier] + body;
  return kind && q.kind !== "actual" ? `${text} (${q.kind})` : text;
}

function withUnit(number: string, unit: QualifiedNumber["unit"]): string {
  switch (unit) {
    case "percent":
      return `${number}%`;
    case "percentage-points":
      return `${number} percentage ${number === "1" ? "point" : "points"}`;
    case "count":
      return number;
    case "years":
      return `${number} year${number === "1" ? "" : "s"}`;
    case "usd":
      return `$${number}`;
    case "usd-billion":
      return `$${number} billion`;
    case "eur-billion":
      return `\u20ac${number} billion`;
  }
}

/** A number in another language: its digits and signs from Intl, its words from the table above. */
function formatLocalized(q: QualifiedNumber, options: NumberFormat): string {
  const locale = options.locale!;
  const words = WORDS[locale.slice(0, 2).toLowerCase()];
  const digits = { minimumFractionDigits: q.digits, maximumFractionDigits: q.digits };
  const magnitude = Math.abs(q.value);
  const number = (() => {
    switch (q.unit) {
      case "percent":
        return new Intl.NumberFormat(locale, { ...digits, style: "percent" }).format(magnitude / 100);
      case "usd":
      case "usd-billion":
      case "eur-billion": {
        const currency = q.unit.startsWith("usd") ? "USD" : "EUR";
        const scale = q.unit.endsWith("billion") ? 1e9 : 1;
        const compact = scale > 1 ? ({ notation: "compact", compactDisplay: "long" } as const) : {};
        return new Intl.NumberFormat(locale, { ...digits, ...compact, style: "currency", currency }).format(
          magnitude * scale,
        );
      }
      default: {
        const plain = new Intl.NumberFormat(locale, digits).format(magnitude);
        if (q.unit === "percentage-points") return `${plain} ${words?.points ?? "percentage points"}`;
        if (q.unit === "years") return `${plain} ${words?.years ?? "years"}`;
        return plain;
      }
    }
  })();
  const sign = options.abs || q.value === 0 ? "" : q.value < 0 ? MINUS : q.signed ? "+" : "";
  const qualifier = (words?.qualifier ?? LONG_QUALIFIER)[q.qualifier];
  const text =
    options.style === "short" && q.qualifier === "more-than" ? `${sign}${number}+` : `${qualifier}${sign}${number}`;
  const kindWord = q.kind === "actual" ? undefined : (words?.kind[q.kind] ?? q.kind);
  return options.kind !== false && kindWord ? `${text} (${kindWord})` : text;
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
export function formatDate(date: PreciseDate, locale?: string): string {
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
export function formatDateTime(moment: Date, locale?: string): string {
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
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
