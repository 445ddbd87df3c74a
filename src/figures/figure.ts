import type { PlotOptions } from "@observablehq/plot";
import { UserError } from "../error.js";
import { sourceLine } from "../data/provenance.js";
import type { Dataset, DatasetSpec, RowsOf } from "../data/dataset.js";
import { withAxes } from "./axes.js";
import { withTooltips } from "./tips.js";
import { makeTable } from "./table.js";
import type { DataTable, DataTableSpec } from "./table.js";

/** The loaded datasets a figure uses, typed by their specs. */
export type Loaded<D extends Uses> = { readonly [K in keyof D]: Dataset<RowsOf<D[K]>> };
// `any`: a spec's key type makes DatasetSpec invariant in its columns; RowsOf recovers the row type.
export type Uses = Readonly<Record<string, DatasetSpec<any>>>;

/**
 * A figure as its author declares it: typed rows in, Plot options and furniture out. Example:
 * ```ts
 * defineFigure({ id: "summons", title: "How many were summoned?", uses: { summons },
 *   plot: ({ summons }) => ({ marks: [Plot.barX(summons.rows, { x: summons.col("count"), y: summons.col("id") })] }),
 *   table: ({ summons }) => tableOf(summons, ["reported_by", "count"]) })
 * ```
 * The source line is written from the provenance of the rows in `table`; it cannot be typed by hand.
 */
export interface FigureSpec<D extends Uses> {
  /** Used in notebooks (`{{figure summons}}`), file names and element ids: lowercase letters, digits, dashes. */
  readonly id: string;
  /** A title, or a function that writes it from the data, so that a number in it cannot drift. */
  readonly title: string | ((data: Loaded<D>) => string);
  readonly subtitle?: string | ((data: Loaded<D>) => string);
  readonly uses: D;
  /** Plot options without `document` and `className`, which the renderer sets. */
  readonly plot: (data: Loaded<D>) => PlotOptions;
  /** The rows the figure shows: the reader's table, the CSV download and the source line come from them. */
  // `any`: each figure's rows have their own type, and tableOf checks the columns against it.
  readonly table: (data: Loaded<D>) => DataTableSpec<any>;
  /** Notes under the chart, written from the data. */
  readonly notes?: (data: Loaded<D>) => readonly string[];
  /** Alt text; by default, the title and the table's rows. */
  readonly alt?: (data: Loaded<D>) => string;
}

/** A figure of any datasets, as reports list them. */

export type AnyFigureSpec = FigureSpec<any>;

/** Identity helper for typing: infers each dataset's row type for `plot`, `table` and `alt`. */
export function defineFigure<const D extends Uses>(spec: FigureSpec<D>): FigureSpec<D> {
  if (!/^[a-z][a-z0-9-]*$/.test(spec.id)) {
    throw new Error(`figure id "${spec.id}": use lowercase letters, digits and dashes, starting with a letter`);
  }
  return spec;
}

/** A figure with its data bound: everything the renderers need, nothing that needs a DOM. */
export interface Figure {
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly notes: readonly string[];
  readonly alt: string;
  readonly source: string;
  readonly table: DataTable;
  readonly plot: PlotOptions;
  /** What the build should tell the author about this figure (features a page without script lacks). */
  readonly notices: readonly string[];
}

/** Binds a figure to its loaded datasets and writes its furniture. */
export function resolveFigure<D extends Uses>(
  spec: FigureSpec<D>,
  datasets: ReadonlyMap<string, Dataset>,
  locale?: string,
): Figure {
  const data = {} as Record<string, Dataset>;
  for (const [name, dataset] of Object.entries(spec.uses)) {
    const loaded = datasets.get(dataset.id);
    if (!loaded) throw new Error(`figure ${spec.id}: dataset ${dataset.id} is not loaded`);
    data[name] = loaded;
  }
  const bound = data as unknown as Loaded<D>;
  const tableSpec = spec.table(bound);
  if (tableSpec.rows.length === 0) {
    throw new UserError(
      `figure ${spec.id}: its table has no rows; a figure shows at least one, and its source line names their sources`,
    );
  }
  const table = makeTable(tableSpec, locale);
  const sources = tableSpec.rows.flatMap((row) => tableSpec.dataset.sourcesOf(row));
  const write = (text: string | ((data: Loaded<D>) => string)) => (typeof text === "string" ? text : text(bound));
  const title = write(spec.title);
  const alt = spec.alt ? spec.alt(bound) : defaultAlt(title, table);
  return {
    id: spec.id,
    title,
    ...(spec.subtitle === undefined ? {} : { subtitle: write(spec.subtitle) }),
    notes: spec.notes?.(bound) ?? [],
    alt,
    source: sourceLine(sources),
    table,
    ...withTooltips(withAxes(spec.plot(bound), locale ?? "en-US"), spec.id),
  };
}

/** How many rows a figure draws from: its table's, or its largest mark's data where that is larger. */
export function figureRows(figure: Figure): number {
  const marks = [figure.plot.marks ?? []].flat(Infinity as 1) as { data?: unknown }[];
  const sizes = marks.map((mark) => {
    const data = mark?.data as { length?: unknown } | undefined;
    return typeof data?.length === "number" ? data.length : 0;
  });
  return Math.max(figure.table.rows.length, ...sizes);
}

/** "Title. Head: cell, head: cell; …" — every number the chart shows, in words a screen reader can say. */
function defaultAlt(title: string, table: DataTable): string {
  const rows = table.rows.map((row) => row.map((cell, i) => `${table.head[i]}: ${cell}`).join(", "));
  return `${title}. ${rows.join("; ")}.`;
}
