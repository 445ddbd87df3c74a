// A real Chromium for tests. Locally a missing browser skips these tests with a reason; in CI
// (PLOTBRIEF_REQUIRE_BROWSER=1, set by .ci/run) it fails them.
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
