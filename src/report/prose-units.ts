// How units and scales are written in prose, for the claims audit: a typed number is compared only with
// data in the unit its words name ("161 mm" with millimetres, "$1.1bn" with US dollars), at the scale
// they name. Units, their words and symbols, currencies, scales and bases come from the units registry
// (data/units.ts), a project's own included; what is here is only what prose writes that no unit says.
import { writtenForms } from "../data/affix.js";
import { definedUnits, unitName, unitOf } from "../data/units.js";
import type { UnitSpec } from "../data/units.js";

// Units compared alike: people are a count, and a change in percentage points is often written in percent.
const KIN: Readonly<Record<string, string>> = { people: "count", "percentage-points": "percent" };

/**
 * Words prose writes that neither the units nor Intl give, by family (a currency's is its code in lower
 * case, so that a project's own dollar shares them): house abbreviations, colloquial names, the French
 * of a scaled currency, "aged" before a number of years, and measures Intl does not know.
 */
const HOUSE: Readonly<Record<string, { readonly before?: readonly string[]; readonly after?: readonly string[] }>> = {
  percent: { after: ["pct", "pc", "pp", "p.p."] },
  usd: { after: ["dollars", "de dollars"] },
  eur: { after: ["euro", "d’euros", "d'euros"] },
  gbp: { after: ["pounds"] },
  years: { before: ["aged", "ages", "age"] },
  kg: { after: ["kilos"] },
  celsius: { after: ["degrees C", "C"] },
  fahrenheit: { after: ["degrees F", "F"] },
  hours: { after: ["h"] },
  seconds: { after: ["s"] },
  inches: { after: ["in."] },
  // Lengths of documents: "a 20-page report", "12 and 20 pages".
  pages: { after: ["pages", "page", "words", "word"] },
  tonnes: { after: ["tonnes", "tonne", "tons", "t"] },
  km2: { after: ["km²", "km2", "sq km", "square kilometres"] },
};

// "°" or "degrees" alone could be either scale: both are compared.
const AMBIGUOUS: Readonly<Record<string, readonly string[]>> = {
  "°": ["celsius", "fahrenheit"],
  degrees: ["celsius", "fahrenheit"],
};

// Forms Intl writes that prose uses as words: "in" (inches) is the preposition of "59 in all".
const NOT_UNITS = new Set(["in"]);

/** What a data unit means to the audit: its family, its scale, and whether prose can name it. */
export interface DataUnit {
  readonly family: string;
  readonly scale: number;
  readonly known: boolean;
  readonly currency: boolean;
}

/** The family a unit's words name: a currency's code, a kin's, else its name ("mm", "beds"). */
const familyOf = (unit: UnitSpec) => unit.currency?.toLowerCase() ?? KIN[unit.name] ?? unit.name;

/**
 * A data unit as the registry defines it: "usd-billion" is US dollars × 1e9, "million" a count × 1e6,
 * a project's "beds-thousand" beds × 1e3. A name no module defined (loading refuses it) is its own family.
 */
export function dataUnit(id: string): DataUnit {
  if (typeof unitName(id) !== "string") return { family: id, scale: 1, known: false, currency: false };
  let unit = unitOf(id);
  let scale = 1;
  for (let depth = 0; unit.scale !== undefined && depth < 8; depth++) {
    scale *= unit.scale;
    if (unit.of === undefined) return { family: "count", scale, known: false, currency: false };
    unit = unitOf(typeof unit.of === "string" ? unit.of : unit.of.name);
  }
  const known = unit.forms !== undefined || unit.currency !== undefined || unit.intl !== undefined;
  return { family: familyOf(unit), scale, known, currency: unit.currency !== undefined };
}

/** A unit as written in prose, and the families it may name. */
export interface WrittenForm {
  readonly text: string;
  readonly families: readonly string[];
}

/** Everything the audit needs to read a unit or a scale next to a number, for one locale and one set of data units. */
export interface UnitReading {
  /** Longest first. */
  readonly before: readonly WrittenForm[];
  readonly after: readonly WrittenForm[];
  /** Scale words, longest first: "billion", "bn", "Mrd.". `glued` forms count only when touching the number. */
  readonly scales: readonly { readonly text: string; readonly scale: number; readonly glued: boolean }[];
  /** Forms of the units the data has: "m" is metres in a report with data in metres, else a million. */
  readonly inData: ReadonlySet<string>;
}

/**
 * The forms to look for, each registry unit's read once: its own words in every language it gives,
 * Intl's in the locale and in English; then the words of this file, and the locale's scale words.
 */
