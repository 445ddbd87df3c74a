import { describe, expect, it } from "vitest";
import { typeset } from "../../src/data/typography.js";

describe("typeset(text)", () => {
  it("curls quotes and apostrophes as markdown-it's typographer does in the prose", () => {
    expect(typeset(`Cambodia's "Everything But Arms" scheme`)).toBe(
      "Cambodia\u2019s \u201cEverything But Arms\u201d scheme",
    );
    expect(typeset(`"It's 'fine'," she said.`)).toBe("\u201cIt\u2019s \u2018fine\u2019,\u201d she said.");
    expect(typeset("the students' union, in the '90s")).toBe("the students\u2019 union, in the \u201990s");
    expect(typeset(`("quoted")`)).toBe("(\u201cquoted\u201d)");
  });

  it("writes dashes and the ellipsis, and leaves text without them as it is", () => {
    expect(typeset("2017--2020 --- and then...")).toBe("2017\u20132020 \u2014 and then\u2026");
    expect(typeset("How many were summoned? It depends")).toBe("How many were summoned? It depends");
  });
});
