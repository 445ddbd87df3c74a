import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plotbrief } from "../cli.js";
import { ROOT, copyProject, emptyProject } from "../project.js";
import { badDates, project } from "../hostile/project.js";

const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const summary = (stdout: string) => jsonLines(stdout).find((line) => line.event === "summary")!;

async function editFile(path: string, edit: (text: string) => string): Promise<void> {
  await writeFile(path, edit(await readFile(path, "utf8")));
}

describe("plotbrief --help", () => {
  it.each(["build", "check", "dev", "init", "new", "doctor"])("explains %s", async (command) => {
    const { code, stdout } = await plotbrief([command, "--help"], ROOT);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: plotbrief ${command} `));
    expect(stdout).toContain("--json");
  });
});

describe("plotbrief build, incrementally", () => {
  it("renders again only the figures whose data changed, and says which", async () => {
    const root = await copyProject();
    const first = await plotbrief(["build", "cambodia-2020", "--format", "html,svg", "--json"], root);
    expect(first.code).toBe(0);
    expect(summary(first.stdout)).toMatchObject({
      rendered: expect.arrayContaining(["cambodia-2020/summons"]),
      cached: [],
    });
    expect((summary(first.stdout).rendered as string[]).length).toBe(4);

    await editFile(join(root, "data/cambodia-2020/summons.csv"), (text) => text.replace(",59,exact,", ",58,exact,"));
    const second = await plotbrief(["build", "cambodia-2020", "--format", "html,svg", "--json"], root);
    expect(summary(second.stdout)).toMatchObject({
      rendered: ["cambodia-2020/summons"],
      cached: ["cambodia-2020/gdp-revisions", "cambodia-2020/tariff-share", "cambodia-2020/timeline"],
    });
    const writes = jsonLines(second.stdout).filter((line) => line.event === "write" && line.changed);
    expect(writes.map((line) => line.path).sort()).toEqual([
      "out/cambodia-2020/figures/summons.svg",
      "out/cambodia-2020/index.html",
      "out/cambodia-2020/manifest.json",
    ]);
    expect(await readFile(join(root, "out/cambodia-2020/figures/summons.svg"), "utf8")).toContain(">58</text>");

    const forced = await plotbrief(["build", "cambodia-2020", "--format", "html,svg", "--json", "--force"], root);
    expect((summary(forced.stdout).rendered as string[]).length).toBe(4);
  });

  it("prints nothing with --quiet, and one JSON object a line with --json", async () => {
    const root = await copyProject();
    expect(await plotbrief(["build", "--format", "html", "--quiet"], root)).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    const { stdout } = await plotbrief(["build", "--format", "html", "--json"], root);
    expect(jsonLines(stdout).map((line) => line.event)).toEqual(expect.arrayContaining(["write", "report", "summary"]));
  });
});

describe("plotbrief build --shard", () => {
  it("splits the reports so that the shards build each exactly once", async () => {
    const root = await copyProject();
    for (const name of ["alpha", "beta", "gamma"])
      expect((await plotbrief(["new", name, "--quiet"], root)).code).toBe(0);
    const built = [];
    for (const shard of ["1/2", "2/2"]) {
      const { code, stdout } = await plotbrief(["build", "--shard", shard, "--format", "html", "--json"], root);
      expect(code).toBe(0);
      built.push(
        jsonLines(stdout)
          .filter((line) => line.event === "report")
          .map((line) => line.report as string),
      );
    }
    const [first, second] = built as [string[], string[]];
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect([...first, ...second].sort()).toEqual(["alpha", "beta", "cambodia-2020", "cambodia-2020-memo", "gamma"]);
  });

  it("rejects a number of pages that is not a whole number from 1, from the flag or the environment", async () => {
    const flag = await plotbrief(["build", "--pages", "0"], ROOT);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toBe('error: --pages: expected a number of pages, 1 or more; found "0"\n');
    const env = await plotbrief(["build"], ROOT, { PLOTBRIEF_PAGES: "two" });
    expect(env.stderr).toBe('error: PLOTBRIEF_PAGES: expected a number of pages, 1 or more; found "two"\n');
  });

  it("rejects a shard that is not i/n", async () => {
    const { code, stderr } = await plotbrief(["build", "--shard", "3/2"], ROOT);
    expect(code).toBe(1);
    expect(stderr).toBe('error: --shard: expected i/n with 1 <= i <= n, such as 1/2; found "3/2"\n');
  });
});

describe("plotbrief build and check --json, on a column of bad dates", () => {
  it("prints a few problems of each kind to people, and every problem, located, with --json", async () => {
    const root = await project(badDates(1_700));
    const human = await plotbrief(["build", "r", "--format", "html"], root);
    expect(human.code).toBe(1);
    expect(human.stderr.split("\n")).toHaveLength(9); // 8 lines and the last newline
    expect(human.stderr).toContain(
      'data/t/t.csv: column "date": and 1,697 more like this (lines 5–999 and 1,001–1,702)',
    );

    const { code, stdout, stderr } = await plotbrief(["build", "r", "--format", "html", "--json"], root);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const errors = jsonLines(stderr);
    expect(errors).toHaveLength(1_705);
    expect(errors.filter((error) => error.column === "date").map((error) => error.line)).toEqual(
      Array.from({ length: 1_701 }, (_, i) => i + 2).filter((line) => line !== 1000),
    );
    expect(errors[0]).toEqual({
      event: "error",
      message: 'data/t/t.csv:2: column "date": expected a date (YYYY, YYYY-MM or YYYY-MM-DD), found "01/01/2012"',
      file: "data/t/t.csv",
      line: 2,
      row: 1,
      column: "date",
      kind: "expected a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    });

    const check = await plotbrief(["check", "r", "--json"], root);
    expect(check.code).toBe(1);
    const record = jsonLines(check.stdout).find((line) => line.event === "check")!;
    expect(record).toMatchObject({ report: "r", ok: false });
    expect(record.problems).toHaveLength(1_705);
    expect((record.problems as string[]).at(-1)).toBe(
      'data/t/t.csv:1702: column "date": expected a date (YYYY, YYYY-MM or YYYY-MM-DD), found "01/21/2012"',
    );
    const people = await plotbrief(["check", "r"], root);
    expect(people.stderr.split("\n").slice(0, 2)).toEqual([
      "error: check found 1,705 problems:",
      '  data/t/t.csv:2: column "date": expected a date (YYYY, YYYY-MM or YYYY-MM-DD), found "01/01/2012"',
    ]);
    expect(people.stderr.split("\n")).toHaveLength(10);
  }, 120_000); // five runs of the CLI
});

describe("plotbrief check", () => {
  it("passes a good project and its fresh outputs", async () => {
    const root = await copyProject();
    await plotbrief(["build", "--format", "html,svg", "--quiet"], root);
    const { code, stdout } = await plotbrief(["check", "--against", "out"], root);
    expect(code).toBe(0);
    expect(stdout).toBe("ok cambodia-2020\nok cambodia-2020-memo\nchecked 2 reports: no problems\n");
  });

  it("fails on a stale output and a broken reference, naming each, the input that changed and the line", async () => {
    const root = await copyProject();
    await plotbrief(["build", "--format", "html,svg", "--quiet"], root);
    await editFile(join(root, "data/cambodia-2020/summons.csv"), (text) => text.replace(",59,exact,", ",58,exact,"));
    const notebook = join(root, "reports/cambodia-2020/index.md");
    await editFile(notebook, (text) => text.replace("{{summons/vod}}", "{{summons/bbc}}"));
    const line = (await readFile(notebook, "utf8")).split("\n").findIndex((l) => l.includes("{{summons/bbc}}")) + 1;
    const { code, stderr } = await plotbrief(["check", "cambodia-2020", "--against", "out"], root);
    expect(code).toBe(1);
    expect(stderr.split("\n")).toEqual([
      "error: check found 3 problems:",
      `  reports/cambodia-2020/index.md:${line}: unknown fact "summons/bbc": no row of dataset "summons" has id "bbc"; keys: "vod", "licadho", "ap", "article", "aljazeera", "sochua", "reuters"`,
      "  out/cambodia-2020/index.html: stale (changed since it was built: data/cambodia-2020/summons.csv, reports/cambodia-2020/index.md)",
      "  out/cambodia-2020/figures/summons.svg: stale (changed since it was built: data/cambodia-2020/summons.csv)",
      "",
    ]);
  });
});

describe("plotbrief new", () => {
  it("scaffolds a report that builds at once, and says what to edit next", async () => {
    const root = await copyProject();
    const made = await plotbrief(["new", "my-report"], root);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain("created data/my-report/counts.csv");
    expect(made.stdout).toContain("Next: put your numbers in data/my-report/counts.csv");
    const { code, stderr } = await plotbrief(["build", "my-report", "--format", "html,svg"], root);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const html = await readFile(join(root, "out/my-report/index.html"), "utf8");
    expect(html).toContain("Group A counted <span");
    expect(html).toContain(">120</span>");
    expect(await readdir(join(root, "out/my-report/figures"))).toEqual(["counts.svg"]);
  });

  it("refuses a name that is taken or malformed", async () => {
    expect((await plotbrief(["new", "cambodia-2020"], ROOT)).stderr).toMatch(
      /^error: .* already exists; choose another name/,
    );
    expect((await plotbrief(["new", "My Report"], ROOT)).stderr).toBe(
      'error: report name "My Report": use lowercase letters, digits and dashes, starting with a letter or digit, at most 100 characters\n',
    );
  });
});

describe("plotbrief init", () => {
  it("completes a project, keeping its files and its own scripts, and says what it did", async () => {
    const root = await emptyProject();
    await writeFile(join(root, "README.md"), "# Our desk\n");
    await writeFile(
      join(root, "package.json"),
      JSON.stringify({ name: "desk", type: "commonjs", scripts: { test: "vitest run", lint: "eslint ." } }),
    );
    const { code, stdout } = await plotbrief(["init"], root);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'updated package.json: "type": "module" (was "commonjs"), scripts.build, scripts.dev, scripts.check, dependencies.plotbrief, devDependencies.typescript',
    );
    expect(stdout).toMatch(/^kept README\.md$/m);
    expect(stdout).toMatch(/^created reports\/first-briefing\/index\.md$/m);
    expect(await readFile(join(root, "README.md"), "utf8")).toBe("# Our desk\n");
    const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
    expect(pkg.scripts).toEqual({
      test: "vitest run",
      lint: "eslint .",
      build: "plotbrief build",
      dev: "plotbrief dev",
      check: "plotbrief check",
    });
    expect(pkg.dependencies.plotbrief).toMatch(/^\^\d+\.\d+\.\d+$/);
    const built = await plotbrief(["build", "--format", "html"], root);
    expect(built.stderr).toBe("");
    expect(await readFile(join(root, "out/first-briefing/index.html"), "utf8")).toContain("Group A counted");
    expect((await plotbrief(["init"], root)).stdout).toMatch(/^kept package\.json$/m);
  });
});

describe("plotbrief doctor", () => {
  it("names a missing browser as a problem and exits 1", async () => {
    const { code, stdout } = await plotbrief(["doctor"], ROOT, { PLOTBRIEF_BROWSER: "/nonexistent/chromium" });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ok +node: v\d+/m);
    expect(stdout).toMatch(/^PROBLEM browser: PLOTBRIEF_BROWSER is set to \/nonexistent\/chromium/m);
    expect(stdout).toMatch(/^ok +report cambodia-2020: 4 figures, 5 datasets, template briefing$/m);
  });
});

describe("plotbrief build with many figures", () => {
  it("renders them on worker threads across cores, to the same bytes", async () => {
    const root = await copyProject();
    for (let i = 1; i <= 6; i++) await plotbrief(["new", `r${i}`, "--quiet"], root);
    const single = await plotbrief(["build", "--format", "html,svg", "--json", "--out", "one"], root);
    expect(single.code).toBe(0);
    const pooled = await plotbrief(["build", "--format", "html,svg", "--json", "--out", "many", "--force"], root, {
      PLOTBRIEF_POOL_THRESHOLD: "0",
    });
    expect(pooled.stderr).toBe("");
    const threads = new Set(
      jsonLines(pooled.stdout)
        .filter((l) => l.event === "figure")
        .map((l) => l.thread),
    );
    expect(threads.has(0)).toBe(false);
    expect(threads.size).toBeGreaterThan(1);
    for (const report of ["cambodia-2020", "r1", "r6"]) {
      for (const file of ["index.html", "figures/counts.svg", "figures/summons.svg"]) {
        const a = await readFile(join(root, "one", report, file), "utf8").catch(() => undefined);
        const b = await readFile(join(root, "many", report, file), "utf8").catch(() => undefined);
        expect(b).toBe(a);
      }
    }
  });
});
