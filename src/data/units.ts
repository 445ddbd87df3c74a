// Units as data: each is defined once, and how it is written in a locale comes from its own words where
// it has them and from Intl where Intl knows it (currencies, percent, °C, mm, years), never from a table
// of scale words: "2.4 million" and "2,4 millions" are Intl's compact notation.
import { callerError } from "../error.js";

/** How a unit is written in one language: `{ text: { one: "person", other: "people" } }`, `{ text: "$", position: "before" }`. */
export interface UnitForm {
  /** A symbol or a word; by plural category where the word has a plural. */
  readonly text:
    string | { readonly one?: string; readonly other: string; readonly few?: string; readonly many?: string };
  /** Where it goes: "after" the number (default) or "before" it. */
  readonly position?: "before" | "after";
  /** A space between it and the number: by default after a word and not before a symbol. */
  readonly space?: boolean;
  /** A symbol ("°C", "mm"): never spelled out, so the style `words` leaves its number in figures. */
  readonly symbol?: boolean;
  /** Its text after a scale word, where the language changes it: fr "de personnes" ("2,4 millions de personnes"). */
  readonly scaled?: string;
}

/**
 * A unit as a project defines it with {@link defineUnit}. Examples:
 * `{ name: "beds", forms: { en: { text: { one: "bed", other: "beds" } }, fr: { text: { one: "lit", other: "lits" } } } }`,
 * `{ name: "chf", currency: "CHF" }`, `{ name: "litres", intl: "liter" }`, `{ name: "beds-thousand", of: "beds", scale: 1e3 }`.
 */
export interface UnitSpec {
  /** Its name in datasets and in `number({ unit })`: lower case, digits and hyphens. */
  readonly name: string;
  /** Its own words or symbols, by language ("en") or locale ("en-GB"); they win over Intl's. */
  readonly forms?: Readonly<Record<string, UnitForm | string>>;
  /** An ISO 4217 currency code: Intl writes its symbol and places it ("$5", "5 $US", "5 €"). */
  readonly currency?: string;
  /** A unit Intl knows ("celsius", "millimeter", "year", "percent"): Intl writes it in every locale. */
  readonly intl?: string;
  /** How Intl writes an `intl` unit: "short" (default: "5 mm") or "long" ("5 years"). */
  readonly display?: "short" | "long";
  /** For a scaled unit, what one of it is counted in (a unit or its name; none for a plain "million"). */
  readonly of?: string | UnitSpec;
  /** For a scaled unit, how many of `of` one of it is: 1e9 for usd-billion. Written with Intl's scale words. */
  readonly scale?: number;
}

const word = (one: string, other: string) => ({ text: { one, other } });

const CURRENCIES = { usd: "USD", eur: "EUR", gbp: "GBP", jpy: "JPY", cny: "CNY", inr: "INR", chf: "CHF" } as const;
const SCALES = { thousand: 1e3, million: 1e6, billion: 1e9 } as const;

const PEOPLE: UnitSpec = {
  name: "people",
  forms: {
    en: word("person", "people"),
    fr: { ...word("personne", "personnes"), scaled: "de personnes" },
    de: word("Person", "Personen"),
    es: { ...word("persona", "personas"), scaled: "de personas" },
  },
};

/** The units plotbrief ships, by name. */
const BUILTIN: readonly UnitSpec[] = [
  { name: "count" },
  { name: "percent", intl: "percent" },
  {
    name: "percentage-points",
    forms: {
      en: word("percentage point", "percentage points"),
      fr: word("point de pourcentage", "points de pourcentage"),
      de: word("Prozentpunkt", "Prozentpunkte"),
      es: word("punto porcentual", "puntos porcentuales"),
    },
  },
  { name: "years", intl: "year", display: "long" },
  { name: "months", intl: "month", display: "long" },
  { name: "days", intl: "day", display: "long" },
  PEOPLE,
  { name: "celsius", intl: "celsius" },
  { name: "fahrenheit", intl: "fahrenheit" },
  { name: "mm", intl: "millimeter" },
  { name: "cm", intl: "centimeter" },
  { name: "km", intl: "kilometer" },
  { name: "kg", intl: "kilogram" },
  { name: "hectares", intl: "hectare" },
  { name: "weeks", intl: "week", display: "long" },
  { name: "hours", intl: "hour", display: "long" },
  { name: "minutes", intl: "minute", display: "long" },
  { name: "seconds", intl: "second", display: "long" },
  { name: "metres", intl: "meter" },
  { name: "inches", intl: "inch" },
  { name: "feet", intl: "foot" },
  { name: "miles", intl: "mile" },
  { name: "litres", intl: "liter" },
  // The dollar is "$" in English whatever the locale, as AP and most desks write it; elsewhere Intl's "$US".
  { name: "usd", currency: "USD", forms: { en: { text: "$", position: "before" } } },
  ...Object.entries(CURRENCIES)
    .filter(([name]) => name !== "usd")
    .map(([name, currency]) => ({ name, currency })),
  ...Object.entries(SCALES).map(([name, scale]) => ({ name, scale })),
  ...["usd", "eur", "gbp", "people"].flatMap((of) =>
    Object.entries(SCALES).map(([scaleName, scale]) => ({ name: `${of}-${scaleName}`, of, scale })),
  ),
];

