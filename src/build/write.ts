import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, basename, join } from "node:path";

/**
 * Writes a file atomically: the bytes go to a temporary file beside it, which then replaces it in one
 * rename, so a reader or a failed build never sees half a file. Returns false when the file already
 * held these bytes and was left alone.
 */
export async function writeAtomic(path: string, content: string): Promise<boolean> {
  const existing = await readFile(path, "utf8").catch(() => undefined);
  if (existing === content) return false;
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return true;
}
