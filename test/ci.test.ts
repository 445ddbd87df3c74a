import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { WORKFLOW } from "../src/cli/init.js";
import { ROOT } from "./project.js";

describe(".github/workflows/briefings.yml", () => {
  it("checks, then builds every shard on push and on a schedule, and uploads the outputs", async () => {
    const workflow = parse(await readFile(join(ROOT, ".github/workflows/briefings.yml"), "utf8"));
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(["push", "schedule"]));
    expect(workflow.jobs.build.needs).toBe("check");
    const shards: number[] = workflow.jobs.build.strategy.matrix.shard;
    const steps = (job: string): string[] =>
      workflow.jobs[job].steps.map((step: { run?: string; uses?: string }) => step.run ?? step.uses);
    expect(steps("check")).toContain("node bin/plotbrief.js check --json");
    expect(steps("build")).toContain(
      `node bin/plotbrief.js build --shard \${{ matrix.shard }}/${shards.length} --out shard-\${{ matrix.shard }} --json`,
    );
    expect(shards).toEqual(shards.map((_, i) => i + 1));
    expect(steps("build")).toContain("actions/upload-artifact@v4");
    // The shards' folders are joined, with the site index, once every shard is built.
    expect(workflow.jobs.merge.needs).toBe("build");
    expect(steps("merge")).toEqual(
      expect.arrayContaining(["actions/download-artifact@v4", "node bin/plotbrief.js merge shard-* --out site --json"]),
    );
  });
});

describe("the workflow plotbrief init writes", () => {
  it("tests, builds each shard into its own folder, then merges them with the site index", () => {
    const workflow = parse(WORKFLOW);
    const steps = (job: string): string[] =>
      workflow.jobs[job].steps.map((step: { run?: string; uses?: string }) => step.run ?? step.uses);
    const shards: number[] = workflow.jobs.build.strategy.matrix.shard;
    expect(workflow.jobs.build.needs).toBe("test");
    expect(steps("build")).toContain(
      `npm run build -- --shard \${{ matrix.shard }}/${shards.length} --out shard-\${{ matrix.shard }} --json`,
    );
    expect(workflow.jobs.merge.needs).toBe("build");
    expect(steps("merge")).toContain("npx --no-install plotbrief merge shard-* --out site --json");
  });
});
