// Aggregates as derived values: sums, means, medians, extremes, counts, ranks and shares of a total over
// a dataset's rows, each carrying its qualifier, kind and sources, and a record of the rows it used so
// that "Sources and methods" can say where it came from.
import type { Dataset } from "./dataset.js";
import { combined, shareOf } from "./derive.js";
import { conditionsOf, describeSelection, keyOf, select, whereOf } from "./select.js";
import type { RowSelection } from "./select.js";
import type { Quoted } from "./derive.js";
import { latestDate } from "./qualified.js";
import type { Kind, PreciseDate, QualifiedNumber, Qualifier } from "./qualified.js";
import { wordsOf } from "./format.js";
import type { NumberFormat } from "./format.js";
import type { Condition } from "../i18n/messages.js";

/** Options of an aggregate, e.g. `mean(get(t), "value", { rows: { region: "Asia" }, digits: 1 })`. */
export interface AggregateOptions<Row> {
  readonly rows?: RowSelection<Row>;
  /** Decimal places of the result; default: the column's, plus one where a mean or median needs it. */
  readonly digits?: number;
}

/** The names of a row's number columns. */
export type NumberColumn<Row> = { [K in keyof Row]-?: Row[K] extends number | undefined ? K : never }[keyof Row] &
  string;

export type AggregateOp = "sum" | "mean" | "median" | "min" | "max" | "count" | "rank" | "share-of-total";

/** How an aggregate was made, as "Sources and methods" states it. Plain data. */
export interface Aggregation {
  readonly op: AggregateOp;
  /** What it came to, before any further derivation. */
  readonly value: QualifiedNumber;
  readonly dataset: string;
  readonly title: string;
  readonly column?: string;
  /** The keys of the rows whose values it used, in the dataset's order. */
  readonly keys: readonly string[];
  /** Whether those are all of the dataset's rows, and whether they are one run of them, in order. */
  readonly all: boolean;
  readonly run: boolean;
  /** How the rows were chosen, for a selection by column values: `region is "Asia"` (in English). */
  readonly where?: string;
  /** The same, as data for the report's words: `[{ column: "region", values: ['"Asia"'] }]`. */
  readonly conditions?: readonly Condition[];
  /** Selected rows left out because their cell in the column is empty. */
  readonly empty: readonly string[];
  /** The row the value is of: the extreme of a min or max, the row ranked or taken as a share. */
  readonly row?: string;
  /** Other rows with the same value as `row` (a tied maximum, a joint rank). */
  readonly ties?: readonly string[];
  /** How many values were not exact ("about", "more than"…), and how many were forecasts or estimates. */
  readonly inexact: number;
  readonly forecasts: number;
  readonly estimates: number;
  /** For a rank: out of how many, and which way ("descending": 1st is the largest). */
  readonly of?: number;
  readonly order?: "descending" | "ascending";
}

/** The sum of a column over rows: `sum(get(t), "value", { rows: ["a", "b"] })`. */
export function sum<Row extends object>(
  dataset: Dataset<Row>,
  column: NumberColumn<Row>,
  options: AggregateOptions<Row> = {},
): Quoted {
  const picked = valuesOf(dataset, column, options, "sum");
  const { values } = picked;
  const digits = options.digits ?? values.reduce((most, v) => Math.max(most, v.q.digits), 0);
  return made(dataset, picked, "sum", total(values), digits, bounded(values.map((v) => v.q.qualifier)));
}

/** The mean of a column over rows: `mean(get(t), "value")`. */
export function mean<Row extends object>(
  dataset: Dataset<Row>,
  column: NumberColumn<Row>,
  options: AggregateOptions<Row> = {},
): Quoted {
  const picked = valuesOf(dataset, column, options, "mean");
  const { values } = picked;
  const value = total(values) / values.length;
  const digits = options.digits ?? needed(value, values);
  return made(dataset, picked, "mean", value, digits, bounded(values.map((v) => v.q.qualifier)));
}

/** The median of a column over rows; of an even number of rows, the mean of the middle two. */
export function median<Row extends object>(
  dataset: Dataset<Row>,
  column: NumberColumn<Row>,
  options: AggregateOptions<Row> = {},
): Quoted {
  const picked = valuesOf(dataset, column, options, "median");
  const { values } = picked;
  const sorted = values.map((v) => v.q.value).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const digits = options.digits ?? needed(value, values);
  return made(dataset, picked, "median", value, digits, bounded(values.map((v) => v.q.qualifier)));
}

