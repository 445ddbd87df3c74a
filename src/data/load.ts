import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { UserError, found, located, problemsError } from "../error.js";
import type { Problem } from "../error.js";
import { isOutside, linkedOutside } from "../paths.js";
import { Dataset } from "./dataset.js";
import { keyText } from "./keys.js";
import { MAX_ROWS, readRecords } from "./read.js";
import type { DatasetSpec } from "./dataset.js";
import { columnsOf } from "./schema.js";
import { citationProblem } from "./citation.js";
import type { QualifiedNumber } from "./qualified.js";
import { unitName } from "./units.js";
import type { Columns, RowOf } from "./schema.js";

/** Reads a file's bytes by absolute path: the build passes one that reads each file once. */
export type ReadFile = (path: string) => Promise<Uint8Array>;

/**
 * Reads and validates a dataset's file. Every row is checked against the columns; all problems are
 * reported together, each naming the file, line (or row), column, what was expected and what was found.
 */
export async function loadDataset<C extends Columns>(
  spec: DatasetSpec<C>,
  root: string,
  read: ReadFile = readFile,
): Promise<Dataset<RowOf<C>>> {
  const file = spec.file;
  for (const [name, type] of [
    ["qualifier", "qualifier"],
    ["kind", "kind"],
    ["unit", "enum"],
  ] as const) {
    const column = spec.columns[name];
    if (column && column.type !== type) {
      throw new UserError(
        located(
          file,
          undefined,
          `dataset "${spec.id}": column "${name}" qualifies the row's numbers, so declare it with ${name === "unit" ? "oneOf(UNITS)" : `${name}()`}`,
        ),
      );
    }
  }
  if (spec.sources.length === 0) {
    throw new UserError(
      located(file, undefined, `dataset "${spec.id}" has no source; list at least one in its sources`),
    );
  }
  const path = insideProject(spec as unknown as DatasetSpec<Columns>, root);
  let bytes: Uint8Array;
  try {
    bytes = await read(path);
  } catch (error) {
    throw new UserError(located(file, undefined, `cannot read dataset "${spec.id}": ${(error as Error).message}`));
  }
  // Reports that share a dataset share its loaded form while its file is unchanged (a reader that
  // reads each file once gives the same bytes back): a dataset is immutable once loaded.
  const cached = loaded.get(spec);
  if (cached?.bytes === bytes) return cached.dataset as Dataset<RowOf<C>>;
  const dataset = parse(spec, bytes);
  loaded.set(spec, { bytes, dataset });
  return dataset;
}

const loaded = new WeakMap<object, { bytes: Uint8Array; dataset: unknown }>();

