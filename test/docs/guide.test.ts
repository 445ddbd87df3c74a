// The guide's examples are files: this test writes each into a project and builds it, so the guide
// cannot go stale. A fenced block whose info string names a file (```ts file=path) is one file.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { plotbrief } from "../cli.js";
import { ROOT, copyProject } from "../project.js";

const FENCE = /^(`{3,})\w*\s+file=(\S+)\n([\s\S]*?)\n\1$/gm;

describe("docs/guide.md", () => {
  it("builds every example it shows, with the numbers it promises", async () => {
    const guide = await readFile(join(ROOT, "docs/guide.md"), "utf8");
    const files = [...guide.matchAll(FENCE)].map((match) => ({ path: match[2]!, content: `${match[3]}\n` }));
    expect(files.map((file) => file.path)).toEqual([
      "data/guide-example/sources.ts",
      "data/guide-example/turnout.csv",
      "data/guide-example/datasets.ts",
      "reports/guide-example/figures/turnout.ts",
      "reports/guide-example/report.ts",
      "reports/guide-example/index.md",
      "templates/guide-plain/template.ts",
      "templates/guide-plain/plain.css",
      "reports/guide-plain/index.md",
      "reports/guide-plain/report.ts",
      "data/guide-regions/regions.csv",
      "data/guide-regions/jobless.csv",
      "data/guide-regions/datasets.ts",
      "reports/guide-regions/report.ts",
      "reports/guide-regions/figures/jobless.ts",
      "reports/guide-regions/index.md",
    ]);
    const root = await copyProject();
    for (const file of files) {
      await mkdir(dirname(join(root, file.path)), { recursive: true });
      await writeFile(join(root, file.path), file.content);
    }
    const build = await plotbrief(["build", "guide-example", "guide-plain", "--format", "html,svg"], root);
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    const html = await readFile(join(root, "out/guide-example/index.html"), "utf8");
    expect(html).toContain(">61.4%</span>, <span");
    expect(html).toContain(">4.8 percentage points</span> lower");
    expect(html).toContain(">Figure 1</a>");
    expect(html).toContain(">about 58%</span> from a sample");
    expect(html).toContain(
      "Sources disagree on turnout in 2024: 61.4% (Electoral Commission, June 10, 2024: Electoral Commission); about 58% (estimate) (Election Observers&#39; Network, statement, June 11, 2024: Observers&#39; Network).",
    );
    // The newspaper's "about 61%" is a citation of the commission's figure, not a third estimate.
    expect(html).toContain(
      "The Daily Ledger, news report, June 11, 2024, cites Electoral Commission, June 10, 2024: 61.4%, stated as about 61%; a citation, not an estimate of its own.",
    );
    expect(html).toMatch(
      /data-fact="turnout\/ledger.turnout" data-cites="turnout\/commission.turnout" title="Source: Electoral Commission, June 10, 2024, as cited by The Daily Ledger, news report, June 11, 2024"\s*>about 61%</,
    );
    expect(html).toContain(
      "Key numbers: 61.4% (Electoral Commission, June 10, 2024) is the higher of two figures, from about 58% to 61.4%; it is chosen because it is the official count, of every polling station.",
    );
    expect(html).toContain("as each source reported it, June 2024</p>");
    expect(html).toContain(
      "Minimum of turnout over all 3 rows of Turnout in the general election (commission\u2013previous): about 58% (estimate), in row observers. 1 of the 3 values is approximate or a bound. 1 of the 3 values is an estimate.",
    );
    expect(await readFile(join(root, "out/guide-plain/index.html"), "utf8")).toContain('<body class="plain">');
    expect((await plotbrief(["check", "guide-example", "guide-plain"], root)).code).toBe(0);
  });
});
