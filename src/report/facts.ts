// Inline references in prose, resolved to markup: `{{gdp/article-2020}}` quotes a dataset value ("about
// −4% (forecast)"), `{{derived/name}}` a value the report computes, `{{ref gdp-revisions}}` links to
// "Figure 2", and `{{free 4%}}` marks a number typed by hand as deliberate.
import { formatRank, rowOf } from "../data/aggregate.js";
import { describeChoice, disagreementOf } from "../data/compare.js";
import { formatDate, formatNumber } from "../data/format.js";
import { latestDate } from "../data/qualified.js";
import type { PreciseDate } from "../data/qualified.js";
import { citeSource, sourceLine } from "../data/provenance.js";
import { isEnglish } from "../i18n/language.js";
import type { Dataset } from "../data/dataset.js";
import type { Quoted } from "../data/derive.js";
import { parseStyles } from "../data/styles.js";
import type { NumberFormat } from "../data/format.js";
import type { QualifiedNumber } from "../data/qualified.js";
import type { CiteOptions, Source } from "../data/provenance.js";
import { CATALOGUE } from "../i18n/messages.js";
import type { Messages } from "../i18n/messages.js";
import { html } from "../render/html.js";
import { citeRow, describeRow } from "./sources.js";
import type { Html } from "../render/html.js";

/** A quoted value, ready for the page: its text and where it comes from. */
export interface Fact {
  /** "gdp/article-2020.growth" */
  readonly id: string;
  readonly text: string;
  /**
   * "Source: VOD English, news report, Nov. 3, 2020", shown on hover and kept in the HTML for checking; a
   * citation's names the original first: "Source: Khmer Post Asia, …, as cited by Asia Times, …".
   */
  readonly source: string;
  /**
   * Where the value was chosen from sources that disagree (its dataset's `compare` group): the group,
   * and where it stands, "the highest of seven counts, from about 50 to 121".
   */
  readonly choice?: {
    readonly dataset: string;
    readonly group: string;
    readonly text: string;
    /** Its sources, cited: "Al Jazeera, Nov. 26, 2020". */
    readonly cite: string;
    /** Written with `| range`, so the reader sees where it stands. */
    readonly shown: boolean;
  };
  /** When it became known: the latest publication date of its rows and sources, where recorded. */
  readonly published?: PreciseDate;
  /** Where it was published after the report's date: "Updated April 28, 2021". */
  readonly update?: string;
  /** For a citation, the value it restates: "gdp/adb-ado2020u-2020.growth". */
  readonly cites?: string;
}

/** What references are resolved against. */
export interface FactContext {
  readonly datasets: ReadonlyMap<string, Dataset>;
  /** Values the report module computes, quoted as `{{derived/name}}`. */
  readonly derived: ReadonlyMap<string, Quoted>;
  /** Figure numbers by id, in the order the notebook embeds them. */
  readonly figures: ReadonlyMap<string, number>;
  readonly locale: string;
  /** The report's words ("Figure 2", "Source: …"); English by default. */
  readonly messages?: Messages;
  /** The report's date: a fact published later is marked as an update. */
  readonly since?: PreciseDate;
}

// The row and column ("adb-2018.growth") are told apart against the data: a key may hold dots ("4.5").
const FACT = /^([a-z][\w-]*)\/([^\s|]+?)\s*(?:\|\s*(.*))?$/i;

/** Resolves an inline reference to its markup, or says what is wrong and what exists. */
export function resolveInline(
  text: string,
  context: FactContext,
  direction?: "up" | "down",
): { html: Html; fact?: Fact } | { error: string } {
  const free = /^free\s+(.+)$/.exec(text);
  if (free) return { html: html`${free[1]}` };
  const ref = /^ref\s+(\S+)$/.exec(text);
  if (ref) {
    const number = context.figures.get(ref[1]!);
    if (number === undefined) {
      return {
        error: `{{ref ${ref[1]}}} refers to no embedded figure; figures: ${[...context.figures.keys()].join(", ")}`,
      };
    }
    const label = (context.messages ?? CATALOGUE.en).figure(number);
    return { html: html`<a class="pb-ref" href="#figure-${ref[1]}">${label}</a>` };
  }
  const fact = resolveFact(text, context, direction, true);
  if ("error" in fact) return fact;
  if (fact.update !== undefined) {
    const [id, published, title] = [fact.id, String(fact.published), `${fact.update}. ${fact.source}`];
    // prettier-ignore
    const markup = html`<span class="pb-fact pb-fact-update" data-fact="${id}" data-published="${published}" title="${title}">${fact.text}</span>`;
    return { fact, html: markup };
  }
  return {
    fact,
    // As HTML, prettier would put a space before the optional attribute and break the line.
    // prettier-ignore
    html: html`<span class="pb-fact" data-fact="${fact.id}"${citesAttribute(fact)} title="${fact.source}">${fact.text}</span>`,
  };
}

