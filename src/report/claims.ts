// Numbers typed in the prose, as the claims audit reads them: each with the unit and scale its words
// give and the references quoted in its sentence; what is not a claim (non-claims.ts) is left out.
import { numberFormat } from "../data/intl.js";
import type { Prose } from "./markdown.js";
import { FILL, SPACE, isYear, maskNonClaims, monthDates } from "./non-claims.js";
import type { UnitReading, WrittenForm } from "./prose-units.js";

/** A number typed in the prose. */
export interface TypedNumber {
  /** As written, with its unit and scale: "4%", "$1.1bn", "161 mm", "59". */
  readonly text: string;
  /** The number as written, without its scale: 1.1 for "$1.1bn". */
  readonly value: number;
  /** Decimal places as written. */
  readonly digits: number;
  /** What its scale word multiplies it by: 1e9 for "bn", 1 without one. */
  readonly scale: number;
  /** The unit families its words name ("percent", "usd", "mm"); none for a bare number. */
  readonly families: readonly string[];
  /** Line in the Markdown, counting from 0. */
  readonly line: number;
  /** The references quoted in the same sentence, as written between the braces. */
  readonly sentence: readonly string[];
}

// What may stand between a number and its unit: "161 mm", "12-year".
const GAP = new RegExp(`^(?:${SPACE}|-)?`);

// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS = new Set(
  "jan feb mar apr jun jul aug sep sept oct nov dec fig figs no nos p pp art vol ch sec para mr mrs ms dr st vs approx est ca e.g i.e u.s u.k u.n".split(
    " ",
  ),
);

/** The locale's way of writing numbers and dates, read once per audit. */
export interface ProseLocale {
  readonly months: readonly RegExp[];
  /** A number as the locale writes it: "2,400,000.5", "2 400 000,5". */
  readonly number: RegExp;
}

/** Group and decimal signs from Intl, and how the locale and English write dates with months. */
export function proseLocale(locale: string): ProseLocale {
  const parts = numberFormat(locale).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === "group")?.value ?? ",";
  const decimal = parts.find((p) => p.type === "decimal")?.value ?? ".";
  return { months: monthDates(locale), number: numberPattern(group, decimal) };
}

/** How far before a number (or a full stop) its unit, a year's preposition or an abbreviation is read. */
const BEFORE = 64;

/** The numbers typed in one block of prose that could be claims about the data. */
export function findTypedNumbers(prose: Prose, locale: ProseLocale, units: UnitReading): TypedNumber[] {
  const masked = maskNonClaims(prose.text, locale.months);
  const sentences = sentencesOf(prose);
  const { number } = locale;
  const found: TypedNumber[] = [];
  // Numbers come in order: lines are counted and sentences found from the last number on, and words
  // before a number are read in a window, so that a long block costs no more than its length.
  let counted = 0;
  let line = prose.line;
  let sentence = 0;
  for (const match of masked.matchAll(number)) {
    const [digitsText, whole, fraction = ""] = match as unknown as [string, string, string?];
    const start = match.index;
    const end = start + digitsText.length;
    // A leading zero makes a code or part of a date ("007", "01"), not a quantity.
    if (/^0\d/.test(whole)) continue;
    const value = Number(`${whole.replace(/\D/g, "")}.${fraction || "0"}`);
    const before = masked.slice(Math.max(0, start - BEFORE), start);
    const head = readBefore(before, units.before);
    const tail = readAfter(masked.slice(end), units, head !== undefined);
    if (tail === undefined) continue;
    // The first of two numbers takes the unit and scale written after the second: "45–50%", "2.4 or 2.5 million".
    const range = tail.unit || head || tail.scale !== 1 ? undefined : rangeEnd(masked, start, end, number, units);
    const families = tail.unit?.families ?? head?.form.families ?? range?.unit?.families ?? [];
    const scale = range?.scale ?? tail.scale;
    const plain = families.length === 0 && scale === 1 && fraction === "" && /^\d+$/.test(whole);
    if (plain && isYear(value, before)) continue;
    const from = start - (head?.length ?? 0);
    const text = prose.text.slice(from, end + tail.length);
    line += countLines(prose.text.slice(counted, start));
    counted = start;
    while (sentence < sentences.length - 1 && sentences[sentence]!.end <= start) sentence++;
    const references = sentences[sentence]?.references ?? [];
    found.push({ text, value, digits: fraction.length, scale, families, line, sentence: references });
  }
  return found;
}

