// Facts quoted in prose: `{{gdp/article-2020}}` writes a dataset value as "about −4% (forecast)".
import { formatDate, formatNumber } from "../data/format.js";
import { citeSource } from "../data/provenance.js";
import type { Dataset } from "../data/dataset.js";
import type { NumberFormat } from "../data/format.js";
import type { PreciseDate } from "../data/qualified.js";

/** A quoted value, ready for the page: its text and where it comes from. */
export interface Fact {
  /** "gdp/article-2020.growth" */
  readonly id: string;
  readonly text: string;
  /** "Source: Asia Times, Nov. 2020", shown on hover and kept in the HTML for checking. */
  readonly source: string;
}

const OPTIONS: Record<string, NumberFormat> = {
  abs: { abs: true },
  "no-kind": { kind: false },
  short: { style: "short" },
};

const FACT = /^([a-z][\w-]*)\/([^.\s|]+)(?:\.([\w-]+))?\s*(?:\|\s*(.*))?$/i;

/**
 * Resolves a reference such as "gdp/article-2020 | abs" (dataset/row-key, optional .field, optional
 * options abs, no-kind, short). Returns the fact, or a message saying what is wrong and what exists.
 */
export function resolveFact(text: string, datasets: ReadonlyMap<string, Dataset>): Fact | { error: string } {
  const match = FACT.exec(text);
  if (!match)
    return {
      error: `expected a fact reference such as {{dataset/row}} or {{dataset/row.column | abs}}, found "{{${text}}}"`,
    };
  const [, datasetId, key, fieldName, optionText] = match as unknown as [string, string, string, string?, string?];
  const dataset = datasets.get(datasetId);
  if (!dataset)
    return { error: `unknown dataset "${datasetId}" in {{${text}}}; datasets: ${[...datasets.keys()].join(", ")}` };
  const row = dataset.row(key);
  if (!row)
    return {
      error: `unknown fact "${datasetId}/${key}": no row of dataset "${datasetId}" has ${dataset.spec.key} "${key}"`,
    };
  const columns = dataset.spec.columns;
  const field = fieldName ?? Object.keys(columns).find((name) => columns[name]!.type === "number");
  if (field === undefined || !Object.hasOwn(columns, field)) {
    const which =
      field === undefined ? `dataset "${datasetId}" has no number column, so name one` : `unknown column "${field}"`;
    return { error: `${which} in {{${text}}}; columns: ${Object.keys(columns).join(", ")}` };
  }
  const format: NumberFormat = {};
  for (const option of (optionText ?? "").split(/[\s,]+/).filter(Boolean)) {
    const known = Object.hasOwn(OPTIONS, option) ? OPTIONS[option] : undefined;
    if (!known)
      return { error: `unknown option "${option}" in {{${text}}}; options: ${Object.keys(OPTIONS).join(", ")}` };
    Object.assign(format, known);
  }
  const value = (row as Record<string, unknown>)[field];
  if (value === undefined) return { error: `{{${text}}} is empty in the data` };
  const column = columns[field]!;
  const written =
    column.type === "number"
      ? formatNumber(dataset.quantity(row, field), format)
      : column.type === "date"
        ? formatDate(value as PreciseDate)
        : String(value);
  const sources = dataset.sourcesOf(row).map(citeSource);
  return {
    id: `${datasetId}/${key}.${field}`,
    text: written,
    source: `${sources.length === 1 ? "Source" : "Sources"}: ${sources.join("; ")}`,
  };
}
