// Numbers in prose that are not claims about the data: dates, years, times, ordinals, list, footnote
// and part numbers ("Figure 2", "Article 49"), codes (COVID-19, A4), versions, phone numbers and
// addresses. The claims audit masks them before it reads the numbers that remain.

/** What masked text is filled with: neither a digit, a letter nor a space. */
export const FILL = "\u2063";
export const SPACE = "[ \\u00a0\\u202f]";
const DAY = "(?:[12]\\d|3[01]|0?[1-9])(?!\\d|[.,]\\d|\\s?(?:%|percent|per cent))";

// Documents name their parts with numbers ("Figure 2", "page 3", "Article 49"), in any case; a plural
// takes a list ("Figures 2 and 3"), a singular only a range, so "Figure 2 and 59 people" keeps its 59.
const PARTS = {
  singular:
    "figure|fig\\.|table|chart|map|page|p\\.|article|art\\.|section|sec\\.|§|chapter|ch\\.|annex|appendix|box|note|" +
    "footnote|no\\.|#|vol\\.|volume|issue|paragraph|para\\.|clause|item|step|line|row|column|version|release|v\\.?|" +
    "top|bottom|exhibit|slide|question|verse|" +
    // The same in the languages plotbrief writes ("Abbildung 2", the label it gives a figure in German).
    "abbildung|abb\\.|tabelle|tab\\.|seite|karte|kapitel|artikel|absatz|anhang|" +
    "tableau|carte|chapitre|annexe|encadré|figura|tabla|gráfico|mapa|página|pág\\.|artículo|capítulo|anexo",
  plural:
    "figures|figs\\.|tables|charts|maps|pages|pp\\.|articles|arts\\.|sections|secs\\.|§§|chapters|annexes|" +
    "appendices|boxes|notes|footnotes|nos\\.|vols\\.|volumes|issues|paragraphs|paras\\.|clauses|items|steps|lines|" +
    "rows|columns|versions|releases|exhibits|slides|questions|verses|" +
    "abbildungen|tabellen|seiten|kapitel|artikel|tableaux|chapitres|annexes|figuras|tablas|páginas|capítulos",
};
// ...and so do names, capitalised: "Resolution 2334", "Phase 2", "Route 66", "Day 3".
const NAMES = {
  singular:
    "Part|Rule|Resolution|Amendment|Phase|Round|Level|Stage|Episode|Season|Room|Floor|Platform|Route|Highway|" +
    "Flight|Gate|Ward|District|Zone|Precinct|Case|Docket|Week|Day|Grade|Tier|Category|Model|Unit|Sector|Block|" +
    "Building|Channel|Track|Lesson|Session|Game|Match|Heat|Lane|Order|Decree|Law|Act|Bill|Number|Interstate|War",
  plural: "Parts|Rules|Resolutions|Amendments|Phases|Rounds|Levels|Stages|Episodes|Seasons|Cases|Weeks|Days",
};
const PART = `${SPACE}*\\d+(?:\\.\\d+)*[A-Za-z]?`;
const RANGE = `(?:${SPACE}?(?:–|—|-|to|through|bis|à|a)${SPACE}?\\d+(?:\\.\\d+)*[A-Za-z]?)?(?![\\d%])`;
const LIST = `(?:\\s*(?:,|and|or|to|through|und|oder|bis|et|ou|à|y|o|a|&|–|—|-)\\s*\\d+(?:\\.\\d+)*[A-Za-z]?)*(?![\\d%])`;
const parts = (words: string, after: string, flags: string) =>
  new RegExp(`(?<![\\p{L}])(?:${words})${PART}${after}`, flags);

