import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { compileProjectModules, importDefault, moduleGraph, modulesDir } from "../../src/report/modules.js";
import { ROOT, emptyProject } from "../project.js";

async function project(files: Record<string, string>): Promise<string> {
  const root = await emptyProject();
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

describe("importDefault(root, file), compiling the project's modules", () => {
  compileProjectModules();

  it("compiles a module and what it imports, folders and JSON included, leaving strings alone", async () => {
    const root = await project({
      "reports/r/report.ts": `import { answer } from "../../lib";
import data from "./data.json" with { type: "json" };
const note: string = 'copied from "./util.js"';
export default { answer, note, count: data.count, url: import.meta.url };
`,
      "lib/index.ts": `export const answer: number = 42;\n`,
      "reports/r/data.json": `{ "count": 3 }\n`,
    });
    const value = await importDefault<Record<string, unknown>>(root, "reports/r/report.ts", "a value");
    expect(value).toEqual({
      answer: 42,
      note: 'copied from "./util.js"',
      count: 3,
      url: pathToFileURL(join(root, "reports/r/report.ts")).href,
    });
    const compiled = await readFile(join(modulesDir(root), "reports/r/report.mjs"), "utf8");
    expect(compiled).toContain(pathToFileURL(join(modulesDir(root), "lib/index.mjs")).href);
    expect(await moduleGraph(root, join(root, "reports/r/report.ts"))).toEqual([
      join(root, "reports/r/report.ts"),
      join(root, "lib/index.ts"),
      join(root, "reports/r/data.json"),
    ]);
  });

  it("names the file and line of an import of a file that does not exist", async () => {
    const root = await project({
      "reports/r/report.ts": `// the report\nimport { x } from "./missing.js";\nexport default x;\n`,
    });
    await expect(importDefault(root, "reports/r/report.ts", "a value")).rejects.toThrow(
      'reports/r/report.ts:2: imports "./missing.js", which does not exist',
    );
  });
});

describe("importDefault(root, file), when a module calls plotbrief wrongly", () => {
  compileProjectModules();

  it("names the author's line of a column type with wrong options, not plotbrief's", async () => {
    const root = await project({
      "data/t/datasets.ts": `import { number, text } from "plotbrief";

export default {
  id: text(),
  rain: number({ unit: "furlong" }),
};
`,
    });
    await expect(importDefault(root, "data/t/datasets.ts", "columns")).rejects.toThrow(
      /^data\/t\/datasets\.ts:5:9: number\(\): unit: unknown unit "furlong"; units: count, percent, /,
    );
  });

  it("names the line in this repository too, whose flagship is a project of plotbrief's own", async () => {
    await expect(
      importDefault(ROOT.replace(/\/$/, ""), "test/report/fixtures/wrong-unit.ts", "columns"),
    ).rejects.toThrow(/^test\/report\/fixtures\/wrong-unit\.ts:6:8: number\(\): min \(1\) is more than max \(0\)$/);
  });
});
