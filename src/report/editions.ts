// One report, many editions: a table lists them (a row per country, province or industry), and each
// edition is the report with its row's parameters: its datasets narrowed to its rows, its front matter
// and notebook written with `{{param.name}}`, its figures and derived values given `params`.
import { readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { UserError, found, located } from "../error.js";
import { isOutside, linkedOutside } from "../paths.js";
import type { Dataset, DatasetSpec } from "../data/dataset.js";
import type { Columns } from "../data/schema.js";
import { keyText } from "../data/keys.js";
import { loadDataset } from "../data/load.js";
import type { ReadFile } from "../data/load.js";
import { readRecords } from "../data/read.js";
import { typeset } from "../data/typography.js";
import type { LoadedReport } from "./load.js";
import type { FrontMatter, Notebook } from "./notebook.js";
import { REPORT_NAME, reportPaths } from "./report.js";
import type { Params, ReportSpec } from "./report.js";

/** One edition of a report: its slug (its folder under `out/<report>/`), its parameters, and where its row is. */
export interface Edition {
  readonly slug: string;
  readonly params: Params;
  /** The editions table, relative to the project root. */
  readonly file: string;
  /** The row's line in a CSV table. */
  readonly line?: number;
}

/** The most editions one report may have. */
export const MAX_EDITIONS = 100_000;

/** A `{{param.name}}` placeholder, in front matter text or a notebook's reference. */
export const PARAM = /\{\{\s*param\.([^{}\s|]+)\s*\}\}/g;

/**
 * A report's editions, read from its table and checked: a slug on every row, each a folder name and
 * each once, and every parameter its filter names. Undefined for a report without editions.
 */
export async function loadEditions(
  root: string,
  slug: string,
  spec: ReportSpec,
  read: ReadFile = readFile,
): Promise<Edition[] | undefined> {
  const editions = spec.editions;
  if (editions === undefined) return undefined;
  const module = reportPaths(slug).module;
  const slugColumn = editions.slug ?? "slug";
  const rows: { fields: Record<string, unknown>; line?: number }[] = [];
  let file: string;
  let header: string[];
  if (typeof editions.table === "string") {
    file = editions.table;
    const path = join(root, file);
    if (isAbsolute(file) || isOutside(root, path) || linkedOutside(root, path) !== undefined) {
      throw new UserError(
        located(
          module,
          undefined,
          `editions: table "${file}" is outside the project folder; a build reads only the project`,
        ),
      );
    }
    let bytes: Uint8Array;
    try {
      bytes = await read(path);
    } catch {
      throw new UserError(
        located(module, undefined, `editions: no table at ${file}; give a CSV file relative to the project folder`),
      );
    }
    const records = readRecords(file, bytes, MAX_EDITIONS);
    header = records.header;
    rows.push(
      ...records.records.map((record) => ({ fields: record.fields, ...(record.line ? { line: record.line } : {}) })),
    );
  } else if (typeof editions.table === "object" && editions.table !== null && "file" in editions.table) {
    const dataset = await loadDataset(editions.table as DatasetSpec<Columns>, root, read);
    file = dataset.spec.file;
    header = Object.keys(dataset.spec.columns);
    rows.push(...dataset.rows.map((row) => ({ fields: row as Record<string, unknown> })));
  } else {
    throw new UserError(
      located(
        module,
        undefined,
        `editions: expected a table, a CSV file's path or a dataset, found ${found(editions.table)}`,
      ),
    );
  }
  const where = (line: number | undefined, message: string) =>
    new UserError(line === undefined ? `${file}: ${message}` : located(file, line, message));
  if (!header.includes(slugColumn)) {
    throw where(
      1,
      `no column "${slugColumn}", which names each edition's folder; add it, or name another with editions: { slug: "…" } in ${module}`,
    );
  }
  for (const [column, param] of Object.entries(editions.filter ?? {})) {
    if (!header.includes(param))
      throw new UserError(
        located(
          module,
          undefined,
          `editions: filter { ${column}: "${param}" } names the parameter "${param}", but ${file} has no such column; it has ${header.join(", ")}`,
        ),
      );
  }
  const seen = new Map<string, number | undefined>();
  const problems: string[] = [];
  const list = rows.map(({ fields, line }, index): Edition => {
    const params = Object.fromEntries(header.map((name) => [name, fields[name] == null ? "" : keyText(fields[name])]));
    const name = params[slugColumn]!;
    const at = line ?? index + 1;
    if (!REPORT_NAME.test(name)) {
      problems.push(
        (line === undefined ? `${file}: row ${at}: ` : `${file}:${line}: `) +
          `column "${slugColumn}": expected an edition's folder name (lowercase letters, digits and dashes), found ${found(name)}`,
      );
    } else if (seen.has(name)) {
      const first = seen.get(name);
      problems.push(
        (line === undefined ? `${file}: row ${at}: ` : `${file}:${line}: `) +
          `column "${slugColumn}": "${name}" is already the edition of ${first === undefined ? "an earlier row" : `line ${first}`}; each edition once`,
      );
    }
    seen.set(name, line);
    return { slug: name, params, file, ...(line === undefined ? {} : { line }) };
  });
  if (problems.length > 0) throw new UserError(problems.join("\n"));
  return list;
}

/** Where an edition's row is, for messages: "data/regions/regions.csv:5: edition "north"". */
export function editionPlace(edition: Edition): string {
  const place = edition.line === undefined ? edition.file : `${edition.file}:${edition.line}`;
  return `${place}: edition "${edition.slug}"`;
}

/**
 * The report as one edition: each dataset with a filtered column narrowed to the edition's rows, and
 * the front matter's `{{param.name}}` written. A dataset left with no rows is an error naming the
 * edition and the dataset: its data is missing.
 */
export function forEdition(report: LoadedReport, edition: Edition): LoadedReport {
  const filter = Object.entries(report.spec.editions?.filter ?? {});
  const module = reportPaths(report.slug).module;
  const problems: string[] = [];
  const datasets = new Map<string, Dataset>();
  for (const [id, dataset] of report.datasets) {
    const columns = filter.filter(([column]) => column in dataset.spec.columns);
    if (columns.length === 0) {
      datasets.set(id, dataset);
      continue;
    }
    const wanted = columns.map(([, param]) => edition.params[param]!).join("\0");
    const rows = rowsByValue(
      dataset,
      columns.map(([column]) => column),
    ).get(wanted);
    const kept = dataset.filter((row) => rows?.has(row) === true);
    if (kept.rows.length === 0) {
      const which = columns.map(([column, param]) => `${column} is "${edition.params[param]}"`).join(" and ");
      problems.push(
        `${editionPlace(edition)}: ${dataset.spec.file} (dataset ${id}) has no rows where ${which}; add its rows, or remove the edition`,
      );
    }
    datasets.set(id, kept);
  }
  for (const [column] of filter) {
    if (![...report.datasets.values()].some((dataset) => column in dataset.spec.columns)) {
      problems.push(
        located(module, undefined, `editions: filter names the column "${column}", which no dataset of the report has`),
      );
    }
  }
  if (problems.length > 0) throw new UserError(problems.join("\n"));
  const front = withParams(report.notebook, edition.params, edition);
  return { ...report, edition, datasets, notebook: { ...report.notebook, front } };
}

// A dataset's rows by their values in the filtered columns, made once for all of a report's editions.
const indexes = new WeakMap<Dataset, Map<string, Map<string, Set<unknown>>>>();

function rowsByValue(dataset: Dataset, columns: readonly string[]): Map<string, Set<unknown>> {
  const byColumns = indexes.get(dataset) ?? new Map<string, Map<string, Set<unknown>>>();
  indexes.set(dataset, byColumns);
  const key = columns.join("\0");
  let index = byColumns.get(key);
  if (!index) {
    index = new Map();
    for (const row of dataset.rows) {
      const value = columns.map((column) => keyText((row as Record<string, unknown>)[column])).join("\0");
      (index.get(value) ?? index.set(value, new Set()).get(value)!).add(row);
    }
    byColumns.set(key, index);
  }
  return index;
}

/**
 * The front matter with each `{{param.name}}` written from `params`. Without params (a report with no
 * editions), or with a parameter the table lacks, a placeholder is an error at its key's line.
 */
export function withParams(notebook: Notebook, params: Params | undefined, edition?: Edition): FrontMatter {
  const { front, file, keyLines } = notebook;
  const problems: string[] = [];
  const fill = (key: string, text: string): string =>
    text.replace(PARAM, (placeholder, name: string) => {
      const value = params?.[name];
      if (value !== undefined) return typeset(value);
      problems.push(located(file, keyLines[key], unknownParam(placeholder, name, params, edition)));
      return placeholder;
    });
  const filled: FrontMatter = {
    ...front,
    title: fill("title", front.title),
    dek: fill("dek", front.dek),
    byline: fill("byline", front.byline),
    keywords: front.keywords.map((keyword) => fill("keywords", keyword)),
    ...(front.credit === undefined ? {} : { credit: fill("credit", front.credit) }),
    ...(front.url === undefined ? {} : { url: fill("url", front.url) }),
    key_numbers: front.key_numbers.map((number) => ({
      ...number,
      fact: fill("key_numbers", number.fact),
      label: fill("key_numbers", number.label),
      ...(number.reason === undefined ? {} : { reason: fill("key_numbers", number.reason) }),
      ...(number.before === undefined
        ? {}
        : {
            before: { fact: fill("key_numbers", number.before.fact), label: fill("key_numbers", number.before.label) },
          }),
    })),
  };
  if (problems.length > 0) throw new UserError(problems.join("\n"));
  return filled;
}

/** Why `{{param.name}}` cannot be written: the report has no editions, or its table no such column. */
export function unknownParam(
  placeholder: string,
  name: string,
  params: Params | undefined,
  edition: Edition | undefined,
): string {
  if (params === undefined)
    return `${placeholder}: this report has no editions; declare them in report.ts: defineReport({ editions: { table: "data/…/editions.csv" } })`;
  return `${placeholder}: ${edition?.file ?? "the editions table"} has no column "${name}"; it has ${Object.keys(params).join(", ")}`;
}

/**
 * Why `--edition <slug>` names nothing: the report has no editions, or its table lists no such slug
 * (with the first few it does list).
 */
export function noSuchEdition(report: string, edition: string, editions: readonly Edition[] | undefined): string {
  if (editions === undefined)
    return `--edition ${edition}: ${report} has no editions; declare them in ${reportPaths(report).module}: defineReport({ editions })`;
  const some = editions.slice(0, 5).map((candidate) => candidate.slug);
  return `--edition ${edition}: ${report} has no such edition; ${editions[0]?.file ?? "its table"} lists ${some.join(", ")}${editions.length > 5 ? `… (${editions.length})` : ""}`;
}
