// What plotbrief uses of tar-fs 3 (its published types are for version 2, without `chown`).
declare module "tar-fs" {
  import type { Writable } from "node:stream";
  /** Extracts a tar stream into `cwd`; with `chown: false`, files belong to the current user. */
  export function extract(cwd: string, options?: { chown?: boolean }): Writable;
}
