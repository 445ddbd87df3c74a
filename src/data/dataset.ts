import { columnsOf } from "./schema.js";
import type { Columns, RowOf } from "./schema.js";
import type { QualifiedNumber } from "./qualified.js";
import { formatDate, formatDateTime, formatNumber } from "./format.js";
import type { NumberFormat } from "./format.js";
import { citeSource } from "./provenance.js";
import type { CiteOptions } from "./provenance.js";
import type { Source } from "./provenance.js";
import type { PreciseDate } from "./qualified.js";
import type { Quoted } from "./derive.js";
import { keyText, nearKeys } from "./keys.js";
import { latestDate } from "./qualified.js";

/**
 * A dataset as its author declares it. Example:
 * ```ts
 * defineDataset({ id: "summons", title: "Court summons counts", file: "data/cambodia-2020/summons.csv",
 *   key: "id", columns: { id: text(), count: count(), qualifier: qualifier(), source: source() },
 *   sources: [sources.vod, sources.ap] })
 * ```
 * Columns named `qualifier`, `kind` and `unit` qualify the row's numbers; a column of type `source()` names
 * each row's source, for datasets that combine several; one of type `cites()` marks a row that restates
 * another row's value (a citation), which figures and aggregates leave out.
 */
export interface DatasetSpec<C extends Columns> {
  /** Short id used in fact references: `{{summons/vod}}`. */
  readonly id: string;
  readonly title: string;
  /** The data file, CSV or JSON (an array of objects), relative to the project root. */
  readonly file: string;
  readonly columns: C;
  /**
   * The column whose values name rows in fact references: any column whose values are unique. Dates are
   * quoted as ISO 8601 to their precision (`{{weather/2012-01-02}}`), numbers as written (`{{rates/4.5}}`).
   */
  readonly key: keyof C & string;
  readonly sources: readonly Source[];
  /**
   * The most rows the file may have (default 100,000): a larger file fails at once, saying so, rather
   * than running out of memory in a chart. Aggregate big data before plotbrief, or raise this.
   */
  readonly maxRows?: number;
  /**
   * Rows that state the same quantity, so that "Sources and methods" says where they disagree. `group`
   * names the quantity a row states (undefined: compare it with nothing); `describe` says what the
   * row's source counted. Example: `{ value: "count", group: () => "people summoned", describe: (row) => row.counted }`.
   */
  readonly compare?: {
    readonly value: keyof C & string;
    readonly group: (row: RowOf<C>) => string | undefined;
    readonly describe?: (row: RowOf<C>) => string;
  };
}

/** A dataset of any row type, as lists of datasets hold them. */
// `any`: a spec's key type makes DatasetSpec invariant in its columns; RowsOf recovers the row type.
export type AnyDatasetSpec = DatasetSpec<any>;

/** Identity helper for typing: the row type is inferred from the columns. */
export function defineDataset<const C extends Columns>(spec: DatasetSpec<C>): DatasetSpec<C> {
  return spec;
}

/** A loaded, validated dataset. */
export class Dataset<Row extends object = Record<string, unknown>> {
  readonly #digits: Map<Row, Record<string, number>>;
  readonly #byKey: Map<string, Row>;
  // The column that names each row's source, if the dataset combines several.
  readonly #sourceColumn: string | undefined;
  // The column that names the row a citation restates, if the dataset has citations.
  readonly #citesColumn: string | undefined;
  /** The number columns, in their declared order: a fact reference without a column quotes the first. */
  readonly numberColumns: readonly string[];
  /**
   * The rows that state values of their own, in the file's order: what figures, tables, aggregates and
   * comparisons see. Citations (rows with a `cites()` value) are left out: see `citations`.
   */
  readonly rows: readonly Row[];
  /** The rows that restate another row's value (a report quoting a forecast), in the file's order. */
  readonly citations: readonly Row[];

  /** `rows`: every row of the file, citations included; the dataset sorts them. */
  constructor(
    readonly spec: DatasetSpec<Columns>,
    rows: readonly Row[],
    digits: Map<Row, Record<string, number>>,
  ) {
    this.#digits = digits;
    this.#sourceColumn = columnsOf(spec.columns, "source")[0];
    this.#citesColumn = columnsOf(spec.columns, "cites")[0];
    this.numberColumns = columnsOf(spec.columns, "number");
    this.#byKey = new Map(rows.map((row) => [this.keyOf(row), row]));
    this.rows = rows.filter((row) => this.cites(row) === undefined);
    this.citations = rows.filter((row) => this.cites(row) !== undefined);
  }

