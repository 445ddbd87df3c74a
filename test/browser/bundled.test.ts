// A machine without Chrome or Chromium: the system's browser is hidden (bind-mounted over in a mount
// namespace of the build's own), and the build prints with the Chromium that plotbrief brings.
import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { BROWSER_ENV, BROWSER_PATHS } from "../../src/render/browser.js";
import { ROOT, copyProject } from "../project.js";

const run = promisify(execFile);

/** Whether this process may make a mount namespace (root, with unshare): the way to hide a browser. */
function canHide(): boolean {
  try {
    execFileSync("unshare", ["-m", "true"], { stdio: "ignore" });
    return true;
  } catch {
    const reason = "hiding the system browser needs root and unshare(1)";
    if (process.env.PLOTBRIEF_REQUIRE_BROWSER === "1") throw new Error(reason);
    console.warn(`skipping the bundled browser test: ${reason}`);
    return false;
  }
}

describe.skipIf(!canHide())("plotbrief build on a machine without a browser", () => {
  it("prints the PDF with the Chromium it brings, and doctor says so", async () => {
    const root = await copyProject();
    const hide = BROWSER_PATHS.filter((path) => existsSync(path))
      .map((path) => `mount --bind /dev/null '${path}'`)
      .join(" && ");
    const env = { ...process.env };
    for (const name of BROWSER_ENV) delete env[name];
    const cli = (args: string) => `node '${join(ROOT, "bin/plotbrief.js")}' ${args}`;
    const script = `${hide || "true"} && ${cli("doctor")} && ${cli("build cambodia-2020 --format pdf")}`;
    const { stdout } = await run("unshare", ["-m", "sh", "-c", script], { cwd: root, env });
    expect(stdout).toMatch(
      /^ok +browser: .*\/chromium \(plotbrief's own \(@sparticuz\/chromium 153\.0\.0\)\): Chromium /m,
    );
    expect(stdout).toMatch(/^wrote out\/cambodia-2020\/cambodia-2020\.pdf /m);
    const info = (await run("pdfinfo", [join(root, "out/cambodia-2020/cambodia-2020.pdf")])).stdout;
    expect(info).toMatch(/^Pages: +[3-9]$/m);
    const text = (await run("pdftotext", [join(root, "out/cambodia-2020/cambodia-2020.pdf"), "-"])).stdout;
    expect(text).toContain("Pressure from both sides");
    expect((await readFile(join(root, "out/cambodia-2020/cambodia-2020.pdf"))).subarray(0, 5).toString()).toBe("%PDF-");
  }, 120_000);
});
