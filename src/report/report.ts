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
  readonly facts?: Readonly<Record<string, (get: <D extends AnyDatasetSpec>(spec: D) => Dataset<RowsOf<D>>) => Quoted>>;
  // `any`: datasets of every row type; each was checked where it was defined.
  readonly datasets?: readonly DatasetSpec<any>[];
  /**
   * The project's own words for the reader, by language or locale: a language plotbrief lacks, or a
   * string changed. Example: `{ en: { figure: (n) => \`Fig. ${n}\` } }`; see `defineMessages`.
   */
  readonly messages?: MessagesSpec;
}

/** Identity helper for typing. */
export function defineReport(spec: ReportSpec): ReportSpec {
  return spec;
}

/** A report's folder name, which becomes a path, an element id and part of a URL. */
export const REPORT_NAME = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Where a report's files are, relative to the project root. */
export function reportPaths(slug: string) {
  const dir = `reports/${slug}`;
  return { dir, notebook: `${dir}/index.md`, module: `${dir}/report.ts` };
}
