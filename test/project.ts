// Throwaway projects on disk, for tests that change inputs or build into them. Each is laid out as a
// desk's own project: a package.json of its own, plotbrief installed under node_modules (a link to
// this repository), and a copy of the flagship's data and reports. They live in the test run's
// temporary folder, which the global teardown removes.
import { cp, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** A new project with the flagship's data/ and reports/, and plotbrief installed. */
export async function copyProject(): Promise<string> {
  const dir = await emptyProject();
  for (const folder of ["data", "reports"]) await cp(join(ROOT, folder), join(dir, folder), { recursive: true });
  return dir;
}

/** A new project with nothing in it but a package.json and plotbrief installed. */
export async function emptyProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "plotbrief-project-"));
  await writeFile(join(dir, "package.json"), `${JSON.stringify({ name: "desk", private: true, type: "module" })}\n`);
  await mkdir(join(dir, "node_modules"));
  await symlink(ROOT, join(dir, "node_modules/plotbrief"), "dir");
  return dir;
}
