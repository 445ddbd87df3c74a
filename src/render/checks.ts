// Nothing disappears in silence: a mark that draws nothing from its rows, a label that reaches outside
// the chart, and an axis's tick labels that run into each other ("20102000" where facets meet) are
// reported with the figure and the mark, since the chart alone would not say.
import { loadedMetrics } from "./text.js";

/** What a mark drew, counted as Plot renders it (once a facet). */
export interface MarkRecord {
  readonly label: string;
  readonly position: number;
  readonly rows: number;
  shown: number;
  drawn: number;
  /** The x and y channels each render saw, unscaled, with the rows it drew. */
  readonly positions: Position[];
}

/** A mark's values on a position scale, as one render (a facet's) saw them. */
export interface Position {
  readonly scale: "x" | "y";
  readonly value: ArrayLike<unknown>;
  readonly index: ArrayLike<number>;
}

type Renderable = {
  render?: (this: unknown, ...args: unknown[]) => Element | null;
  data?: { length?: unknown } | null;
  ariaLabel?: string;
};

/** Counts, for each mark of the chart, the rows Plot kept and the shapes it drew. */
export function instrument(plot: { marks?: unknown }): MarkRecord[] {
  const marks = [plot.marks ?? []].flat(Infinity as 1) as (Renderable | null | undefined)[];
  const records: MarkRecord[] = [];
  marks.forEach((mark, position) => {
    if (!mark || typeof mark.render !== "function") return;
    const rows = typeof mark.data?.length === "number" ? (mark.data.length as number) : 0;
    const record: MarkRecord = {
      label: mark.ariaLabel ?? "mark",
      position: position + 1,
      rows,
      shown: 0,
      drawn: 0,
      positions: [],
    };
    records.push(record);
    const render = mark.render;
    mark.render = function (this: unknown, ...args: unknown[]) {
      const node = render.apply(this, args);
      record.shown += (args[0] as { length?: number } | undefined)?.length ?? 0;
      record.positions.push(...positionsOf(args[0], args[2]));
      if (node && drawsShape(node)) record.drawn++;
      return node;
    };
  });
  return records;
}

type Channels = Record<string, { scale?: unknown; value?: ArrayLike<unknown> } | undefined>;

/** The channels of a render on the x or y scale (Plot's values carry the unscaled ones). */
function positionsOf(index: unknown, values: unknown): Position[] {
  const channels = (values as { channels?: Channels } | undefined)?.channels;
  if (!channels || !index || typeof (index as { length?: unknown }).length !== "number") return [];
  return Object.values(channels).flatMap((channel) =>
    (channel?.scale === "x" || channel?.scale === "y") && channel.value
      ? [{ scale: channel.scale, value: channel.value, index: index as ArrayLike<number> }]
      : [],
  );
}

/** Whether a mark's node holds a shape. Siblings are walked one by one: in jsdom, indexing a long `children` list is slow. */
function drawsShape(node: Element): boolean {
  if (!["g", "svg", "title", "defs", "clipPath"].includes(node.localName)) return true;
  for (let child = node.firstElementChild; child; child = child.nextElementSibling) if (drawsShape(child)) return true;
  return false;
}

/** A warning for each mark that had rows and drew nothing. */
export function checkMarks(id: string, records: readonly MarkRecord[]): string[] {
  return records
    .filter((record) => record.rows > 0 && record.drawn === 0)
    .map(
      (record) =>
        `figure ${id}: the ${record.label} mark (mark ${record.position}) draws nothing from its ${record.rows} ${record.rows === 1 ? "row" : "rows"}: ` +
        `${record.shown === 0 ? "no row has a value for every channel it needs (text where a date or number is expected?); " : ""}` +
        "a mark that follows the pointer (tip, Plot.pointer) draws nothing in a page without script",
    );
}

/**
 * A warning for each label that reaches outside the chart. Where the fonts' metrics are not loaded,
 * only labels that surely fit are passed; `unsure` says that others await them.
 */
