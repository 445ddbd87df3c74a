// How units and scales are written in prose, for the claims audit: a typed number is compared only with
// data in the unit its words name ("161 mm" with millimetres, "$1.1bn" with US dollars), at the scale
// they name. A data unit this table does not know is read from its id ("widgets", "gbp-million"), so
// units added elsewhere need no change here.

/** A family of units as prose writes them: a number written in one is compared only with data in it. */
interface Family {
  /** Money: "worth 5.8 billion" is read as money or a count. */
  readonly currency?: boolean;
  /** Data unit ids of the family; "-thousand", "-million", "-billion" and "-trillion" scale any of them. */
  readonly ids: readonly string[];
  /** Written before the number: "$", "US$". */
  readonly before?: readonly string[];
  /** Written after the number, with or without a space: "%", "mm", "years", "°C". */
  readonly after?: readonly string[];
}

const FAMILIES: Readonly<Record<string, Family>> = {
  // Counts are written bare ("59 people" is a bare 59): the noun says what is counted, not a unit.
  count: { ids: ["count", "people", "persons", "number", "thousands", "millions"] },
  percent: {
    ids: ["percent", "percentage-points", "pp", "percentage-point"],
    after: ["%", "percent", "per cent", "pct", "pc", "percentage points", "percentage point", "pp", "p.p."],
  },
  usd: {
    currency: true,
    ids: ["usd", "dollars"],
    before: ["US$", "USD", "$"],
    after: ["US dollars", "dollars", "de dollars", "USD", "$"],
  },
  eur: {
    currency: true,
    ids: ["eur", "euros"],
    before: ["€", "EUR"],
    after: ["euros", "euro", "d’euros", "d'euros", "EUR", "€"],
  },
  gbp: { currency: true, ids: ["gbp", "pounds"], before: ["£", "GBP"], after: ["pounds", "GBP", "£"] },
  // An age is in years: "aged 45".
  // Lengths of documents: "a 20-page report", "12 and 20 pages".
  pages: { ids: ["pages", "page", "words"], after: ["pages", "page", "words", "word"] },
  years: { ids: ["years", "year"], before: ["aged", "ages", "age"], after: ["years", "year", "yrs"] },
  months: { ids: ["months", "month"], after: ["months", "month"] },
  weeks: { ids: ["weeks", "week"], after: ["weeks", "week"] },
  days: { ids: ["days", "day"], after: ["days", "day"] },
  hours: { ids: ["hours", "hour", "h"], after: ["hours", "hour", "hrs", "h"] },
  minutes: { ids: ["minutes", "minute", "min"], after: ["minutes", "minute", "mins", "min"] },
  seconds: { ids: ["seconds", "second", "s"], after: ["seconds", "second", "secs", "sec", "s"] },
  mm: { ids: ["mm", "millimetres", "millimeters"], after: ["mm", "millimetres", "millimeters", "millimetre"] },
  cm: { ids: ["cm", "centimetres", "centimeters"], after: ["cm", "centimetres", "centimeters", "centimetre"] },
  m: { ids: ["m", "metres", "meters"], after: ["m", "metres", "meters", "metre", "meter"] },
  km: { ids: ["km", "kilometres", "kilometers"], after: ["km", "kilometres", "kilometers", "kilometre"] },
  inches: { ids: ["inches", "inch", "in"], after: ["inches", "inch", "in."] },
  feet: { ids: ["feet", "foot", "ft"], after: ["feet", "foot", "ft"] },
  miles: { ids: ["miles", "mile", "mi"], after: ["miles", "mile", "mi"] },
  litres: { ids: ["litres", "liters", "l"], after: ["litres", "liters", "litre", "liter", "l"] },
  km2: { ids: ["km2", "square-kilometres", "sq-km"], after: ["km²", "km2", "sq km", "square kilometres"] },
  kg: { ids: ["kg", "kilograms"], after: ["kg", "kilograms", "kilogram", "kilos"] },
  tonnes: { ids: ["tonnes", "tons", "t"], after: ["tonnes", "tonne", "tons", "t"] },
  celsius: { ids: ["celsius", "degrees-celsius", "c", "°c"], after: ["°C", "degrees Celsius", "degrees C", "C"] },
  fahrenheit: {
    ids: ["fahrenheit", "degrees-fahrenheit", "f", "°f"],
    after: ["°F", "degrees Fahrenheit", "degrees F", "F"],
  },
};

