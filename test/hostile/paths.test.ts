import { mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plotbrief } from "../cli.js";
import { failure, project } from "./project.js";

/** A folder outside the project, holding a secret and a template that must never run. */
async function elsewhere(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "plotbrief-elsewhere-"));
  await writeFile(join(dir, "secret.csv"), "id,label,value,source\na,SECRET,1,s\n");
  await mkdir(join(dir, "tpl"));
  await writeFile(join(dir, "tpl/template.ts"), 'throw new Error("this template must never run");\n');
  return dir;
}

async function withDatasetFile(root: string, file: string): Promise<void> {
  const path = join(root, "data/t/datasets.ts");
  await writeFile(path, (await readFile(path, "utf8")).replace('"data/t/t.csv"', JSON.stringify(file)));
}

describe("hostile input: paths", () => {
  it("refuses a data file outside the project, by .., by absolute path or through a link", async () => {
    const outside = await elsewhere();
    const root = await project();
    await withDatasetFile(root, join("..", outside.split("/").pop()!, "secret.csv"));
    expect(await failure(root)).toMatch(
      /^dataset "t": file "\.\.\/plotbrief-elsewhere-\w+\/secret\.csv" is outside the project folder .+; keep data files inside the project$/,
    );
    const absolute = await project();
    await withDatasetFile(absolute, join(outside, "secret.csv"));
    expect(await failure(absolute)).toBe(
      `dataset "t": file "${join(outside, "secret.csv")}" is an absolute path; write it relative to the project folder, such as "data/topic/t.csv"`,
    );
    const linked = await project();
    await symlink(join(outside, "secret.csv"), join(linked, "data/t/linked.csv"));
    await withDatasetFile(linked, "data/t/linked.csv");
    expect(await failure(linked)).toBe(
      `dataset "t": file "data/t/linked.csv" is a link to ${join(outside, "secret.csv")}, outside the project folder; copy the file into the project instead`,
    );
  });

  it("finds a template by name only, never by path", async () => {
    const outside = await elsewhere();
    const root = await project();
    const notebook = join(root, "reports/r/index.md");
    const relative = join("..", "..", outside.split("/").pop()!, "tpl");
    await writeFile(
      notebook,
      (await readFile(notebook, "utf8")).replace("formats:", `template: ${relative}\nformats:`),
    );
    expect(await failure(root)).toBe(
      `reports/r/index.md:6: front matter "template": expected a template name (lowercase letters, digits and dashes), found "${relative}"`,
    );
  });

  it("refuses a project module that imports from outside the project", async () => {
    const outside = await elsewhere();
    await writeFile(join(outside, "helper.ts"), "export const x = 1;\n");
    const root = await project({
      "reports/r/report.ts": `import { defineReport } from "plotbrief";
import bars from "./figures/bars.js";
import { x } from "../../../${outside.split("/").pop()}/helper.js";

export default defineReport({ figures: x ? [bars] : [] });
`,
    });
    const { code, stderr } = await plotbrief(["build", "r", "--format", "html"], root);
    expect(stderr).toBe(
      `error: reports/r/report.ts:3: imports "../../../${outside.split("/").pop()}/helper.js", which is outside the project folder; a build reads only the project: copy the module into it\n`,
    );
    expect(code).toBe(1);
  });

  it("refuses a report name of 300 characters plainly, with exit 1", async () => {
    const root = await project();
    const name = "r".repeat(300);
    const { code, stderr } = await plotbrief(["build", name, "--format", "html"], root);
    expect(stderr).toBe(`error: report name "${name}": expected a folder name under reports/, such as cambodia-2020\n`);
    expect(code).toBe(1);
  });
});
