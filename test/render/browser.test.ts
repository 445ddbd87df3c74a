import { describe, expect, it } from "vitest";
import puppeteer from "puppeteer-core";
import { findBrowser } from "../../src/render/browser.js";
import { BROWSER_FLAGS } from "../../src/render/launch.js";

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
