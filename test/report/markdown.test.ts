import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/i18n/messages.js";
import { findProse, findReferences as find, parseMarkdown } from "../../src/report/markdown.js";

const findReferences = (body: string) => find(parseMarkdown(body));

describe("findReferences(body)", () => {
  it("finds figure lines and inline facts with their lines, as the renderer parses them", () => {
    const body = ["Up by {{gdp/a}} and", "{{gdp/b | abs}}.", "{{figure f}}", "", "Code `{{not/a-ref}}` is text."].join(
      "\n",
    );
    expect(findReferences(body)).toEqual([
      { kind: "inline", text: "gdp/a", line: 0, direction: "up" },
      { kind: "inline", text: "gdp/b | abs", line: 1 },
      { kind: "figure", text: "f", line: 2 },
    ]);
  });

  it("notes the direction that the words just before a reference give it", () => {
    const directions = (body: string) => findReferences(body).map((reference) => reference.direction);
    expect(directions("Up {{a/b}}, rose by {{a/b}}, a rise of {{a/b}}, grew {{a/b}}")).toEqual([
      "up",
      "up",
      "up",
      "up",
    ]);
    expect(directions("Down {{a/b}}, fell by {{a/b}}, a drop of {{a/b}}, declined {{a/b}}")).toEqual([
      "down",
      "down",
      "down",
      "down",
    ]);
    expect(directions("By {{a/b}}, from {{a/b}}, lost ground to {{a/b}}, setup {{a/b}}")).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("reads the direction in the report's language, from its messages' directions", () => {
    const directions = (body: string, language: string) =>
      find(parseMarkdown(body, CATALOGUE[language]!.directions)).map((reference) => reference.direction);
    expect(
      directions("En hausse de {{a/b}}, a augmenté de {{a/b}}, en baisse de {{a/b}}, a chuté de {{a/b}}", "fr"),
    ).toEqual(["up", "up", "down", "down"]);
    expect(
      directions("Ein Anstieg um {{a/b}}, stieg um {{a/b}}, ein Rückgang um {{a/b}}, fiel um {{a/b}}", "de"),
    ).toEqual(["up", "up", "down", "down"]);
    expect(directions("Subió {{a/b}}, un aumento de {{a/b}}, cayó un {{a/b}}, una caída de {{a/b}}", "es")).toEqual([
      "up",
      "up",
      "down",
      "down",
    ]);
    // Another language's words, or a word inside another ("rehausse de"), give no direction.
    expect(directions("Up {{a/b}}, rehausse de {{a/b}}", "fr")).toEqual([undefined, undefined]);
    expect(directions("En hausse de {{a/b}}", "en")).toEqual([undefined]);
  });

  it("sees a figure written inside a sentence as misplaced, not as a figure line", () => {
    expect(findReferences("See {{figure f}} below.")).toEqual([{ kind: "inline", text: "figure f", line: 0 }]);
  });

  it("leaves braces across a line break as text", () => {
    expect(findReferences("A {{gdp/a\n}} b")).toEqual([]);
  });
});

describe("findProse(markdown)", () => {
  it("gives each block's text with references as U+FFFC, code and footnote markers as U+FFFD, and its line", () => {
    const body = ["# Title 1", "", "Up **45%** by {{gdp/a | abs}} and", "`59` more.[^n]", "", "[^n]: A note."].join(
      "\n",
    );
    expect(findProse(parseMarkdown(body))).toEqual([
      { text: "Title 1", references: [], line: 0 },
      { text: "Up 45% by \uFFFC and\n\uFFFD more.\uFFFD", references: ["gdp/a | abs"], line: 2 },
      { text: "A note.", references: [], line: 5 },
    ]);
  });
});
