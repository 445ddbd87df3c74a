// Tips that follow the pointer (`tip: true`) need a script, which plotbrief's pages do not run: their
// marks show the same values as native tooltips (SVG `<title>`) instead, and the build says so.
import { numberFormat } from "../data/intl.js";
import * as Plot from "@observablehq/plot";
import type { PlotOptions } from "@observablehq/plot";
import { isEnglish } from "../i18n/language.js";

type Channel = { value?: unknown; label?: string; optional?: boolean; filter?: unknown; scale?: unknown };
type MarkLike = { data?: unknown; channels?: Record<string, Channel>; tip?: unknown; ariaLabel?: string };

/**
 * The figure's Plot options with pointer tips turned into tooltips, their numbers written in `locale`,
 * and what to tell the author.
 */
export function withTooltips(
  plot: PlotOptions,
  id: string,
  locale = "en-US",
): { plot: PlotOptions; notices: string[] } {
  const written = writer(locale);
  const marks = [plot.marks ?? []].flat(Infinity as 1) as (MarkLike | null | undefined)[];
  let changed = 0;
  for (const mark of marks) {
    if (!mark?.tip || !mark.channels) continue;
    mark.tip = undefined;
    changed++;
    if (mark.channels.title) continue;
    const shown = Object.entries(mark.channels).filter(([name]) => !["title", "href", "ariaLabel"].includes(name));
    const columns = shown.map(([name, channel]) => {
      let values: ArrayLike<unknown> | null | undefined;
      try {
        values = Plot.valueof(mark.data as Plot.Data, channel.value as Plot.ChannelValue);
      } catch {
        values = undefined;
      }
      return { label: channel.label ?? (typeof channel.value === "string" ? channel.value : name), values };
    });
    const title = (_: unknown, i: number) =>
      columns
        .filter(({ values }) => values && values[i] !== undefined && values[i] !== null)
        .map(({ label, values }) => `${label}: ${written(values![i])}`)
        .join("\n");
    mark.channels.title = { value: title, optional: true, filter: null };
  }
  const notices =
    changed === 0
      ? []
      : [
          `figure ${id}: tip: true needs a script to follow the pointer, and the page runs none; ` +
            `${changed === 1 ? "its mark shows" : `its ${changed} marks show`} the same values as native tooltips instead`,
        ];
  return { plot, notices };
}

function writer(locale: string): (value: unknown) => string {
  // English keeps JavaScript's own digits ("1234.5"), as before locales reached tooltips.
  const number = isEnglish(locale) ? undefined : numberFormat(locale, { maximumFractionDigits: 20 });
  return (value) => {
    if (value instanceof Date) return value.constructor === Date ? value.toISOString() : String(value);
    if (typeof value === "number" && number) return number.format(value);
    return String(value);
  };
}
