// The alt text a chart gets when its figure gives none: not its table (a screen reader would read ten
// thousand rows, and the page would carry them twice), but what a sighted reader takes in at a glance:
// the kind of chart, its series, the range of each axis and the extremes, within a budget.
import { numberFormat } from "../data/intl.js";
import { figureRows } from "../figures/figure.js";
import type { Figure } from "../figures/figure.js";
import { CATALOGUE } from "../i18n/messages.js";
import type { ChartKind, Messages } from "../i18n/messages.js";

/** About what a screen reader's user can take in as one description. */
export const ALT_BUDGET = 300;

/** What Plot's rendered chart says of a scale. */
interface Scale {
  readonly type?: string;
  readonly domain?: readonly unknown[];
  readonly label?: string | null;
}

type Scaled = { scale?: (name: string) => Scale | undefined };

// Plot's marks by their aria-label that name a kind of chart; "scatter" and "chart" are summarise's own.
const KINDS = new Set(Object.keys(CATALOGUE.en.chartKinds).filter((kind) => kind !== "scatter" && kind !== "chart"));

/** "Title. A line chart of 96 rows in 4 series: East, North, South, West. …", at most ALT_BUDGET characters. */
export function summarise(figure: Figure, chart: Scaled, locale = "en-US"): string {
  const messages = figure.messages ?? CATALOGUE.en;
  const marks = [figure.plot.marks ?? []].flat(Infinity as 1) as ({ ariaLabel?: string; data?: unknown } | null)[];
  const x = chart.scale?.("x");
  const y = chart.scale?.("y");
  const kinds = marks.flatMap((mark) => (mark?.ariaLabel && KINDS.has(mark.ariaLabel) ? [mark.ariaLabel] : []));
  let kind = (kinds[0] ?? "chart") as ChartKind;
  if (kind === "dot" && isContinuous(x) && isContinuous(y)) kind = "scatter";
  const rows = figureRows(figure);
  const color = chart.scale?.("color");
  const series =
    color && !isContinuous(color) && color.domain && color.domain.length > 1
      ? messages.altSeries(
          color.domain.length,
          list(
            color.domain.map((value) => written(value, locale)),
            6,
            messages,
            locale,
          ),
        )
      : "";
  const parts = [
    /[.?!…]$/.test(figure.title) ? figure.title : figure.title.replace(/:?$/, "."),
    `${messages.altChart(messages.chartKinds[kind], rows, rows.toLocaleString(locale))}${series}.`,
    ...[
      ["x", x],
      ["y", y],
    ].flatMap(([name, scale]) => (scale ? [axis(name as string, scale as Scale, locale, messages)] : [])),
    // The table's extremes are the chart's only where the table holds every row the chart draws.
    figure.extremes && figure.table.total >= rows ? `${capital(figure.extremes)}.` : "",
  ].filter((part) => part !== "");
  return within(parts.join(" "), ALT_BUDGET);
}

function axis(name: string, scale: Scale, locale: string, messages: Messages): string {
  const label = (scale.label ?? name).replace(/^[↑↓←→]\s*|\s*[↑↓←→]$/g, "");
  const domain = scale.domain ?? [];
  if (isContinuous(scale) && domain.length >= 2) {
    const [low, high] = [domain[0], domain[domain.length - 1]];
    const dates = low instanceof Date && high instanceof Date;
    const format = dates ? dateFormat(+low, +high, locale) : (value: unknown) => written(value, locale);
    return messages.altRange(capital(label), format(low), format(high));
  }
  return messages.altValues(
    capital(label),
    domain.length,
    list(
      domain.map((value) => written(value, locale)),
      4,
      messages,
      locale,
    ),
  );
}

function isContinuous(scale: Scale | undefined): boolean {
  return scale !== undefined && !["ordinal", "band", "point", "categorical", "identity"].includes(scale.type ?? "");
}

function dateFormat(low: number, high: number, locale: string): (value: unknown) => string {
  const span = high - low;
  const YEAR = 365.25 * 86_400_000;
  const options: Intl.DateTimeFormatOptions =
    span >= 4 * YEAR
      ? { year: "numeric" }
      : span >= 90 * 86_400_000
        ? { month: "short", year: "numeric" }
        : { day: "numeric", month: "short", year: "numeric" };
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
  return (value) => format.format(value as Date);
}

function written(value: unknown, locale: string): string {
  if (typeof value === "number") return numberFormat(locale, { maximumSignificantDigits: 4 }).format(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** "a, b, c and 3 more" (or "1,200 more"). */
function list(values: readonly string[], most: number, messages: Messages, locale: string): string {
  if (values.length <= most) return values.join(", ");
  const more = numberFormat(locale).format(values.length - most + 1);
  return messages.andMore(values.slice(0, most - 1).join(", "), more);
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The text cut at a word to fit `budget` characters, with an ellipsis where it was cut. */
function within(text: string, budget: number): string {
  if (text.length <= budget) return text;
  const cut = text.slice(0, budget - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > budget / 2 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, "")}…`;
}