  /** The key of the row a citation restates, or undefined for a row that states its own value. */
  cites(row: Row): string | undefined {
    if (this.#citesColumn === undefined) return undefined;
    return (row as Record<string, unknown>)[this.#citesColumn] as string | undefined;
  }

  /** The row a citation restates: `gdp.original(gdp.row("article-2020")!)` is the ADB's forecast; undefined for other rows. */
  original(row: Row): Row | undefined {
    const key = this.cites(row);
    return key === undefined ? undefined : this.#byKey.get(key);
  }

  /** The citations of a row, in the file's order: `gdp.citationsOf(gdp.row("adb-ado2020u-2020")!)`. */
  citationsOf(row: Row): readonly Row[] {
    const key = this.keyOf(row);
    return this.citations.filter((citation) => this.cites(citation) === key);
  }

  get id(): string {
    return this.spec.id;
  }

  /** Names a column, checked by the compiler: `gdp.col("growth")` is "growth", `gdp.col("nope")` does not compile. */
  col<K extends keyof Row & string>(name: K): K {
    return name;
  }

  /** A row's key as text, as fact references quote it: "2012-01-02" for a date, "4.5" for a number. */
  keyOf(row: Row): string {
    return keyText(row[this.spec.key as keyof Row]);
  }

  /**
   * The row whose key column has this value, a citation's too: `weather.row("2012-01-02")`. Text is read as the key column
   * reads a cell, so "4.50" finds the row of 4.5, and a timestamp with any offset finds its moment.
   */
  row(key: string | number | Date): Row | undefined {
    if (typeof key !== "string") return this.#byKey.get(keyText(key));
    const exact = this.#byKey.get(key);
    if (exact !== undefined) return exact;
    const parsed = this.spec.columns[this.spec.key]?.schema.safeParse(key);
    return parsed?.success && parsed.data !== undefined ? this.#byKey.get(keyText(parsed.data)) : undefined;
  }

  /** Says that no row has this key, and which keys come close: for the messages of a missing row. */
  noRow(key: string): string {
    const keys = [...this.#byKey.keys()];
    const name = this.spec.key;
    const parsed = this.spec.columns[name]?.schema.safeParse(key);
    const unlike =
      parsed?.success === false
        ? `, which is not ${parsed.error.issues[0]!.message.replace(/, found .*$/s, "").replace(/^expected /, "")}`
        : "";
    const near = nearKeys(key, keys);
    const list = (items: string[]) => items.map((item) => `"${item}"`).join(", ");
    const hint =
      near.length > 0
        ? `; close keys: ${list(near)}`
        : keys.length <= 8
          ? `; keys: ${list(keys)}`
          : `; keys such as ${list(keys.slice(0, 3))} (${keys.length.toLocaleString("en-US")} in all)`;
    return `no row of dataset "${this.id}" has ${name} "${key}"${unlike}${hint}`;
  }

  /** A number of a row together with its qualifier, kind, unit and written precision. */
  quantity(row: Row, field: keyof Row & string): QualifiedNumber {
    const column = this.spec.columns[field];
    const value = row[field];
    if (!column || column.type !== "number" || typeof value !== "number") {
      throw new Error(`${this.id}.${field} is not a number column or is empty`);
    }
    const get = (name: string) => (row as Record<string, unknown>)[name];
    return {
      value,
      digits: this.#digits.get(row)?.[field] ?? 0,
      qualifier: (get("qualifier") as QualifiedNumber["qualifier"] | undefined) ?? "exact",
      kind: (get("kind") as QualifiedNumber["kind"] | undefined) ?? "actual",
      unit: (get("unit") as QualifiedNumber["unit"] | undefined) ?? column.unit!,
      signed: column.signed ?? false,
    };
  }

  /**
   * A cell as a reader should see it, by its column's type: numbers with their qualifier, unit and
   * kind, dates to their precision, sources cited, text as is; "" for an empty cell.
   */
  format(row: Row, field: keyof Row & string, options: NumberFormat & CiteOptions = {}): string {
    const value = row[field] as unknown;
    if (value === undefined) return "";
    switch (this.spec.columns[field]?.type) {
      case "number":
        return formatNumber(this.quantity(row, field), options);
      case "date":
        return formatDate(value as PreciseDate, options.locale);
      case "datetime":
        return formatDateTime(value as Date, options.locale);
      case "source":
        return this.sourcesOf(row)
          .map((source) => citeSource(source, options))
          .join("; ");
      default:
        return String(value);
    }
  }

  /** A row's number with its sources, for prose and derived values: `gdp.fact("adb-2018")`. */
  fact(key: string | number | Date, field?: keyof Row & string): Quoted {
    const row = this.row(key);
    if (!row) throw new Error(this.noRow(keyText(key)));
    const name = field ?? this.numberColumns[0];
    if (!name) throw new Error(`dataset ${this.id} has no number column`);
    const published = this.knownFrom(row);
    return {
      value: this.quantity(row, name as keyof Row & string),
      sources: this.sourcesOf(row),
      ...(published === undefined ? {} : { published }),
    };
  }

  /**
   * When a row became known: the latest of its sources' publication dates and its own, where the
   * dataset has a date column named `published` (a forecast's date, reported later by its source).
   * Undefined when neither is recorded.
   */
  knownFrom(row: Row): PreciseDate | undefined {
    const own =
      this.spec.columns["published"]?.type === "date" ? (row as Record<string, unknown>)["published"] : undefined;
    return latestDate([...this.sourcesOf(row).map((source) => source.published), own as PreciseDate | undefined]);
  }

  /** The same dataset with only the rows that `keep` accepts: what an edition as of an earlier date knew. */
  filter(keep: (row: Row) => boolean): Dataset<Row> {
    // Citations too, in the file's order: each kept with the row it restates.
    const kept = new Set(this.rows.filter(keep));
    const all = [...this.#byKey.values()].filter((row) => {
      const cited = this.cites(row);
      return cited === undefined ? kept.has(row) : kept.has(this.#byKey.get(cited)!) && keep(row);
    });
    return new Dataset<Row>(this.spec, all, this.#digits);
  }

  /** The sources of one row: its own where the dataset has a source column, else the dataset's. */
  sourcesOf(row: Row): readonly Source[] {
    if (this.#sourceColumn === undefined) return this.spec.sources;
    const id = (row as Record<string, unknown>)[this.#sourceColumn];
    return this.spec.sources.filter((source) => source.id === id);
  }
}

export type RowsOf<D> = D extends DatasetSpec<infer C> ? RowOf<C> : never;
