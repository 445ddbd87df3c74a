// plotbrief's public face: everything an author of datasets, figures, reports and templates imports,
// and nothing else. Authors write `import { defineDataset, Plot } from "plotbrief"`; every other module
// is internal and free to move.

// Plot itself, the copy that plotbrief renders with, so `npm i plotbrief` is all a project installs.
export * as Plot from "@observablehq/plot";

// Data: sources, datasets, column types, qualified numbers.
export { defineSources, citeSource, sourceLine } from "./data/provenance.js";
export type { Source, SourceSpec } from "./data/provenance.js";
export { defineDataset } from "./data/dataset.js";
export type { Dataset, DatasetSpec, AnyDatasetSpec, RowsOf } from "./data/dataset.js";
export {
  cites,
  count,
  date,
  datetime,
  kind,
  number,
  oneOf,
  qualifier,
  share,
  source,
  text,
  year,
} from "./data/schema.js";
export type { Column, ColumnType, Columns, NumberOptions, RowOf } from "./data/schema.js";
export {
  KINDS,
  PreciseDate,
  QUALIFIERS,
  UNITS,
  compareDates,
  dateEnd,
  dateStart,
  parsePreciseDate,
  parseTimestamp,
} from "./data/qualified.js";
export type { DatePrecision, Kind, QualifiedNumber, Qualifier, Unit } from "./data/qualified.js";
export { defineUnit } from "./data/units.js";
export type { BuiltinUnit, UnitForm, UnitSpec } from "./data/units.js";

// Writing numbers and dates, and values derived from others with their qualifiers and sources.
export { formatDate, formatDateTime, formatDigits, formatList, formatNumber, isoDate } from "./data/format.js";
export { typeset } from "./data/typography.js";
export type { NumberFormat } from "./data/format.js";
export { formatPeriod } from "./data/period.js";
export type { PeriodOptions } from "./data/period.js";
export { change, difference, shareOf } from "./data/derive.js";
export type { Quoted } from "./data/derive.js";
export { countRows, max, mean, median, min, rank, shareOfTotal, sum } from "./data/aggregate.js";
export type { AggregateOptions, Aggregation, NumberColumn } from "./data/aggregate.js";
export type { RowSelection } from "./data/select.js";

// Figures.
export { defineFigure } from "./figures/figure.js";
export type { AnyFigureSpec, Figure, FigureSpec, FigureView, FigureWords, Loaded, Uses } from "./figures/figure.js";
export { palette } from "./render/palette.js";
export { tableOf } from "./figures/table.js";
export type { DataTable, DataTableSpec } from "./figures/table.js";

// Reports and templates.
export { defineReport } from "./report/report.js";
export type { EditionsSpec, Params, ReportSpec } from "./report/report.js";
export { defineTemplate } from "./report/template.js";
export type {
  FigureContext,
  Margins,
  PageContext,
  PrintContext,
  RunningHead,
  TemplateSpec,
} from "./report/template.js";
export type { FrontMatter, KeyNumberSpec } from "./report/notebook.js";
export { dateline } from "./report/as-of.js";
export type { Fact } from "./report/facts.js";
export type { SourcesAndMethods } from "./report/sources.js";
export type { FontSpec } from "./render/fonts.js";

// Words for the reader, in the report's language: plotbrief's own and the project's.
export { defineMessages } from "./i18n/locale.js";
export type { MessagesSpec } from "./i18n/locale.js";
export { CATALOGUE as MESSAGES } from "./i18n/messages.js";
export type { ChartKind, Messages } from "./i18n/messages.js";

// Markup for templates: escaped unless marked trusted.
export { escapeHtml, html, isTrusted, trusted } from "./render/html.js";
export type { Html } from "./render/html.js";

export { VERSION } from "./version.js";
