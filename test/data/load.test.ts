import { mkdtemp, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defineDataset } from "../../src/data/dataset.js";
import { loadDataset } from "../../src/data/load.js";
import { defineSources } from "../../src/data/provenance.js";
import { count, date, kind, qualifier, share, source, text } from "../../src/data/schema.js";
import { formatNumber } from "../../src/data/format.js";
import { PreciseDate } from "../../src/data/qualified.js";

const root = fileURLToPath(new URL("fixtures", import.meta.url));
const sources = defineSources({
  vod: { publisher: "VOD English", title: "Summonses", published: "2020-11-03" },
  ap: { publisher: "AP", title: "Trial", published: "2020-11-13", via: "VOA Cambodia" },
});

function spec(file: string, options: { sources?: (typeof sources.vod)[] } = {}) {
  return defineDataset({
    id: "test",
    title: "Test",
    file,
    key: "id",
    columns: {
      id: text(),
      label: text(),
      share: share(),
      count: count(),
      qualifier: qualifier(),
      kind: kind(),
      date: date(),
      source: source(),
    },
    sources: options.sources ?? [sources.vod, sources.ap],
  });
}

async function problem(file: string, options?: Parameters<typeof spec>[1]): Promise<string> {
  const error = await loadDataset(spec(file, options), root).then(
    () => expect.fail(`${file} loaded without error`),
    (error: Error) => error,
  );
  expect(error.name).toBe("UserError");
  return error.message;
}

describe("loadDataset(spec, root)", () => {
  it("parses a CSV into typed rows with qualified numbers at their written precision", async () => {
    const dataset = await loadDataset(spec("good.csv"), root);
    expect(dataset.rows.map((row) => row.id)).toEqual(["a", "b"]);
    const b = dataset.row("b")!;
    expect({ ...b.date }).toEqual({ year: 2020, month: 11, precision: "month" });
    expect(b.date).toBeInstanceOf(Date);
    expect(dataset.quantity(b, "share")).toMatchObject({
      value: 45,
      digits: 1,
      qualifier: "more-than",
      kind: "forecast",
    });
    expect(formatNumber(dataset.quantity(b, "count"))).toBe("more than 50 (forecast)");
    expect(dataset.sourcesOf(b).map((s) => s.id)).toEqual(["ap"]);
  });

  it("parses a JSON array of objects the same way", async () => {
    const dataset = await loadDataset(spec("good.json"), root);
    expect(dataset.rows.map((row) => row.share)).toEqual([20, 45]);
    expect(formatNumber(dataset.quantity(dataset.row("b")!, "share"))).toBe("about 45.0%");
  });

  it("names the file and the line where an unclosed quote opens in malformed CSV", async () => {
    expect(await problem("malformed.csv")).toBe(
      "malformed.csv:3: malformed CSV: a quoted field opens here and is never closed",
    );
  });

  it("names the file, line and column of malformed JSON", async () => {
    expect(await problem("malformed.json")).toBe('malformed.json:1:13: malformed JSON: unexpected "]"');
  });

  it("names file, line, column, expected and found for a wrong type", async () => {
    expect(await problem("wrong-type.csv")).toBe('wrong-type.csv:7: column "share": expected a number, found "n/a"');
  });

  it("names the row of a wrong type in JSON", async () => {
    expect(await problem("bad.json")).toBe('bad.json: row 2: column "label": expected text, found true');
  });

  it("checks declared ranges and reports every problem, not just the first", async () => {
    expect((await problem("out-of-range.csv")).split("\n")).toEqual([
      'out-of-range.csv:2: column "share": expected a number from 0 to 100, found "120"',
      'out-of-range.csv:3: column "count": expected a whole number from 0 to ∞, found "-3"',
      'out-of-range.csv:4: column "count": expected a whole number, found "2.5"',
      'out-of-range.csv:4: column "qualifier": expected one of exact, about, more-than, at-least, up-to, found "roughly"',
      'out-of-range.csv:4: column "date": expected a date (YYYY, YYYY-MM or YYYY-MM-DD), found "2020-02-30"',
    ]);
  });

  it("rejects a row whose source is not one of the dataset's, and a repeated key", async () => {
    expect((await problem("bad-references.csv")).split("\n")).toEqual([
      'bad-references.csv:2: column "source": expected one of the dataset\'s sources (vod, ap), found "bbc"',
      'bad-references.csv:3: column "id": "a" is already the key of line 2',
    ]);
  });

  it("rejects a dataset without a source", async () => {
    expect(await problem("good.csv", { sources: [] })).toBe(
      'good.csv: dataset "test" has no source; list at least one in its sources',
    );
  });

  it("names missing and unknown columns from the header", async () => {
    const lines = (await problem("bad-header.csv")).split("\n");
    expect(lines[0]).toBe('bad-header.csv:1: missing column "label"; found columns "id", "name", "share"');
    expect(lines).toContain(
      'bad-header.csv:1: unknown column "name"; expected columns "id", "label", "share", "count", "qualifier", "kind", "date", "source"',
    );
  });

  it("names a missing file", async () => {
    expect(await problem("nope.csv")).toMatch(/^nope\.csv: cannot read dataset "test": ENOENT/);
  });

  it("refuses a data file outside the project, naming the dataset and the path as written", async () => {
    expect(await problem("../load.test.ts")).toBe(
      `dataset "test": file "../load.test.ts" is outside the project folder ${root}; keep data files inside the project`,
    );
    expect(await problem("/etc/passwd")).toBe(
      'dataset "test": file "/etc/passwd" is an absolute path; write it relative to the project folder, such as "data/topic/test.csv"',
    );
  });

  it("refuses a link inside the project to a file outside it", async () => {
    const project = await mkdtemp(join(tmpdir(), "plotbrief-link-"));
    await symlink(join(root, "good.csv"), join(project, "linked.csv"));
    const error = await loadDataset(spec("linked.csv"), project).then(
      () => expect.fail("a link out of the project was read"),
      (error: Error) => error,
    );
    expect(error.message).toBe(
      `dataset "test": file "linked.csv" is a link to ${join(root, "good.csv")}, outside the project folder; copy the file into the project instead`,
    );
  });
});

describe("dataset.row(key) on any column", () => {
  it("finds a row by a date key at its precision, or by a number key however it is written", async () => {
    const byDate = await loadDataset({ ...spec("good.csv"), key: "date" }, root);
    expect(byDate.row("2020-11")?.id).toBe("b");
    expect(byDate.row("2020-11-03")?.id).toBe("a");
    expect(byDate.row(new PreciseDate(2020, 11))?.id).toBe("b");
    expect(byDate.row("2020")).toBeUndefined();
    expect(byDate.keyOf(byDate.rows[0]!)).toBe("2020-11-03");
    expect(() => byDate.fact("2020-12")).toThrow('no row of dataset "test" has date "2020-12"; close keys: "2020-11"');

    const byCount = await loadDataset({ ...spec("good.json"), key: "count" }, root);
    expect(byCount.row("59")?.id).toBe("a");
    expect(byCount.row("59.0")?.id).toBe("a");
    expect(byCount.row(50)?.id).toBe("b");
    expect(byCount.fact(50).value.value).toBe(45);
  });
});
