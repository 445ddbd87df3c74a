// A cluster's build on this machine: one report of 400 editions, split between four shard processes
// that run at once, each told its shard only by JOB_COMPLETION_INDEX and PLOTBRIEF_SHARDS (as a
// Kubernetes Indexed Job's tasks are), printing their HTML and PDFs through one shared browser. One
// shard is killed midway; the merge then names what it did not build, and once that shard has run
// again, the merge lists every edition once, with its page and its PDF.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plotbrief } from "../cli.js";
import { writeEditionsProject } from "../editions.js";
import { ROOT, emptyProject } from "../project.js";
import { browserPath } from "./chromium.js";
import { serviceBrowser } from "./service.js";

const executable = browserPath();
const cli = join(ROOT, "bin/plotbrief.js");
const NAME = "cluster";
const EDITIONS = 400;
const SHARDS = 4;
// The shard killed midway.
const KILLED = 1;

interface ShardEvent {
  readonly shard: number;
  readonly shards: number;
  readonly from: string;
  readonly reports: string[];
}

interface Shard {
  readonly child: ChildProcess;
  /** Its first JSON event: which shard it is, by what, and the editions it builds. */
  readonly units: Promise<ShardEvent>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

describe.skipIf(executable === undefined)(`a report of ${EDITIONS} editions built by ${SHARDS} shards`, () => {
  let service: Awaited<ReturnType<typeof serviceBrowser>> | undefined;
  let root: string | undefined;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    root = await emptyProject();
    await writeEditionsProject(root, NAME, EDITIONS);
    service = await serviceBrowser(executable!);
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await service?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** A task of the Indexed Job: `plotbrief build` with only its index and the count set, printing through the service. */
  function shard(index: number, pages = 1): Shard {
    const args = ["build", NAME, "--format", "html,pdf", "--json", "--pages", `${pages}`, "--out", `shard-${index}`];
    const child = spawn(process.execPath, [cli, ...args, "--browser-ws-endpoint", service!.endpoint], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        TMPDIR: process.env.TMPDIR,
        JOB_COMPLETION_INDEX: String(index),
        PLOTBRIEF_SHARDS: String(SHARDS),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let stdout = "";
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const units = new Promise<ShardEvent>((resolve, reject) => {
      child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        const line = stdout.split("\n").find((text) => text.includes('"event":"shard"'));
        if (line) resolve(JSON.parse(line) as ShardEvent);
      });
      child.on("exit", () => reject(new Error(`shard ${index} exited before saying its editions: ${stderr}`)));
    });
    units.catch(() => {});
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal, stderr })),
    );
    return { child, units, exited };
  }

  /** The editions whose folder is in a shard's output: all, or those complete (with their manifest). */
  async function editionsIn(index: number, complete: boolean): Promise<string[]> {
    const dir = join(root!, `shard-${index}`, NAME);
    const names = await readdir(dir).catch(() => [] as string[]);
    return names
      .filter((edition) => !edition.startsWith(".") && (!complete || existsSync(join(dir, edition, "manifest.json"))))
      .map((edition) => `${NAME}/${edition}`);
  }

  it("splits the editions by JOB_COMPLETION_INDEX, names those of a killed shard, and merges every one once after it runs again", async () => {
    const shards = Array.from({ length: SHARDS }, (_, index) => shard(index));
    const events = await Promise.all(shards.map((one) => one.units));
    for (const [index, event] of events.entries())
      expect([event.shard, event.shards, event.from]).toEqual([index, SHARDS, "JOB_COMPLETION_INDEX"]);
    const lists = events.map((event) => event.reports);
    // Each edition in exactly one shard.
    const all = lists.flat().sort();
    expect(all).toHaveLength(EDITIONS);
    expect(new Set(all).size).toBe(EDITIONS);
    const killedUnits = lists[KILLED]!;
    expect(killedUnits.length).toBeGreaterThan(10);

    // Killed once a few of its editions are complete, while the others print on.
    const killed = shards[KILLED]!;
    const deadline = Date.now() + 180_000;
    while ((await editionsIn(KILLED, true)).length < 5 && killed.child.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    killed.child.kill("SIGKILL");
    const ended = await killed.exited;
    expect(ended.signal, `the shard ended before it was killed: ${ended.stderr}`).toBe("SIGKILL");
    const finished = await Promise.all(shards.filter((_, index) => index !== KILLED).map((one) => one.exited));
    for (const result of finished) expect(result.code, result.stderr).toBe(0);
    const folders = await editionsIn(KILLED, false);
    const complete = await editionsIn(KILLED, true);
    expect(folders.length).toBeGreaterThan(0);
    expect(complete.length).toBeGreaterThanOrEqual(5);
    expect(folders.length).toBeLessThan(killedUnits.length);

    // The merge names what the killed shard did not finish, and writes nothing.
    const dirs = Array.from({ length: SHARDS }, (_, index) => `shard-${index}`);
    const partial = await plotbrief(["merge", ...dirs, "--out", "partial"], root!);
    expect(partial.code).toBe(1);
    const missing = killedUnits.filter((id) => !complete.includes(id)).sort();
    expect(partial.stderr).toMatch(new RegExp(`^error: merge found ${missing.length} problems?:\n`));
    const named = [...partial.stderr.matchAll(/^ {2}(\S+) is in none of them: its shard did not finish/gm)].map(
      (match) => match[1]!,
    );
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(missing).toContain(id);
    if (missing.length > named.length) expect(partial.stderr).toContain(`… and ${missing.length - named.length} more`);
    expect(existsSync(join(root!, "partial"))).toBe(false);

    // The killed shard runs again, into its folder, through the same browser: alone now, with a page per core.
    const again = shard(KILLED, 2);
    expect((await again.units).reports.sort()).toEqual([...killedUnits].sort());
    const rerun = await again.exited;
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(service!.browser.exitCode, "the shared browser is still running").toBeNull();

    const merged = await plotbrief(["merge", ...dirs, "--out", "site"], root!);
    expect(merged.code, merged.stderr).toBe(0);
    const site = join(root!, "site");
    const { reports } = JSON.parse(await readFile(join(site, "reports.json"), "utf8")) as {
      reports: { report: string; edition?: string; title: string; html?: string; pdf?: string }[];
    };
    expect(reports).toHaveLength(EDITIONS);
    const ids = reports.map((entry) => `${entry.report}/${entry.edition}`);
    expect(new Set(ids).size).toBe(EDITIONS);
    expect([...ids].sort()).toEqual(all);
    const index = await readFile(join(site, "index.html"), "utf8");
    for (const entry of reports) {
      const number = Number(entry.edition!.slice(1)) + 1;
      expect(entry.title).toBe(`Connections in District ${number}`);
      expect(entry.html).toBe(`${NAME}/${entry.edition}/index.html`);
      expect(entry.pdf).toBe(`${NAME}/${entry.edition}/${NAME}-${entry.edition}.pdf`);
      expect(existsSync(join(site, entry.html!)), entry.html).toBe(true);
      expect((await readFile(join(site, entry.pdf!))).subarray(0, 5).toString(), entry.pdf).toBe("%PDF-");
      expect(index).toContain(`<a href="${entry.html}">Connections in District ${number}</a>`);
      expect(index).toContain(`<a href="${entry.pdf}">PDF</a>`);
    }
  }, 480_000);
});
