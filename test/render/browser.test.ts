import { describe, expect, it } from "vitest";
import { findBrowser } from "../../src/render/browser.js";

describe("findBrowser(env, paths)", () => {
  it("takes the browser named by the environment first", () => {
    expect(findBrowser({ PLOTBRIEF_BROWSER: process.execPath }, ["/nope/chromium"])).toBe(process.execPath);
  });

  it("says when the named browser is not a program", () => {
    expect(() => findBrowser({ CHROME_PATH: "/nope/chrome" }, [])).toThrow(
      "CHROME_PATH is set to /nope/chrome, which is not an executable program; point it at Chrome or Chromium",
    );
  });

  it("falls back to the usual install paths, in order", () => {
    expect(findBrowser({}, ["/nope/chromium", process.execPath])).toBe(process.execPath);
  });

  it("names every place tried and how to install one when there is none", () => {
    expect(() => findBrowser({}, ["/nope/chromium", "/nope/google-chrome"])).toThrow(
      [
        "no Chrome or Chromium found. Tried:",
        "  $PLOTBRIEF_BROWSER (not set)",
        "  $CHROME_PATH (not set)",
        "  $PUPPETEER_EXECUTABLE_PATH (not set)",
        "  /nope/chromium",
        "  /nope/google-chrome",
        "Install one (Debian/Ubuntu: apt-get install chromium), or set PLOTBRIEF_BROWSER to its path.",
      ].join("\n"),
    );
  });
});
