/** How a source states a number: "about 20%", "more than 50". */
export const QUALIFIERS = ["exact", "about", "more-than", "at-least", "up-to"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** What kind of figure a number is: a measured outturn, an estimate or a forecast. */
export const KINDS = ["actual", "estimate", "forecast"] as const;
export type Kind = (typeof KINDS)[number];

/** How precisely a date is known. */
export type DatePrecision = "year" | "month" | "day";

/** A date as precise as its source: "2020", "2020-11" or "2020-11-03". Always UTC. */
export interface PreciseDate {
  readonly year: number;
  readonly month?: number; // 1-12
  readonly day?: number;
  readonly precision: DatePrecision;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses "2020", "2020-11" or "2020-11-03"; returns undefined for anything else. */
export function parsePreciseDate(text: string): PreciseDate | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  if (m === undefined) return { year, precision: "year" };
  const month = Number(m);
  if (month < 1 || month > 12) return undefined;
  if (d === undefined) return { year, month, precision: "month" };
  const day = Number(d);
  // Date.UTC rolls over invalid days (2020-02-31); a round trip catches them.
  if (day < 1 || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  return { year, month, day, precision: "day" };
}

/** The first instant of the period a precise date names, in UTC. */
export function dateStart(date: PreciseDate): Date {
  return new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1));
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

/** Units that the formatters know how to write. */
export const UNITS = ["percent", "percentage-points", "count", "years", "usd", "usd-billion", "eur-billion"] as const;
export type Unit = (typeof UNITS)[number];