/** A fact with when it became known, marked as an update where that is after the report's date. */
function dated(fact: Fact, published: PreciseDate | undefined, context: FactContext): Fact {
  if (published === undefined) return fact;
  if (context.since === undefined || published.getTime() <= context.since.getTime()) return { ...fact, published };
  const update = (context.messages ?? CATALOGUE.en).updatedOn(formatDate(published, context.locale));
  return { ...fact, published, update };
}

/** ` data-cites="gdp/adb-ado2020u-2020.growth"` for a citation, so that a checker finds the original. */
function citesAttribute(fact: Fact): Html {
  return fact.cites === undefined ? html`` : html` data-cites="${fact.cites}"`;
}

/**
 * Resolves a fact such as "gdp/article-2020 | abs" (dataset/row-key, optional .column, optional styles
 * such as abs, no-kind, short, compact, round 1: see data/styles.ts) or "derived/name". Returns the
 * fact, or a message saying what is wrong and what exists.
 */
export function resolveFact(
  text: string,
  context: FactContext,
  direction?: "up" | "down",
  prose = false,
): Fact | { error: string } {
  const match = FACT.exec(text);
  if (!match) {
    return {
      error: `expected a fact reference such as {{dataset/row}} or {{dataset/row.column | abs}}, found "{{${text}}}"`,
    };
  }
  const [, datasetId, reference, optionText] = match as unknown as [string, string, string, string?];
  // `range` is not a number style but says where the value stands among sources that disagree.
  const words = (optionText ?? "").split(/[\s,]+/).filter(Boolean);
  const range = words.includes("range");
  const styles = parseStyles(words.filter((word) => word !== "range").join(" "));
  if ("error" in styles) return { error: `{{${text}}}: ${styles.error}` };
  // Without the report's words, a number takes plotbrief's for its locale, a source line English.
  const format: NumberFormat & CiteOptions = {
    ...styles,
    locale: context.locale,
    ...(context.messages === undefined ? {} : { messages: context.messages }),
  };
  if (datasetId === "derived") {
    if (range)
      return { error: `{{${text}}}: range is for a dataset's value among sources that disagree, not a derived one` };
    const [key, fieldName] = reference.split(/\.(.*)/) as [string, string?];
    const quoted = Object.hasOwn(Object.fromEntries(context.derived), key) ? context.derived.get(key) : undefined;
    if (!quoted) {
      return {
        error: `unknown derived value "${key}"; the report module defines: ${[...context.derived.keys()].join(", ") || "none"}`,
      };
    }
    if (fieldName !== undefined) return quoteRowOf(key, quoted, fieldName, context, format);
    const turned = directed(text, quoted.value, direction, prose ? inProse(format, quoted.value) : format);
    if ("error" in turned) return turned;
    const rank = quoted.aggregates?.find((a) => a.op === "rank" && a.value === quoted.value);
    const written = styled(text, () =>
      rank ? formatRank(quoted.value, rank, turned) : formatNumber(quoted.value, turned),
    );
    if (typeof written !== "string") return written;
    const published = quoted.published ?? latestDate(quoted.sources.map((source) => source.published));
    return dated(
      { id: `derived/${key}`, text: written, source: sourceText(quoted.sources, context) },
      published,
      context,
    );
  }
  const dataset = context.datasets.get(datasetId);
  if (!dataset) {
    const known = [...context.datasets.keys(), ...(context.derived.size > 0 ? ["derived"] : [])];
    return { error: `unknown dataset "${datasetId}" in {{${text}}}; datasets: ${known.join(", ")}` };
  }
  const columns = dataset.spec.columns;
  const { key, fieldName } = splitReference(dataset, reference);
  const row = dataset.row(key);
  if (!row) return { error: `unknown fact "${datasetId}/${key}": ${dataset.noRow(key)}` };
  const field = fieldName ?? dataset.numberColumns[0];
  if (field === undefined || !Object.hasOwn(columns, field)) {
    const which =
      field === undefined ? `dataset "${datasetId}" has no number column, so name one` : `unknown column "${field}"`;
    return { error: `${which} in {{${text}}}; columns: ${Object.keys(columns).join(", ")}` };
  }
  const value = (row as Record<string, unknown>)[field];
  if (value === undefined) return { error: `{{${text}}} is empty in the data` };
  const number = columns[field]!.type === "number" ? dataset.quantity(row, field) : undefined;
  const turned =
    number === undefined ? format : directed(text, number, direction, prose ? inProse(format, number) : format);
  if ("error" in turned) return turned;
  const written = styled(text, () => dataset.format(row, field, turned));
  if (typeof written !== "string") return written;
  const disagreement = number && disagreementOf(dataset, dataset.keyOf(row), field);
  if (range && !disagreement) {
    return {
      error: `{{${text}}}: range says where a value stands among sources that disagree, but no other row of ${datasetId} states this quantity with another value (see compare in its defineDataset); remove "range"`,
    };
  }
  const chosen = disagreement && describeChoice(dataset, disagreement, dataset.keyOf(row), format);
  const original = dataset.original(row);
  const fact = {
    id: `${datasetId}/${dataset.keyOf(row)}.${field}`,
    text: range ? `${written} (${chosen})` : written,
    source: rowSource(dataset, row, context),
    ...(original === undefined ? {} : { cites: `${datasetId}/${dataset.keyOf(original)}.${field}` }),
    ...(disagreement && chosen
      ? {
          choice: {
            dataset: datasetId,
            group: disagreement.group,
            text: chosen,
            cite: dataset
              .sourcesOf(row)
              .map((source) => citeSource(source, format))
              .join("; "),
            shown: range,
          },
        }
      : {}),
  };
  return dated(fact, dataset.knownFrom(row), context);
}

