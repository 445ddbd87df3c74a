import type { Unit } from "./units.js";

/** How a source states a number: "about 20%", "more than 50". */
export const QUALIFIERS = ["exact", "about", "more-than", "at-least", "up-to"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** What kind of figure a number is: a measured outturn, an estimate or a forecast. */
export const KINDS = ["actual", "estimate", "forecast"] as const;
export type Kind = (typeof KINDS)[number];

/** How precisely a date is known. */
export type DatePrecision = "year" | "month" | "day";

/**
 * A date as precise as its source: "2020", "2020-11" or "2020-11-03". It is a `Date` (the first instant
 * of the period it names, in UTC), so that Plot draws it on a time axis as it is; it also knows its
 * precision, so that it is written as precisely as it was stated, never more.
 */
export class PreciseDate extends Date {
  readonly year: number;
  readonly month?: number; // 1-12
  readonly day?: number;
  readonly precision: DatePrecision;

  constructor(year: number, month?: number, day?: number) {
    super(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
    // Years below 100 would be read as 1900 and more: the year is set as it is.
    if (year < 100) this.setUTCFullYear(year);
    this.year = year;
    if (month !== undefined) this.month = month;
    if (day !== undefined) this.day = day;
    this.precision = day !== undefined ? "day" : month !== undefined ? "month" : "year";
  }

  /** As written in ISO 8601 to its precision: "2020", "2020-11", "2020-11-03". */
  override toString(): string {
    const pad = (n: number) => String(n).padStart(2, "0");
    if (this.month === undefined) return String(this.year);
    if (this.day === undefined) return `${this.year}-${pad(this.month)}`;
    return `${this.year}-${pad(this.month)}-${pad(this.day)}`;
  }

  override toJSON(): string {
    return this.toString();
  }
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses "2020", "2020-11" or "2020-11-03"; returns undefined for anything else. */
export function parsePreciseDate(text: string): PreciseDate | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  if (m === undefined) return new PreciseDate(year);
  const month = Number(m);
  if (month < 1 || month > 12) return undefined;
  if (d === undefined) return new PreciseDate(year, month);
  const day = Number(d);
  // Date.UTC rolls over invalid days (2020-02-31); a round trip catches them.
  if (day < 1 || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  return new PreciseDate(year, month, day);
}

/**
 * The latest of some dates, each compared by its start ("2020-11" counts as Nov. 1, 2020); undefined
 * when none is given.
 */
export function latestDate(dates: Iterable<PreciseDate | undefined>): PreciseDate | undefined {
  let latest: PreciseDate | undefined;
  for (const date of dates)
    if (date !== undefined && (latest === undefined || date.getTime() > latest.getTime())) latest = date;
  return latest;
}

// A timestamp with its offset: "2020-11-03T14:05:00Z", "2020-11-03T21:05+07:00".
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO 8601 timestamp with an offset into its instant; undefined for anything else. */
export function parseTimestamp(text: string): Date | undefined {
  const match = TIMESTAMP.exec(text);
  if (!match) return undefined;
  const date = new Date(text.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  const [, y, mo, d, h, mi, sec = "0"] = match;
  const valid =
    !Number.isNaN(date.getTime()) &&
    Number(mo) >= 1 &&
    Number(mo) <= 12 &&
    Number(d) >= 1 &&
    new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDate() === Number(d) &&
    Number(h) < 24 &&
    Number(mi) < 60 &&
    Number(sec) < 60;
  return valid ? date : undefined;
}

/** The first instant of the period a precise date names, in UTC. */
export function dateStart(date: PreciseDate): Date {
  // A precise date is the Date of its start (one that crossed to another process is a plain Date).
  return new Date(date.getTime());
}

/** The first instant after the period a precise date names, in UTC. */
export function dateEnd(date: PreciseDate): Date {
  const { year, month, day } = date;
  if (month === undefined) return new Date(Date.UTC(year + 1, 0, 1));
  if (day === undefined) return new Date(Date.UTC(year, month, 1));
  return new Date(Date.UTC(year, month - 1, day + 1));
}

/** Orders precise dates by their start, then coarser before finer. */
export function compareDates(a: PreciseDate, b: PreciseDate): number {
  return dateStart(a).getTime() - dateStart(b).getTime() || dateEnd(b).getTime() - dateEnd(a).getTime();
}

/** A number as one source states it, with everything needed to quote it faithfully. */
export interface QualifiedNumber {
  readonly value: number;
  /** Decimal places as written in the source: "-4.0" has 1, "-4" has 0. */
  readonly digits: number;
  readonly qualifier: Qualifier;
  readonly kind: Kind;
  readonly unit: Unit;
  /** Show a sign on positive values too (growth rates: "+6.8%"). */
  readonly signed: boolean;
}

// Units are data of their own; these names stay here for the modules that import them from here.
export { UNITS } from "./units.js";
export type { Unit } from "./units.js";