/** The smallest value of a column over rows, which knows its row: `{{derived/coldest.city}}` quotes its city. */
export function min<Row extends object>(
  dataset: Dataset<Row>,
  column: NumberColumn<Row>,
  options: AggregateOptions<Row> = {},
): Quoted {
  return extreme(dataset, column, options, "min");
}

/** The largest value of a column over rows, which knows its row: `{{derived/hottest.city}}` quotes its city. */
export function max<Row extends object>(
  dataset: Dataset<Row>,
  column: NumberColumn<Row>,
  options: AggregateOptions<Row> = {},
): Quoted {
  return extreme(dataset, column, options, "max");
}

/**
 * How many rows there are, or how many the selection picks: `countRows(get(t), { rows: { region: "Asia" } })`.
 * (Not `count`, which is the column type for counts.)
 */
export function countRows<Row extends object>(
  dataset: Dataset<Row>,
  options: Pick<AggregateOptions<Row>, "rows"> = {},
): Quoted {
  const rows = select(dataset, options.rows);
  const keys = rows.map((row) => keyOf(dataset, row));
  const value: QualifiedNumber = {
    value: rows.length,
    digits: 0,
    qualifier: "exact",
    kind: "actual",
    unit: "count",
    signed: false,
  };
  const aggregation = record(dataset, "count", undefined, keys, [], options.rows);
  const counted = { ...aggregation, value, inexact: 0, forecasts: 0, estimates: 0 };
  const published = latestDate(rows.map((row) => dataset.knownFrom(row)));
  return { value, sources: unionOf(dataset, rows), ...(published ? { published } : {}), aggregates: [counted] };
}

/**
 * The rank of a row's value among the rows, 1st the largest (or the smallest with `order: "ascending"`);
 * rows with equal values share a rank. Quoted as "3rd of 12" ("joint 3rd of 12" for a tie).
 */
export function rank<Row extends object>(
  dataset: Dataset<Row>,
  column: NumberColumn<Row>,
  key: string,
  options: Pick<AggregateOptions<Row>, "rows"> & { readonly order?: "descending" | "ascending" } = {},
): Quoted {
  const order = options.order ?? "descending";
  const picked = valuesOf(dataset, column, options, "rank");
  const { values } = picked;
  const mine = which(dataset, values, key, options.rows);
  const ahead = values.filter((v) => (order === "descending" ? v.q.value > mine.q.value : v.q.value < mine.q.value));
  const ties = values.filter((v) => v !== mine && v.q.value === mine.q.value).map((v) => v.key);
  const qualifier = values.every((v) => v.q.qualifier === "exact") ? "exact" : "about";
  const extra = { row: key, ties, of: values.length, order, unit: "count", signed: false } as const;
  return made(dataset, picked, "rank", ahead.length + 1, 0, qualifier, extra);
}

/** A row's value as a percentage of the column's total over the rows: `shareOfTotal(get(t), "value", "a")`. */
export function shareOfTotal<Row extends object>(
  dataset: Dataset<Row>,
  column: NumberColumn<Row>,
  key: string,
  options: AggregateOptions<Row> = {},
): Quoted {
  const { values } = valuesOf(dataset, column, options, "share-of-total");
  const part = which(dataset, values, key, options.rows);
  const whole = sum(dataset, column, options.rows === undefined ? {} : { rows: options.rows });
  const share = shareOf(
    { value: part.q, sources: part.sources, ...(part.published ? { published: part.published } : {}) },
    whole,
    options.digits ?? 0,
  );
  const aggregation = whole.aggregates![0]!;
  return { ...share, aggregates: [{ ...aggregation, op: "share-of-total", value: share.value, row: key }] };
}

/**
 * How a rank is written, in the report's words (`messages`, else plotbrief's for `locale`): "3rd of 12",
 * "joint 3rd of 12", "about 3rd of 12 (forecast)"; in French "3e sur 12".
 */
