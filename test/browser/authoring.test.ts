import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT, copyProject } from "../project.js";
import { browserPath } from "./chromium.js";

const run = promisify(execFile);
const executable = browserPath();
const cli = join(ROOT, "bin/plotbrief.js");

async function editFile(path: string, edit: (text: string) => string): Promise<void> {
  await writeFile(path, edit(await readFile(path, "utf8")));
}

describe.skipIf(executable === undefined)("authoring, as a new user would", () => {
  it("starts a report with `new`, edits its data, prose and figure, and gets a correct HTML and PDF", async () => {
    const root = await copyProject();
    await run(process.execPath, [cli, "new", "my-report"], { cwd: root });
    await editFile(join(root, "data/my-report/counts.csv"), (text) =>
      text.replace("a,Group A,120,exact", "a,Group A,135,exact"),
    );
    await editFile(join(root, "reports/my-report/index.md"), (text) =>
      text
        .replace('title: "A new briefing"', 'title: "Counting the groups"')
        .concat("\nGroup C counted {{counts/c}}, {{counts/c.date}}.\n"),
    );
    await editFile(join(root, "reports/my-report/figures/counts.ts"), (text) =>
      text.replace('title: "Counts by group"', 'title: "Group A is the largest"'),
    );
    const { stderr } = await run(process.execPath, [cli, "build", "my-report", "--format", "html,pdf"], { cwd: root });
    expect(stderr).toBe("");
    const html = await readFile(join(root, "out/my-report/index.html"), "utf8");
    expect(html).toContain("Group A counted <span");
    expect(html).toContain(">135</span>");
    expect(html).toContain(">more than 40</span>, <span");
    expect(html).toContain("Group A is the largest");
    const text = (await run("pdftotext", [join(root, "out/my-report/my-report.pdf"), "-"])).stdout.replace(/\s+/g, " ");
    expect(text).toContain("Counting the groups");
    expect(text).toContain("Group A counted 135");
    expect(text).toContain("Group C counted more than 40, Nov. 2020.");
    expect(text).toContain("Figure 1 Group A is the largest");
    expect(text).toContain("Source: Example Agency, report, Nov. 2020.");
  });

  it("prints the flagship's one-page memo on exactly one page", async () => {
    const root = await copyProject();
    await run(process.execPath, [cli, "build", "cambodia-2020-memo", "--format", "pdf"], { cwd: root });
    const info = (await run("pdfinfo", [join(root, "out/cambodia-2020-memo/cambodia-2020-memo.pdf")])).stdout;
    expect(info).toMatch(/^Pages: +1$/m);
  });
});
