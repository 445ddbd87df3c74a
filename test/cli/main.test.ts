import { mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { CliEffects } from "../../src/cli/effects.js";
import { plotbrief } from "../cli.js";
import { ROOT, copyProject } from "../project.js";

describe("plotbrief build", () => {
  it("builds every report, prints what it wrote and exits 0", async () => {
    const root = await copyProject();
    const { code, stdout, stderr } = await plotbrief(["build", "--format", "html,svg"], root);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^wrote out\/cambodia-2020\/index\.html \(\d+\.\d kB\)$/m);
    expect(stdout).toMatch(/^wrote out\/cambodia-2020\/figures\/timeline\.svg /m);
    expect(stdout).toMatch(
      /^built cambodia-2020: 6 files in \d+ ms; figures rendered: gdp-revisions, summons, tariff-share, timeline$/m,
    );
    expect((await readdir(join(root, "out/cambodia-2020/figures"))).sort()).toEqual([
      "gdp-revisions.svg",
      "summons.svg",
      "tariff-share.svg",
      "timeline.svg",
    ]);
  });

  it("prints the located message alone and exits 1 on bad data, writing nothing", async () => {
    const root = await copyProject();
    const csv = join(root, "data/cambodia-2020/gdp.csv");
    const lines = (await readFile(csv, "utf8")).split("\n");
    lines[6] = lines[6]!.replace(",6.8,", ",n/a,");
    await writeFile(csv, lines.join("\n"));
    const { code, stdout, stderr } = await plotbrief(
      ["build", "cambodia-2020", "--out", "site", "--format", "html"],
      root,
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe('error: data/cambodia-2020/gdp.csv:7: column "growth": expected a number, found "n/a"\n');
    expect(await readdir(root)).not.toContain("site");
  });

  it("names an unknown report", async () => {
    const out = await mkdtemp(join(tmpdir(), "plotbrief-cli-"));
    const { code, stderr } = await plotbrief(["build", "nope", "--root", ROOT, "--out", out, "--format", "html"], ROOT);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'error: reports/nope/index.md: no notebook for report "nope"; create it, or check the report\'s name\n',
    );
  });

  it("still writes the HTML when no browser is found for the PDF, then exits 1 saying why", async () => {
    const root = await copyProject();
    const { code, stdout, stderr } = await plotbrief(["build", "cambodia-2020"], root, {
      PLOTBRIEF_BROWSER: "/nonexistent/chromium",
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^wrote out\/cambodia-2020\/index\.html /m);
    expect(stderr).toBe(
      "error: PLOTBRIEF_BROWSER is set to /nonexistent/chromium, which is not an executable program; point it at Chrome or Chromium\n",
    );
    expect(await readdir(join(root, "out/cambodia-2020"))).not.toContain("cambodia-2020.pdf");
  });

  it("rejects an unknown format", async () => {
    const { code, stderr } = await plotbrief(["build", "--format", "html,docx"], ROOT);
    expect(code).toBe(1);
    expect(stderr).toBe('error: --format: expected a list from html,svg,pdf,png, found "html,docx"\n');
  });

  it("prints its version", async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8"));
    expect(await plotbrief(["--version"], ROOT)).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});

describe("plotbrief build, in a desk's project", () => {
  it("names a package that a figure imports and the project lacks, and the fix", async () => {
    const root = await copyProject();
    const figure = join(root, "reports/cambodia-2020/figures/summons.ts");
    await writeFile(figure, `import { max } from "d3-nope";\nvoid max;\n${await readFile(figure, "utf8")}`);
    const { code, stderr } = await plotbrief(["build", "cambodia-2020", "--format", "html"], root);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'error: reports/cambodia-2020/report.ts: failed to load: reports/cambodia-2020/figures/summons.ts imports "d3-nope", which is not installed; add it to the project (npm install d3-nope)\n',
    );
  });
});

describe("plotbrief build, compiling the project's TypeScript", () => {
  it("keeps import.meta.url pointing at the source, so a template finds the files beside it", async () => {
    const root = await copyProject();
    await mkdir(join(root, "templates/desk"), { recursive: true });
    await writeFile(join(root, "templates/desk/desk.css"), ".desk-mark { color: #123456; }\n");
    await writeFile(
      join(root, "templates/desk/template.ts"),
      `import { defineTemplate } from "plotbrief";
import briefing from "plotbrief/templates/briefing";

export default defineTemplate({ ...briefing, styles: [...briefing.styles, new URL("./desk.css", import.meta.url)] });
`,
    );
    const notebook = join(root, "reports/cambodia-2020/index.md");
    await writeFile(notebook, (await readFile(notebook, "utf8")).replace("template: briefing", "template: desk"));
    const { code, stderr } = await plotbrief(["build", "cambodia-2020", "--format", "html"], root);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(await readFile(join(root, "out/cambodia-2020/index.html"), "utf8")).toContain(
      ".desk-mark { color: #123456; }",
    );
  });

  it("names the file, line and column in the figure's own code where it threw, and the figure", async () => {
    const root = await copyProject();
    const figure = join(root, "reports/cambodia-2020/figures/summons.ts");
    const code = await readFile(figure, "utf8");
    const broken = "    const missing = (summons as unknown as { none: { filter(): void } }).none.filter();\n";
    const plot = /^ {2}plot: \(\{ summons \}.*=> \{\n/m.exec(code)![0];
    await writeFile(figure, code.replace(plot, `${plot}${broken}`));
    const line = code.split("\n").findIndex((l) => l.startsWith("  plot: ({ summons }")) + 2;
    const { stderr } = await plotbrief(["build", "cambodia-2020", "--format", "html"], root);
    expect(stderr).toBe(
      `error: reports/cambodia-2020/figures/summons.ts:${line}:${broken.indexOf(".filter") + 2}: figure summons: Cannot read properties of undefined (reading 'filter')\n`,
    );
    const debug = await plotbrief(["build", "cambodia-2020", "--format", "html", "--debug"], root);
    expect(debug.stderr).toContain(`caused by: TypeError: Cannot read properties of undefined (reading 'filter')`);
    expect(debug.stderr).toContain(`at Object.plot (${figure}:${line}:`);
  });

  it("names the file, line and column of a syntax error in a project module", async () => {
    const root = await copyProject();
    const figure = join(root, "reports/cambodia-2020/figures/timeline.ts");
    const lines = (await readFile(figure, "utf8")).split("\n");
    // A statement of its own, after the imports.
    const at = lines.findIndex((line) => line.startsWith("export default"));
    lines.splice(at, 0, "const broken = ;");
    await writeFile(figure, lines.join("\n"));
    const { code, stderr } = await plotbrief(["build", "cambodia-2020", "--format", "html"], root);
    expect(code).toBe(1);
    expect(stderr).toBe(`error: reports/cambodia-2020/figures/timeline.ts:${at + 1}:16: Unexpected ";"\n`);
  });
});

describe("main(argv, effects)", () => {
  it("works in the folder and environment its effects give, not the process's", async () => {
    const root = await copyProject();
    const lines: string[] = [];
    const effects: CliEffects = {
      stdout: (line) => lines.push(line),
      stderr: (line) => lines.push(line),
      write: () => {},
      isTTY: false,
      cwd: root,
      env: { PLOTBRIEF_BROWSER: "/nowhere/chromium" },
      onSignals: () => {},
      offSignals: () => {},
      exit: (code) => {
        throw new Error(`exit ${code}`);
      },
    };
    expect(await main(["doctor"], effects)).toBe(1);
    expect(lines).toContain(
      "PROBLEM browser: PLOTBRIEF_BROWSER is set to /nowhere/chromium, which is not an executable program; point it at Chrome or Chromium",
    );
    expect(lines).toContain("ok      report cambodia-2020: 4 figures, 5 datasets, template briefing");
  });
});