export function formatRank(
  value: QualifiedNumber,
  aggregation: Aggregation,
  options: Pick<NumberFormat, "kind" | "locale" | "messages"> = {},
): string {
  const words = wordsOf(options);
  const about = value.qualifier === "exact" ? "" : `${words.qualifiers[value.qualifier]} `;
  const text = about + words.rank(value.value, aggregation.of ?? 0, (aggregation.ties?.length ?? 0) > 0);
  return options.kind !== false && value.kind !== "actual" ? `${text} (${words.kinds[value.kind]})` : text;
}

/** The row a derived value is the value of, if it is one row's: a min or max, a rank, a share of the total. */
export function rowOf(quoted: Quoted): { readonly dataset: string; readonly key: string } | undefined {
  // Only the aggregate itself, not a value derived from it further, is that row's.
  const own = quoted.aggregates?.find((a) => a.value === quoted.value);
  return own?.row === undefined ? undefined : { dataset: own.dataset, key: own.row };
}

/** One selected row's value, with its key and sources. */
interface Value {
  readonly key: string;
  readonly q: QualifiedNumber;
  readonly sources: Quoted["sources"];
  readonly published?: PreciseDate | undefined;
}

/** The values an aggregate is taken over, the selected rows left out as empty, and how they were chosen. */
interface Picked {
  readonly values: readonly Value[];
  readonly empty: readonly string[];
  readonly column: string;
  readonly selection: unknown;
}

function extreme<Row extends object>(
  dataset: Dataset<Row>,
  column: NumberColumn<Row>,
  options: AggregateOptions<Row>,
  op: "min" | "max",
): Quoted {
  const picked = valuesOf(dataset, column, options, op);
  const { values } = picked;
  const better = (a: number, b: number) => (op === "max" ? a > b : a < b);
  const best = values.reduce((best, v) => (better(v.q.value, best.q.value) ? v : best));
  const ties = values.filter((v) => v !== best && v.q.value === best.q.value).map((v) => v.key);
  // Another row's bound can only move the extreme one way: a "more than 5" beside a maximum of 10 makes
  // it "at least 10"; an "up to 5" leaves it as it is.
  const others = values
    .filter((v) => v !== best)
    .map((v): Qualifier => {
      const q = v.q.qualifier;
      if (q === "exact" || q === "about") return q;
      const widens = op === "max" ? q !== "up-to" : q === "up-to";
      return widens ? (op === "max" ? "at-least" : "up-to") : "exact";
    });
  const qualifier = bounded([best.q.qualifier, ...others]);
  const digits = options.digits ?? best.q.digits;
  return made(dataset, picked, op, best.q.value, digits, qualifier, { row: best.key, ties });
}

/**
 * The qualifier of a value that grows with each of its inputs (a sum, a mean, a median): exact if all
 * are; a lower bound if every inexact one is ("more than" if any is strictly), an upper bound likewise;
 * "about" for any "about", or for lower and upper bounds mixed.
 */
export function bounded(qualifiers: readonly Qualifier[]): Qualifier {
  const has = (q: Qualifier) => qualifiers.includes(q);
  const lower = has("more-than") || has("at-least");
  if (has("about") || (lower && has("up-to"))) return "about";
  if (lower) return has("more-than") ? "more-than" : "at-least";
  return has("up-to") ? "up-to" : "exact";
}

function valuesOf<Row extends object>(
  dataset: Dataset<Row>,
  column: string,
  options: AggregateOptions<Row>,
  op: AggregateOp,
): Picked {
  const spec = dataset.spec.columns[column];
  if (spec?.type !== "number") {
    const numbers = dataset.numberColumns.join(", ") || "none";
    throw new Error(`dataset ${dataset.id} has no number column "${column}"; number columns: ${numbers}`);
  }
  const rows = select(dataset, options.rows);
  const filled = rows.filter((row) => (row as Record<string, unknown>)[column] !== undefined);
  if (filled.length === 0) {
    throw new Error(
      `the ${op} of ${column} over ${describeSelection(options.rows)} of dataset ${dataset.id}: every selected row's ${column} is empty`,
    );
  }
  const values = filled.map((row) => ({
    key: keyOf(dataset, row),
    q: dataset.quantity(row, column as keyof Row & string),
    sources: dataset.sourcesOf(row),
    published: dataset.knownFrom(row),
  }));
  const units = [...new Set(values.map((v) => v.q.unit))];
  if (units.length > 1) {
    const example = units.map((unit) => `${unit} (row ${values.find((v) => v.q.unit === unit)!.key})`);
    throw new Error(`cannot take the ${op} of ${column} in dataset ${dataset.id} across units: ${example.join(", ")}`);
  }
  const kept = new Set(filled);
  const empty = rows.filter((row) => !kept.has(row)).map((row) => keyOf(dataset, row));
  return { values, empty, column, selection: options.rows };
}

