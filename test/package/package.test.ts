// The real path of a desk's project: plotbrief packed as npm would publish it, installed into a new
// folder outside this repository (offline, from npm's cache), then init, new, build, check and tsc
// there, as a user would type them.
import { execFile } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { browserPath } from "../browser/chromium.js";
import { deskProject, npm, pack } from "../desk.js";

const exec = promisify(execFile);
const executable = browserPath();
const plotbrief = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  exec(process.execPath, [join(cwd, "node_modules/plotbrief/bin/plotbrief.js"), ...args], {
    cwd,
    env: { ...process.env, ...env },
  });

describe.skipIf(executable === undefined)("the packed package, installed in a desk's own project", () => {
  let tarball: string;
  let files: string[];
  let project: string;

  beforeAll(async () => {
    // dist/ was compiled from src/ by the test run's setup: pack it as it is.
    ({ tarball, files } = await pack());
    // What `npm init -y && npm i plotbrief` leaves, then `npx plotbrief init` and `npm install`.
    project = await deskProject(tarball);
    await plotbrief(["init"], project);
    await npm(["install", "--offline"], project);
  }, 240_000);

  it("ships compiled JavaScript, type declarations and the built-in templates, and nothing else of the repo", () => {
    expect(files).toContain("bin/plotbrief.js");
    expect(files).toContain("dist/index.js");
    expect(files).toContain("dist/index.d.ts");
    for (const template of ["briefing", "memo"]) {
      expect(files).toEqual(
        expect.arrayContaining([`dist/templates/${template}/template.js`, `dist/templates/${template}/style.css`]),
      );
    }
    const outside = files.filter(
      (path) => !/^(bin\/plotbrief\.js|dist\/.+\.(js|d\.ts|css)|package\.json|README\.md|LICENSE)$/.test(path),
    );
    expect(outside).toEqual([]);
    expect(files.filter((path) => /\.ts$/.test(path) && !path.endsWith(".d.ts"))).toEqual([]);
  });

  it("completes the project that npm init made, keeping what is there", async () => {
    const pkg = JSON.parse(await readFile(join(project, "package.json"), "utf8"));
    expect(pkg.type).toBe("module");
    expect(pkg.dependencies.plotbrief).toMatch(/^file:/); // as it was, kept
    expect(pkg.main).toBe("index.js"); // npm init's, kept
    expect(pkg.scripts).toMatchObject({
      build: "plotbrief build",
      dev: "plotbrief dev",
      check: "plotbrief check",
      test: "tsc --noEmit && plotbrief check",
    });
    expect((await readdir(project)).sort()).toEqual(
      expect.arrayContaining([".github", ".gitignore", "README.md", "data", "reports", "tsconfig.json"]),
    );
    const figure = await readFile(join(project, "reports/first-briefing/figures/counts.ts"), "utf8");
    expect(figure).toContain('from "plotbrief";');
  });

  it("builds HTML and PDF with npm run build, and passes npm test (tsc and check)", async () => {
    await plotbrief(["new", "second-report"], project);
    expect(await readFile(join(project, "data/second-report/datasets.ts"), "utf8")).toContain('from "plotbrief"');
    await npm(["run", "build"], project);
    for (const report of ["first-briefing", "second-report"]) {
      const html = await readFile(join(project, "out", report, "index.html"), "utf8");
      expect(html).toContain("Group A counted <span");
      const pdf = await readFile(join(project, "out", report, `${report}.pdf`));
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(await readdir(join(project, "out", report, "figures"))).toEqual(["counts.svg"]);
    }
    const { stdout } = await npm(["test"], project);
    expect(stdout).toContain("checked 2 reports: no problems");
  });

  it("catches a figure that names a missing column when tsc checks the project", async () => {
    const path = join(project, "reports/second-report/figures/counts.ts");
    const figure = await readFile(path, "utf8");
    await writeFile(path, figure.replace('counts.col("group")', 'counts.col("gruop")'));
    try {
      const failed = await npm(["test"], project).then(
        () => expect.fail("npm test passed"),
        (error: { stdout: string }) => error,
      );
      expect(failed.stdout).toMatch(/reports\/second-report\/figures\/counts\.ts\(\d+,\d+\): error TS2345/);
    } finally {
      await writeFile(path, figure);
    }
  });

  it('says how to fix a project whose package.json lacks "type": "module"', async () => {
    const path = join(project, "package.json");
    const pkg = await readFile(path, "utf8");
    await writeFile(path, pkg.replace('"type": "module"', '"type": "commonjs"'));
    try {
      const failed = await plotbrief(["build", "--format", "html"], project).then(
        () => expect.fail("the build passed"),
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed.code).toBe(1);
      expect(failed.stderr).toBe(
        'error: package.json: says "type": "commonjs"; a plotbrief project is made of ES modules: set "type": "module" in it (plotbrief init does this)\n',
      );
    } finally {
      await writeFile(path, pkg);
    }
  });
});