export function unitReading(locale: string, dataUnits: Iterable<string>): UnitReading {
  // The same locale and units read the same way while the registry is unchanged: every edition of a
  // report asks for the same reading.
  const units = definedUnits();
  const key = `${locale}\0${[...new Set(dataUnits)].sort().join("\0")}`;
  const known = readings.get(key);
  if (known && known.units.length === units.length && known.units.every((unit, i) => unit === units[i]))
    return known.reading;
  const reading = readUnits(locale, key.split("\0").slice(1).filter(Boolean));
  readings.set(key, { units, reading });
  return reading;
}

const readings = new Map<string, { units: readonly unknown[]; reading: UnitReading }>();

function readUnits(locale: string, dataUnits: Iterable<string>): UnitReading {
  const locales = [...new Set([locale, "en-US", "en-GB"])];
  const before = new Map<string, Set<string>>();
  const after = new Map<string, Set<string>>();
  const add = (side: Map<string, Set<string>>, text: string, family: string) => {
    if (!NOT_UNITS.has(text)) (side.get(text) ?? side.set(text, new Set()).get(text)!).add(family);
  };
  for (const unit of definedUnits()) {
    // A scaled unit is written with its base's words and Intl's scale words, read below; a head-count's
    // words are nouns, as "defendants" is one: "59 people" is a bare 59, and binding it keeps "people".
    const family = familyOf(unit);
    if (unit.scale !== undefined || family === "count") continue;
    for (const { text, position, symbol } of writtenForms(unit, locales)) {
      add(position === "before" ? before : after, text, family);
      // A currency's symbol or code stands on either side, whatever the locale: "$5", "5 $US", "EUR 5".
      if (unit.currency !== undefined && symbol) add(position === "before" ? after : before, text, family);
    }
  }
  for (const [family, { before: b = [], after: a = [] }] of Object.entries(HOUSE)) {
    for (const text of b) add(before, text, family);
    for (const text of a) add(after, text, family);
  }
  for (const [text, families] of Object.entries(AMBIGUOUS)) for (const family of families) add(after, text, family);
  const families = new Set([...new Set(dataUnits)].map((id) => dataUnit(id).family));
  const forms = (side: Map<string, Set<string>>) =>
    [...side].map(([text, names]) => ({ text, families: [...names] })).sort((a, b) => b.text.length - a.text.length);
  const afterForms = forms(after);
  const inData = new Set(afterForms.filter((form) => form.families.some((f) => families.has(f))).map((f) => f.text));
  return { before: forms(before), after: afterForms, scales: scaleWords(locale), inData };
}

// House styles write "$1.1bn" and "2.4mn" whatever their locale's compact forms say.
const HOUSE_SCALES = [
  { text: "bn", scale: 1e9 },
  { text: "mn", scale: 1e6 },
  { text: "tn", scale: 1e12 },
  { text: "millions", scale: 1e6 },
  { text: "billions", scale: 1e9 },
];

/** Scale words from Intl's compact notation for the locale and for English, longest first: "million", "Mrd.", "M". */
function scaleWords(locale: string): { text: string; scale: number; glued: boolean }[] {
  let words = scales.get(locale);
  if (!words) {
    words = makeScaleWords(locale);
    scales.set(locale, words);
  }
  return words;
}

const scales = new Map<string, { text: string; scale: number; glued: boolean }[]>();

function makeScaleWords(locale: string): { text: string; scale: number; glued: boolean }[] {
  // The locale's words first: "billion" is 10¹² in French.
  const words = new Map<string, number>();
  for (const tag of new Set([locale, "en-US", "en-GB"])) {
    for (const compactDisplay of ["long", "short"] as const) {
      const format = new Intl.NumberFormat(tag, { notation: "compact", compactDisplay, maximumFractionDigits: 1 });
      for (const value of [1e3, 2.4e3, 1e6, 2.4e6, 1e9, 2.4e9, 1e12, 2.4e12]) {
        const parts = format.formatToParts(value);
        const word = parts
          .filter((p) => p.type === "compact")
          .map((p) => p.value)
          .join("")
          .trim();
        const digits = parts
          .filter((p) => p.type === "integer" || p.type === "fraction" || p.type === "decimal")
          .map((p) => (p.type === "decimal" ? "." : p.value))
          .join("");
        if (word && !words.has(word)) words.set(word, Math.round(value / Number(digits)));
      }
    }
  }
  for (const { text, scale } of HOUSE_SCALES) if (!words.has(text)) words.set(text, scale);
  // One-letter forms ("M", "k", "B") are scales only when they touch the number: "$2.4M", "5k".
  return [...words]
    .map(([text, scale]) => ({ text, scale, glued: text.replace(/\W/g, "").length <= 1 }))
    .sort((a, b) => b.text.length - a.text.length);
}
