// Column types for datasets. Each parses one raw cell (a CSV string or a JSON value) with zod and
// knows how its values are written, so the row type is inferred and quoting a value needs no hints.
import { z } from "zod";
import { callerError, found } from "../error.js";
import { KINDS, QUALIFIERS, parsePreciseDate, parseTimestamp } from "./qualified.js";
import type { Kind, PreciseDate, Qualifier } from "./qualified.js";
import { unitName } from "./units.js";
import type { Unit, UnitSpec } from "./units.js";

export type ColumnType =
  "text" | "number" | "year" | "date" | "datetime" | "qualifier" | "kind" | "source" | "cites" | "enum";

/** One column of a dataset; build them with the helpers below, e.g. `count()` or `share()`. */
export interface Column<T> {
  readonly type: ColumnType;
  readonly schema: z.ZodType<T, string | number>;
  readonly optional: boolean;
  /** For numbers: the name of the unit values are written in ("percent" adds "%"). */
  readonly unit?: Unit;
  /** For numbers: show "+" on positive values (growth rates). */
  readonly signed?: boolean;
}

export type Columns = Readonly<Record<string, Column<unknown>>>;

/** The names of the columns of one type, in their declared order: `columnsOf(spec.columns, "number")`. */
export function columnsOf(columns: Columns, type: ColumnType): string[] {
  return Object.keys(columns).filter((name) => columns[name]!.type === type);
}

/** The row type that a set of columns parses to. */
export type RowOf<C extends Columns> = { readonly [K in keyof C]: C[K] extends Column<infer T> ? T : never };

type Parsed<T> = { ok: T } | { error: string };

interface Options {
  /** An empty cell or a missing JSON field is allowed and parses to undefined. */
  readonly optional?: boolean;
}

function column<T>(
  type: ColumnType,
  expected: string,
  parse: (text: string) => Parsed<T>,
  options: Options & { unit?: Unit; signed?: boolean } = {},
): Column<T> {
  const optional = options.optional ?? false;
  const cell = z.union([z.string(), z.number()], {
    error: (issue) => `expected ${expected}, found ${found(issue.input)}`,
  });
  const schema = cell.transform((raw, ctx) => {
    const text = String(raw).trim();
    if (text === "") {
      if (optional) return undefined as T;
      ctx.issues.push({ code: "custom", input: raw, message: `expected ${expected}, found an empty cell` });
      return z.NEVER;
    }
    const result = parse(text);
    if ("ok" in result) return result.ok;
    ctx.issues.push({ code: "custom", input: raw, message: result.error });
    return z.NEVER;
  });
  return { type, schema: (optional ? schema.optional() : schema) as Column<T>["schema"], optional, ...options };
}

type Maybe<T, O extends Options> = O extends { optional: true } ? T | undefined : T;

/** Checks the options of a column type that takes only `optional`, naming the call: `date({ optinal: true })`. */
function checkOptions(type: string, options: unknown): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null) {
    throw callerError(`${type}(): expected options such as { optional: true }, found ${found(options)}`);
  }
  const unknown = Object.keys(options).find((key) => key !== "optional");
  if (unknown !== undefined) throw callerError(`${type}(): unknown option "${unknown}"; options: optional`);
  const { optional } = options as Options;
  if (optional !== undefined && typeof optional !== "boolean") {
    throw callerError(`${type}(): optional must be true or false, found ${found(optional)}`);
  }
}

/** Free text: a label, a name, a note. */
export function text<O extends Options = {}>(options?: O): Column<Maybe<string, O>> {
  checkOptions("text", options);
  return column("text", "text", (s) => ({ ok: s }), options);
}

/** Options for {@link number}, e.g. `{ unit: "percent", signed: true }` for a growth rate; all optional. */
export interface NumberOptions extends Options {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** How values are written: a unit's name ("percent", "usd-billion", "people") or one from defineUnit; none ("count") by default. */
  readonly unit?: Unit | UnitSpec;
  readonly signed?: boolean;
}

const NUMBER = /^[-\u2212+]?(\d+(\.\d*)?|\.\d+)$/;
const NUMBER_OPTIONS = ["min", "max", "integer", "unit", "signed", "optional"];

/** A number, checked against its declared range: `number()`, `number({ min: 0, unit: "mm" })`. */
export function number<O extends NumberOptions = {}>(options?: O): Column<Maybe<number, O>> {
  const problem = checkNumberOptions(options ?? {});
  if (typeof problem === "string") throw callerError(`number(): ${problem}`);
  const { min, max, integer = false } = options ?? {};
  const expected = integer ? "a whole number" : "a number";
  return column<number>(
    "number",
    expected,
    (s) => {
      if (!NUMBER.test(s)) return { error: `expected ${expected}, found ${found(s)}` };
      const value = Number(s.replace("\u2212", "-"));
      if (integer && !Number.isInteger(value)) return { error: `expected ${expected}, found ${found(s)}` };
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        return { error: `expected ${expected} from ${min ?? "-∞"} to ${max ?? "∞"}, found ${found(s)}` };
      }
      return { ok: value };
    },
    { ...options, unit: problem.unit },
  ) as Column<Maybe<number, O>>;
}

