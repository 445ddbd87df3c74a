import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plotbrief } from "../cli.js";
import { copyProject } from "../project.js";

const lines = (stdout: string) =>
  stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("plotbrief build --as-of, on the flagship", () => {
  it("builds it as published, and as it stood on its date, each charted afresh", async () => {
    const root = await copyProject();
    const args = ["build", "cambodia-2020", "--format", "html,svg", "--json"];
    const normal = await plotbrief(args, root);
    expect(normal.code, normal.stderr).toBe(0);
    const page = await readFile(join(root, "out/cambodia-2020/index.html"), "utf8");
    expect(page).toContain("Published Nov. 30, 2020 · Updated April 28, 2021");
    expect(page).toContain("Update, April 28, 2021:");
    expect(page).toMatch(/data-fact="gdp\/adb-ado2021-2020.growth"[^>]*>−3.1%</);
    expect(page).toContain("Reuters, Jan. 14, 2021");

    const asOf = await plotbrief([...args, "--as-of", "2020-11-30", "--out", "as-of"], root);
    expect(asOf.code, asOf.stderr).toBe(0);
    const events = lines(asOf.stdout);
    expect(events.find((event) => event.event === "as-of")).toMatchObject({
      report: "cambodia-2020",
      asOf: "2020-11-30",
      leftOut: [
        "gdp/adb-ado2021-2020 (2021-04-28)",
        "gdp/adb-ado2021-2021 (2021-04-28)",
        "summons/reuters (2021-01-14)",
      ],
    });
    // The same data files, a different edition: no chart comes from the first build's cache.
    const summary = events.find((event) => event.event === "summary")!;
    expect(summary.cached).toEqual([]);
    const old = await readFile(join(root, "as-of/cambodia-2020/index.html"), "utf8");
    expect(old).toContain('<span class="dateline">Published Nov. 30, 2020</span>');
    expect(old).not.toContain("Updated April 28, 2021");
    expect(old).not.toContain("−3.1%");
    expect(old).not.toContain("Reuters");
    expect(old).not.toContain('class="pb-update"');
    // The key number shows the latest forecast known that day.
    expect(old).toMatch(/data-fact="gdp\/adb-ado2020u-2020.growth"[^>]*>−4.0% \(forecast\)</);
    expect(old).toContain("This is the edition as of Nov. 30, 2020: 3 rows published later are left out.");
    const manifest = JSON.parse(await readFile(join(root, "as-of/cambodia-2020/manifest.json"), "utf8"));
    expect(manifest.asOf).toBe("2020-11-30");
  });

  it("refuses an as-of date that is not a date", async () => {
    const root = await copyProject();
    const run = await plotbrief(["build", "cambodia-2020", "--format", "html", "--as-of", "yesterday"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--as-of: expected a date (YYYY-MM-DD, YYYY-MM or YYYY), found "yesterday"');
  });
});
