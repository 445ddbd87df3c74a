// A notebook: YAML front matter, then Markdown whose `{{…}}` references embed figures and quote facts.
import { parseDocument } from "yaml";
import { z } from "zod";
import { typeset } from "../data/typography.js";
import { UserError, found, located } from "../error.js";
import { parsePreciseDate } from "../data/qualified.js";
import type { PreciseDate } from "../data/qualified.js";
import { languageOf } from "../i18n/language.js";
import { localeOfLang } from "../i18n/locale.js";

export const FORMATS = ["html", "svg", "pdf", "png"] as const;
export type Format = (typeof FORMATS)[number];

/** The front matter keys, e.g. `title: …`, `dek: …`, `byline: …`, `date: 2020-11-30`, `template: briefing`. */
export interface FrontMatter {
  readonly title: string;
  readonly dek: string;
  readonly byline: string;
  readonly date: PreciseDate;
  /**
   * The date of the report's latest update, on or after `date`, e.g. `updated: 2021-04-28`: data
   * published after `date` but by then may be quoted, and is marked as an update.
   */
  readonly updated?: PreciseDate;
  /**
   * The edition a build makes: set by `plotbrief build --as-of 2020-11-30`, never in the front matter.
   * Rows published later are left out, and an `updated` later than it is ignored.
   */
  readonly asOf?: PreciseDate;
  readonly template: string;
  /**
   * The page's language, a BCP 47 tag such as `fr`: the HTML's `lang`, and the `locale` unless that is
   * given. Default: the locale's language, else "en".
   */
  readonly lang: string;
  /** Paper size of the PDF: "a4" (default) or "letter". */
  readonly paper: "a4" | "letter";
  /** For the PDF's document properties. */
  readonly keywords: readonly string[];
  /** What `plotbrief build` writes by default: html, svg, pdf (the default) and png. */
  readonly formats: readonly Format[];
  /**
   * How numbers, dates and plotbrief's own words are written: a BCP 47 locale such as `fr-CA`. Default:
   * `lang` with its most likely region (`fr` gives fr-FR), else "en-US" (AP style).
   */
  readonly locale: string;
  /**
   * Facts for the key numbers box at the top: `- { fact: tariff/lost-share, label: "of exports to the EU…" }`.
   * A fact chosen from sources that disagree says where it stands among them, unless `reason` says why
   * it was chosen: `reason: "it is the court's own count"`, which "Sources and methods" prints.
   * `before: { fact, label }` says what the box showed before an update, for editions as of an earlier date.
   */
  readonly key_numbers: readonly KeyNumberSpec[];
  /**
   * Why the prose quotes one value of several that sources disagree on, by fact:
   * `choices: { gdp/adb-2018: "the ADB's series is the one its forecasts are judged against" }`.
   * "Sources and methods" prints each; without one, such a value alone in its paragraph is warned of.
   */
  readonly choices: Readonly<Record<string, string>>;
  /** Make the claims audit's warnings errors. */
  readonly strict: boolean;
  /** The largest page a build writes, in megabytes (default 20): a larger one fails, naming what makes it large. */
  readonly max_page_mb: number;
  /** The most rows one figure may draw from (default 20,000): more fails before anything is drawn. */
  readonly max_figure_rows: number;
  /** The most rows a figure's table shows the reader (default 100); its CSV download has them all. */
  readonly table_rows: number;
  /** The credit line under each exported chart (SVG, PNG, social card); by default the byline. */
  readonly credit?: string;
  /** Where the report is published, e.g. https://example.org/briefings/cambodia/: its first chart becomes the page's social image. */
  readonly url?: string;
}

/** One key number: `{ fact: gdp/outturn-2020, label: "…", before: { fact: gdp/forecast-2020, label: "…" } }`. */
export interface KeyNumberSpec {
  readonly fact: string;
  readonly label: string;
  /** Why this value was chosen from sources that disagree, printed in "Sources and methods". */
  readonly reason?: string;
  readonly before?: { readonly fact: string; readonly label: string };
}

export interface Notebook {
  readonly file: string;
  readonly front: FrontMatter;
  /** The Markdown after the front matter. */
  readonly body: string;
  /** The line number in the file of the body's first line. */
  readonly bodyLine: number;
  /** The line of each front matter key, for messages about its value. */
  readonly keyLines: Readonly<Record<string, number>>;
}

