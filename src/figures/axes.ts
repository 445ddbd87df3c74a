// Axes that follow the data and the report's language, where the figure leaves them to Plot: a date
// column's ticks are never finer than the precision it was stated to ("2020" has no tick in June),
// and ticks are written in the report's locale.
import { numberFormat } from "../data/intl.js";
import * as Plot from "@observablehq/plot";
import type { PlotOptions, ScaleOptions } from "@observablehq/plot";
import { PreciseDate } from "../data/qualified.js";
import type { DatePrecision } from "../data/qualified.js";
import { isEnglish } from "../i18n/language.js";

const DAY = 86_400_000;
const DURATIONS: Record<string, number> = {
  day: DAY,
  "2 days": 2 * DAY,
  week: 7 * DAY,
  month: 30.44 * DAY,
  "3 months": 91.3 * DAY,
  "6 months": 182.6 * DAY,
  year: 365.25 * DAY,
  "2 years": 730.5 * DAY,
  "5 years": 1826 * DAY,
  "10 years": 3652 * DAY,
  "20 years": 7305 * DAY,
  "50 years": 18262 * DAY,
  "100 years": 36525 * DAY,
};
const STEPS = Object.keys(DURATIONS);
const FIRST: Record<DatePrecision, string> = { day: "day", month: "month", year: "year" };
const ORDER: DatePrecision[] = ["year", "month", "day"];

/** What the marks put on the x and y scales: their values, where they can be read before rendering. */
interface Seen {
  readonly dates: PreciseDate[];
  /** Dates with a time of day (`datetime()` columns), which Plot ticks as it sees fit. */
  readonly moments: number;
  readonly numbers: number;
  readonly others: number;
}

/** The figure's Plot options with ticks fitted to its dates and written in `locale`, where it left them unset. */
export function withAxes(plot: PlotOptions, locale: string): PlotOptions {
  const seen = {
    x: { dates: [], moments: 0, numbers: 0, others: 0 },
    y: { dates: [], moments: 0, numbers: 0, others: 0 },
  } as Record<"x" | "y", Seen>;
  const marks = [plot.marks ?? []].flat(Infinity as 1) as unknown[];
  for (const mark of marks) {
    const { channels, data } = (mark ?? {}) as {
      channels?: Record<string, { value?: unknown; scale?: unknown }>;
      data?: unknown;
    };
    if (!channels || data === undefined || data === null) continue;
    for (const channel of Object.values(channels)) {
      if (channel.scale !== "x" && channel.scale !== "y") continue;
      let values: ArrayLike<unknown> | null | undefined;
      try {
        values = Plot.valueof(data as Plot.Data, channel.value as Plot.ChannelValue);
      } catch {
        continue; // a value only a transform makes: Plot decides
      }
      for (const value of Array.from(values ?? [])) {
        if (value instanceof PreciseDate) seen[channel.scale].dates.push(value);
        else if (value instanceof Date) (seen[channel.scale] as { moments: number }).moments++;
        else if (typeof value === "number") (seen[channel.scale] as { numbers: number }).numbers++;
        else if (value !== null && value !== undefined) (seen[channel.scale] as { others: number }).others++;
      }
    }
  }
  const english = isEnglish(locale);
  const options: PlotOptions = { ...plot };
  for (const name of ["x", "y"] as const) {
    const { dates, moments, numbers, others } = seen[name];
    const scale: ScaleOptions = { ...(plot[name] as ScaleOptions | undefined) };
    if (dates.length > 0 && moments === 0 && numbers === 0 && others === 0) {
      const ticks = dateTicks(name, plot, scale, dates);
      if (ticks !== undefined && scale.ticks === undefined && scale.interval === undefined) scale.ticks = ticks;
      if (!english && scale.tickFormat === undefined)
        scale.tickFormat = dateFormat(String(scale.ticks ?? ticks), locale);
    } else if (moments > 0 && numbers === 0 && others === 0 && !english && scale.tickFormat === undefined) {
      scale.tickFormat = momentFormat(locale);
    } else if (
      numbers > 0 &&
      dates.length + moments === 0 &&
      others === 0 &&
      !english &&
      scale.tickFormat === undefined
    ) {
      const format = numberFormat(locale);
      scale.tickFormat = (value: number) => format.format(value);
    } else continue;
    (options as Record<string, unknown>)[name] = scale;
  }
  return options;
}

/** The finest tick interval at or above the dates' precision that gives no more ticks than Plot would. */
function dateTicks(name: "x" | "y", plot: PlotOptions, scale: ScaleOptions, dates: PreciseDate[]): string | undefined {
  const precision = ORDER[Math.max(...dates.map((date) => ORDER.indexOf(date.precision)))]!;
  if (precision === "day" && scale.type !== undefined && scale.type !== "utc" && scale.type !== "time")
    return undefined;
  const domain = (scale.domain as unknown[] | undefined)?.map((value) => +(value as Date));
  const times = domain ?? dates.map((date) => date.getTime());
  const span = Math.max(...times) - Math.min(...times);
  // Plot's own defaults: a tick every 80 px across, every 35 px down.
  const count = name === "x" ? (plot.width ?? 640) / 80 : (plot.height ?? 400) / 35;
  for (const step of STEPS.slice(STEPS.indexOf(FIRST[precision]))) {
    if (span / DURATIONS[step]! <= count) return step;
  }
  return "100 years";
}

/** Ticks written as Intl writes dates in `locale`, as precisely as the interval between them. */
function dateFormat(interval: string, locale: string): (date: Date) => string {
  const duration = DURATIONS[interval] ?? DURATIONS.year!;
  const parts: Intl.DateTimeFormatOptions =
    duration >= DURATIONS.year!
      ? { year: "numeric" }
      : duration >= DURATIONS.month!
        ? { month: "short", year: "numeric" }
        : { day: "numeric", month: "short" };
  const format = new Intl.DateTimeFormat(locale, { ...parts, timeZone: "UTC" });
  return (date) => format.format(date);
}

/**
 * Ticks of moments written as Intl writes them in `locale`, as precisely as the step between them,
 * which Plot chose: a tick format function gets every tick as its third argument.
 */
function momentFormat(locale: string): (date: Date, index: number, ticks?: readonly Date[]) => string {
  const formats = new Map<string, Intl.DateTimeFormat>();
  return (date, _, ticks = []) => {
    // Without the other ticks (or with one alone), the date is written to the day.
    const steps = ticks.slice(1).map((tick, i) => +tick - +ticks[i]!);
    const step = steps.length === 0 ? DAY : Math.min(...steps);
    const parts: Intl.DateTimeFormatOptions =
      step >= DURATIONS.year! * 0.9
        ? { year: "numeric" }
        : step >= DURATIONS.month! * 0.9
          ? { month: "short", year: "numeric" }
          : step >= DAY
            ? { day: "numeric", month: "short", ...(steps.length === 0 ? { year: "numeric" } : {}) }
            : { hour: "numeric", minute: "2-digit" };
    const key = JSON.stringify(parts);
    if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(locale, { ...parts, timeZone: "UTC" }));
    return formats.get(key)!.format(date);
  };
}
