// A hand-set domain that cuts off data draws it outside the frame, or not at all, and the chart does
// not say so: the domain is checked against every value the marks drew on its scale.
import type { MarkRecord } from "./checks.js";

/** The scales whose values lie on a line, where a domain can cut some off. */
const CONTINUOUS = new Set(["linear", "log", "sqrt", "pow", "symlog", "time", "utc"]);

/** A chart as Plot returns it: its scales, with their domains as drawn. */
type Scaled = { scale?(name: string): { type?: string; domain?: readonly unknown[] } | undefined };

/** A domain that cuts off values: its scale, and what to say of it (without the figure's name). */
export interface Cut {
  readonly scale: "x" | "y";
  readonly message: string;
}

/**
 * The x and y domains set by hand that leave some of the marks' values outside. A value on the
 * boundary is inside; `clamp: true` (the chart's or the scale's) says the cut is meant.
 */
export function checkDomains(options: object, chart: unknown, records: readonly MarkRecord[]): Cut[] {
  const plot = options as Record<string, unknown>;
  const cuts: Cut[] = [];
  for (const name of ["x", "y"] as const) {
    const scaleOptions = plot[name] as { domain?: unknown; clamp?: unknown } | undefined;
    if (scaleOptions?.domain === undefined || scaleOptions.clamp === true || plot.clamp === true) continue;
    const scale = (chart as Scaled).scale?.(name);
    if (!scale?.domain || !CONTINUOUS.has(scale.type ?? "")) continue;
    const ends = scale.domain.map(Number);
    const [low, high] = [Math.min(...ends), Math.max(...ends)];
    if (!Number.isFinite(low) || !Number.isFinite(high)) continue;
    // Sums of decimals (a stack's) may land a hair past a boundary set on purpose.
    const slack = (high - low) * 1e-9;
    let count = 0;
    let smallest: unknown;
    let largest: unknown;
    for (const record of records) {
      if (/-(?:axis|grid)\b/.test(record.label)) continue;
      const rows = new Set<number>();
      for (const { scale: channelScale, value, index } of record.positions) {
        if (channelScale !== name) continue;
        for (let i = 0; i < index.length; i++) {
          const row = index[i]!;
          const raw = value[row];
          if (raw === null || raw === undefined) continue;
          const number = Number(raw);
          if (!Number.isFinite(number)) continue;
          if (number < low - slack) {
            rows.add(row);
            if (smallest === undefined || number < Number(smallest)) smallest = raw;
          } else if (number > high + slack) {
            rows.add(row);
            if (largest === undefined || number > Number(largest)) largest = raw;
          }
        }
      }
      // Marks drawing the same rows (a line and its dots) cut off the same values: counted once.
      count = Math.max(count, rows.size);
    }
    if (count === 0) continue;
    const extremes = [
      ...(smallest === undefined ? [] : [`the smallest, ${show(smallest)}`]),
      ...(largest === undefined ? [] : [`the largest, ${show(largest)}`]),
    ].join(", and ");
    cuts.push({
      scale: name,
      message:
        `the ${name} domain [${scale.domain.map(show).join(", ")}] cuts off ${count.toLocaleString("en-US")} ${count === 1 ? "value" : "values"} (${extremes}); ` +
        "widen the domain, or leave it out so that it comes from the data (nice: true pads it)",
    });
  }
  return cuts;
}

/** A value as an author would type it in a domain: a number as is, a date as ISO (its day alone at midnight). */
function show(value: unknown): string {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  return String(value);
}
