import type { AnyDatasetSpec, Dataset, DatasetSpec, RowsOf } from "../data/dataset.js";
import type { Quoted } from "../data/derive.js";
import type { AnyFigureSpec } from "../figures/figure.js";
import type { MessagesSpec } from "../i18n/locale.js";

/**
 * A report's module, `reports/<slug>/report.ts`: the figures its notebook can embed, and any further
 * datasets its prose quotes. Example: `export default defineReport({ figures: [gdpRevisions], datasets: [article] })`.
 */
export interface ReportSpec {
  readonly figures: readonly AnyFigureSpec[];
  /**
   * Values computed from the data, quoted in prose as `{{derived/name}}`, their qualifiers and sources
   * carried through. Example: `{ revision: (get) => change(get(gdp).fact("adb-ado2019-2020"), get(gdp).fact("adb-ado2021-2020")) }`.
   */
  readonly facts?: Readonly<
    Record<string, (get: <D extends AnyDatasetSpec>(spec: D) => Dataset<RowsOf<D>>, params: Params) => Quoted>
  >;
  // `any`: datasets of every row type; each was checked where it was defined.
  readonly datasets?: readonly DatasetSpec<any>[];
  /**
   * The project's own words for the reader, by language or locale: a language plotbrief lacks, or a
   * string changed. Example: `{ en: { figure: (n) => \`Fig. ${n}\` } }`; see `defineMessages`.
   */
  readonly messages?: MessagesSpec;
  /**
   * One report, many editions: a table with a row per edition (a country, a province), each built into
   * `out/<report>/<slug>/`. Its figures, derived values, notebook (`{{param.name}}`) and front matter
   * see the edition's row as `params`. Example: `{ table: "data/regions/regions.csv", filter: { region: "slug" } }`.
   */
  readonly editions?: EditionsSpec;
}

/** An edition's parameters: its row of the editions table, by column, as text. */
export type Params = Readonly<Record<string, string>>;

/** Where a report's editions are listed, and how each selects its rows of the data. */
export interface EditionsSpec {
  /**
   * The table, one row per edition: a CSV (or JSON) file relative to the project root, with a header
   * row, or a dataset (its cells as text).
   */
  // `any`: a dataset of any row type.
  readonly table: string | DatasetSpec<any>;
  /** The column naming each edition's folder and URL: lowercase letters, digits and dashes. Default "slug". */
  readonly slug?: string;
  /**
   * Which rows of the data an edition draws, as `{ <dataset column>: <parameter> }`: every dataset of
   * the report with that column keeps the rows whose value is the edition's. An edition that keeps no
   * row of a dataset is an error naming it. Example: `{ country: "iso3" }`.
   */
  readonly filter?: Readonly<Record<string, string>>;
}

/** Identity helper for typing. */
export function defineReport(spec: ReportSpec): ReportSpec {
  return spec;
}

/** A report's folder name, which becomes a path, an element id and part of a URL. */
export const REPORT_NAME = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Where a build writes a report, relative to the output folder: `<report>/`, or `<report>/<edition>/`
 * for one of its editions; and its PDF's name there, which a reader's download keeps.
 */
export function outputPaths(slug: string, edition?: string): { dir: string; pdf: string; id: string } {
  return edition === undefined
    ? { dir: slug, pdf: `${slug}.pdf`, id: slug }
    : { dir: `${slug}/${edition}`, pdf: `${slug}-${edition}.pdf`, id: `${slug}/${edition}` };
}

/** Where a report's files are, relative to the project root. */
export function reportPaths(slug: string) {
  const dir = `reports/${slug}`;
  return { dir, notebook: `${dir}/index.md`, module: `${dir}/report.ts` };
}