const frontSchema = z.object({
  title: z.string({ error: "expected text" }).min(1, { error: "expected text, found an empty string" }),
  dek: z.string({ error: "expected text" }),
  byline: z.string({ error: "expected text" }),
  date: dateSchema(),
  updated: dateSchema().optional(),
  template: z.string({ error: "expected a template name" }).default("briefing"),
  lang: z
    .string({ error: "expected a language tag such as en or fr" })
    .refine(isLocale, { error: "expected a language tag such as en or fr" })
    .optional(),
  paper: z.enum(["a4", "letter"], { error: "expected a4 or letter" }).default("a4"),
  keywords: z.array(z.string(), { error: "expected a list of keywords" }).default([]),
  formats: z
    .array(z.enum(FORMATS), { error: `expected a list of formats from ${FORMATS.join(", ")}` })
    .default(["html", "svg", "pdf"]),
  locale: z
    .string({ error: "expected a locale such as en-US or fr-FR" })
    .refine(isLocale, { error: "expected a locale such as en-US or fr-FR" })
    .optional(),
  key_numbers: z
    .array(
      z
        .object({
          fact: z.string(),
          label: z.string(),
          reason: z.string().min(1).optional(),
          before: z.object({ fact: z.string(), label: z.string() }).strict().optional(),
        })
        .strict(),
      {
        error:
          "expected a list of { fact: dataset/row, label: text } (and optionally reason: text, before: { fact, label })",
      },
    )
    .default([]),
  choices: z
    .record(z.string(), z.string().min(1), { error: 'expected { dataset/row: "why this value was chosen" }' })
    .default({}),
  strict: z.boolean({ error: "expected true or false" }).default(false),
  max_page_mb: z.number({ error: "expected a number of megabytes" }).positive().default(20),
  max_figure_rows: z.number({ error: "expected a number of rows" }).int().positive().default(20_000),
  table_rows: z.number({ error: "expected a number of rows" }).int().positive().default(100),
  credit: z.string({ error: "expected text" }).optional(),
  url: z
    .string({ error: "expected an https:// address" })
    .refine((url) => /^https?:\/\/[^\s/]+/.test(url) && URL.canParse(url), {
      error: "expected an address such as https://example.org/briefings/cambodia/",
    })
    .optional(),
});

/** A front matter date: "2020-11-30", "2020-11" or "2020", as YAML gives it. */
function dateSchema() {
  return z
    .union([z.string(), z.date(), z.number()], { error: "expected a date (YYYY-MM-DD)" })
    .transform((value, ctx) => {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
      const date = parsePreciseDate(text);
      if (date) return date;
      ctx.issues.push({
        code: "custom",
        input: value,
        message: `expected a date (YYYY, YYYY-MM or YYYY-MM-DD), found ${found(text)}`,
      });
      return z.NEVER;
    });
}

/** Splits a notebook into its checked front matter and its Markdown body. */
export function parseNotebook(file: string, source: string): Notebook {
  const text = source.replace(/^\uFEFF/, "").replaceAll("\r\n", "\n");
  const lines = text.split("\n");
  if (lines[0] !== "---")
    throw new UserError(located(file, 1, `expected front matter starting with "---", found ${found(lines[0])}`));
  const end = lines.indexOf("---", 1);
  if (end === -1) throw new UserError(located(file, 1, `front matter is not closed; add a line "---" after it`));
  const yamlText = lines.slice(1, end).join("\n");
  const document = parseDocument(yamlText, { prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const line = (error.linePos?.[0]?.line ?? 0) + 1;
    throw new UserError(located(file, line, `front matter: ${error.message.split("\n")[0]}`));
  }
  let data: unknown;
  try {
    // yaml refuses to expand more than 100 aliases, which would otherwise grow without bound.
    data = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    throw new UserError(located(file, 2, `front matter: ${(error as Error).message}; write the values out instead`));
  }
  const result = frontSchema.strict().safeParse(data);
  if (!result.success) {
    const keyLines = lineOfKeys(lines.slice(0, end));
    const problems = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "");
      const line = keyLines[key] ?? 1;
      const message =
        issue.code === "unrecognized_keys"
          ? `unknown front matter key ${issue.keys.map((k) => `"${k}"`).join(", ")}; expected ${Object.keys(frontSchema.shape).join(", ")}`
          : `front matter "${key}": ${issue.message}`;
      return located(file, issue.code === "unrecognized_keys" ? 1 : line, message);
    });
    throw new UserError(problems.join("\n"));
  }
  const { date, updated } = result.data;
  if (updated !== undefined && updated.getTime() < date.getTime()) {
    throw new UserError(
      located(
        file,
        lineOfKeys(lines.slice(0, end))["updated"] ?? 1,
        `front matter "updated": expected a date on or after the report's date (${date}), found ${updated}; an update comes after the first edition`,
      ),
    );
  }
  const bodyLine = end + 2;
  const body = lines.slice(end + 1).join("\n");
  // Each of lang and locale defaults from the other.
  const { lang, locale } = result.data;
  // The author's words get the prose's typography (curly quotes, dashes), as the body does.
  const { title, dek, byline, credit, key_numbers } = result.data;
  const front: FrontMatter = {
    ...result.data,
    title: typeset(title),
    dek: typeset(dek),
    byline: typeset(byline),
    ...(credit === undefined ? {} : { credit: typeset(credit) }),
    key_numbers: key_numbers.map(({ label, before, ...rest }) => ({
      ...rest,
      label: typeset(label),
      ...(before === undefined ? {} : { before: { ...before, label: typeset(before.label) } }),
    })),
    locale: locale ?? (lang === undefined ? "en-US" : localeOfLang(lang)),
    lang: lang ?? (locale === undefined ? "en" : languageOf(locale)),
  };
  return { file, front, body, bodyLine, keyLines: lineOfKeys(lines.slice(0, end)) };
}

/** A well-formed tag that Intl writes numbers for. */
function isLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

function lineOfKeys(lines: readonly string[]): Record<string, number> {
  const keys: Record<string, number> = {};
  lines.forEach((line, i) => {
    const key = /^([A-Za-z_][\w-]*):/.exec(line)?.[1];
    if (key !== undefined && !(key in keys)) keys[key] = i + 1;
  });
  return keys;
}
