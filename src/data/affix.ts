// A unit written around a number in a locale: its own words where it has them for the locale, else
// the symbol or word Intl writes, placed and spaced as Intl places it.
import type { UnitForm, UnitSpec } from "./units.js";

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
  const lang = locale.split("-")[0]!.toLowerCase();
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

/** The text Intl writes before and after the digits of `value`: "$" before, "\u00a0%" after. */
function fromIntl(locale: string, options: Intl.NumberFormatOptions, value: number): Affix {
  const parts = new Intl.NumberFormat(locale, options).formatToParts(value);
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
