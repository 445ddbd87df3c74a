// Numbers typed in the prose, as the claims audit reads them: each with the unit and scale its words
// give and the references quoted in its sentence. Dates, years, times, ordinals, list and reference
// numbers, codes, versions and phone numbers are not claims about the data, and are left out.
import type { Prose } from "./markdown.js";
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

const FILL = "\u2063";
const SPACE = "[ \\u00a0\\u202f]";
const DAY = "(?:[12]\\d|3[01]|0?[1-9])(?!\\d|[.,]\\d|\\s?(?:%|percent|per cent))";

// Documents name their parts with numbers ("Figure 2", "page 3", "Article 49"), in any case...
const PART_WORDS =
  "figures?|figs?\\.|tables?|charts?|maps?|pages?|pp?\\.|articles?|arts?\\.|sections?|secs?\\.|§§?|chapters?|ch\\.|" +
  "annex(?:es)?|appendix|appendices|box(?:es)?|notes?|footnotes?|nos?\\.|#|vols?\\.|volumes?|issues?|paragraphs?|" +
  "paras?\\.|clauses?|items?|steps?|lines?|rows?|columns?|versions?|releases?|v\\.?|top|bottom|exhibits?|slides?|questions?";
// ...and so do names, capitalised: "Resolution 2334", "Phase 2", "Route 66", "Day 3".
const NAME_WORDS =
  "Parts?|Rules?|Resolutions?|Amendments?|Phases?|Rounds?|Levels?|Stages?|Episodes?|Seasons?|Room|Floor|Platform|" +
  "Route|Highway|Flight|Gate|Ward|District|Zone|Precinct|Case|Docket|Week|Day|Grade|Tier|Category|Model|Unit|Sector|" +
  "Block|Building|Channel|Track|Verse|Lesson|Session|Game|Match|Heat|Lane|Order|Decree|Law|Act|Bill|Number";
const PART_NUMBERS = `${SPACE}*\\d+(?:\\.\\d+)*[A-Za-z]?(?:\\s*(?:,|and|or|to|through|&|–|—|-)\\s*\\d+(?:\\.\\d+)*[A-Za-z]?)*(?![\\d%])`;

const MASKS: readonly RegExp[] = [
  // ISO dates and timestamps: 2012-01-02, 2020-11, 2020-11-03T14:05Z.
  /(?<!\d)\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)/g,
  // Dates in figures, versions and fractions: 12/01/2012, 02.01.2012, 1.2.3, 192.168.0.1 (not a German
  // 2.400.000), 3/4, 24/7.
  /(?<![\d.,])\d{1,4}[/.]\d{1,2}[/.]\d{2,4}(?!\d)/g,
  /(?<![\d.,])(?!\d{1,3}(?:\.\d{3})+(?![.\d]))\d+(?:\.\d+){2,}(?![\d])/g,
  /(?<![\d.,])\d+\/\d+(?!\d)/g,
  // Times: 10:30, 10.30 a.m., 9pm.
  /(?<![\d.,])\d{1,2}(?:[:.]\d{2})?(?::\d{2})?\s?(?:[ap]\.m\.|[ap]m\b)/gi,
  /(?<![\d.,])\d{1,2}:\d{2}(?::\d{2})?(?!\d)/g,
  // Ratios and scores: 3:1.
  /(?<![\d.,])\d+:\d+(?!\d)/g,
  // Phone numbers: +1 202 555 0147, (202) 555-0147, 555-0147.
  /\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,}/g,
  /(?<!\d)\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?!\d)/g,
  /(?<![\d.,-])\d{3}-\d{4}(?!\d)/g,
  // Spans of years and decades: 2019–20, 2019/20, 1990–2000, 1990s, '90s, '19.
  /(?<![\d.,])(?:1[5-9]|20)\d{2}\s?[–—/-]\s?\d{2,4}(?!\d)/g,
  /(?<![\d.,])(?:1[5-9]|20)?\d0s\b/g,
  /['’]\d{2}s?\b/g,
  // Ordinals: 1st, 22nd, 3rd, 4th.
  /(?<![\d.,])\d+(?:st|nd|rd|th)\b/gi,
  // Footnote and citation markers: [1], [2, 3].
  /\[\d+(?:\s*[,–-]\s*\d+)*\]/g,
  // Codes, letters glued to the digits: COVID-19, A4, G7, CO2, F-16, FY2019, H1N1, mid-2020.
  /(?<![\p{L}\d])\p{L}+[-‐]?\d[\p{L}\d]*(?:[-.]\d+)*/gu,
  // Parts of documents and numbered names, with any list or range after them.
  new RegExp(`(?<![\\p{L}])(?:${PART_WORDS})${PART_NUMBERS}`, "giu"),
  new RegExp(`(?<![\\p{L}])(?:${NAME_WORDS})${PART_NUMBERS}`, "gu"),
  // List numbers: "1." or "2)" starting a line, "(2)" alone in brackets.
  /(?:^|\n)[ \t]*\d{1,2}[.)](?=\s)/g,
  /\((?:[1-9]|1\d|20)\)/g,
];

// A year with a word that makes it one: "in 1850", "since 1789".
const YEAR_WORD = /(?:^|[^\p{L}])(?:in|since|until|till|from|by|of|year|circa|c\.|before|after|during)\s+$/iu;

// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS = new Set(
  "jan feb mar apr jun jul aug sep sept oct nov dec fig figs no nos p pp art vol ch sec para mr mrs ms dr st vs approx est ca e.g i.e u.s u.k u.n".split(
    " ",
  ),
);