function numberPattern(group: string, decimal: string): RegExp {
  // Where digits are grouped by a space (fr: "2 400 000"), any space does: few type a narrow one.
  const g = /\s/.test(group) ? SPACE : group.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const d = decimal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\d.,${FILL}_])(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?(?!\\d|[.,]\\d)`, "gu");
}

/** The unit and scale after the second of two numbers that share them ("45 to 50%", "12 and 20 pages"). */
function rangeEnd(masked: string, start: number, end: number, number: RegExp, units: UnitReading) {
  const joint = new RegExp(`^${SPACE}?(?:–|—|-|to|and|or)${SPACE}?`).exec(masked.slice(end));
  if (!joint) return undefined;
  const second = new RegExp(number.source, "uy");
  second.lastIndex = end + joint[0].length;
  const match = second.exec(masked);
  if (!match) return undefined;
  const tail = readAfter(masked.slice(match.index + match[0].length), units, false);
  return tail && (tail.unit || tail.scale !== 1) ? tail : undefined;
}

/** A currency or other unit written just before the number ("$", "US$", "EUR "), a sign allowed between. */
function readBefore(head: string, forms: readonly WrittenForm[]): { form: WrittenForm; length: number } | undefined {
  const signed = /[−+-]$/.test(head) ? head.slice(0, -1) : head;
  for (const form of forms) {
    const word = /^\p{L}+$/u.test(form.text);
    const spaced = word ? signed.replace(new RegExp(`${SPACE}$`), "") : signed;
    if (!spaced.endsWith(form.text)) continue;
    if (word && /\p{L}$/u.test(spaced.slice(0, -form.text.length))) continue;
    return { form, length: head.length - spaced.length + form.text.length };
  }
  return undefined;
}

/**
 * The scale word and unit written after a number, and how many characters they take; undefined when
 * letters are glued to the number without being either ("4G", "3D"), which makes it a code, or a word
 * is hyphenated to a bare number ("a 121-page report"), which makes it an adjective.
 */
function readAfter(
  tail: string,
  units: UnitReading,
  currency: boolean,
): { scale: number; unit?: WrittenForm; length: number } | undefined {
  let length = 0;
  let scale = 1;
  const matchForm = (text: string, glued: boolean) => {
    const rest = tail.slice(length);
    const gap = glued ? "" : (GAP.exec(rest)?.[0] ?? "");
    const candidate = rest.slice(gap.length, gap.length + text.length);
    const same = text.length > 3 ? candidate.toLowerCase() === text.toLowerCase() : candidate === text;
    if (!same || (/^[\p{L}\d]/u.test(rest.slice(gap.length + text.length)) && /[\p{L}\d]$/u.test(text))) return 0;
    return gap.length + text.length;
  };
  for (const form of units.scales) {
    // A one-letter scale touches the number; a lower-case one ("5k", "2.4m") is a unit instead where
    // the data has that unit, unless a currency comes first ("$2.4m").
    if (form.glued && /^\p{Ll}$/u.test(form.text) && !currency && units.inData.has(form.text)) continue;
    const taken = matchForm(form.text, form.glued);
    if (taken === 0) continue;
    scale = form.scale;
    length += taken;
    break;
  }
  let unit: WrittenForm | undefined;
  for (const form of units.after) {
    // A letter alone after a space is as often a word, so it is a unit only if touching the number
    // ("12t") or if the data has that unit ("12 t" in a report with data in tonnes).
    const oneLetter = /^\p{L}$/u.test(form.text.replace(/[^\p{L}]/gu, ""));
    const glued = oneLetter && !form.text.startsWith("°") && !units.inData.has(form.text);
    const taken = matchForm(form.text, glued);
    if (taken === 0) continue;
    unit = form;
    length += taken;
    break;
  }
  // Letters glued to the number make a code ("4G"); a word hyphenated to it, an adjective ("a 121-page report").
  const rest = tail.slice(length);
  if (/^[\p{L}\d]/u.test(rest) || (!unit && scale === 1 && /^-\p{L}/u.test(rest))) return undefined;
  return { scale, ...(unit ? { unit } : {}), length };
}

/** The sentences of a block, each with the references it quotes. */
function sentencesOf(prose: Prose): { start: number; end: number; references: string[] }[] {
  const sentences: { start: number; end: number; references: string[] }[] = [];
  let start = 0;
  let reference = 0;
  const close = (end: number) => {
    const count = [...prose.text.slice(start, end)].filter((c) => c === "\uFFFC").length;
    sentences.push({ start, end, references: prose.references.slice(reference, reference + count) as string[] });
    reference += count;
    start = end;
  };
  for (const match of prose.text.matchAll(/[.!?…]+["”’)\]]*(?=\s)/g)) {
    const word =
      /([\p{L}.]+)\.*$/u.exec(prose.text.slice(Math.max(0, match.index - BEFORE), match.index))?.[1]?.toLowerCase() ??
      "";
    const next = prose.text.slice(match.index + match[0].length).trimStart()[0] ?? "";
    if (ABBREVIATIONS.has(word.replace(/\.$/, "")) || /^\p{L}$/u.test(word) || /\p{Ll}/u.test(next)) continue;
    close(match.index + match[0].length);
  }
  close(prose.text.length);
  return sentences;
}

const countLines = (text: string) => text.split("\n").length - 1;
