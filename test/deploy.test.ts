// The deployment files: the Kubernetes manifest's own commands, run here as its tasks would run them
// (four shard processes, each with only JOB_COMPLETION_INDEX and the count set, then the merge), and
// the image's recipe.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT, copyProject } from "./project.js";

const exec = promisify(execFile);

interface Container {
  command: string[];
  env?: { name: string; value: string }[];
}

async function manifest() {
  const text = await readFile(join(ROOT, "deploy/kubernetes/briefings.yaml"), "utf8");
  const docs = parseAllDocuments(text).map((doc) => doc.toJS() as Record<string, any>);
  const job = (name: string) => docs.find((doc) => doc.kind === "Job" && doc.metadata.name === name)!;
  return { docs, build: job("briefings-build"), merge: job("briefings-merge") };
}

describe("deploy/kubernetes/briefings.yaml", () => {
  it("is an Indexed Job of as many tasks as PLOTBRIEF_SHARDS says, then a merge, on one shared volume", async () => {
    const { docs, build, merge } = await manifest();
    expect(build.spec.completionMode).toBe("Indexed");
    const container: Container = build.spec.template.spec.containers[0];
    const shards = container.env!.find((env) => env.name === "PLOTBRIEF_SHARDS")!.value;
    expect(build.spec.completions).toBe(Number(shards));
    expect(build.spec.parallelism).toBe(Number(shards));
    const claim = docs.find((doc) => doc.kind === "PersistentVolumeClaim")!;
    expect(claim.spec.accessModes).toEqual(["ReadWriteMany"]);
    for (const job of [build, merge])
      expect(job.spec.template.spec.volumes[0].persistentVolumeClaim.claimName).toBe(claim.metadata.name);
  });

  it("prints through one browser pool, a Service the tasks name, with a bounded number of pages each", async () => {
    const { docs, build } = await manifest();
    const container: Container = build.spec.template.spec.containers[0];
    const env = Object.fromEntries(container.env!.map(({ name, value }) => [name, value]));
    const endpoint = new URL(env["PLOTBRIEF_BROWSER_WS_ENDPOINT"]!);
    expect(endpoint.protocol).toBe("ws:");
    const service = docs.find((doc) => doc.kind === "Service" && doc.metadata.name === endpoint.hostname)!;
    expect(service.spec.ports[0].port).toBe(Number(endpoint.port));
    const pool = docs.find(
      (doc) => doc.kind === "Deployment" && doc.spec.template.metadata.labels.app === service.spec.selector.app,
    )!;
    const browser = pool.spec.template.spec.containers[0];
    expect(browser.ports[0].containerPort).toBe(service.spec.ports[0].targetPort);
    // The pool serves as many pages at once as the tasks print.
    const concurrent = Number(browser.env.find((e: { name: string }) => e.name === "CONCURRENT").value);
    expect(concurrent).toBe(Number(env["PLOTBRIEF_PAGES"]) * build.spec.parallelism);
  });

  it("builds every report exactly once when its tasks' commands run, and merges them into the site", async () => {
    const { build, merge } = await manifest();
    const root = await copyProject();
    const out = join(root, "cluster");
    const container: Container = build.spec.template.spec.containers[0];
    const shards = Number(container.env!.find((env) => env.name === "PLOTBRIEF_SHARDS")!.value);
    // The manifest's commands, with this checkout's plotbrief and a folder here for the volume; HTML
    // only, so that the test needs no browser.
    const local = (command: string[]) =>
      command[2]!
        .replace("npx --no-install plotbrief", `node ${join(ROOT, "bin/plotbrief.js")}`)
        .replaceAll("/out", out);
    // HTML only, so the pool's address is never dialled; the env is the task's own, nothing more.
    const tasks = Array.from({ length: shards }, (_, index) =>
      exec("sh", ["-c", `${local(container.command)} --format html`], {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          TMPDIR: process.env.TMPDIR,
          JOB_COMPLETION_INDEX: String(index),
          PLOTBRIEF_SHARDS: String(shards),
        },
      }),
    );
    await Promise.all(tasks);
    const merged = await exec("sh", ["-c", local(merge.spec.template.spec.containers[0].command)], {
      cwd: root,
      env: { PATH: process.env.PATH, TMPDIR: process.env.TMPDIR },
    });
    const event = merged.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.event === "merge");
    // Every shard leaves its folder, an empty share too: the merge reads them all.
    expect((event!.reports as string[]).sort()).toEqual(["cambodia-2020", "cambodia-2020-memo"]);
    const { reports } = JSON.parse(await readFile(join(out, "site/reports.json"), "utf8")) as {
      reports: { report: string }[];
    };
    expect(reports.map((entry) => entry.report).sort()).toEqual(["cambodia-2020", "cambodia-2020-memo"]);
  });
});

describe("deploy/Dockerfile", () => {
  it("builds on Debian with Node 20 and Debian's Chromium, which plotbrief is told of, and installs from the lockfile", async () => {
    const text = await readFile(join(ROOT, "deploy/Dockerfile"), "utf8");
    expect(text).toMatch(/^FROM node:20-bookworm-slim$/m);
    expect(text).toMatch(/apt-get install -y --no-install-recommends chromium /);
    expect(text).toMatch(/^ENV PLOTBRIEF_BROWSER=\/usr\/bin\/chromium$/m);
    expect(text).toMatch(/^RUN npm ci /m);
    expect(text).toMatch(/^ENTRYPOINT \["npx", "--no-install", "plotbrief"\]$/m);
  });
});
