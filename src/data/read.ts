// A data file's records, before validation: its bytes decoded as UTF-8 (anything else is an error,
// never a replacement character), CSV or JSON parsed, and its shape checked (a header with unique
// names, every row as long as the header, at least one row, at most the dataset's limit), each
// problem located.
import { extname } from "node:path";
import { parse as parseCsv, CsvError } from "csv-parse/sync";
import { UserError, located, problemsError } from "../error.js";
import type { Problem } from "../error.js";
import { formatDigits } from "./format.js";

/** One record as read from the file, before validation; `line` is known for CSV. */
export interface RawRecord {
  readonly fields: Record<string, unknown>;
  readonly line?: number;
  readonly index: number;
}

/** How many rows a dataset may have unless its definition says otherwise (`maxRows`). */
export const MAX_ROWS = 100_000;

/** Reads a data file's records: `file` names it in messages, `maxRows` bounds its rows. */
export function readRecords(
  file: string,
  bytes: Uint8Array,
  maxRows: number,
): { header: string[]; records: RawRecord[] } {
  const text = decode(file, bytes).replace(/^\uFEFF/, "");
  const read = extname(file) === ".csv" ? readCsv : extname(file) === ".json" ? readJson : undefined;
  if (!read) throw new UserError(located(file, undefined, `expected a .csv or .json file, found "${extname(file)}"`));
  const result = read(file, text, maxRows);
  if (result.records.length === 0) {
    throw new UserError(
      located(
        file,
        extname(file) === ".csv" ? 1 : undefined,
        "expected rows of data, found none; a dataset needs at least one",
      ),
    );
  }
  return result;
}

/** UTF-8 text, or an error at the first byte that is not, with its line and column. */
function decode(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Find the first bad byte: the longest prefix that decodes, then where it ends.
    let good = 0;
    let bad = bytes.length;
    while (good < bad) {
      const middle = Math.ceil((good + bad) / 2);
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, middle));
        good = middle;
      } catch {
        bad = middle - 1;
      }
    }
    // A character cut off at `good` would decode on its own: step back to a whole one.
    let at = good;
    while (at < bytes.length && at > 0 && (bytes[at]! & 0xc0) === 0x80) at--;
    const before = new TextDecoder().decode(bytes.subarray(0, at));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, "0");
    throw new UserError(
      `${file}:${line}:${column}: expected UTF-8 text, found the byte 0x${byte} (Latin-1 or Windows-1252, perhaps); save the file as UTF-8`,
    );
  }
}

function tooMany(file: string, maxRows: number): UserError {
  return new UserError(
    located(
      file,
      undefined,
      `more than ${formatDigits(maxRows, 0)} rows, the most a dataset may have; aggregate the data before plotbrief, or raise the limit with maxRows in its defineDataset`,
    ),
  );
}

function readCsv(file: string, text: string, maxRows: number): { header: string[]; records: RawRecord[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  try {
    parseCsv(text, {
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record: string[], context: { lines: number }) => {
        // Rows are counted as they are read, so that a file far too long stops early.
        if (records.length > maxRows) throw tooMany(file, maxRows);
        records.push(record);
        lines.push(context.lines);
        return null;
      },
    });
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (!(error instanceof CsvError)) throw error;
    if (error.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new UserError(
        located(file, openQuoteLine(text), "malformed CSV: a quoted field opens here and is never closed"),
      );
    }
    const line = (error as CsvError & { lines?: number }).lines;
    const message = error.message.replace(/:? (at|on) line \d+\.?$/, "").replace(/\.$/, "");
    throw new UserError(located(file, line, `malformed CSV: ${message}`));
  }
  const [first, ...rest] = records;
  if (first === undefined) throw new UserError(located(file, 1, "expected a header row, found an empty file"));
  const header = first.map((name) => name.trim());
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    const at = (message: string) => problems.push({ message: located(file, lines[0], message), file, line: lines[0]! });
    if (name === "") at(`column ${i + 1} of the header has no name`);
    else if (seen.has(name)) at(`column "${name}" is named twice, as columns ${seen.get(name)! + 1} and ${i + 1}`);
    seen.set(name, i);
  });
  rest.forEach((record, index) => {
    if (record.length === header.length) return;
    const line = lines[index + 1]!;
    // Rows of the same length are one kind of problem, grouped when there are many.
    const at = (message: string) =>
      problems.push({ message: located(file, line, message), file, line, row: index + 1, kind: message });
    if (record.length < header.length) {
      const missing = header.slice(record.length).map((name) => `"${name}"`);
      at(
        `expected ${header.length} fields, found ${record.length}: no value for column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
      );
    } else {
      at(`expected ${header.length} fields, found ${record.length}: more than the header names`);
    }
  });
  if (problems.length > 0) throw problemsError(problems);
  return {
    header,
    records: rest.map((record, index) => ({
      fields: Object.fromEntries(header.map((name, i) => [name, record[i]])),
      line: lines[index + 1]!,
      index,
    })),
  };
}

/** The line where a quoted field opens that is never closed. */
function openQuoteLine(text: string): number {
  let line = 1;
  let opened = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    else if (c === '"') {
      if (quoted && text[i + 1] === '"') i++;
      else {
        quoted = !quoted;
        if (quoted) opened = line;
      }
    }
  }
  return opened;
}

function readJson(file: string, text: string, maxRows: number): { header: string[]; records: RawRecord[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON.parse's message seldom says where.
    throw new UserError(jsonError(file, text));
  }
  if (
    !Array.isArray(data) ||
    !data.every((item) => typeof item === "object" && item !== null && !Array.isArray(item))
  ) {
    throw new UserError(located(file, undefined, "expected a JSON array of objects, one per row"));
  }
  if (data.length > maxRows) throw tooMany(file, maxRows);
  const header = [...new Set(data.flatMap((item) => Object.keys(item)))];
  return { header, records: data.map((fields, index) => ({ fields, index })) };
}

/** Where JSON is malformed, with its line and column (JSON.parse does not say). */
function jsonError(file: string, text: string): string {
  const at = jsonErrorAt(text);
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const column = at - before.lastIndexOf("\n");
  const what = at >= text.length ? "the file ends too soon" : `unexpected ${JSON.stringify(text[at])}`;
  return `${file}:${line}:${column}: malformed JSON: ${what}`;
}

/** The offset of the first character that JSON's grammar does not allow (the length if it ends too soon). */
function jsonErrorAt(text: string): number {
  let i = 0;
  const space = () => {
    while (/[ \t\n\r]/.test(text[i] ?? "")) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const expect = (c: string) => (text[i] === c ? i++ : fail());
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") {
      i++;
      space();
      if (text[i] === "}") return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        expect(":");
        value();
        space();
        if (text[i] === ",") i++;
        else return void expect("}");
      }
    }
    if (c === "[") {
      i++;
      space();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ",") i++;
        else return void expect("]");
      }
    }
    if (c === '"') return string();
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!literal) fail();
    i += literal![0].length;
  };
  const string = () => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c === "\n") fail();
      if (c === '"') return void i++;
      i += c === "\\" ? 2 : 1;
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return text.length;
  } catch (at) {
    return at as number;
  }
}
