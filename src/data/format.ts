// One set of formatters for every place a number or date is written: prose, labels, tables, alt text.
import type { PreciseDate, QualifiedNumber, Qualifier } from "./qualified.js";

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
}

/** Writes a qualified number as a reader should see it: "about 20%", "more than 50", "−4.0% (forecast)". */
export function formatNumber(q: QualifiedNumber, options: NumberFormat = {}): string {
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

/** Fixed decimals with en-US digit grouping, independent of the machine's locale. */
export function formatDigits(value: number, digits: number): string {
  const [whole, fraction] = value.toFixed(digits).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

// AP style: short months take a period, March through July are written out.
const MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/** Writes a date to its precision: "2020", "Nov. 2020", "Nov. 3, 2020". */
export function formatDate(date: PreciseDate): string {
  if (date.month === undefined) return String(date.year);
  const month = MONTHS[date.month - 1]!;
  if (date.day === undefined) return `${month} ${date.year}`;
  return `${month} ${date.day}, ${date.year}`;
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
