// Which rows an aggregate is taken over: by their keys, by the values of some columns, or by a test;
// and how a selection is named in an error or in "Sources and methods".
import type { Dataset } from "./dataset.js";
import { keyText } from "./keys.js";
import type { Condition } from "../i18n/messages.js";

/**
 * Which rows an aggregate is taken over: their keys (`["a", "b"]`), the values some columns must have
 * (`{ region: "Asia" }`, `{ region: ["Asia", "Europe"] }`, `{ date: "2020-11" }`), or a test
 * (`(row) => row.year >= 2010`). Left out: every row.
 */
export type RowSelection<Row> =
  | readonly string[]
  | ((row: Row) => boolean)
  | { readonly [K in keyof Row]?: Match<Row[K]> | readonly Match<Row[K]>[] };

/** A value a column must have; a date may be written as the data writes it: "2020-11". */
type Match<T> = T | (T extends Date | undefined ? string : never);

/** The rows a selection picks, in the dataset's order; no rows is an error naming the dataset and selection. */
export function select<Row extends object>(dataset: Dataset<Row>, selection: RowSelection<Row> | undefined): Row[] {
  let rows: Row[];
  if (selection === undefined) rows = [...dataset.rows];
  else if (Array.isArray(selection)) {
    // Each key as the data's key column reads it ("4.50" finds 4.5), the rows in the dataset's order.
    const picked = new Set<Row>();
    for (const key of selection as readonly string[]) {
      const row = dataset.row(key);
      if (!row) throw new Error(`dataset ${dataset.id} has no row with ${dataset.spec.key} "${key}"`);
      const cited = dataset.cites(row);
      if (cited !== undefined) {
        throw new Error(
          `row "${key}" of dataset ${dataset.id} is a citation of "${cited}", not a value of its own; take "${cited}" instead`,
        );
      }
      picked.add(row);
    }
    rows = dataset.rows.filter((row) => picked.has(row));
  } else if (typeof selection === "function") rows = dataset.rows.filter((row) => selection(row));
  else {
    const wanted = Object.entries(selection as Record<string, unknown>);
    for (const [column] of wanted) {
      if (!Object.hasOwn(dataset.spec.columns, column)) {
        throw new Error(
          `dataset ${dataset.id} has no column "${column}"; columns: ${Object.keys(dataset.spec.columns).join(", ")}`,
        );
      }
    }
    rows = dataset.rows.filter((row) =>
      wanted.every(([column, value]) => {
        const cell = (row as Record<string, unknown>)[column];
        return Array.isArray(value) ? value.some((v) => same(cell, v)) : same(cell, value);
      }),
    );
  }
  if (rows.length === 0) throw new Error(`no rows of dataset ${dataset.id} match ${describeSelection(selection)}`);
  return rows;
}

// Dates are objects: a date cell matches a date naming the same period, or that period written in ISO
// 8601 as the data writes it ("2020-11").
function same(cell: unknown, value: unknown): boolean {
  if (!(cell instanceof Date)) return cell === value;
  if (value instanceof Date) return keyText(cell) === keyText(value);
  return keyText(cell) === value;
}

/** A selection as an error or "Sources and methods" names it. */
export function describeSelection(selection: unknown): string {
  if (selection === undefined) return "all rows";
  if (Array.isArray(selection)) return `the rows ${selection.map((key) => `"${key}"`).join(", ")}`;
  if (typeof selection === "function") {
    const code = String(selection).replace(/\s+/g, " ");
    return `the test ${code.length > 80 ? `${code.slice(0, 79)}…` : code}`;
  }
  return `rows where ${whereOf(selection as Record<string, unknown>)}`;
}

export function whereOf(selection: Record<string, unknown>): string {
  return conditionsOf(selection)
    .map(({ column, values, oneOf }) =>
      !oneOf ? `${column} is ${values[0]}` : `${column} is one of ${values.join(", ")}`,
    )
    .join(" and ");
}

/** A selection by column values, each value as written in the data (a string or date in quotes). */
export function conditionsOf(selection: Record<string, unknown>): Condition[] {
  const show = (value: unknown) =>
    typeof value === "string" || value instanceof Date ? `"${keyText(value)}"` : String(value);
  return Object.entries(selection).map(([column, value]) => ({
    column,
    values: Array.isArray(value) ? value.map(show) : [show(value)],
    oneOf: Array.isArray(value),
  }));
}

/** A row's key, as references write it. */
export function keyOf<Row extends object>(dataset: Dataset<Row>, row: Row): string {
  return dataset.keyOf(row);
}
