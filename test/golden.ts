// Golden files: our output is byte-stable, so tests compare bytes and normalise nothing.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { ROOT } from "./project.js";

/**
 * Compares `actual` to test/output/<name>. With UPDATE_GOLDEN=1 the golden file is rewritten; on a
 * mismatch the new output is written beside it as <name>-changed.<ext> for a diff.
 */
export async function expectGolden(name: string, actual: string): Promise<void> {
  const path = join(ROOT, "test", "output", name);
  if (process.env.UPDATE_GOLDEN === "1") {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, actual);
    return;
  }
  const expected = await readFile(path, "utf8").catch(() => undefined);
  if (expected === actual) return;
  const changed = path.replace(/(\.\w+)$/, "-changed$1");
  await writeFile(changed, actual);
  expect.fail(
    expected === undefined
      ? `no golden file test/output/${name}; run UPDATE_GOLDEN=1 npm test to create it`
      : `output differs from test/output/${name}; see ${changed}, and run UPDATE_GOLDEN=1 npm test if the change is intended`,
  );
}
