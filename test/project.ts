// Throwaway projects on disk, for tests that change inputs or build into them. Each is laid out as a
// desk's own project: a package.json of its own, plotbrief installed under node_modules (a link to
// this repository), and a copy of the flagship's data and reports. They live in the test run's
// temporary folder, which the global teardown removes.
import { copyFile, cp, mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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

/** A new project holding every file docs/guide.md shows (its code blocks with a file name), as the guide's reader writes them. */
export async function guideProject(): Promise<string> {
  const root = await emptyProject();
  await writeCodeBlocks(root, "docs/guide.md");
  return root;
}

/** Writes into `root` each code block of a Markdown file whose info string names a file (```ts file=path). */
async function writeCodeBlocks(root: string, markdown: string): Promise<void> {
  const text = await readFile(join(ROOT, markdown), "utf8");
  for (const match of text.matchAll(/^(`{3,})\w*\s+file=(\S+)\n([\s\S]*?)\n\1$/gm)) {
    await mkdir(dirname(join(root, match[2]!)), { recursive: true });
    await writeFile(join(root, match[2]!), `${match[3]}\n`);
  }
}

/** A new project holding the gallery (docs/gallery.md's code blocks, and its data): charts nobody here drew for the flagship. */
export async function galleryProject(): Promise<string> {
  const root = await emptyProject();
  await writeCodeBlocks(root, "docs/gallery.md");
  for (const file of await readdir(join(ROOT, "docs/gallery"))) {
    await copyFile(join(ROOT, "docs/gallery", file), join(root, "data/gallery", file));
  }
  return root;
}
