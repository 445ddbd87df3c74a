// A real Chromium for tests: the machine's. Locally a missing browser skips these tests with a
// reason; in CI (PLOTBRIEF_REQUIRE_BROWSER=1, set by .ci/run) it fails them.
import { findSystemBrowser } from "../../src/render/browser.js";

export function browserPath(): string | undefined {
  const found = findSystemBrowser(process.env);
  if (found) return found.path;
  const message = "no Chrome or Chromium on this machine (apt-get install chromium, or set PLOTBRIEF_BROWSER)";
  if (process.env.PLOTBRIEF_REQUIRE_BROWSER === "1") throw new Error(message);
  console.warn(`skipping browser tests: ${message}`);
  return undefined;
}
