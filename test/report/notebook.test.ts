import { describe, expect, it } from "vitest";
import { parseNotebook } from "../../src/report/notebook.js";

const front = ["---", 'title: "T"', "dek: D", "byline: B", "date: 2020-11-30", "---"];

function problem(source: string): string {
  try {
    parseNotebook("reports/x/index.md", source);
  } catch (error) {
    return (error as Error).message;
  }
  return expect.fail("parsed without error");
}

describe("parseNotebook(file, source)", () => {
  it("reads front matter, with defaults, and finds where the body starts", () => {
    const notebook = parseNotebook("reports/x/index.md", [...front, "", "Up {{gdp/a}}."].join("\n"));
    expect(notebook.front).toMatchObject({ title: "T", template: "briefing", lang: "en", paper: "a4", keywords: [] });
    expect({ ...notebook.front.date }).toEqual({ year: 2020, month: 11, day: 30, precision: "day" });
    expect(notebook.bodyLine).toBe(7);
    expect(notebook.body).toBe("\nUp {{gdp/a}}.");
  });

  it("takes a year alone as a date of year precision", () => {
    const source = [...front.slice(0, 4), "date: 2020", "---"].join("\n");
    expect({ ...parseNotebook("reports/x/index.md", source).front.date }).toEqual({ year: 2020, precision: "year" });
  });

  it("names the line of a bad front matter value", () => {
    const source = [...front.slice(0, 4), "date: last week", "---", "text"].join("\n");
    expect(problem(source)).toBe(
      'reports/x/index.md:5: front matter "date": expected a date (YYYY, YYYY-MM or YYYY-MM-DD), found "last week"',
    );
  });

  it("names a missing key and an unknown one", () => {
    expect(problem(["---", "title: T", "dek: D", "date: 2020", "---"].join("\n"))).toMatch(
      /^reports\/x\/index\.md:1: front matter "byline": expected text/,
    );
    expect(problem([...front.slice(0, 5), "colour: red", "---"].join("\n"))).toBe(
      'reports/x/index.md:1: unknown front matter key "colour"; expected title, dek, byline, date, updated, template, lang, paper, keywords, formats, locale, key_numbers, choices, strict, max_page_mb, max_figure_rows, table_rows, credit, url',
    );
  });

  it("requires front matter", () => {
    expect(problem("# Title")).toBe('reports/x/index.md:1: expected front matter starting with "---", found "# Title"');
  });
});
