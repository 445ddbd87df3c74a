// Once per test run: compiles plotbrief (the CLI under test runs its compiled JavaScript), and gives
// the run a temporary folder of its own, removed at the end, so that the project copies, browser
// profiles and caches made by tests and the processes they start leave nothing behind.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./project.js";

export default function setup(): () => void {
  // From clean, so that the packed package holds exactly what src/ compiles to.
  execFileSync(process.execPath, [join(ROOT, "scripts/compile.mjs"), "--clean"], { stdio: "inherit" });
  const previous = process.env.TMPDIR;
  // Short: Chromium's sockets live under it, and a Unix socket's path is limited to about 100 bytes.
  const temporary = mkdtempSync(join(tmpdir(), "pbt-"));
  process.env.TMPDIR = temporary;
  return () => {
    rmSync(temporary, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
