import { describe, expect, it } from "vitest";
import { runningHeadCss } from "../../src/report/template.js";

describe("runningHeadCss(head)", () => {
  it("sets the running head on every page but the first", () => {
    expect(runningHeadCss({ left: "Pressure from both sides", right: "Briefing" })).toBe(
      '@page { @top-left { content: "Pressure from both sides"; } @top-right { content: "Briefing"; } }\n' +
        "@page :first { @top-left { content: none; } @top-right { content: none; } }",
    );
    expect(runningHeadCss({ right: "Memo" })).not.toContain("top-left");
    expect(runningHeadCss({})).toBe("");
  });

  it("writes quotes, backslashes and markup as CSS escapes, so a title cannot end the string or the style", () => {
    const css = runningHeadCss({ left: 'A "quoted" \\ </style><b>title’s' });
    expect(css).toContain('content: "A \\22 quoted\\22  \\5c  \\3c \\2f style\\3e \\3c b\\3e title\\2019 s";');
    expect(css).not.toMatch(/<|>/);
  });
});