// The units there were before units were data, first and in their order, as datasets listed them.
const FIRST = ["percent", "percentage-points", "count", "years", "usd", "usd-billion", "eur-billion"];

/** The names of the units plotbrief ships: `oneOf(UNITS)` for a column of unit names. */
export const UNITS = [
  ...FIRST,
  ...BUILTIN.map((unit) => unit.name).filter((name) => !FIRST.includes(name)),
] as readonly BuiltinUnit[];

/** A unit plotbrief ships. */
export type BuiltinUnit =
  | "count"
  | "percent"
  | "percentage-points"
  | "years"
  | "months"
  | "days"
  | "people"
  | "celsius"
  | "fahrenheit"
  | "mm"
  | "cm"
  | "km"
  | "kg"
  | "hectares"
  | "weeks"
  | "hours"
  | "minutes"
  | "seconds"
  | "metres"
  | "inches"
  | "feet"
  | "miles"
  | "litres"
  | keyof typeof CURRENCIES
  | keyof typeof SCALES
  | `${"usd" | "eur" | "gbp" | "people"}-${keyof typeof SCALES}`;

/** A unit's name: one plotbrief ships, or one a project defined with {@link defineUnit}. */
export type Unit = BuiltinUnit | (string & {});

// Shared by every copy of plotbrief in the process (the CLI's and a project's own), like UserError's brand.
const REGISTRY = Symbol.for("plotbrief.units");
const registry = ((globalThis as Record<symbol, unknown>)[REGISTRY] ??= new Map()) as Map<string, UnitSpec>;
// A copy loaded first may be older, with fewer units: each copy adds those it ships.
for (const unit of BUILTIN) if (!registry.has(unit.name)) registry.set(unit.name, unit);
const builtin = new Set(BUILTIN.map((unit) => unit.name));

/**
 * Defines a unit of the project's own, usable as `number({ unit: beds })` or by its name in a dataset's
 * unit column. Defining a name again replaces it (a module reloaded while writing); plotbrief's own
 * names cannot be redefined.
 */
export function defineUnit(spec: UnitSpec): UnitSpec {
  const problem = checkUnit(spec);
  if (problem) throw callerError(`defineUnit(${JSON.stringify(spec?.name ?? "")}): ${problem}`);
  const unit = Object.freeze({ ...spec, ...(typeof spec.of === "object" ? { of: spec.of.name } : {}) });
  registry.set(spec.name, unit);
  return unit;
}

function checkUnit(spec: UnitSpec): string | undefined {
  if (typeof spec !== "object" || spec === null) return "expected a unit such as { name, forms }";
  if (typeof spec.name !== "string" || !/^[a-z][a-z0-9-]*$/.test(spec.name)) {
    return 'name a unit in lower case, with letters, digits and hyphens, such as "beds" or "beds-thousand"';
  }
  if (builtin.has(spec.name)) return `"${spec.name}" is one of plotbrief's own units; give yours another name`;
  if (!spec.forms && !spec.currency && !spec.intl && spec.scale === undefined) {
    return "say how it is written: forms (its words), currency (an ISO 4217 code), intl (a unit Intl knows) or scale";
  }
  const intl = (options: Intl.NumberFormatOptions) => {
    try {
      new Intl.NumberFormat("en", options);
      return true;
    } catch {
      return false;
    }
  };
  if (spec.currency !== undefined && !intl({ style: "currency", currency: spec.currency })) {
    return `currency ${JSON.stringify(spec.currency)} is not an ISO 4217 code such as "USD"`;
  }
  if (spec.intl !== undefined && spec.intl !== "percent" && !intl({ style: "unit", unit: spec.intl })) {
    return `intl ${JSON.stringify(spec.intl)} is not a unit Intl knows, such as "millimeter"; give its forms instead`;
  }
  if (spec.scale !== undefined && !(Number.isFinite(spec.scale) && spec.scale > 0)) {
    return `scale must be a positive number such as 1e6, found ${String(spec.scale)}`;
  }
  const of = typeof spec.of === "object" ? spec.of.name : spec.of;
  if (of !== undefined && !registry.has(of)) return `of: ${unknownUnit(of)}`;
  return undefined;
}

/** The unit of a name, or an error that lists the units there are. */
export function unitOf(name: Unit): UnitSpec {
  const unit = registry.get(name);
  if (!unit) throw new Error(unknownUnit(name));
  return unit;
}

/** Every unit defined so far, plotbrief's and the project's: for the claims audit, which reads how each is written. */
export function definedUnits(): readonly UnitSpec[] {
  return [...registry.values()];
}

/** The name of a unit given by name or by its definition, checked. */
export function unitName(unit: Unit | UnitSpec): string | { error: string } {
  const name = typeof unit === "object" && unit !== null ? unit.name : unit;
  if (typeof name !== "string" || !registry.has(name)) return { error: unknownUnit(String(name)) };
  return name;
}

function unknownUnit(name: string): string {
  const own = [...registry.keys()].filter((unit) => !builtin.has(unit));
  return (
    `unknown unit ${JSON.stringify(name)}; units: ${[...builtin].join(", ")}` +
    (own.length > 0 ? `, and the project's ${own.join(", ")}` : "") +
    "; or define one with defineUnit({ name, forms })"
  );
}
