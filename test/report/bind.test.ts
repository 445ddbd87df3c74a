import { describe, expect, it } from "vitest";
import { failure, project } from "../hostile/project.js";

const notebook = (body: string) => `---
title: "Test"
dek: "A test."
byline: "Tests"
date: 2020-11-30
formats: [html, svg]
---

${body}

{{figure bars}}
`;

describe("bindReport(report), number styles", () => {
  it("names the notebook line of an unknown style, and the styles there are", async () => {
    const root = await project({
      "reports/r/index.md": notebook("Alpha was {{t/a | compact}}.\nBeta was {{t/b | tiny}}."),
    });
    expect(await failure(root)).toBe(
      'reports/r/index.md:10: {{t/b | tiny}}: unknown style "tiny"; styles: abs, no-kind, short, compact, compact-short, percent, words, sign, round N, round N sig',
    );
  });
});