function which<Row extends object>(
  dataset: Dataset<Row>,
  values: readonly Value[],
  key: string,
  selection: unknown,
): Value {
  // The key as the data's key column reads it: "4.50" is the row of 4.5.
  const row = dataset.row(key);
  const found = row && values.find((v) => v.key === dataset.keyOf(row));
  if (found) return found;
  if (!row) throw new Error(`dataset ${dataset.id} has no row with ${dataset.spec.key} "${key}"`);
  throw new Error(
    `row "${key}" of dataset ${dataset.id} is not among ${describeSelection(selection)}, or its value is empty`,
  );
}

function total(values: readonly Value[]): number {
  return values.reduce((sum, v) => sum + v.q.value, 0);
}

/** The inputs' decimals, plus one where the result needs it: a mean of 1 and 2 is 1.5, of 2 and 4 is 3. */
function needed(value: number, values: readonly Value[]): number {
  const digits = values.reduce((most, v) => Math.max(most, v.q.digits), 0);
  return Number(value.toFixed(digits)) === value ? digits : digits + 1;
}

function made<Row extends object>(
  dataset: Dataset<Row>,
  { values, empty, column, selection }: Picked,
  op: AggregateOp,
  value: number,
  digits: number,
  qualifier: Qualifier,
  extra: Partial<Aggregation> & Partial<Pick<QualifiedNumber, "unit" | "signed">> = {},
): Quoted {
  const kinds = values.map((v) => v.q.kind);
  const first = values[0]!.q;
  const { unit = first.unit, signed = first.signed, ...more } = extra;
  const result: QualifiedNumber = {
    value: Number(value.toFixed(digits)),
    digits,
    qualifier,
    kind: weakestOf(kinds),
    unit,
    signed,
  };
  const aggregation: Aggregation = {
    ...record(
      dataset,
      op,
      column,
      values.map((v) => v.key),
      empty,
      selection,
    ),
    value: result,
    inexact: values.filter((v) => v.q.qualifier !== "exact").length,
    forecasts: kinds.filter((k) => k === "forecast").length,
    estimates: kinds.filter((k) => k === "estimate").length,
    ...more,
  };
  const published = latestDate(values.map((v) => v.published));
  return {
    value: result,
    sources: combined(values.map((v) => v.sources)),
    ...(published ? { published } : {}),
    aggregates: [aggregation],
  };
}

function record<Row extends object>(
  dataset: Dataset<Row>,
  op: AggregateOp,
  column: string | undefined,
  keys: readonly string[],
  empty: readonly string[],
  selection: unknown,
): Omit<Aggregation, "value" | "inexact" | "forecasts" | "estimates"> {
  const all = dataset.rows.map((row) => keyOf(dataset, row));
  const start = all.indexOf(keys[0]!);
  const used = [...keys, ...empty];
  const where =
    selection !== undefined && typeof selection === "object" && !Array.isArray(selection)
      ? {
          where: whereOf(selection as Record<string, unknown>),
          conditions: conditionsOf(selection as Record<string, unknown>),
        }
      : {};
  return {
    op,
    dataset: dataset.id,
    title: dataset.spec.title,
    ...(column === undefined ? {} : { column }),
    keys,
    all: used.length === all.length,
    run: keys.every((key, i) => all[start + i] === key),
    ...where,
    empty,
  };
}

function unionOf<Row extends object>(dataset: Dataset<Row>, rows: readonly Row[]): Quoted["sources"] {
  return combined(rows.map((row) => dataset.sourcesOf(row)));
}

function weakestOf(kinds: readonly Kind[]): Kind {
  return kinds.includes("forecast") ? "forecast" : kinds.includes("estimate") ? "estimate" : "actual";
}
