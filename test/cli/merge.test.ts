// The site index and `plotbrief merge`: shards built apart, joined into one folder with an index of the
// whole; a report missing from every shard, or in two, is named and nothing is written.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plotbrief } from "../cli.js";
import { copyProject } from "../project.js";

describe("plotbrief merge <dir>… --out <dir>", () => {
  it("joins the shards' folders and writes the index of every report; names what is missing or twice", async () => {
    const root = await copyProject();
    for (const shard of ["1", "2"]) {
      const run = await plotbrief(
        ["build", "--shard", `${shard}/2`, "--format", "html", "--out", `shard-${shard}`],
        root,
      );
      expect(run.code, run.stderr).toBe(0);
      // A shard holds part of the site: no index of its own.
      expect(existsSync(join(root, `shard-${shard}`, "index.html"))).toBe(false);
    }

    const merged = await plotbrief(["merge", "shard-1", "shard-2", "--out", "site"], root);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain("merged 2 reports from 2 folders into site, with index.html and reports.json");
    const { reports } = JSON.parse(await readFile(join(root, "site/reports.json"), "utf8")) as {
      reports: { report: string; title: string; date: string; updated?: string; html?: string; pdf?: string }[];
    };
    expect(reports.map((entry) => entry.report).sort()).toEqual(["cambodia-2020", "cambodia-2020-memo"]);
    expect(reports.find((entry) => entry.report === "cambodia-2020")).toEqual({
      report: "cambodia-2020",
      title: "Pressure from both sides: the US, the EU and Cambodia in late 2020",
      dek: expect.stringContaining("a mass treason trial"),
      date: "2020-11-30",
      updated: "2021-04-28",
      html: "cambodia-2020/index.html",
    });
    for (const entry of reports) expect(existsSync(join(root, "site", entry.html!))).toBe(true);
    const index = await readFile(join(root, "site/index.html"), "utf8");
    expect(index).toContain(
      '<a href="cambodia-2020/index.html">Pressure from both sides: the US, the EU and Cambodia in late 2020</a>',
    );
    expect(index).toContain("Nov. 30, 2020 · Updated April 28, 2021");
    // Self-contained like the reports: nothing fetched.
    expect(index).not.toMatch(/<(script|link|img)\b/);

    const missing = await plotbrief(["merge", "shard-1", "--out", "partial"], root);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^error: merge found 1 problem:\n {2}cambodia-2020(-memo)? is in none of them: its shard did not finish; run it again, then merge\n$/,
    );
    expect(existsSync(join(root, "partial"))).toBe(false);

    const twice = await plotbrief(["merge", "shard-1", "shard-2", "site", "--out", "again"], root);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("is in shard-");
    expect(twice.stderr).toContain(" and site: built twice, by two shards");
    expect(existsSync(join(root, "again"))).toBe(false);
  });

  it("writes the index after a build that is not a shard", async () => {
    const root = await copyProject();
    const run = await plotbrief(["build", "cambodia-2020-memo", "--format", "html", "--out", "out"], root);
    expect(run.code, run.stderr).toBe(0);
    const { reports } = JSON.parse(await readFile(join(root, "out/reports.json"), "utf8")) as {
      reports: { report: string }[];
    };
    expect(reports.map((entry) => entry.report)).toEqual(["cambodia-2020-memo"]);
    expect(await readFile(join(root, "out/index.html"), "utf8")).toContain(
      "Cambodia, late 2020: pressure from both sides",
    );
  });
});
