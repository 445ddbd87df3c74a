// Hostile machines: browsers that never answer or crash, a shared browser that accepts and stays
// silent, the leftovers of a plotbrief killed with SIGKILL. None of them needs a real browser.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plotbrief } from "../cli.js";
import { project } from "./project.js";

/** A stand-in for Chromium: a shell script. */
async function fakeBrowser(script: string): Promise<{ path: string; tmp: string }> {
  const dir = await mkdtemp(join(tmpdir(), "plotbrief-fake-"));
  const path = join(dir, "chromium");
  await writeFile(path, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  const tmp = join(dir, "t");
  await mkdir(tmp);
  return { path, tmp };
}

const pdf = ["build", "r", "--format", "pdf", "--print-timeout", "1500"];

describe("hostile machines", () => {
  it("gives up on a browser that starts and never answers, says so, exits 1 and leaves nothing", async () => {
    const root = await project();
    const { path, tmp } = await fakeBrowser("exec sleep 60");
    const started = performance.now();
    const { code, stderr } = await plotbrief(pdf, root, { PLOTBRIEF_BROWSER: path, TMPDIR: tmp });
    expect(stderr).toBe(`error: cannot start the browser ${path}: it did not answer within 1500 ms\n`);
    expect(code).toBe(1);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(await readdir(tmp)).toEqual([]);
    expect(await readdir(root)).not.toContain("out");
  });

  it("names what a crashing browser said", async () => {
    const root = await project();
    const { path, tmp } = await fakeBrowser(
      'echo "[1130/120000.000000:FATAL:process_singleton_posix.cc] Socket path too long" >&2; exit 1',
    );
    const { code, stderr } = await plotbrief(pdf, root, { PLOTBRIEF_BROWSER: path, TMPDIR: tmp });
    expect(stderr).toBe(
      `error: cannot start the browser ${path}: it exited (code 1) saying: [1130/120000.000000:FATAL:process_singleton_posix.cc] Socket path too long\n`,
    );
    expect(code).toBe(1);
    expect(await readdir(tmp)).toEqual([]);
  });

  it("gives up on a shared browser that accepts the connection and never answers", async () => {
    const root = await project();
    const server = createServer(() => {}); // accepts, and says nothing
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const endpoint = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/devtools/browser/silent`;
    try {
      const { code, stderr } = await plotbrief([...pdf, "--browser-ws-endpoint", endpoint], root);
      expect(stderr).toBe(`error: cannot connect to the browser at ${endpoint}: it did not answer within 1500 ms\n`);
      expect(code).toBe(1);
    } finally {
      server.close();
    }
  });

  it("removes the browser folders a plotbrief killed with SIGKILL left, and no living one's", async () => {
    const root = await project();
    const { path, tmp } = await fakeBrowser("exec sleep 60");
    const dead = await new Promise<number>((resolve) => {
      const child = spawn("true");
      child.on("exit", () => resolve(child.pid!));
    });
    await mkdir(join(tmp, `plotbrief-chromium-${dead}-Abc123`));
    await mkdir(join(tmp, `plotbrief-chromium-${process.pid}-Def456`));
    await plotbrief(pdf, root, { PLOTBRIEF_BROWSER: path, TMPDIR: tmp });
    expect(await readdir(tmp)).toEqual([`plotbrief-chromium-${process.pid}-Def456`]);
  });
});
