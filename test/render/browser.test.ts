import { describe, expect, it } from "vitest";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import { findBrowser } from "../../src/render/browser.js";
import { BROWSER_FLAGS } from "../../src/render/launch.js";
import { Printer } from "../../src/render/printer.js";

const none = async () => undefined;

describe("findBrowser(env, paths, bring)", () => {
  it("takes the browser named by the environment first", async () => {
    expect(await findBrowser({ PLOTBRIEF_BROWSER: process.execPath }, ["/nope/chromium"], none)).toEqual({
      path: process.execPath,
      from: "$PLOTBRIEF_BROWSER",
    });
  });

  it("says when the named browser is not a program", async () => {
    await expect(findBrowser({ CHROME_PATH: "/nope/chrome" }, [], none)).rejects.toThrow(
      "CHROME_PATH is set to /nope/chrome, which is not an executable program; point it at Chrome or Chromium",
    );
  });

  it("falls back to the usual install paths, in order", async () => {
    expect((await findBrowser({}, ["/nope/chromium", process.execPath], none)).path).toBe(process.execPath);
  });

  it("names every place tried and how to install one when there is none", async () => {
    await expect(findBrowser({}, ["/nope/chromium", "/nope/google-chrome"], none)).rejects.toThrow(
      [
        "no Chrome or Chromium found. Tried:",
        "  $PLOTBRIEF_BROWSER (not set)",
        "  $CHROME_PATH (not set)",
        "  $PUPPETEER_EXECUTABLE_PATH (not set)",
        "  /nope/chromium",
        "  /nope/google-chrome",
        "  plotbrief's own (@sparticuz/chromium, not installed)",
        "Install one (Debian/Ubuntu: apt-get install chromium), or set PLOTBRIEF_BROWSER to its path.",
      ].join("\n"),
    );
  });
});

describe("BROWSER_FLAGS", () => {
  it("holds every flag that puppeteer's own launch passes, so that starting Chromium ourselves loses none", () => {
    const theirs = puppeteer
      .defaultArgs({ headless: true, userDataDir: "/profile" })
      .filter((flag) => !flag.startsWith("--user-data-dir") && flag !== "about:blank");
    expect(theirs.length).toBeGreaterThan(20);
    expect([...BROWSER_FLAGS]).toEqual(expect.arrayContaining(theirs));
  });
});

describe("Printer, with a browser that starts and never answers", () => {
  it("gives up after its timeout, says so, and leaves nothing running", async () => {
    const dir = await mkdtemp(join(tmpdir(), "plotbrief-mute-"));
    const mute = join(dir, "chromium");
    await writeFile(mute, "#!/bin/sh\nexec sleep 60\n", { mode: 0o755 });
    const printer = new Printer({ executablePath: mute, timeoutMs: 1000 });
    const started = performance.now();
    await expect(printer.pdf("x.pdf", "<p>x</p>", { format: "A4" })).rejects.toThrow(
      `cannot start the browser ${mute}: it did not answer within 1000 ms`,
    );
    expect(performance.now() - started).toBeLessThan(10_000);
    await printer.close();
    const pid = await printer.pid();
    expect(pid).toBeUndefined();
  });
});