/** Validates a dataset file's records against the dataset's columns. */
function parse<C extends Columns>(spec: DatasetSpec<C>, bytes: Uint8Array): Dataset<RowOf<C>> {
  const file = spec.file;
  const { header, records } = readRecords(file, bytes, spec.maxRows ?? MAX_ROWS);
  const headerProblems: string[] = [];
  checkHeader(spec as unknown as DatasetSpec<Columns>, header, headerProblems);
  if (headerProblems.length > 0) throw new UserError(headerProblems.join("\n"));

  const shape = Object.fromEntries(Object.entries(spec.columns).map(([name, column]) => [name, column.schema]));
  const schema = z.object(shape).strict();
  const sourceIds = new Set(spec.sources.map((source) => source.id));
  const numberColumns = columnsOf(spec.columns, "number");
  const sourceColumn = columnsOf(spec.columns, "source")[0];
  const rows: RowOf<C>[] = [];
  const digits = new Map<RowOf<C>, Record<string, number>>();
  // Keys compare as text, as references quote them: two rows of one date are two rows of one key.
  const keys = new Map<string, number | string>();
  const problems: Problem[] = [];
  const recordOf = new Map<RowOf<C>, (typeof records)[number]>();
  const problemAt = (record: (typeof records)[number], column: string, kind: string, message: string) => {
    const where = record.line ?? `row ${record.index + 1}`;
    const text = `column "${column}": ${message}`;
    problems.push({
      message: typeof where === "number" ? located(file, where, text) : `${file}: ${where}: ${text}`,
      file,
      ...(record.line === undefined ? {} : { line: record.line }),
      row: record.index + 1,
      column,
      kind,
    });
  };

  for (const record of records) {
    const where = record.line ?? `row ${record.index + 1}`;
    const problem = (column: string, kind: string, message: string) => problemAt(record, column, kind, message);
    const result = schema.safeParse(record.fields);
    if (!result.success) {
      for (const issue of result.error.issues) {
        // The kind is what was expected, without what was found ("expected a number", "found an empty cell").
        problem(String(issue.path[0]), issue.message.replace(/, found (?!an empty cell).*$/s, ""), issue.message);
      }
      continue;
    }
    const row = result.data as RowOf<C>;
    if (sourceColumn !== undefined && !sourceIds.has(String(row[sourceColumn]))) {
      const list = [...sourceIds].join(", ");
      problem(
        sourceColumn,
        "source",
        `expected one of the dataset's sources (${list}), found ${found(row[sourceColumn])}`,
      );
    }
    // A unit column's words are checked by oneOf; a project's unit must also be defined by then.
    const unit = "unit" in spec.columns ? (row as Record<string, unknown>)["unit"] : undefined;
    const known = typeof unit === "string" ? unitName(unit) : undefined;
    if (typeof known === "object") problem("unit", "unit", known.error);
    const key = keyText(row[spec.key]);
    const previous = keys.get(key);
    if (previous !== undefined) {
      problem(
        spec.key,
        "key",
        `${found(key)} is already the key of ${typeof previous === "number" ? `line ${previous}` : previous}`,
      );
    }
    keys.set(key, where);
    digits.set(row, Object.fromEntries(numberColumns.map((name) => [name, digitsOf(record.fields[name])])));
    recordOf.set(row, record);
    rows.push(row);
  }
  if (problems.length > 0) throw problemsError(problems);
  const dataset = new Dataset(spec as unknown as DatasetSpec<Columns>, rows, digits);
  const citesColumn = columnsOf(spec.columns, "cites")[0];
  if (citesColumn !== undefined) {
    const cites = (row: RowOf<C>) => row[citesColumn] as string | undefined;
    const values = (row: RowOf<C>) => {
      const numbers = new Map<string, QualifiedNumber>();
      for (const name of numberColumns) if (row[name] !== undefined) numbers.set(name, dataset.quantity(row, name));
      return numbers;
    };
    for (const row of rows) {
      const cited = cites(row);
      if (cited === undefined) continue;
      const original = dataset.row(cited);
      const problem = citationProblem(
        keyText(row[spec.key]),
        values(row),
        cited,
        original && { key: cited, cites: cites(original), values: values(original) },
        () => rows.map((r) => keyText(r[spec.key])),
      );
      if (problem !== undefined) problemAt(recordOf.get(row)!, citesColumn, problem.kind, problem.message);
    }
    if (problems.length > 0) throw problemsError(problems);
  }
  return dataset;
}

/**
 * The dataset's file as an absolute path, if it is inside the project: a build reads only the project,
 * so that it gives the same output on every machine and cannot publish a file from elsewhere (through
 * "..", an absolute path or a symbolic link).
 */
function insideProject(spec: DatasetSpec<Columns>, root: string): string {
  const refuse = (why: string) => {
    throw new UserError(`dataset "${spec.id}": file "${spec.file}" ${why}`);
  };
  if (isAbsolute(spec.file))
    refuse(`is an absolute path; write it relative to the project folder, such as "data/topic/${spec.id}.csv"`);
  const path = resolve(root, spec.file);
  if (isOutside(root, path)) refuse(`is outside the project folder ${root}; keep data files inside the project`);
  const real = linkedOutside(root, path);
  if (real !== undefined)
    refuse(`is a link to ${real}, outside the project folder; copy the file into the project instead`);
  return path;
}

function checkHeader(spec: DatasetSpec<Columns>, header: string[], problems: string[]): void {
  const at = (message: string) => located(spec.file, spec.file.endsWith(".csv") ? 1 : undefined, message);
  for (const [name, column] of Object.entries(spec.columns)) {
    if (!column.optional && !header.includes(name)) {
      problems.push(at(`missing column "${name}"; found columns ${header.map((h) => `"${h}"`).join(", ")}`));
    }
  }
  for (const name of header) {
    if (!(name in spec.columns)) {
      problems.push(
        at(
          `unknown column "${name}"; expected columns ${Object.keys(spec.columns)
            .map((c) => `"${c}"`)
            .join(", ")}`,
        ),
      );
    }
  }
}

/** Decimal places as written: "-4.0" has 1. JSON numbers have lost theirs, so they count as written by JS. */
function digitsOf(raw: unknown): number {
  const match = /\.(\d+)\s*$/.exec(String(raw ?? ""));
  return match ? match[1]!.length : 0;
}
