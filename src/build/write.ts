import { rmSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, basename, join } from "node:path";

/**
 * Writes a file atomically: the bytes go to a temporary file beside it, which then replaces it in one
 * rename, so a reader or a failed build never sees half a file. Returns false when the file already
 * held these bytes and was left alone.
 */
export async function writeAtomic(path: string, content: string | Uint8Array): Promise<boolean> {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  const existing = await readFile(path).catch(() => undefined);
  if (existing?.equals(bytes)) return false;
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  pending.add(temporary);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    pending.delete(temporary);
  }
  return true;
}

// Temporary files being written now, so that a signal can remove them before the process exits.
const pending = new Set<string>();

/** Removes half-written temporary files, synchronously: for signal handlers. */
export function removeTemporaries(): void {
  for (const temporary of pending) rmSync(temporary, { force: true });
  pending.clear();
}
