// A real Chromium for tests. Locally a missing browser skips these tests with a reason; in CI
// (PLOTBRIEF_REQUIRE_BROWSER=1, set by .ci/run) it fails them.
import { launch } from "puppeteer-core";
import type { Browser } from "puppeteer-core";
import { findBrowser } from "../../src/render/browser.js";

export function browserPath(): string | undefined {
  try {
    return findBrowser();
  } catch (error) {
    if (process.env.PLOTBRIEF_REQUIRE_BROWSER === "1") throw error;
    console.warn(`skipping browser tests: ${(error as Error).message}`);
    return undefined;
  }
}

export function launchChromium(executablePath: string): Promise<Browser> {
  const root = process.getuid?.() === 0;
  return launch({
    executablePath,
    pipe: true,
    headless: true,
    args: [
      ...(root ? ["--no-sandbox"] : []),
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