/** The locale's way of writing numbers and dates, read once per audit. */
export interface ProseLocale {
  readonly group: string;
  readonly decimal: string;
  readonly monthDates: readonly RegExp[];
}

/** Group and decimal signs and month names from Intl, for the locale and for English. */
export function proseLocale(locale: string): ProseLocale {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === "group")?.value ?? ",";
  const decimal = parts.find((p) => p.type === "decimal")?.value ?? ".";
  const months = new Set<string>(["Sept", "Sept."]);
  for (const tag of new Set([locale, "en-US"])) {
    for (const month of ["long", "short"] as const) {
      const format = new Intl.DateTimeFormat(tag, { month, timeZone: "UTC" });
      for (let i = 0; i < 12; i++) {
        const name = format.format(Date.UTC(2020, i, 1)).replace(/\.$/, "");
        months.add(name).add(name[0]!.toUpperCase() + name.slice(1));
      }
    }
  }
  const names = [...months]
    .sort((a, b) => b.length - a.length)
    .map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
  const year = `(?:,?${SPACE}+\\d{4}(?!\\d))?`;
  const range = `(?:${SPACE}?[–-]${SPACE}?${DAY})?`;
  return {
    group,
    decimal,
    monthDates: [
      // Jan. 2, 2012; January 2nd; Nov. 26–27.
      new RegExp(`(?<!\\p{L})(?:${names})\\.?${SPACE}+(?:the${SPACE}+)?${DAY}(?:st|nd|rd|th)?${range}${year}`, "gu"),
      // 2 January 2012; the 2nd of January; 2 janvier.
      new RegExp(
        `(?<![\\d.,])${DAY}(?:st|nd|rd|th|er|\\.)?${range}${SPACE}+(?:of${SPACE}+)?(?:${names})(?!\\p{L})\\.?${year}`,
        "gu",
      ),
    ],
  };
}

/** The numbers typed in one block of prose that could be claims about the data. */
export function findTypedNumbers(prose: Prose, locale: ProseLocale, units: UnitReading): TypedNumber[] {
  let masked = prose.text;
  for (const pattern of [...locale.monthDates, ...MASKS]) {
    masked = masked.replace(pattern, (match) => match.replace(/[^\n]/g, FILL));
  }
  const sentences = sentencesOf(prose);
  const number = numberPattern(locale);
  const found: TypedNumber[] = [];
  for (const match of masked.matchAll(number)) {
    const [digitsText, whole, fraction = ""] = match as unknown as [string, string, string?];
    const start = match.index;
    const end = start + digitsText.length;
    // A leading zero makes a code or part of a date ("007", "01"), not a quantity.
    if (/^0\d/.test(whole)) continue;
    const value = Number(`${whole.replaceAll(locale.group, "")}.${fraction || "0"}`);
    const head = readBefore(masked.slice(0, start), units.before);
    const tail = readAfter(masked.slice(end), units, head !== undefined);
    if (tail === undefined) continue;
    const families = tail.unit?.families ?? head?.form.families ?? [];
    const plain = families.length === 0 && tail.scale === 1 && fraction === "" && !whole.includes(locale.group);
    if (plain && value >= 1900 && value <= 2100) continue;
    if (plain && value >= 1000 && value < 1900 && YEAR_WORD.test(masked.slice(0, start))) continue;
    const from = start - (head?.length ?? 0);
    const text = prose.text.slice(from, end + tail.length);
    const line = prose.line + countLines(prose.text.slice(0, start));
    const sentence = sentences.find((s) => s.start <= start && start < s.end)?.references ?? [];
    found.push({ text, value, digits: fraction.length, scale: tail.scale, families, line, sentence });
  }
  return found;
}

function numberPattern({ group, decimal }: ProseLocale): RegExp {
  const g = group.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const d = decimal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\d.,${FILL}_])(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?(?!\\d|[.,]\\d)`, "gu");
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
    const gap = glued ? "" : (new RegExp(`^(?:${SPACE}|-)?`).exec(rest)?.[0] ?? "");
    const candidate = rest.slice(gap.length, gap.length + text.length);
    const same = text.length > 3 ? candidate.toLowerCase() === text.toLowerCase() : candidate === text;
    if (!same || (/^[\p{L}\d]/u.test(rest.slice(gap.length + text.length)) && /[\p{L}\d]$/u.test(text))) return 0;
    return gap.length + text.length;
  };
  for (const form of units.scales) {
    // A one-letter scale touches the number; a lower-case one ("5k", "2.4m") only after a currency.
    if (form.glued && /^\p{Ll}$/u.test(form.text) && !currency) continue;
    const taken = form.glued ? matchForm(form.text, true) : matchForm(form.text, false);
    if (taken === 0) continue;
    scale = form.scale;
    length += taken;
    break;
  }
  let unit: WrittenForm | undefined;
  for (const form of units.after) {
    const oneLetter = /^\p{L}$/u.test(form.text.replace(/[^\p{L}]/gu, ""));
    const taken = matchForm(form.text, oneLetter && !form.text.startsWith("°"));
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
    const word = /([\p{L}.]+)\.*$/u.exec(prose.text.slice(0, match.index))?.[1]?.toLowerCase() ?? "";
    const next = prose.text.slice(match.index + match[0].length).trimStart()[0] ?? "";
    if (ABBREVIATIONS.has(word.replace(/\.$/, "")) || /^\p{L}$/u.test(word) || /\p{Ll}/u.test(next)) continue;
    close(match.index + match[0].length);
  }
  close(prose.text.length);
  return sentences;
}

const countLines = (text: string) => text.split("\n").length - 1;
