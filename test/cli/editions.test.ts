// Parameterised reports, through the CLI as a desk runs it: the guide's worked example, a report of
// three regions, each built into its own folder from its own rows, and each edition redrawn only when
// its rows or parameters change.
import { existsSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plotbrief } from "../cli.js";
import { guideProject } from "../project.js";

const records = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Which figures each edition drew again and which came from the cache, from a build's --json records. */
const drawn = (stdout: string) =>
  Object.fromEntries(
    records(stdout)
      .filter((record) => record.event === "report")
      .map((record) => [record.report, { rendered: record.rendered, cached: record.cached }]),
  );

const ARGS = ["build", "guide-regions", "--format", "html,svg", "--json"];

describe("a report with editions", () => {
  it("builds every edition into <out>/<report>/<edition>/ with its parameters and only its rows", async () => {
    const root = await guideProject();
    const run = await plotbrief(ARGS, root);
    expect(run.code, run.stderr).toBe(0);
    expect(Object.keys(drawn(run.stdout)).sort()).toEqual([
      "guide-regions/coast",
      "guide-regions/east",
      "guide-regions/north",
    ]);
    const north = await readFile(join(root, "out/guide-regions/north/index.html"), "utf8");
    expect(north).toContain("<title>Jobs in the Northern Province</title>");
    expect(north).toContain("Tamale office, the data desk");
    // Matched, not compared: a failure prints the match, not the page.
    const prose =
      /In the Northern Province, <span[^>]*data-fact="derived\/latest"[^>]*>([^<]*)<\/span>[^<]*a change of\s*<span[^>]*>([^<]*)</.exec(
        north,
      );
    expect(prose?.slice(1)).toEqual(["9.1%", "+0.7 percentage points"]);
    // The coast's rows are not the north's: its table, its download and its chart have only its own.
    expect(north.includes("5.8%")).toBe(false);
    expect(north).toContain("Unemployment in the Northern Province");
    const east = await readFile(join(root, "out/guide-regions/east/index.html"), "utf8");
    expect(east).toContain("about 7.5% (estimate)");
    expect(existsSync(join(root, "out/guide-regions/east/figures/jobless.svg"))).toBe(true);
    const manifest = JSON.parse(await readFile(join(root, "out/guide-regions/east/manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ report: "guide-regions", edition: "east" });
    expect(Object.keys(manifest.inputs)).toContain("data/guide-regions/regions.csv");

    // The site index lists each edition, linked.
    const { reports } = JSON.parse(await readFile(join(root, "out/reports.json"), "utf8")) as {
      reports: { report: string; edition?: string; title: string; html?: string }[];
    };
    expect(reports.map((entry) => [entry.edition, entry.title, entry.html])).toEqual([
      ["coast", "Jobs in the Coastal Province", "guide-regions/coast/index.html"],
      ["east", "Jobs in the Eastern Province", "guide-regions/east/index.html"],
      ["north", "Jobs in the Northern Province", "guide-regions/north/index.html"],
    ]);
    expect(await readFile(join(root, "out/index.html"), "utf8")).toContain(
      '<a href="guide-regions/north/index.html">Jobs in the Northern Province</a>',
    );

    // One edition, by its slug.
    const one = await plotbrief([...ARGS, "--edition", "coast", "--out", "one"], root);
    expect(one.code, one.stderr).toBe(0);
    expect(Object.keys(drawn(one.stdout))).toEqual(["guide-regions/coast"]);
    expect(existsSync(join(root, "one/guide-regions/north"))).toBe(false);
    const unknown = await plotbrief(["build", "guide-regions", "--edition", "west"], root);
    expect(unknown.stderr).toBe(
      "error: --edition west: guide-regions has no such edition; data/guide-regions/regions.csv lists north, coast, east\n",
    );
  });

  it("redraws an edition's chart only when its rows or its parameters change", async () => {
    const root = await guideProject();
    expect((await plotbrief(ARGS, root)).code).toBe(0);
    const data = join(root, "data/guide-regions/jobless.csv");
    await writeFile(
      data,
      (await readFile(data, "utf8")).replace("coast-2024,coast,2024,5.8", "coast-2024,coast,2024,5.9"),
    );
    const row = await plotbrief(ARGS, root);
    expect(row.code, row.stderr).toBe(0);
    expect(drawn(row.stdout)).toEqual({
      "guide-regions/coast": { rendered: ["jobless"], cached: [] },
      "guide-regions/east": { rendered: [], cached: ["jobless"] },
      "guide-regions/north": { rendered: [], cached: ["jobless"] },
    });
    expect(await readFile(join(root, "out/guide-regions/coast/index.html"), "utf8")).toContain("5.9%");

    // A parameter the figure's title writes: only that edition's chart.
    const table = join(root, "data/guide-regions/regions.csv");
    await writeFile(table, (await readFile(table, "utf8")).replace("Eastern Province", "Volta Province"));
    const param = await plotbrief(ARGS, root);
    expect(drawn(param.stdout)).toEqual({
      "guide-regions/coast": { rendered: [], cached: ["jobless"] },
      "guide-regions/east": { rendered: ["jobless"], cached: [] },
      "guide-regions/north": { rendered: [], cached: ["jobless"] },
    });
    expect(await readFile(join(root, "out/guide-regions/east/index.html"), "utf8")).toContain(
      "Unemployment in the Volta Province",
    );
  });

  it("names the edition, its row and what is missing; the others are still built", async () => {
    const root = await guideProject();
    await appendFile(join(root, "data/guide-regions/regions.csv"), "west,Western Province,Sekondi office\n");
    const missing = await plotbrief(["build", "guide-regions", "--format", "html"], root);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'error: data/guide-regions/regions.csv:5: edition "west": data/guide-regions/jobless.csv (dataset jobless) has no rows where region is "west"; add its rows, or remove the edition\n',
    );
    expect(existsSync(join(root, "out/guide-regions/north/index.html"))).toBe(true);
    expect(existsSync(join(root, "out/guide-regions/west"))).toBe(false);
    const check = await plotbrief(["check", "guide-regions"], root);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('regions.csv:5: edition "west"');

    // A parameter the table has no column for, at its line; an edition named twice, at its line.
    const notebook = join(root, "reports/guide-regions/index.md");
    await writeFile(
      join(root, "data/guide-regions/regions.csv"),
      "slug,name,office\nnorth,Northern Province,Tamale\nnorth,Again,Tamale\n",
    );
    const twice = await plotbrief(["build", "guide-regions", "--format", "html"], root);
    expect(twice.stderr).toBe(
      'error: data/guide-regions/regions.csv:3: column "slug": "north" is already the edition of line 2; each edition once\n',
    );
    await writeFile(join(root, "data/guide-regions/regions.csv"), "slug,name,office\nnorth,Northern Province,Tamale\n");
    await writeFile(
      notebook,
      (await readFile(notebook, "utf8")).replace("In the {{param.name}}", "In {{param.capital}}"),
    );
    const param = await plotbrief(["build", "guide-regions", "--format", "html"], root);
    expect(param.stderr).toBe(
      'error: reports/guide-regions/index.md:11: {{param.capital}}: data/guide-regions/regions.csv has no column "capital"; it has slug, name, office\n',
    );
    // A report without editions has no parameters.
    const plain = join(root, "reports/guide-example/index.md");
    await writeFile(
      plain,
      (await readFile(plain, "utf8")).replace(/^title: .*$/m, 'title: "Turnout in {{param.name}}"'),
    );
    const none = await plotbrief(["build", "guide-example", "--format", "html"], root);
    expect(none.stderr).toMatch(
      /^error: reports\/guide-example\/index.md:2: \{\{param.name\}\}: this report has no editions; declare them in report.ts/,
    );
  });

  it("splits editions between shards and merges them back, each once", async () => {
    const root = await guideProject();
    // Every report of the project, in four shards: the three editions do not all fall in one.
    const shards = ["1", "2", "3", "4"];
    for (const shard of shards) {
      const run = await plotbrief(
        ["build", "--format", "html", "--shard", `${shard}/4`, "--out", `shard-${shard}`],
        root,
      );
      expect(run.code, run.stderr).toBe(0);
    }
    const merged = await plotbrief(["merge", ...shards.map((shard) => `shard-${shard}`), "--out", "site"], root);
    expect(merged.code, merged.stderr).toBe(0);
    const { reports } = JSON.parse(await readFile(join(root, "site/reports.json"), "utf8")) as {
      reports: { report: string; edition?: string }[];
    };
    expect(reports.map((entry) => `${entry.report}/${entry.edition ?? ""}`).sort()).toEqual([
      "guide-example/",
      "guide-plain/",
      "guide-regions/coast",
      "guide-regions/east",
      "guide-regions/north",
    ]);
    const partial = await plotbrief(["merge", "shard-1", "--out", "partial"], root);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toMatch(/guide-regions\/(north|coast|east) is in none of them/);
  });
});
