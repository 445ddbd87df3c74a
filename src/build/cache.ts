import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeAtomic } from "../write.js";

/**
 * Rendered outputs keyed by the hash of everything they depend on, one file per key. Entries are
 * never wrong, only unused, so the folder is safe to delete at any time.
 */
export class Cache {
  /** @param force read nothing (every output is made again), but still write what is made. */
  constructor(
    readonly dir: string,
    readonly force = false,
  ) {}

  async get(key: string): Promise<Buffer | undefined> {
    if (this.force) return undefined;
    return readFile(join(this.dir, key.slice(0, 2), key)).catch(() => undefined);
  }

  async put(key: string, content: string | Uint8Array): Promise<void> {
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    await writeAtomic(join(this.dir, key.slice(0, 2), key), content);
  }
}
