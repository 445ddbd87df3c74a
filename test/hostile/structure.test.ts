import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { failure, project } from "./project.js";

const csv = (text: string) => project({ "data/t/t.csv": text });

describe("hostile input: structure", () => {
  it("refuses a column named twice, naming both places", async () => {
    expect(await failure(await csv("id,label,value,value,source\na,A,1,2,s\n"))).toBe(
      'data/t/t.csv:1: column "value" is named twice, as columns 3 and 4',
    );
  });

  it("refuses a dataset with a header and no rows, naming the file", async () => {
    expect(await failure(await csv("id,label,value,source\n"))).toBe(
      "data/t/t.csv:1: expected rows of data, found none; a dataset needs at least one",
    );
  });

  it("names the column a short row lacks, and a row too long", async () => {
    expect(await failure(await csv("id,label,value,source\na,A,1,s\nb,B\nc,C,3,s,extra\n"))).toBe(
      [
        'data/t/t.csv:3: expected 4 fields, found 2: no value for columns "value", "source"',
        "data/t/t.csv:4: expected 4 fields, found 5: more than the header names",
      ].join("\n"),
    );
  });

  it("names the line where an unclosed quote opens, not the end of the file", async () => {
    expect(await failure(await csv('id,label,value,source\na,"A,1,s\nb,B,2,s\nc,C,3,s\n'))).toBe(
      "data/t/t.csv:2: malformed CSV: a quoted field opens here and is never closed",
    );
  });

  it("refuses an empty file and a header cell without a name", async () => {
    expect(await failure(await csv(""))).toBe("data/t/t.csv:1: expected a header row, found an empty file");
    expect(await failure(await csv("id,,value,source\na,A,1,s\n"))).toBe(
      "data/t/t.csv:1: column 2 of the header has no name",
    );
  });

  it("names the line and column of malformed JSON, and refuses JSON that is not rows", async () => {
    const root = await project({
      "data/t/t.json": '[\n  {"id": "a", "label": "A", "value": 1, "source": "s"},\n  {"id": "b", "label": }\n]',
    });
    const datasets = join(root, "data/t/datasets.ts");
    await writeFile(datasets, (await readFile(datasets, "utf8")).replace("data/t/t.csv", "data/t/t.json"));
    expect(await failure(root)).toBe('data/t/t.json:3:24: malformed JSON: unexpected "}"');
    await writeFile(join(root, "data/t/t.json"), '{"id": "a"}');
    expect(await failure(root)).toBe("data/t/t.json: expected a JSON array of objects, one per row");
  });
});