/** What is wrong with number()'s options, named for its author; else the name of its unit. */
function checkNumberOptions(options: NumberOptions): string | { unit: Unit } {
  if (typeof options !== "object" || options === null)
    return `expected options such as { unit: "percent" }, found ${found(options)}`;
  const unknown = Object.keys(options).find((key) => !NUMBER_OPTIONS.includes(key));
  if (unknown !== undefined) return `unknown option "${unknown}"; options: ${NUMBER_OPTIONS.join(", ")}`;
  for (const key of ["min", "max"] as const) {
    const value = options[key];
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value))) {
      return `${key} must be a number, found ${found(value)}`;
    }
  }
  if (options.min !== undefined && options.max !== undefined && options.min > options.max) {
    return `min (${options.min}) is more than max (${options.max})`;
  }
  for (const key of ["integer", "signed", "optional"] as const) {
    const value = options[key];
    if (value !== undefined && typeof value !== "boolean") return `${key} must be true or false, found ${found(value)}`;
  }
  const unit = unitName(options.unit ?? "count");
  return typeof unit === "string" ? { unit } : `unit: ${unit.error}`;
}

/** A share in percent, 0 to 100. */
export function share<O extends Options = {}>(options?: O): Column<Maybe<number, O>> {
  checkOptions("share", options);
  return number({ ...options, min: 0, max: 100, unit: "percent" }) as Column<Maybe<number, O>>;
}

/** A count of people or things: a whole number, 0 or more. */
export function count<O extends Options = {}>(options?: O): Column<Maybe<number, O>> {
  checkOptions("count", options);
  return number({ ...options, min: 0, integer: true, unit: "count" }) as Column<Maybe<number, O>>;
}

/** A calendar year, such as the year a forecast is for. */
export function year<O extends Options = {}>(options?: O): Column<Maybe<number, O>> {
  checkOptions("year", options);
  return column(
    "year",
    "a year (YYYY)",
    (s) => (/^\d{4}$/.test(s) ? { ok: Number(s) } : { error: `expected a year (YYYY), found ${found(s)}` }),
    options,
  ) as Column<Maybe<number, O>>;
}

/** A date to its stated precision: "2020", "2020-11" or "2020-11-03". */
export function date<O extends Options = {}>(options?: O): Column<Maybe<PreciseDate, O>> {
  checkOptions("date", options);
  return column(
    "date",
    "a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    (s) => {
      const d = parsePreciseDate(s);
      return d ? { ok: d } : { error: `expected a date (YYYY, YYYY-MM or YYYY-MM-DD), found ${found(s)}` };
    },
    options,
  ) as Column<Maybe<PreciseDate, O>>;
}

/**
 * A moment, as an ISO 8601 timestamp with its offset: "2020-11-03T14:05:00Z" or "2020-11-03T21:05+07:00",
 * kept in UTC. A timestamp without an offset is an error: its moment would depend on the machine.
 */
export function datetime<O extends Options = {}>(options?: O): Column<Maybe<Date, O>> {
  checkOptions("datetime", options);
  const expected = "an ISO 8601 timestamp with its offset (2020-11-03T14:05:00Z or 2020-11-03T21:05+07:00)";
  return column(
    "datetime",
    expected,
    (s) => {
      const moment = parseTimestamp(s);
      if (moment) return { ok: moment };
      const local = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s);
      return { error: `expected ${expected}, found ${found(s)}${local ? ", which has no offset" : ""}` };
    },
    options,
  ) as Column<Maybe<Date, O>>;
}

/** One of a fixed set of words. */
export function oneOf<const V extends readonly string[], O extends Options = {}>(
  values: V,
  options?: O,
): Column<Maybe<V[number], O>> {
  if (!Array.isArray(values) || values.length === 0 || values.some((value) => typeof value !== "string")) {
    throw callerError(
      `oneOf(): expected a list of the words a cell may hold, such as ["yes", "no"], found ${found(values)}`,
    );
  }
  checkOptions("oneOf", options);
  const expected = `one of ${values.join(", ")}`;
  return column(
    "enum",
    expected,
    (s) => (values.includes(s) ? { ok: s as V[number] } : { error: `expected ${expected}, found ${found(s)}` }),
    options,
  ) as Column<Maybe<V[number], O>>;
}

/** How the source states the row's numbers: exact, about, more-than, at-least or up-to. */
export function qualifier(): Column<Qualifier> {
  return { ...oneOf(QUALIFIERS), type: "qualifier" };
}

/** Whether the row's numbers are actual, estimate or forecast. */
export function kind(): Column<Kind> {
  return { ...oneOf(KINDS), type: "kind" };
}

/** The id of the source that reported the row, one of the dataset's sources. */
export function source(): Column<string> {
  return { ...text(), type: "source" };
}

/**
 * The key of the row that this row restates, in the same dataset: a news report quoting a forecast cites
 * the forecast's row (`article-2020` cites `adb-ado2020u-2020`). A row that cites another is a citation,
 * not an estimate of its own: `dataset.rows` leaves it out, and it is kept in `dataset.citations`. Empty
 * for a row that states its own value.
 */
export function cites(): Column<string | undefined> {
  return { ...text({ optional: true }), type: "cites" };
}
