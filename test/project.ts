// A throwaway copy of the project on disk, for tests that change its inputs or build into it.
import { cp, mkdtemp, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Copies data/, reports/ and templates/ to a temporary folder; src/ and node_modules/ are linked. */
export async function copyProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "plotbrief-test-"));
  for (const folder of ["data", "reports", "templates"])
    await cp(join(ROOT, folder), join(dir, folder), { recursive: true });
  for (const link of ["src", "node_modules", "package.json"]) await symlink(join(ROOT, link), join(dir, link));
  return dir;
}