// "°" or "degrees" alone could be either scale: both are compared.
const AMBIGUOUS: Readonly<Record<string, readonly string[]>> = {
  "°": ["celsius", "fahrenheit"],
  degrees: ["celsius", "fahrenheit"],
};

const SCALE_SUFFIX: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** What a data unit means to the audit: its family, its scale, and whether the table knows it. */
export interface DataUnit {
  readonly family: string;
  readonly scale: number;
  readonly known: boolean;
  readonly currency: boolean;
}

/** Reads a data unit's id: "usd-billion" is US dollars × 1e9; an unknown "widgets" is its own family. */
export function dataUnit(id: string): DataUnit {
  const lower = id.toLowerCase();
  const suffix = /^(.+?)[-_ ](thousand|million|billion|trillion)s?$/.exec(lower);
  const name = suffix ? suffix[1]! : lower;
  const scale = suffix ? SCALE_SUFFIX[suffix[2]!]! : 1;
  const family = Object.entries(FAMILIES).find(([, { ids }]) => ids.includes(name))?.[0];
  if (!family) return { family: name, scale, known: false, currency: false };
  const { currency = false } = FAMILIES[family]!;
  return { family, scale: family === "count" ? (COUNT_SCALE[name] ?? scale) : scale, known: true, currency };
}

const COUNT_SCALE: Readonly<Record<string, number>> = { thousands: 1e3, millions: 1e6 };

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

/** The forms to look for: the table's, those of the data's unknown units (their ids as words), and the locale's scale words. */
export function unitReading(locale: string, dataUnits: Iterable<string>): UnitReading {
  const before: WrittenForm[] = [];
  const after: WrittenForm[] = [];
  for (const [family, { before: b = [], after: a = [] }] of Object.entries(FAMILIES)) {
    before.push(...b.map((text) => ({ text, families: [family] })));
    after.push(...a.map((text) => ({ text, families: [family] })));
  }
  for (const [text, families] of Object.entries(AMBIGUOUS)) after.push({ text, families });
  const families = new Set<string>();
  for (const id of new Set(dataUnits)) {
    const { family, known } = dataUnit(id);
    families.add(family);
    if (known) continue;
    const word = family.replaceAll(/[-_]/g, " ");
    for (const text of new Set([word, word.replace(/s$/, ""), `${word.replace(/s$/, "")}s`]))
      after.push({ text, families: [family] });
  }
  const longest = (a: { text: string }, b: { text: string }) => b.text.length - a.text.length;
  const inData = new Set(after.filter((form) => form.families.some((f) => families.has(f))).map((form) => form.text));
  return { before: before.sort(longest), after: after.sort(longest), scales: scaleWords(locale).sort(longest), inData };
}

// House styles write "$1.1bn" and "2.4mn" whatever their locale's compact forms say.
const HOUSE_SCALES = [
  { text: "bn", scale: 1e9 },
  { text: "mn", scale: 1e6 },
  { text: "tn", scale: 1e12 },
  { text: "millions", scale: 1e6 },
  { text: "billions", scale: 1e9 },
];

/** Scale words from Intl's compact notation for the locale and for English: "million", "Mrd.", "M". */
function scaleWords(locale: string): { text: string; scale: number; glued: boolean }[] {
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
  return [...words].map(([text, scale]) => ({ text, scale, glued: text.replace(/\W/g, "").length <= 1 }));
}
