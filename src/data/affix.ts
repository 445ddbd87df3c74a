// A unit written around a number in a locale: its own words where it has them for the locale, else
// the symbol or word Intl writes, placed and spaced as Intl places it.
import { numberFormat } from "./intl.js";
import type { UnitForm, UnitSpec } from "./units.js";
import { languageOf } from "../i18n/language.js";

/** A unit as written around a number: "$" before it, " percentage points" after it. */
export interface Affix {
  readonly before: string;
  readonly after: string;
  /** Written as a word ("people", "years"), not a symbol ("%", "$", "°C"): AP spells out its one to nine. */
  readonly word: boolean;
}

const NONE: Affix = { before: "", after: "", word: true };
const NUMERIC = new Set([
  "integer",
  "group",
  "decimal",
  "fraction",
  "compact",
  "minusSign",
  "plusSign",
  "nan",
  "infinity",
]);

/**
 * How a unit (not a scaled one) is written around `value` in a locale, rounded as `precision` says (so
 * that "1 person" and "1.0 people" agree with the number beside them): its own form for the locale or
 * its language, else Intl's symbol or word and its placement, else its English form.
 */
export function affixOf(
  unit: UnitSpec,
  locale: string,
  value: number,
  precision: Intl.NumberFormatOptions,
  scaled = false,
): Affix {
  const lang = languageOf(locale);
  const intl = unit.currency !== undefined || unit.intl !== undefined;
  const form = unit.forms?.[locale] ?? unit.forms?.[lang] ?? (intl ? undefined : unit.forms?.["en"]);
  if (form !== undefined) {
    const written = typeof form === "string" ? { text: form } : form;
    return fromForm(
      scaled && written.scaled ? { ...written, text: written.scaled } : written,
      locale,
      value,
      precision,
    );
  }
  if (unit.currency !== undefined)
    return fromIntl(locale, { ...precision, style: "currency", currency: unit.currency }, value);
  if (unit.intl === "percent") return fromIntl(locale, { ...precision, style: "percent" }, value / 100);
  if (unit.intl !== undefined) {
    const display = unit.display ?? "short";
    const affix = fromIntl(locale, { ...precision, style: "unit", unit: unit.intl, unitDisplay: display }, value);
    return { ...affix, word: display === "long" };
  }
  return NONE;
}

function fromForm(form: UnitForm, locale: string, value: number, precision: Intl.NumberFormatOptions): Affix {
  const { minimumFractionDigits, maximumFractionDigits, maximumSignificantDigits } = precision;
  const rules = new Intl.PluralRules(locale, {
    minimumFractionDigits,
    maximumFractionDigits,
    maximumSignificantDigits,
  });
  const text = typeof form.text === "string" ? form.text : (form.text[rules.select(value) as "one"] ?? form.text.other);
  const before = form.position === "before";
  const space = (form.space ?? !before) ? " " : "";
  const word = !(form.symbol ?? (before || !space));
  return before ? { before: text + space, after: "", word } : { before: "", after: space + text, word };
}

/** One way a unit is written beside a number: "$" before it, "millimetres" after it. */
export interface UnitWriting {
  readonly text: string;
  readonly position: "before" | "after";
  /** A symbol or a code ("$", "USD", "mm"), not a word ("dollars", "millimetres"). */
  readonly symbol: boolean;
}

// Values enough to meet the plural categories of the locales written most (one, few, many, other).
const PLURALS = [1, 2, 5];
const CURRENCY_DISPLAYS = ["symbol", "narrowSymbol", "code", "name"] as const;
const read = new WeakMap<UnitSpec, Map<string, readonly UnitWriting[]>>();

/**
 * Every way a unit (not a scaled one) is written beside a number, for the claims audit to find it in
 * prose: its own words in every language it gives them (singular, plural, after a scale word), and the
 * symbols, codes, names or words Intl writes for it in each of `locales`. Read once per definition.
 */
export function writtenForms(unit: UnitSpec, locales: readonly string[]): readonly UnitWriting[] {
  const key = locales.join(" ");
  const known = read.get(unit)?.get(key);
  if (known) return known;
  const forms = new Map<string, UnitWriting>();
  const add = (raw: string, position: "before" | "after", symbol: boolean) => {
    const text = raw.trim();
    if (text && !forms.has(`${position} ${text}`)) forms.set(`${position} ${text}`, { text, position, symbol });
  };
  const addIntl = (affix: Affix, symbol: boolean) => {
    add(affix.before, "before", symbol);
    add(affix.after, "after", symbol);
  };
  for (const form of Object.values(unit.forms ?? {})) {
    const { text, position = "after", space, symbol, scaled } = typeof form === "string" ? { text: form } : form;
    const isSymbol = symbol ?? (position === "before" || !(space ?? true));
    for (const written of typeof text === "string" ? [text] : Object.values(text)) add(written, position, isSymbol);
    if (scaled) add(scaled, position, isSymbol);
  }
  for (const locale of locales) {
    for (const value of PLURALS) {
      if (unit.currency !== undefined) {
        for (const currencyDisplay of CURRENCY_DISPLAYS) {
          const options = { style: "currency", currency: unit.currency, currencyDisplay } as const;
          addIntl(fromIntl(locale, options, value), currencyDisplay !== "name");
        }
      } else if (unit.intl !== undefined) {
        for (const unitDisplay of ["short", "long"] as const) {
          addIntl(fromIntl(locale, { style: "unit", unit: unit.intl, unitDisplay }, value), unitDisplay === "short");
        }
      }
    }
  }
  const result = [...forms.values()];
  read.set(unit, (read.get(unit) ?? new Map()).set(key, result));
  return result;
}

/** The text Intl writes before and after the digits of `value`: "$" before, "\u00a0%" after. */
function fromIntl(locale: string, options: Intl.NumberFormatOptions, value: number): Affix {
  const parts = numberFormat(locale, options).formatToParts(value);
  const first = parts.findIndex((part) => NUMERIC.has(part.type));
  let last = parts.length - 1;
  while (last > 0 && !NUMERIC.has(parts[last]!.type)) last--;
  const text = (from: number, to?: number) =>
    parts
      .slice(from, to)
      .map((part) => part.value)
      .join("");
  return { before: text(0, first), after: text(last + 1), word: false };
}
