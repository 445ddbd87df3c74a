// The period a set of dates spans, written as a subtitle names it ("2017 to Jan. 2021", "Nov. 2020"),
// each end as precisely as its date was stated and never more than the author asks.
import { formatDate } from "./format.js";
import { PreciseDate, dateEnd, dateStart } from "./qualified.js";
import type { DatePrecision } from "./qualified.js";
import { isEnglish } from "../i18n/language.js";

/** How `formatPeriod` writes a period: `{ precision: "month" }` writes "Nov. 2020", not "Nov. 3, 2020". */
export interface PeriodOptions {
  /** The report's locale (BCP 47); English, AP style, by default. */
  readonly locale?: string;
  /** The finest precision to write: a date more precise is written to the month or the year. */
  readonly precision?: DatePrecision;
}

const FINENESS: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/**
 * The period from the earliest to the latest of `dates`, written for a reader: "2017 to Jan. 2021",
 * "March to Nov. 2020", or one date where they all fall in it ("Nov. 2020"). Empty cells (undefined)
 * are skipped. Example, a subtitle written from the rows a figure draws:
 * ```ts
 * subtitle: ({ summons }, { locale }) =>
 *   `As each source reported it, ${formatPeriod(summons.rows.map((row) => row.date), { locale, precision: "month" })}`
 * ```
 */
export function formatPeriod(dates: Iterable<PreciseDate | Date | undefined>, options: PeriodOptions = {}): string {
  const { locale, precision = "day" } = options;
  const list = [...dates].flatMap((date) => (date === undefined ? [] : [coarsen(preciseOf(date), precision)]));
  if (list.length === 0) throw new Error("formatPeriod: no dates to write a period from; give it at least one");
  // The earliest start and the latest end; of two that start (or end) alike, the coarser, which holds the other.
  const first = list.reduce((a, b) => {
    const order = dateStart(a).getTime() - dateStart(b).getTime();
    return order < 0 || (order === 0 && FINENESS[a.precision] <= FINENESS[b.precision]) ? a : b;
  });
  const last = list.reduce((a, b) => {
    const order = dateEnd(a).getTime() - dateEnd(b).getTime();
    return order > 0 || (order === 0 && FINENESS[a.precision] <= FINENESS[b.precision]) ? a : b;
  });
  // One date that holds them all ("2020" over "Nov. 2020"), or the same date twice.
  if (dateEnd(first).getTime() >= dateEnd(last).getTime()) return formatDate(first, locale);
  if (isEnglish(locale)) {
    // "March to Nov. 2020": a year said once where both ends share it.
    const shared = first.year === last.year && first.month !== undefined;
    const sameMonth = shared && first.month === last.month && first.day !== undefined && last.day !== undefined;
    // "Nov. 3 to 26, 2020": the month, too, said once.
    if (sameMonth) return formatDate(first).replace(/, \d+$/, ` to ${last.day}, ${last.year}`);
    const from = shared ? formatDate(first).replace(/,? \d+$/, "") : formatDate(first);
    return `${from} to ${formatDate(last)}`;
  }
  if (first.precision === last.precision) {
    // Intl says the shared parts once, in the locale's words: "mars – nov. 2020", "3.–26. November 2020".
    const parts: Intl.DateTimeFormatOptions = { timeZone: "UTC", year: "numeric" };
    if (first.month !== undefined) parts.month = "long";
    if (first.day !== undefined) parts.day = "numeric";
    return new Intl.DateTimeFormat(locale, parts).formatRange(dateStart(first), dateStart(last));
  }
  // Set apart as Intl sets a range: an en dash between thin spaces.
  return `${formatDate(first, locale)}\u2009–\u2009${formatDate(last, locale)}`;
}

/** A date as precise as it was stated; a plain Date (one that crossed to another process) to the day. */
function preciseOf(date: PreciseDate | Date): PreciseDate {
  if (date instanceof PreciseDate) return date;
  if ("precision" in date && "year" in date) {
    const { year, month, day } = date as unknown as PreciseDate;
    return new PreciseDate(year, month, day);
  }
  return new PreciseDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function coarsen(date: PreciseDate, precision: DatePrecision): PreciseDate {
  if (FINENESS[date.precision] <= FINENESS[precision]) return date;
  return precision === "year" ? new PreciseDate(date.year) : new PreciseDate(date.year, date.month);
}