export function checkText(
  id: string,
  svg: SVGSVGElement,
  { where = "", smallest = 0 }: { where?: string; smallest?: number } = {},
): { warnings: string[]; unsure: boolean } {
  const figure = `figure ${id}${where}`;
  let small: { size: number; label: string } | undefined;
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  const measure = loadedMetrics();
  const warnings: string[] = [];
  let unsure = false;
  const axes = new Map<Element, Tick[]>();
  const outside = new Map<string, { label: string; group: string; side: string; over: number; others: number }>();
  for (const text of Array.from(svg.querySelectorAll("text"))) {
    const place = placeOf(text);
    if (!place) continue;
    const lines = linesOf(text);
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), "");
    if (longest === "") continue;
    if (place.size < smallest && (small === undefined || place.size < small.size))
      small = { size: place.size, label: lines.join(" ") };
    const bold = isBold(text);
    // A generous estimate of its width, before measuring: a label that fits even so needs no metrics.
    const bound = Math.max(...lines.map((line) => estimate(line))) * place.size * (bold ? 1.1 : 1);
    const widthOf = (extent: number) => {
      const [left, right] =
        place.anchor === "middle"
          ? [place.x - extent / 2, place.x + extent / 2]
          : place.anchor === "end"
            ? [place.x - extent, place.x]
            : [place.x, place.x + extent];
      return { left, right };
    };
    const loose = widthOf(bound);
    const lineBaselines = baselines(text, place);
    const top = Math.min(...lineBaselines) - 0.8 * place.size;
    // Below the baseline only letters with descenders reach: "2019" ends on it, "July" a quarter em under.
    const descends = /[gjpqyQ(),;[\]{}|/_@]/.test(lines[lines.length - 1] ?? "");
    const bottom = Math.max(...lineBaselines) + (descends ? 0.25 : 0.05) * place.size;
    const axis = tickAxisOf(text);
    if (axis) {
      const ticks = axes.get(axis) ?? [];
      ticks.push({
        label: lines.join(" "),
        ...loose,
        top: Math.min(...lineBaselines) - 0.7 * place.size,
        bottom: Math.max(...lineBaselines) + 0.2 * place.size,
        measured: () => widthOf(Math.max(...lines.map((line) => measure!(line, place.size, bold)))),
      });
      axes.set(axis, ticks);
    }
    const vertical = top < -1 || bottom > height + 1;
    if (loose.left >= -1 && loose.right <= width + 1 && !vertical) continue;
    if (!measure) {
      unsure = true;
      continue;
    }
    const { left, right } = widthOf(Math.max(...lines.map((line) => measure(line, place.size, bold))));
    const over = Math.max(-left, right - width, -top, bottom - height);
    if (over <= 1) continue;
    const side = -left === over ? "left" : right - width === over ? "right" : -top === over ? "top" : "bottom";
    // One warning for each mark and side, naming its worst label: a long axis may have thousands.
    const key = `${groupOf(text)}\0${side}`;
    const seen = outside.get(key);
    if (!seen) outside.set(key, { label: lines.join(" "), group: groupOf(text), side, over, others: 0 });
    else {
      seen.others++;
      if (over > seen.over) Object.assign(seen, { label: lines.join(" "), over });
    }
  }
  for (const { label, group, side, over, others } of outside.values()) {
    const more = others === 0 ? "" : ` and ${others.toLocaleString("en-US")} more`;
    warnings.push(
      `${figure}: the label ${JSON.stringify(label)}${more} (${group}) ${others === 0 ? "reaches" : "reach up to"} ${Math.round(over)} px outside the chart at the ${side}; ` +
        `give the chart more margin${side === "left" || side === "right" ? ` (margin${side === "left" ? "Left" : "Right"})` : ""}, or shorten the label`,
    );
  }
  if (small) {
    warnings.push(
      `${figure}: text set at ${small.size} px (${JSON.stringify(small.label)}) shows smaller than 11 px on a 320 px phone; ` +
        `give it a fontSize of 13 or more where view.narrow`,
    );
  }
  for (const [axis, ticks] of axes) {
    const clash = collision(ticks, measure);
    if (clash === "unsure") unsure = true;
    else if (clash) {
      const name = (axis.getAttribute("aria-label") ?? "").replace(/-axis tick label$/, "");
      warnings.push(
        `${figure}: the ${name}-axis tick labels ${JSON.stringify(clash[0])} and ${JSON.stringify(clash[1])} run into each other; ` +
          `ask for fewer ticks (${name}: { ticks: 4 }), a shorter tickFormat, or a wider chart`,
      );
    }
  }
  return { warnings, unsure };
}

/** A tick label's box: horizontally as estimated (generously) until measured, vertically from its size. */
interface Tick {
  readonly label: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly measured: () => { left: number; right: number };
}

/** Labels closer than this look like one: "2010 2000" set 1 px apart reads "20102000". */
const TICK_GAP = 2;

/**
 * The first two tick labels of an axis that run into each other, in every facet at once (where facets
 * meet, the last label of one can meet the first of the next); "unsure" if only the metrics can tell.
 */
