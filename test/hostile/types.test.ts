import { describe, expect, it } from "vitest";
import { badDates, failure, project } from "./project.js";

const csv = (rows: string) => project({ "data/t/t.csv": `id,label,value,source\n${rows}` });

describe("hostile input: types", () => {
  it("names the line, column, expected and found for each bad value, all at once", async () => {
    expect(await failure(await csv("a,A,n/a,s\nb,B,1e999,s\nc,C,Infinity,s\nd,D,0x10,s\n"))).toBe(
      [
        'data/t/t.csv:2: column "value": expected a number, found "n/a"',
        'data/t/t.csv:3: column "value": expected a number, found "1e999"',
        'data/t/t.csv:4: column "value": expected a number, found "Infinity"',
        'data/t/t.csv:5: column "value": expected a number, found "0x10"',
      ].join("\n"),
    );
  });

  it("refuses a key used twice and a source the dataset does not declare", async () => {
    expect(await failure(await csv("a,A,1,s\na,B,2,elsewhere\n"))).toBe(
      [
        'data/t/t.csv:3: column "source": expected one of the dataset\'s sources (s), found "elsewhere"',
        'data/t/t.csv:3: column "id": "a" is already the key of line 2',
      ].join("\n"),
    );
  });

  it("shows three problems of each column and kind, then counts the rest and says on which lines", async () => {
    const message = await failure(await project(badDates(1_700)));
    const expected = "expected a date (YYYY, YYYY-MM or YYYY-MM-DD)";
    expect(message).toBe(
      [
        `data/t/t.csv:2: column "date": ${expected}, found "01/01/2012"`,
        `data/t/t.csv:3: column "date": ${expected}, found "01/02/2012"`,
        `data/t/t.csv:4: column "date": ${expected}, found "01/03/2012"`,
        'data/t/t.csv: column "date": and 1,697 more like this (lines 5–999 and 1,001–1,702)',
        'data/t/t.csv:10: column "value": expected a number, found "n/a"',
        'data/t/t.csv:20: column "value": expected a number, found "n/a"',
        'data/t/t.csv:30: column "value": expected a number, found "n/a"',
        'data/t/t.csv: column "value": and 2 more like this (lines 40 and 50)',
      ].join("\n"),
    );
  });
});
