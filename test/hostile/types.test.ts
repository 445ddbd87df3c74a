import { describe, expect, it } from "vitest";
import { failure, project } from "./project.js";

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
});