function collision(
  ticks: readonly Tick[],
  measure: ReturnType<typeof loadedMetrics>,
): readonly [string, string] | "unsure" | undefined {
  const sorted = [...ticks].sort((a, b) => a.left - b.left);
  let unsure = false;
  const exact = new Map<Tick, { left: number; right: number }>();
  const box = (tick: Tick) => {
    let found = exact.get(tick);
    if (!found) exact.set(tick, (found = tick.measured()));
    return found;
  };
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.left < a.right + TICK_GAP; j++) {
      const b = sorted[j]!;
      if (b.top >= a.bottom || a.top >= b.bottom) continue;
      if (!measure) {
        unsure = true;
        continue;
      }
      const [x, y] = [box(a), box(b)];
      if (x.left < y.right + TICK_GAP && y.left < x.right + TICK_GAP) return [a.label, b.label];
    }
  }
  return unsure ? "unsure" : undefined;
}

/** The axis mark a tick label belongs to, if it is one. */
function tickAxisOf(text: Element): Element | undefined {
  for (let node = text.parentElement; node; node = node.parentElement) {
    const label = node.getAttribute("aria-label");
    if (label) return label.endsWith("-axis tick label") ? node : undefined;
  }
  return undefined;
}

/** A label's width in ems, from rough classes of Source Sans 3's letters (narrow, wide, capitals, digits). */
function estimate(text: string): number {
  let ems = 0;
  for (const c of text) {
    if (c === " ") ems += 0.25;
    else if ("iljI.,;:'!|".includes(c)) ems += 0.28;
    else if ("frt()[]-".includes(c)) ems += 0.38;
    else if ("mw%".includes(c)) ems += 0.82;
    else if ("MW".includes(c)) ems += 0.92;
    else if (c >= "A" && c <= "Z") ems += 0.62;
    else ems += 0.52;
  }
  return ems;
}

/** Where a label is in the chart: its anchor point, its anchoring and its size. */
function placeOf(text: Element): { x: number; y: number; anchor: string; size: number } | undefined {
  let x = 0;
  let y = 0;
  let size = 10;
  let sized = false;
  let anchor: string | undefined;
  for (let node: Element | null = text; node; node = node.localName === "svg" ? null : node.parentElement) {
    const transform = node.localName === "svg" ? null : node.getAttribute("transform");
    if (transform) {
      if (/rotate|matrix|scale|skew/.test(transform)) return undefined;
      const match = /translate\(\s*([-\d.e]+)[\s,]*([-\d.e]+)?\s*\)/.exec(transform);
      if (match) {
        x += Number(match[1]);
        y += Number(match[2] ?? 0);
      }
    }
    anchor ??= node.getAttribute("text-anchor") ?? undefined;
    const fontSize = parseFloat(node.getAttribute("font-size") ?? "");
    if (!sized && fontSize > 0) {
      size = fontSize;
      sized = true;
    }
  }
  const length = (value: string | null) => emLength(value, size);
  x += length(text.getAttribute("x")) + length(text.getAttribute("dx"));
  y += length(text.getAttribute("y")) + length(text.getAttribute("dy"));
  return { x, y, anchor: anchor ?? "start", size };
}

/**
 * The baseline of each of a label's lines: the text's own position, or, where tspans start lines (as
 * Plot writes a label of several), each tspan's `y` and `dy` from there.
 */
function baselines(text: Element, place: { y: number; size: number }): number[] {
  const tspans = Array.from(text.children).filter((child) => child.localName === "tspan" && child.hasAttribute("x"));
  if (tspans.length === 0) return [place.y];
  const length = (value: string | null) => emLength(value, place.size);
  let current = length(text.getAttribute("y")) + length(text.getAttribute("dy"));
  const origin = place.y - current;
  return tspans.map((tspan) => {
    if (tspan.hasAttribute("y")) current = length(tspan.getAttribute("y"));
    current += length(tspan.getAttribute("dy"));
    return origin + current;
  });
}

function emLength(value: string | null, size: number): number {
  return value === null ? 0 : value.endsWith("em") ? parseFloat(value) * size : parseFloat(value) || 0;
}

/** A label's lines: a tspan with an x starts one. */
function linesOf(text: Element): string[] {
  const tspans = Array.from(text.children).filter((child) => child.localName === "tspan" && child.hasAttribute("x"));
  if (tspans.length === 0) return [visible(text)];
  return tspans.map(visible);
}

function visible(node: Element): string {
  let out = "";
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out += child.textContent ?? "";
    else if (child.nodeType === 1 && (child as Element).localName !== "title") out += visible(child as Element);
  }
  return out.replaceAll("\u200b", "");
}

function isBold(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const weight = node.getAttribute("font-weight");
    if (weight !== null) return weight === "bold" || Number(weight) >= 600;
  }
  return false;
}

/** What drew a label, as Plot names its groups: "y-axis tick label", "text". */
function groupOf(text: Element): string {
  for (let node = text.parentElement; node; node = node.parentElement) {
    const label = node.getAttribute("aria-label");
    if (label) return `${label} mark`;
  }
  return "a label";
}
