import { describe, expect, it } from "vitest";
import { UserError, groupProblems, problemsError, problemsOf } from "../src/error.js";
import type { Problem } from "../src/error.js";

const bad = (line: number, row = line - 1, file = "w.csv"): Problem => ({
  message: `${file}:${line}: column "date": expected a date, found "x"`,
  file,
  line,
  row,
  column: "date",
  kind: "expected a date",
});

describe("groupProblems(problems)", () => {
  it("shows four problems of a kind as they are: counting the fourth would take a line too", () => {
    const problems = [2, 3, 4, 5].map((line) => bad(line));
    expect(groupProblems(problems)).toBe(problems.map((problem) => problem.message).join("\n"));
  });

  it("counts the rest of a kind after three, with the lines they are on", () => {
    const lines = groupProblems([2, 3, 4, 5, 6, 9].map((line) => bad(line))).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('w.csv: column "date": and 3 more like this (lines 5–6 and 9)');
  });

  it("says between which lines the rest are when they are scattered", () => {
    const lines = groupProblems([2, 3, 4, 10, 20, 30, 1_040].map((line) => bad(line))).split("\n");
    expect(lines[3]).toBe('w.csv: column "date": and 4 more like this (between lines 10 and 1,040)');
  });

  it("counts rows where the file has no lines (JSON), and keeps files and kinds apart", () => {
    const json = (row: number): Problem => ({
      message: `w.json: row ${row}: …`,
      file: "w.json",
      row,
      column: "date",
      kind: "expected a date",
    });
    const problems = [1, 2, 3, 4, 5].map(json);
    const other = { ...bad(7), kind: "expected a date from 2000" };
    const lines = groupProblems([...problems, other, bad(8)]).split("\n");
    expect(lines).toEqual([
      "w.json: row 1: …",
      "w.json: row 2: …",
      "w.json: row 3: …",
      'w.json: column "date": and 2 more like this (rows 4–5)',
      other.message,
      bad(8).message,
    ]);
  });

  it("never groups problems without a kind", () => {
    const problems = Array.from({ length: 6 }, (_, i) => ({ message: `problem ${i}` }));
    expect(groupProblems(problems).split("\n")).toHaveLength(6);
  });
});

describe("problemsError(problems)", () => {
  it("groups the problems in its message and keeps them all, for --json", () => {
    const problems = Array.from({ length: 100 }, (_, i) => bad(i + 2));
    const error = problemsError(problems);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message.split("\n")).toHaveLength(4);
    expect(problemsOf(error)).toEqual(problems);
    expect(problemsOf(new UserError("a\nb"))).toEqual([{ message: "a" }, { message: "b" }]);
  });
});
