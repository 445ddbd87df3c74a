// Files written atomically, and temporaries that a signal can remove before the process exits.
import { rmSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

let count = 0;

/** A name for a temporary beside `path`, unique in this process and among processes. */
export function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${++count}.tmp`);
}

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
  const temporary = temporaryBeside(path);
  await withTemporary(temporary, async () => {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  });
  return true;
}

/**
 * Runs `work` with `temporary` (a file or folder it makes) registered for removal should a signal end
 * the process meanwhile; removes it afterwards if it is still there.
 */
export async function withTemporary<T>(temporary: string, work: () => Promise<T>): Promise<T> {
  pending.add(temporary);
  try {
    return await work();
  } finally {
    await rm(temporary, { recursive: true, force: true });
    pending.delete(temporary);
  }
}

// Temporary files and folders being written now, so that a signal can remove them before the process exits.
const pending = new Set<string>();

/** Removes half-written temporary files and folders, synchronously: for signal handlers. */
export function removeTemporaries(): void {
  for (const temporary of pending) rmSync(temporary, { recursive: true, force: true });
  pending.clear();
}