/** A row's source text; a citation's names the value's original source, then who cited it. */
function rowSource(dataset: Dataset, row: object, context: FactContext): string {
  const original = dataset.original(row as never);
  if (original === undefined) return sourceText(dataset.sourcesOf(row as never), context);
  const words = { locale: context.locale, messages: context.messages ?? CATALOGUE.en };
  const line = words.messages.citedBy(describeRow(dataset, original, words), citeRow(dataset, row, words));
  return words.messages.sourceLine([line]).replace(/\.$/, "");
}

/**
 * A reference's row key and column: the whole of it if a row has that key ("rates/4.5"), else split at
 * its last dot ("rates/4.5.value", "gdp/adb-2018.growth").
 */
function splitReference(dataset: Dataset, reference: string): { key: string; fieldName?: string } {
  const dot = reference.lastIndexOf(".");
  if (dot < 0 || dataset.row(reference)) return { key: reference };
  const key = reference.slice(0, dot);
  const fieldName = reference.slice(dot + 1);
  // Neither a row nor a row and a column: the missing key is the whole reference.
  if (!dataset.row(key) && !Object.hasOwn(dataset.spec.columns, fieldName)) return { key: reference };
  return { key, fieldName };
}

/** `{{derived/hottest.city}}`: a column of the row a derived value is of (a min or max, a rank, a share). */
function quoteRowOf(
  name: string,
  quoted: Quoted,
  field: string,
  context: FactContext,
  format: NumberFormat,
): Fact | { error: string } {
  const at = rowOf(quoted);
  const dataset = at && context.datasets.get(at.dataset);
  const row = at && dataset?.row(at.key);
  if (!at || !dataset || !row) {
    return {
      error: `{{derived/${name}.${field}}}: derived value "${name}" is not one row's value, so it has no column to quote; only a min, max, rank or share of total is`,
    };
  }
  if (!Object.hasOwn(dataset.spec.columns, field)) {
    return {
      error: `unknown column "${field}" in {{derived/${name}.${field}}}; columns of dataset ${dataset.id}: ${Object.keys(dataset.spec.columns).join(", ")}`,
    };
  }
  if ((row as Record<string, unknown>)[field] === undefined)
    return { error: `{{derived/${name}.${field}}} is empty in the data` };
  const text = dataset.format(row, field as never, format);
  const fact = { id: `derived/${name}.${field}`, text, source: rowSource(dataset, row, context) };
  return dated(fact, dataset.knownFrom(row), context);
}

/**
 * A number in running prose, unless its styles say otherwise: without the plus of a `signed` column
 * ("grew by 7.3%"; the style `sign` keeps it, and charts, tables and key numbers show it), and in
 * English a whole count below ten in words ("eight lawmakers", AP style; the style `digits` keeps the
 * figure). Counts are the numbers of `count()` columns and of `number()` columns without a unit.
 */
function inProse(format: NumberFormat, { unit, digits }: QualifiedNumber): NumberFormat {
  const count = unit === "count" && digits === 0 && format.style !== "short" && isEnglish(format.locale);
  return {
    ...format,
    sign: format.sign ?? false,
    ...(count && format.words === undefined && format.decimals === undefined ? { words: true } : {}),
  };
}

/**
 * A number after words that say which way it went ("up", "fell by") is written without its sign, which
 * would say it twice ("up +9,014"); words that say the other way than its sign are an error, not a typo
 * to hide. A number written without a sign (a count of seats lost) is a magnitude, left alone. The
 * style `sign` keeps the sign.
 */
function directed(
  text: string,
  { value, signed }: QualifiedNumber,
  direction: "up" | "down" | undefined,
  format: NumberFormat,
): NumberFormat | { error: string } {
  if (direction === undefined || value === 0 || format.sign || (value > 0 && !signed)) return format;
  if (value > 0 !== (direction === "up")) {
    const sign = value > 0 ? "positive, a rise" : "negative, a fall";
    return {
      error: `the words before {{${text}}} say it went ${direction}, but it is ${sign}; reword the sentence or check the data`,
    };
  }
  return { ...format, abs: true };
}

/** A value written in the styles asked for, or why a style does not fit it ("percent" on dollars). */
function styled(text: string, write: () => string): string | { error: string } {
  try {
    return write();
  } catch (error) {
    return { error: `{{${text}}}: ${(error as Error).message}` };
  }
}

/** "Sources: A; B", without the source line's closing period. */
function sourceText(sources: readonly Source[], words: CiteOptions): string {
  return sourceLine(sources, words).replace(/\.$/, "");
}
