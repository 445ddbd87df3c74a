// Inline references in prose, resolved to markup: `{{gdp/article-2020}}` quotes a dataset value ("about
// −4% (forecast)"), `{{derived/name}}` a value the report computes, `{{ref gdp-revisions}}` links to
// "Figure 2", and `{{free 4%}}` marks a number typed by hand as deliberate.
import { formatRank, rowOf } from "../data/aggregate.js";
import { formatNumber } from "../data/format.js";
import { isEnglish } from "../i18n/language.js";
import { sourceLine } from "../data/provenance.js";
import type { Dataset } from "../data/dataset.js";
import type { Quoted } from "../data/derive.js";
import { parseStyles } from "../data/styles.js";
import type { NumberFormat } from "../data/format.js";
import type { QualifiedNumber } from "../data/qualified.js";
import type { CiteOptions, Source } from "../data/provenance.js";
import { CATALOGUE } from "../i18n/messages.js";
import type { Messages } from "../i18n/messages.js";
import { html } from "../render/html.js";
import type { Html } from "../render/html.js";

/** A quoted value, ready for the page: its text and where it comes from. */
export interface Fact {
  /** "gdp/article-2020.growth" */
  readonly id: string;
  readonly text: string;
  /** "Source: Asia Times, Nov. 2020", shown on hover and kept in the HTML for checking. */
  readonly source: string;
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
  return {
    fact,
    html: html`<span class="pb-fact" data-fact="${fact.id}" title="${fact.source}">${fact.text}</span>`,
  };
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
  const styles = parseStyles(optionText ?? "");
  if ("error" in styles) return { error: `{{${text}}}: ${styles.error}` };
  // Without the report's words, a number takes plotbrief's for its locale, a source line English.
  const format: NumberFormat & CiteOptions = {
    ...styles,
    locale: context.locale,
    ...(context.messages === undefined ? {} : { messages: context.messages }),
  };
  if (datasetId === "derived") {
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
    return { id: `derived/${key}`, text: written, source: sourceText(quoted.sources, context) };
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
  return {
    id: `${datasetId}/${dataset.keyOf(row)}.${field}`,
    text: written,
    source: sourceText(dataset.sourcesOf(row), context),
  };
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
  return { id: `derived/${name}.${field}`, text, source: sourceText(dataset.sourcesOf(row), context) };
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
