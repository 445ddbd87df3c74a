// Shards: which one a process builds (--shard, or the index a cluster's engine sets) and which reports
// are in it (a stable hash of their names).
import { describe, expect, it } from "vitest";
import { resolveShard, shardIndex, shardOf } from "../../src/cli/project.js";
import { plotbrief } from "../cli.js";
import { copyProject } from "../project.js";

const error = (run: () => unknown) => {
  try {
    run();
  } catch (caught) {
    return (caught as Error).message;
  }
  return expect.fail("no error");
};

describe("resolveShard(flags, env)", () => {
  it("reads --shard i/n from 1, as CI matrices count, before any engine's index", () => {
    expect(resolveShard({ shard: "2/4" }, { JOB_COMPLETION_INDEX: "0", PLOTBRIEF_SHARDS: "9" })).toEqual({
      index: 1,
      count: 4,
      from: "--shard",
    });
    expect(resolveShard({}, {})).toBeUndefined();
  });

  it("reads the index Kubernetes Indexed Jobs, Cloud Run Jobs and AWS Batch array jobs set, from 0", () => {
    expect(resolveShard({ shards: "4" }, { JOB_COMPLETION_INDEX: "3" })).toEqual({
      index: 3,
      count: 4,
      from: "JOB_COMPLETION_INDEX",
    });
    expect(resolveShard({}, { CLOUD_RUN_TASK_INDEX: "1", CLOUD_RUN_TASK_COUNT: "3" })).toEqual({
      index: 1,
      count: 3,
      from: "CLOUD_RUN_TASK_INDEX",
    });
    expect(resolveShard({}, { AWS_BATCH_JOB_ARRAY_INDEX: "0", PLOTBRIEF_SHARDS: "2" })).toEqual({
      index: 0,
      count: 2,
      from: "AWS_BATCH_JOB_ARRAY_INDEX",
    });
  });

  it("says what is missing or wrong, and how to give it", () => {
    expect(error(() => resolveShard({}, { AWS_BATCH_JOB_ARRAY_INDEX: "2" }))).toBe(
      "AWS_BATCH_JOB_ARRAY_INDEX=2 (AWS Batch array jobs) says which shard this is, but not how many there are: pass --shards n or set PLOTBRIEF_SHARDS to the number of tasks",
    );
    expect(error(() => resolveShard({}, { JOB_COMPLETION_INDEX: "4", PLOTBRIEF_SHARDS: "4" }))).toBe(
      'JOB_COMPLETION_INDEX: expected a shard from 0 to 3 (PLOTBRIEF_SHARDS 4); found "4"',
    );
    expect(error(() => resolveShard({ shards: "0" }, { JOB_COMPLETION_INDEX: "0" }))).toBe(
      '--shards: expected a number of shards, 1 or more; found "0"',
    );
    expect(error(() => resolveShard({}, { PLOTBRIEF_SHARDS: "4" }))).toBe(
      "PLOTBRIEF_SHARDS 4 says how many shards there are, but not which one this is: pass --shard i/n, or run where JOB_COMPLETION_INDEX, CLOUD_RUN_TASK_INDEX, AWS_BATCH_JOB_ARRAY_INDEX is set",
    );
  });
});

describe("shardOf(reports, shard)", () => {
  const names = Array.from({ length: 400 }, (_, i) => `region-${i}`);
  const split = (reports: readonly string[], count: number) =>
    Array.from({ length: count }, (_, index) => shardOf(reports, { index, count, from: "test" }));

  it("puts every report in exactly one shard, in shares near equal", () => {
    const shards = split(names, 4);
    expect(shards.flat().sort()).toEqual([...names].sort());
    for (const shard of shards) expect(shard.length).toBeGreaterThan(70);
  });

  it("keeps each report in its shard when others are added", () => {
    const more = [...names, ...Array.from({ length: 100 }, (_, i) => `province-${i}`)];
    for (const name of names) expect(shardIndex(name, 4)).toBe(split(more, 4).findIndex((s) => s.includes(name)));
  });
});

describe("plotbrief build in an Indexed Job", () => {
  it("builds the reports of the shard JOB_COMPLETION_INDEX names, and says which", async () => {
    const root = await copyProject();
    const built = [];
    for (const index of ["0", "1"]) {
      const env = { JOB_COMPLETION_INDEX: index, PLOTBRIEF_SHARDS: "2" };
      const { code, stdout, stderr } = await plotbrief(["build", "--format", "html", "--json"], root, env);
      expect(code, stderr).toBe(0);
      const lines = stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const reports = lines.filter((line) => line.event === "report").map((line) => line.report as string);
      expect(lines.find((line) => line.event === "shard")).toMatchObject({
        shard: Number(index),
        shards: 2,
        from: "JOB_COMPLETION_INDEX",
        reports,
      });
      built.push(...reports);
    }
    expect(built.sort()).toEqual(["cambodia-2020", "cambodia-2020-memo"]);
  });
});