const MASKS: readonly RegExp[] = [
  // Addresses: https://example.org/2020/59, www.example.org, someone@example.org.
  /\b(?:https?:\/\/|www\.)\S+|(?<!\S)[^\s@]+@[^\s@]+\.\w+/g,
  // ISO dates and timestamps: 2012-01-02, 2020-11, 2020-11-03T14:05Z.
  /(?<!\d)\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)/g,
  // Dates in figures, versions and fractions: 12/01/2012, 02.01.2012, 1.2.3, 192.168.0.1 (not a German
  // 2.400.000), 3/4, 24/7.
  /(?<![\d.,])\d{1,4}[/.]\d{1,2}[/.]\d{2,4}(?!\d)/g,
  /(?<![\d.,])(?!\d{1,3}(?:\.\d{3})+(?![.\d]))\d+(?:\.\d+){2,}(?![\d])/g,
  /(?<![\d.,])\d+\/\d+(?!\d)/g,
  // Times, ratios and scores: 10:30, 10.30 a.m., 9pm, 12 noon, 3:1, 2-1, 50-50.
  /(?<![\d.,])\d{1,2}(?:[:.]\d{2})?(?::\d{2})?\s?(?:[ap]\.m\.|[ap]m\b|noon\b|midnight\b)/gi,
  /(?<![\d.,])\d+:\d+(?::\d+)?(?!\d)/g,
  /(?<![\d.,−-])\d{1,2}-\d{1,2}(?!\d|[.,]\d|\s?(?:%|per))/g,
  // Subsections of statutes: 401(k), 230(c).
  /(?<![\d.,])\d+\([a-z]\)/g,
  // Phone numbers: +1 202 555 0147, (202) 555-0147, 023 210 121, 555-0147.
  /\+\d{1,3}(?:[ -]\(?\d{1,4}\)?){2,}/g,
  /(?<!\d)\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?!\d)/g,
  /(?<![\d.,])\(?0\d{1,4}\)?(?:[ .-]\d{2,4}){2,}(?!\d)/g,
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
  // Parts of documents and numbered names.
  parts(PARTS.plural, LIST, "giu"),
  parts(PARTS.singular, RANGE, "giu"),
  parts(NAMES.plural, LIST, "gu"),
  parts(NAMES.singular, RANGE, "gu"),
  // List numbers: "1." or "2)" starting a line, "(2)" alone in brackets.
  /(?:^|\n)[ \t]*\d{1,2}[.)](?=\s)/g,
  /\((?:[1-9]|1\d|20)\)/g,
];

/** The text with every number that is not a claim filled over, each line kept where it was. */
export function maskNonClaims(text: string, months: readonly RegExp[]): string {
  let masked = text;
  for (const pattern of [...months, ...MASKS]) {
    masked = masked.replace(pattern, (match) => match.replace(/[^\n]/g, FILL));
  }
  return masked;
}

/** Dates written with a month's name, as the locale and English write them: "Jan. 2, 2012", "2 janvier". */
export function monthDates(locale: string): RegExp[] {
  // Made once per locale (Intl's month names are slow to ask for); each caller gets its own RegExps.
  let made = monthPatterns.get(locale);
  if (!made) {
    made = makeMonthDates(locale);
    monthPatterns.set(locale, made);
  }
  return made.map((pattern) => new RegExp(pattern));
}

const monthPatterns = new Map<string, RegExp[]>();

function makeMonthDates(locale: string): RegExp[] {
  const months = new Set<string>(["Sept"]);
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
  return [
    // Jan. 2, 2012; January 2nd; Nov. 26–27.
    new RegExp(`(?<!\\p{L})(?:${names})\\.?${SPACE}+(?:the${SPACE}+)?${DAY}(?:st|nd|rd|th)?${range}${year}`, "gu"),
    // 2 January 2012; the 2nd of January; 2 janvier.
    new RegExp(
      `(?<![\\d.,])${DAY}(?:st|nd|rd|th|er|\\.)?${range}${SPACE}+(?:of${SPACE}+)?(?:${names})(?!\\p{L})\\.?${year}`,
      "gu",
    ),
  ];
}

// A word that makes a number from 1000 to 1899 a year: "in 1850", "since 1789".
const YEAR_WORD = /(?:^|[^\p{L}])(?:in|since|until|till|from|year|circa|c\.|before|after|during)\s+$/iu;

/**
 * Whether a whole number written without a unit, scale or digit grouping is a year: from 1900 to 2100
 * wherever it stands ("2000 people" is read as a year too: write "2,000"), from 1000 after "in", "since"...
 */
export function isYear(value: number, before: string): boolean {
  return (value >= 1900 && value <= 2100) || (value >= 1000 && value < 1900 && YEAR_WORD.test(before));
}
